/** `ratsradar reparse`: the page store alone rebuilds the database a crawl made — no network. */
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '../../../src/db/connection';
import { reparseStore } from '../../../src/ingest/crawl/reparse';
import { readStoreLog, objectPath, sha256 } from '../../../src/ingest/store/page-store';
import type { ReplayServer } from '../../../src/ingest/replay/server';
import { corpusPages, startCorpusReplay } from '../../helpers/replay';
import { crawlCorpus } from '../../helpers/crawl';
import { dumpContent } from '../../helpers/db-dump';
import { makeTmpDir } from '../../helpers/tmp';

describe('reparse', () => {
  const tmp = makeTmpDir();
  let server: ReplayServer;
  let via: string;
  beforeAll(async () => {
    ({ server, via } = await startCorpusReplay());
  });
  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });

  test('rebuilds the crawled database from the page store', async () => {
    const dir = path.join(tmp.dir, 'crawl');
    const crawled = openDb(path.join(tmp.dir, 'crawled.sqlite'));
    try {
      for (const key of ['hildesheim', 'laatzen', 'leipzig']) {
        const seeds = corpusPages().filter((p) => p.source === key).map((p) => p.url);
        await crawlCorpus(crawled.sqlite, dir, key, via, { seeds });
      }
      const store = path.join(dir, 'store');
      // the store: raw bytes under their sha256, one log line per answer
      const log = readStoreLog(store);
      expect(log.length).toBeGreaterThan(8);
      for (const e of log) expect(sha256(fs.readFileSync(objectPath(store, e.sha256)))).toBe(e.sha256);
      expect(log.find((e) => e.url === 'https://ratsinfo.laatzen.de/public/vo020?VOLFDNR=1000238')).toMatchObject({
        source: 'laatzen', status: 200, contentType: 'text/html; charset=utf-8', headers: expect.objectContaining({ etag: expect.any(String) }),
      });

      await server.close(); // no network from here on
      const rebuilt = openDb(path.join(tmp.dir, 'rebuilt.sqlite'));
      try {
        const r = reparseStore(rebuilt.sqlite, store, { today: '2026-09-20' });
        expect([r.failed, r.skipped]).toEqual([0, 0]);
        expect(r.imported).toBe(new Set(log.map((e) => e.url)).size);
        expect(r.lines[0]).toMatch(/^hildesheim: \d+ stored pages: \d+ imported, 0 skipped, 0 failed$/);
        expect(dumpContent(rebuilt.sqlite)).toEqual(dumpContent(crawled.sqlite));
        const pages = (db: typeof rebuilt) => db.sqlite.prepare('SELECT url, content_hash, etag, fetched_at FROM pages ORDER BY url').all();
        expect(pages(rebuilt)).toEqual(pages(crawled));
        // a second reparse changes nothing
        const before = dumpContent(rebuilt.sqlite);
        reparseStore(rebuilt.sqlite, store, { today: '2026-09-20', latestOnly: true });
        expect(dumpContent(rebuilt.sqlite)).toEqual(before);
      } finally {
        rebuilt.close();
      }
    } finally {
      crawled.close();
      ({ server, via } = await startCorpusReplay());
    }
  });

  test('an empty store is one clear error', () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'empty.sqlite'));
    try {
      expect(() => reparseStore(sqlite, path.join(tmp.dir, 'nothing'), { today: '2026-09-20' })).toThrow(/no stored pages in .*nothing/);
    } finally {
      close();
    }
  });
});
