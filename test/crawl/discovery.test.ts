/** The ALLRIS plans find their pages: calendar → meetings → agenda items → papers, over loopback HTTP against the replayed corpus. */
import path from 'node:path';
import { openDb } from '../../src/db/connection';
import type { ReplayServer } from '../../src/ingest/replay/server';
import { startCorpusReplay } from '../helpers/replay';
import { crawlCorpus, fetchedUrls } from '../helpers/crawl';
import { makeTmpDir } from '../helpers/tmp';

describe('crawl plans find the corpus pages by following the site', () => {
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

  test('ALLRIS 3 (Regensburg): the September calendar → meeting 2667 → its papers, one of them in the corpus', async () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'rgb.sqlite'));
    try {
      const report = await crawlCorpus(sqlite, path.join(tmp.dir, 'rgb'), 'regensburg', via, { since: '2026-09-01', until: '2026-09-30' });
      expect(fetchedUrls(sqlite, report.runId)).toEqual([
        'https://srv19.regensburg.de/bi/si010.asp?MM=9&YY=2026',
        'https://srv19.regensburg.de/bi/to010.asp?SILFDNR=2667',
        'https://srv19.regensburg.de/bi/vo020.asp?VOLFDNR=22820',
      ]);
    } finally {
      close();
    }
  });
});
