/**
 * A server that keeps running into a new week: `serve` hands createApp an onNewDay that loads the demo
 * again with the new week's shift (src/cli.ts, src/ingest/demo.ts reloadDemoIfShifted), so the motion
 * page shows the same story with dates a week later — and the motion keeps no stale page cache.
 */
import path from 'node:path';
import * as cheerio from 'cheerio';
import request from 'supertest';
import { openDb } from '../../src/db/connection';
import { loadDemo, reloadDemoIfShifted } from '../../src/ingest/demo';
import { createApp } from '../../src/server/app';
import { makeTmpDir } from '../helpers/tmp';

describe('the demo on a running server', () => {
  const tmp = makeTmpDir();
  afterAll(() => tmp.cleanup());

  test('a new week: the demo is loaded again, the same motion now scheduled a week later; no new week, nothing reloaded', async () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'serve.sqlite'));
    try {
      let today = '2026-11-24';
      loadDemo(sqlite, '2026-11-24T08:00:00Z', today);
      const reloads: string[] = [];
      const app = createApp(sqlite, {
        today: () => today,
        onNewDay: (day) => {
          if (reloadDemoIfShifted(sqlite, `${day}T05:00:00Z`, day) != null) reloads.push(day);
        },
      });
      const nextStep = async () => {
        const id = sqlite.prepare("SELECT id FROM papers WHERE reference = 'DS/2026/0123'").pluck().get() as number;
        const $ = cheerio.load((await request(app).get(`/papers/${id}`).expect(200)).text);
        return [$('li.next-step strong').text(), $('li.next-step time').attr('datetime'), $('li.data-as-of time').attr('datetime')];
      };
      expect(await nextStep()).toEqual(['Hauptausschuss', '2026-12-03', '2026-11-24T08:00:00Z']);
      today = '2026-11-27';
      expect(await nextStep()).toEqual(['Hauptausschuss', '2026-12-03', '2026-11-24T08:00:00Z']);
      today = '2026-12-02';
      expect(await nextStep()).toEqual(['Hauptausschuss', '2026-12-10', '2026-12-01T08:00:00Z']);
      expect(reloads).toEqual(['2026-12-02']);
    } finally {
      close();
    }
  });
});
