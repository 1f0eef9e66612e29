/**
 * Crawl the replayed corpus end to end over loopback HTTP, and get the same database as
 * `ratsradar import --manifest` of the same pages. Each source is crawled with its plan; the corpus
 * pages that no other corpus page links to (a recorded site is a handful of pages, not a site) are
 * named as seeds, so every page of the corpus is crawled.
 */
import path from 'node:path';
import { openDb } from '../../../src/db/connection';
import { refreshDerived } from '../../../src/db/derive';
import { importSavedPages } from '../../../src/ingest/saved-pages';
import { manifestUrlLookup } from '../../../src/ingest/replay/manifest';
import { saveSource } from '../../../src/ingest/crawl/sources';
import { CORPUS_MANIFEST, corpusPages, useCorpusReplay } from '../../helpers/replay';
import { crawlCorpus } from '../../helpers/crawl';
import { dumpContent } from '../../helpers/db-dump';
import { makeTmpDir } from '../../helpers/tmp';
import { urlKey } from '../../../src/ingest/replay/url-key';

const TODAY = '2026-09-20';

describe('crawling the replayed corpus', () => {
  const tmp = makeTmpDir();
  const replay = useCorpusReplay();
  afterAll(() => tmp.cleanup());

  test('gives the same database as importing the same pages', async () => {
    const pages = corpusPages();
    const sources = [...new Set(pages.map((p) => p.source!))].sort();
    const crawled = openDb(path.join(tmp.dir, 'crawled.sqlite'));
    const imported = openDb(path.join(tmp.dir, 'imported.sqlite'));
    try {
      // the OParl specification's examples are served at oparl.example.org: a source of their own
      saveSource(crawled.sqlite, { key: 'oparl-spec-example', name: 'OParl-Beispiele', system: 'oparl', baseUrl: 'https://oparl.example.org/' }, true);
      const fetched = new Set<string>();
      for (const key of sources) {
        const seeds = pages.filter((p) => p.source === key).map((p) => p.url);
        // three pages at a time: the pages arrive in another order than import reads them
        const report = await crawlCorpus(crawled.sqlite, path.join(tmp.dir, 'crawl'), key, replay.via, { seeds, today: TODAY, concurrency: 3 });
        expect([key, report.status, report.failures]).toEqual([key, 'done', []]);
        for (const u of crawled.sqlite.prepare(`SELECT url FROM crawl_queue WHERE run_id = ? AND state = 'done'`).pluck().all(report.runId) as string[]) fetched.add(urlKey(u));
      }
      // every corpus page was fetched and imported
      expect(pages.filter((p) => !fetched.has(urlKey(p.url))).map((p) => p.file)).toEqual([]);

      const summary = importSavedPages(imported.sqlite, pages.map((p) => p.absFile), { now: '2026-09-20T10:00:00Z', today: TODAY, urlOf: manifestUrlLookup(CORPUS_MANIFEST) });
      expect(summary.failed + summary.skipped).toBe(0);

      // when the data was read differs, and must: the crawl read every page now, a saved page was read when it
      // says (OParl `modified`) or when its file was written. Every crawled paper is as of its fetch, and
      // apart from that — and the durations counted to it (src/domain/data-age.ts) — the two are the same
      expect(crawled.sqlite.prepare('SELECT COUNT(*) FROM papers WHERE data_as_of IS NULL').pluck().get()).toBe(0);
      expect(imported.sqlite.prepare("SELECT data_as_of FROM papers WHERE url = 'https://www.augsburg.sitzung-online.de/public/vo020?VOLFDNR=1001737'").pluck().get()).toBe('2025-12-03T12:52:55Z');
      for (const db of [crawled.sqlite, imported.sqlite]) {
        db.prepare('UPDATE papers SET data_as_of = NULL, derived_on = NULL').run();
        refreshDerived(db, TODAY);
      }
      const a = dumpContent(crawled.sqlite);
      const b = dumpContent(imported.sqlite);
      expect(a.papers.length).toBeGreaterThan(60);
      expect(a.meetings.length).toBeGreaterThan(80);
      for (const table of Object.keys(b)) expect([table, a[table]]).toEqual([table, b[table]]);
    } finally {
      crawled.close();
      imported.close();
    }
  });
});
