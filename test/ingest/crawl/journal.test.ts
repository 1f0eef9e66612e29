/** The crawl journal: a URL once per run, oldest first; a request budget stops a run that the next call resumes; one crawler per source (a live PID with a fresh heartbeat holds it). */
import path from 'node:path';
import { openDb } from '../../../src/db/connection';
import { CrawlBusyError } from '../../../src/ingest/crawl/crawler';
import { enqueue, findOpenRun, heldByOther, nextPending, STALE_AFTER_MS, startRun } from '../../../src/ingest/crawl/journal';
import { nowIso } from '../../../src/util/clock';
import { saveSource, findSource } from '../../../src/ingest/crawl/sources';
import { useCorpusReplay } from '../../helpers/replay';
import { crawlCorpus, fetchedUrls } from '../../helpers/crawl';
import { makeTmpDir } from '../../helpers/tmp';

describe('crawl journal', () => {
  const tmp = makeTmpDir();
  const replay = useCorpusReplay();
  afterAll(() => tmp.cleanup());

  test('a URL enters a run once; pending entries come oldest first', () => {
    const { sqlite, close } = openDb(':memory:');
    try {
      const sourceId = saveSource(sqlite, findSource(sqlite, 'regensburg')!);
      const run = startRun(sqlite, { sourceId, mode: 'full', since: null, until: null, today: '2026-09-20', now: '2026-09-20T08:00:00Z', pid: 1 });
      expect(enqueue(sqlite, run, [{ url: 'https://a/1', kind: 'paper' }, { url: 'https://a/2', kind: 'paper' }], null, 'now')).toBe(2);
      expect(enqueue(sqlite, run, [{ url: 'https://a/2', kind: 'meeting' }, { url: 'https://a/3', kind: 'paper' }], 'https://a/1', 'now')).toBe(1);
      expect(nextPending(sqlite, run, new Set())?.url).toBe('https://a/1');
      expect(nextPending(sqlite, run, new Set([1]))?.url).toBe('https://a/2');
    } finally {
      close();
    }
  });

  test('--max-requests stops the run after exactly that many requests; the next scrape resumes it and fetches nothing twice', async () => {
    const whole = openDb(path.join(tmp.dir, 'whole.sqlite'));
    const parts = openDb(path.join(tmp.dir, 'parts.sqlite'));
    try {
      const opts = { since: '2026-09-01', until: '2026-09-30' };
      const all = await crawlCorpus(whole.sqlite, path.join(tmp.dir, 'w'), 'regensburg', replay.via, opts);
      replay.server.requests.length = 0;
      const reports = [];
      for (let i = 0; i < 20; i++) {
        const r = await crawlCorpus(parts.sqlite, path.join(tmp.dir, 'p'), 'regensburg', replay.via, { ...opts, maxRequests: 4 });
        reports.push(r);
        if (r.status !== 'stopped') break;
      }
      expect(reports.slice(0, -1).every((r) => r.status === 'stopped' && r.pending > 0)).toBe(true);
      expect(reports.at(-1)!.status).toBe('done');
      expect(new Set(reports.map((r) => r.runId)).size).toBe(1);
      // every process read robots.txt once; no page twice
      const pages = replay.server.requests.filter((r) => !r.url.endsWith('robots.txt')).map((r) => r.url);
      expect(new Set(pages).size).toBe(pages.length);
      expect(fetchedUrls(parts.sqlite, reports[0].runId)).toEqual(fetchedUrls(whole.sqlite, all.runId));
      expect(reports.at(-1)!.pages).toEqual(all.pages);
      expect(reports.at(-1)!.requests).toBe(replay.server.requests.length);
    } finally {
      whole.close();
      parts.close();
    }
  });

  test('a source another live process is crawling (its heartbeat fresh) is refused', async () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'busy.sqlite'));
    try {
      const sourceId = saveSource(sqlite, findSource(sqlite, 'regensburg')!);
      startRun(sqlite, { sourceId, mode: 'full', since: null, until: null, today: '2026-09-20', now: nowIso(), pid: process.ppid });
      await expect(crawlCorpus(sqlite, tmp.dir, 'regensburg', replay.via)).rejects.toThrow(CrawlBusyError);
      await expect(crawlCorpus(sqlite, tmp.dir, 'regensburg', replay.via)).rejects.toThrow(`regensburg is being crawled by process ${process.ppid}`);
    } finally {
      close();
    }
  });

  test('a live PID with a stale heartbeat (a PID reused after a crash) does not block the crawl: it resumes the run', async () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'reused.sqlite'));
    try {
      const sourceId = saveSource(sqlite, findSource(sqlite, 'regensburg')!);
      const stale = new Date(Date.now() - STALE_AFTER_MS - 60_000).toISOString();
      const runId = startRun(sqlite, { sourceId, mode: 'full', since: '2026-09-01', until: '2026-09-30', today: '2026-09-20', now: stale, pid: process.ppid });
      const run = findOpenRun(sqlite, sourceId)!;
      // the premise: the PID is alive (our parent), only the heartbeat is old
      expect(() => process.kill(process.ppid, 0)).not.toThrow();
      expect(heldByOther(run, process.pid, nowIso())).toBe(false);
      expect(heldByOther(run, process.pid, new Date(Date.parse(stale) + STALE_AFTER_MS - 1000).toISOString())).toBe(true);
      const report = await crawlCorpus(sqlite, tmp.dir, 'regensburg', replay.via, { maxRequests: 3 });
      expect(report.runId).toBe(runId);
      expect(sqlite.prepare('SELECT pid FROM crawl_runs WHERE id = ?').pluck().get(runId)).toBe(report.status === 'stopped' ? process.pid : null);
    } finally {
      close();
    }
  });
});
