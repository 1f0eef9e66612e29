/**
 * A page that failed in a full crawl is retried by the next incremental run even when its placeholder
 * row looks final: the Regensburg paper 22820 answers 500 through the whole full run;
 * its row, known from the meeting's agenda ("geändert beschlossen"), derives as decided on 5 Oct, so
 * the incremental rules ("open papers") alone would never ask for it again.
 */
import path from 'node:path';
import { openDb } from '../../../src/db/connection';
import { useCorpusReplay } from '../../helpers/replay';
import { crawlCorpus } from '../../helpers/crawl';
import { makeTmpDir } from '../../helpers/tmp';

const PAPER = 'https://srv19.regensburg.de/bi/vo020.asp?VOLFDNR=22820';

describe('retrying what failed', () => {
  const tmp = makeTmpDir();
  const replay = useCorpusReplay();
  afterAll(() => tmp.cleanup());

  test('the paper page that failed is asked for by the next incremental run, and again while it keeps failing', async () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'retry.sqlite'));
    const dir = path.join(tmp.dir, 'retry');
    const state = () => sqlite.prepare("SELECT state FROM papers WHERE external_id = '22820'").pluck().get();
    const ownPage = () => sqlite.prepare("SELECT COUNT(*) FROM records WHERE kind = 'Paper' AND entity_key = '22820' AND facet = 'allris3'").pluck().get();
    const asked = () => replay.server.requests.filter((r) => r.url.endsWith('VOLFDNR=22820')).map((r) => r.status);
    try {
      replay.server.faults.add({ match: 'VOLFDNR=22820', fault: 'status', status: 500, times: 1000 });
      const full = await crawlCorpus(sqlite, dir, 'regensburg', replay.via, {
        since: '2026-09-01', until: '2026-09-30', today: '2026-10-05', now: () => '2026-10-05T08:00:00Z', fetcher: { backoffBaseMs: 5, timeoutMs: 300 },
      });
      expect([full.mode, full.status, full.pages.failed]).toEqual(['full', 'done', 1]);
      // the premise: only a placeholder from the agenda, and it looks final
      expect(state()).toBe('decided');
      expect(ownPage()).toBe(0);

      // still failing: the incremental run asks again (and the next one will)
      replay.server.requests.length = 0;
      const second = await crawlCorpus(sqlite, dir, 'regensburg', replay.via, { today: '2026-10-06', now: () => '2026-10-06T08:00:00Z', fetcher: { backoffBaseMs: 5, timeoutMs: 300 } });
      expect(second.mode).toBe('incremental');
      expect(asked().length).toBeGreaterThan(0);
      expect(asked().every((s) => s === 500)).toBe(true);

      // the site answers again: the third run fetches and imports the paper's own page
      replay.server.faults.clear();
      replay.server.requests.length = 0;
      const third = await crawlCorpus(sqlite, dir, 'regensburg', replay.via, { today: '2026-10-07', now: () => '2026-10-07T08:00:00Z' });
      expect(third.mode).toBe('incremental');
      expect(asked()).toEqual([200]);
      expect(ownPage()).toBe(1);
      expect(sqlite.prepare(`SELECT state, outcome FROM crawl_queue WHERE run_id = ? AND url = ?`).get(third.runId, PAPER)).toEqual({ state: 'done', outcome: 'new' });

      // and once it is had, it rests like any decided paper
      replay.server.requests.length = 0;
      await crawlCorpus(sqlite, dir, 'regensburg', replay.via, { today: '2026-10-08', now: () => '2026-10-08T08:00:00Z' });
      expect(asked()).toEqual([]);
    } finally {
      close();
    }
  });
});
