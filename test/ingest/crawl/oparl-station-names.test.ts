/**
 * Crawling an OParl API whose papers name their committees and meetings by URL only, and have no HTML
 * page to fill in the Beratungsfolge: the crawl reads the papers first, then the meetings, the
 * organizations last (oparl-plan.ts); the stations take the committees' names once they are read and the
 * rows their meetings' dates — the motion page names its next step and when, the committee page has the
 * motion in its queue and planned at its coming meeting. The API is hand-made (written below, served by the replay
 * server), in the shape of the recorded Braunschweig and Augsburg OParl 1.1 answers of the corpus.
 */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { openDb } from '../../../src/db/connection';
import { saveSource } from '../../../src/ingest/crawl/sources';
import { ReplayServer } from '../../../src/ingest/replay/server';
import type { LoadedPage } from '../../../src/ingest/replay/manifest';
import { createApp } from '../../../src/server/app';
import { crawlCorpus } from '../../helpers/crawl';
import { makeTmpDir } from '../../helpers/tmp';

const B = 'https://ris.musterstadt.example/oparl';
const T = 'https://schema.oparl.org/1.1/';
const FULL = '2026-09-01T00:00:00Z';
const org = (id: number) => `${B}/organizations/gr/${id}`;

const API: Record<string, unknown> = {
  [`${B}/system`]: { id: `${B}/system`, type: `${T}System`, oparlVersion: T, name: 'OParl Musterstadt (Testdaten)', body: `${B}/bodies` },
  [`${B}/bodies`]: {
    data: [{
      id: `${B}/bodies/1`, type: `${T}Body`, system: `${B}/system`, name: 'Stadt Musterstadt', shortName: 'Musterstadt',
      paper: `${B}/papers?body=1`, meeting: `${B}/meetings?body=1`, organization: `${B}/organizations?body=1`, person: `${B}/persons?body=1`,
      created: '2000-01-01T00:00:00+01:00', modified: '2000-01-01T00:00:00+01:00',
    }],
    links: {},
  },
  [`${B}/papers?body=1&modified_since=${FULL}`]: {
    data: [{
      id: `${B}/papers/4711`, type: `${T}Paper`, body: `${B}/bodies/1`, reference: 'DS 2026/0815', date: '2026-09-10', paperType: 'Antrag',
      name: 'Teilnahme am Digitaltag 2026',
      consultation: [
        { id: `${B}/consultations/1`, type: `${T}Consultation`, paper: `${B}/papers/4711`, organization: [org(7)], meeting: `${B}/meetings/31`, role: 'Vorberatung' },
        { id: `${B}/consultations/2`, type: `${T}Consultation`, paper: `${B}/papers/4711`, organization: [org(1)], role: 'Entscheidung' },
      ],
      created: '2026-09-10T10:00:00+02:00', modified: '2026-09-10T10:00:00+02:00',
    }],
    links: {},
  },
  [`${B}/meetings?body=1&modified_since=${FULL}`]: {
    data: [{
      id: `${B}/meetings/31`, type: `${T}Meeting`, name: '5. Sitzung des Ausschusses für Digitalisierung', organization: [org(7)],
      start: '2026-10-08T17:00:00+02:00', end: '2026-10-08T19:00:00+02:00', created: '2026-09-01T10:00:00+02:00', modified: '2026-09-15T10:00:00+02:00',
    }],
    links: { self: `${B}/meetings?body=1` },
  },
  [`${B}/organizations?body=1&modified_since=${FULL}`]: {
    data: [
      { id: org(1), type: `${T}Organization`, body: `${B}/bodies/1`, name: 'Rat der Stadt Musterstadt', organizationType: 'Gremium', classification: 'Rat' },
      { id: org(7), type: `${T}Organization`, body: `${B}/bodies/1`, name: 'Ausschuss für Digitalisierung', organizationType: 'Gremium', classification: 'Ausschuss' },
    ],
    links: {},
  },
};

describe('crawling OParl papers whose stations name their committees by URL', () => {
  const tmp = makeTmpDir();
  let server: ReplayServer;
  let via: string;
  beforeAll(async () => {
    const pages: LoadedPage[] = Object.entries(API).map(([url, body], i) => {
      const file = path.join(tmp.dir, `api-${i}.json`);
      fs.writeFileSync(file, JSON.stringify(body));
      return { url, file: path.basename(file), absFile: file };
    });
    server = new ReplayServer(pages);
    via = (await server.listen(0)).url;
  });
  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });

  test('the stations are named from the organizations read after them; the motion and committee pages say so', async () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'names.sqlite'));
    try {
      saveSource(sqlite, { key: 'musterstadt', name: 'Stadt Musterstadt', system: 'oparl', baseUrl: 'https://ris.musterstadt.example/', oparlUrl: `${B}/system` }, true);
      const run = await crawlCorpus(sqlite, tmp.dir, 'musterstadt', via, { since: '2026-09-01', until: '2026-10-31', now: () => '2026-09-20T08:00:00Z', documents: false });
      expect([run.status, run.errors, run.errorSamples]).toEqual(['done', {}, []]);
      expect(sqlite.prepare('SELECT organization, organization_external_id AS id FROM consultations ORDER BY position').all()).toEqual([
        { organization: 'Ausschuss für Digitalisierung', id: org(7) },
        { organization: 'Rat der Stadt Musterstadt', id: org(1) },
      ]);
      // the row names the meeting by URL only: the meeting, read after the paper, dates it
      const paper = sqlite.prepare('SELECT id, next_organization AS next, next_date AS date FROM papers').get() as { id: number; next: string; date: string };
      expect([paper.next, paper.date]).toEqual(['Ausschuss für Digitalisierung', '2026-10-08']);

      const app = createApp(sqlite, { today: () => '2026-09-20' });
      const motion = await request(app).get(`/papers/${paper.id}.json`);
      expect(motion.status).toBe(200);
      expect(motion.body.progress.stations.map((s: { organization: string | null }) => s.organization)).toEqual(['Ausschuss für Digitalisierung', 'Rat der Stadt Musterstadt']);
      expect(motion.body.progress.stations[0].meetings.map((m: { date: string | null; listedDate?: string }) => [m.date, m.listedDate])).toEqual([['2026-10-08', undefined]]);
      const page = await request(app).get(`/papers/${paper.id}`);
      expect(page.text).toContain('Ausschuss für Digitalisierung');
      expect(page.text).not.toContain('Gremium nicht bekannt');
      const committeeId = sqlite.prepare('SELECT id FROM organizations WHERE oparl_id = ?').pluck().get(org(7)) as number;
      const committee = await request(app).get(`/organizations/${committeeId}.json`);
      expect(committee.status).toBe(200);
      expect(committee.body.queue.items.map((q: { reference: string }) => q.reference)).toEqual(['DS 2026/0815']);
      // its meeting is the committee's (by the Organization's URL), with the motion planned at it
      expect(committee.body.coming.map((m: { date: string; items: { paperReference: string; plannedOnly: boolean }[] }) => [m.date, m.items.map((i) => [i.paperReference, i.plannedOnly])])).toEqual([['2026-10-08', [['DS 2026/0815', true]]]]);
    } finally {
      close();
    }
  });
});
