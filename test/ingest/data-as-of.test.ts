/**
 * papers.data_as_of, end to end: when a motion's data was read from the RIS — the fetch time for crawled
 * pages (also when a page comes back unchanged), the time a saved page states or else its file time —
 * never the import time; shown on the motion page and in its JSON, with durations counted to it and a
 * warning when it is older than DATA_MAX_AGE_DAYS.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import request from 'supertest';
import { openDb } from '../../src/db/connection';
import { DATA_MAX_AGE_DAYS } from '../../src/domain/data-age';
import { importSavedPages } from '../../src/ingest/saved-pages';
import { createApp } from '../../src/server/app';
import { startCorpusReplay } from '../helpers/replay';
import { crawlCorpus } from '../helpers/crawl';
import { CORPUS, makeTmpDir } from '../helpers/tmp';

const IMPORTED = '2026-12-06T05:00:00Z';
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('data as of: saved pages', () => {
  const tmp = makeTmpDir();
  afterAll(() => tmp.cleanup());

  /** A corpus page written into a folder of its own (named as its source) with the file time `mtime`. */
  function saved(rel: string, folder: string, mtime: string): string {
    const dir = path.join(tmp.dir, folder);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, path.basename(rel));
    fs.copyFileSync(path.join(CORPUS, rel), file);
    fs.utimesSync(file, new Date(mtime), new Date(mtime));
    return file;
  }

  test('an ALLRIS page states no read time: its file time counts, not the import time; an older copy never moves it back', () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'saved.sqlite'));
    try {
      const asOf = () => sqlite.prepare("SELECT data_as_of FROM papers WHERE reference = '22-2402'").pluck().get();
      const file = saved('allris3/hamburg-nord/vo020-1016851.html', 'hamburg-nord', '2026-08-14T09:12:00Z');
      importSavedPages(sqlite, [file], { now: IMPORTED, today: '2026-12-06' });
      expect(asOf()).toBe('2026-08-14T09:12:00Z');
      // the same page saved earlier: nothing newer is known
      fs.utimesSync(file, new Date('2026-07-01T10:00:00Z'), new Date('2026-07-01T10:00:00Z'));
      importSavedPages(sqlite, [file], { now: '2026-12-07T05:00:00Z', today: '2026-12-07' });
      expect(asOf()).toBe('2026-08-14T09:12:00Z');
      // saved again later: the data is as of then, and the paper is derived again for its new day
      fs.utimesSync(file, new Date('2026-11-30T10:00:00Z'), new Date('2026-11-30T10:00:00Z'));
      importSavedPages(sqlite, [file], { now: '2026-12-07T05:00:00Z', today: '2026-12-07' });
      expect(asOf()).toBe('2026-11-30T10:00:00Z');
    } finally {
      close();
    }
  });

  test('an OParl page: the latest `modified` it holds, whatever the file time', () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'oparl.sqlite'));
    try {
      const file = saved('oparl/augsburg/oparl1.1-paper-1001737.json', 'augsburg', '2026-12-01T00:00:00Z');
      importSavedPages(sqlite, [file], { now: IMPORTED, today: '2026-12-06' });
      expect(sqlite.prepare('SELECT data_as_of FROM papers').pluck().all()).toEqual(['2025-12-03T12:52:55Z']);
    } finally {
      close();
    }
  });

  test('the motion page: read in August, looked at in December — the stamp, durations to August, a warning with the RIS link; the JSON says the same', async () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'page.sqlite'));
    try {
      const file = saved('allris3/hamburg-nord/vo020-1016851.html', 'hamburg-nord', '2026-08-14T09:12:00Z');
      const address = 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/vo020.asp?VOLFDNR=1016851';
      importSavedPages(sqlite, [file], { now: IMPORTED, today: '2026-12-06', urlOf: () => address });
      const id = sqlite.prepare("SELECT id FROM papers WHERE reference = '22-2402'").pluck().get() as number;
      const url = sqlite.prepare('SELECT url FROM papers WHERE id = ?').pluck().get(id) as string;
      expect(url).toBe(address);
      const app = createApp(sqlite, { today: () => '2026-12-06' });
      const $ = cheerio.load((await request(app).get(`/papers/${id}`).expect(200)).text);
      const notice = $('p.notice-data-age');
      expect(notice.attr('role')).toBe('note');
      expect(squash(notice.text())).toBe(
        'Hinweis: Die Daten dieser Vorlage haben den Stand vom 14.08.2026 (vor 114 Tagen). ' +
          'Was seitdem geschehen ist, zeigt nur das Ratsinformationssystem: diese Vorlage im Ratsinformationssystem öffnen.',
      );
      expect(notice.find('a').attr('href')).toBe(url);
      expect(squash($('li.data-as-of').text())).toBe('Stand der Daten: 14.08.2026 – Dauern sind bis zum 14.08.2026 gezählt, dem Stand der Daten.');
      expect($('li.data-as-of time').attr('datetime')).toBe('2026-08-14T09:12:00Z');
      const json = (await request(app).get(`/papers/${id}.json`).expect(200)).body;
      expect(json.dataAsOf).toBe('2026-08-14T09:12:00Z');
      expect(json.dataAge).toEqual({ asOf: '2026-08-14', countTo: '2026-08-14', capped: true, ageDays: 114, stale: true, maxAgeDays: DATA_MAX_AGE_DAYS });
      expect(json.progress.countTo).toBe('2026-08-14');
      // 22-2402 lies with the Hauptausschuss since its meeting of 07.07.2026 (no result given): 38 days up to the
      // read on 14.08.2026 — not the 152 days up to 06.12.2026, of which nothing is known
      expect(squash($('li.station .days').text())).toMatch(/^seit 38 Tag/);
      expect(squash($('ul.figures li').filter((_, e) => $(e).text().startsWith('In Beratung')).text())).toBe('In Beratung seit 38 Tagen');
      // on a day within the set age the page does not warn
      const fresh = createApp(sqlite, { today: () => '2026-08-20' });
      const $f = cheerio.load((await request(fresh).get(`/papers/${id}`).expect(200)).text);
      expect($f('p.notice-data-age')).toHaveLength(0);
      expect(squash($f('li.data-as-of').text())).toBe('Stand der Daten: 14.08.2026 – Dauern sind bis zum 14.08.2026 gezählt, dem Stand der Daten.');
    } finally {
      close();
    }
  });
});

describe('data as of: crawled pages', () => {
  const tmp = makeTmpDir();
  afterAll(() => tmp.cleanup());

  test('the fetch time; a page fetched again unchanged (same bytes, or 304) moves it on without importing again', async () => {
    const replay = await startCorpusReplay({ conditional: false });
    const { sqlite, close } = openDb(path.join(tmp.dir, 'crawl.sqlite'));
    try {
      const dir = path.join(tmp.dir, 'crawl');
      const asOf = () => sqlite.prepare("SELECT data_as_of FROM papers WHERE reference = 'VO/26/23343/D2'").pluck().all();
      await crawlCorpus(sqlite, dir, 'regensburg', replay.via, { since: '2026-09-01', until: '2026-09-30', today: '2026-09-20', now: () => '2026-09-20T08:00:00Z' });
      expect(asOf()).toEqual(['2026-09-20T08:00:00Z']);
      const records = sqlite.prepare('SELECT id, updated_at FROM records ORDER BY id').all();
      const second = await crawlCorpus(sqlite, dir, 'regensburg', replay.via, { today: '2026-10-01', now: () => '2026-10-01T06:00:00Z' });
      expect(second.pages).toMatchObject({ new: 0, changed: 0 });
      expect(asOf()).toEqual(['2026-10-01T06:00:00Z']);
      expect(sqlite.prepare('SELECT id, updated_at FROM records ORDER BY id').all()).toEqual(records);
    } finally {
      close();
      await replay.server.close();
    }
  });

  test('answered 304 Not Modified: the data is as of that answer', async () => {
    const replay = await startCorpusReplay();
    const { sqlite, close } = openDb(path.join(tmp.dir, 'crawl304.sqlite'));
    try {
      const dir = path.join(tmp.dir, 'crawl304');
      await crawlCorpus(sqlite, dir, 'regensburg', replay.via, { since: '2026-09-01', until: '2026-09-30', today: '2026-09-20', now: () => '2026-09-20T08:00:00Z' });
      replay.server.requests.length = 0;
      await crawlCorpus(sqlite, dir, 'regensburg', replay.via, { today: '2026-10-01', now: () => '2026-10-01T06:00:00Z' });
      expect(replay.server.requests.some((r) => r.conditional && r.status === 304 && r.url.includes('vo020.asp?VOLFDNR=22820'))).toBe(true);
      expect(sqlite.prepare("SELECT data_as_of FROM papers WHERE external_id = '22820'").pluck().get()).toBe('2026-10-01T06:00:00Z');
    } finally {
      close();
      await replay.server.close();
    }
  });
});
