/**
 * A crawl process killed with SIGKILL in the middle, run again, ends with the same database
 * as a crawl that was never interrupted — nothing lost, nothing fetched twice but the page in flight.
 * The real command (bin/ratsradar.js, built by `npm test`'s pretest) against the replay server.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { openDb } from '../../../src/db/connection';
import type { ReplayRequest, ReplayServer } from '../../../src/ingest/replay/server';
import { corpusPages, startCorpusReplay } from '../../helpers/replay';
import { dumpContent } from '../../helpers/db-dump';
import { makeTmpDir } from '../../helpers/tmp';

const BIN = path.resolve(__dirname, '..', '..', '..', 'bin', 'ratsradar.js');
const HANG = 'VOLFDNR=1016851';

function scrape(db: string, via: string, seeds: string[]) {
  const child = spawn(process.execPath, [
    BIN, 'scrape', 'hamburg-nord', '--db', db, '--via', via, '--rate', '500', '--since', '2024-01-01', '--until', '2024-01-31', '--seeds', seeds.join(','),
  ], { env: { ...process.env, RATSRADAR_TODAY: '2026-09-20' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout })));
  return { child, exited };
}

function journal(db: string) {
  const { sqlite, close } = openDb(db);
  try {
    return {
      dump: dumpContent(sqlite),
      queue: sqlite.prepare('SELECT url, kind, state, outcome FROM crawl_queue ORDER BY url').all(),
      runs: sqlite.prepare('SELECT id, status, mode FROM crawl_runs').all(),
      pages: sqlite.prepare('SELECT url, content_hash FROM pages ORDER BY url').all(),
    };
  } finally {
    close();
  }
}

describe('a crawl killed with SIGKILL and run again', () => {
  const tmp = makeTmpDir();
  let server: ReplayServer;
  let via: string;
  const page = (file: string) => corpusPages().find((p) => p.file.endsWith(file))!.url;
  // after the plan's roots (start page, calendar, vo040, fr010): a meeting and four pages; the crawl is
  // killed at the last of these, with the meeting's agenda items and papers and the factions still to come
  const seeds = ['to010-1003143.html', 'to020-1036324.html', 'au020-218.html', 'fr020-1120.html', 'vo020-1016851.html'].map(page);
  beforeAll(async () => {
    ({ server, via } = await startCorpusReplay());
  });
  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });

  test('finishes with the same database as an uninterrupted crawl', async () => {
    // the uninterrupted crawl
    const whole = path.join(tmp.dir, 'whole', 'db.sqlite');
    const w = await scrape(whole, via, seeds).exited;
    expect(w.code).toBe(0);
    const wholeRequests = server.requests.splice(0);

    // the interrupted one: killed while a page is in flight (the server holds its answer back)
    const killed = path.join(tmp.dir, 'killed', 'db.sqlite');
    server.faults.add({ match: HANG, fault: 'timeout', times: 1 });
    const first = scrape(killed, via, seeds);
    const onRequest = (r: ReplayRequest) => {
      if (r.url.includes(HANG)) first.child.kill('SIGKILL');
    };
    server.on('request', onRequest);
    const k = await first.exited;
    server.off('request', onRequest);
    expect(k.signal).toBe('SIGKILL');
    const atKill = journal(killed);
    expect(atKill.runs).toEqual([{ id: 1, status: 'running', mode: 'full' }]);
    const doneAtKill = atKill.queue.filter((q) => (q as { state: string }).state !== 'pending').length;
    expect(doneAtKill).toBeGreaterThan(5);
    expect(atKill.queue.length - doneAtKill).toBeGreaterThan(5);

    const again = await scrape(killed, via, seeds).exited;
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/hamburg-nord: full crawl \(run 1\) done/);
    const resumedRequests = server.requests.splice(0);

    const a = journal(whole);
    const b = journal(killed);
    expect(b.runs).toEqual([{ id: 1, status: 'done', mode: 'full' }]);
    expect(b.dump).toEqual(a.dump);
    expect(b.queue).toEqual(a.queue);
    expect(b.pages).toEqual(a.pages);
    expect((a.dump.papers as unknown[]).length).toBeGreaterThan(20);

    // nothing twice: every URL was requested once, as in the uninterrupted crawl, but the page in flight
    // (and robots.txt, read once per process)
    const count = (reqs: ReplayRequest[]) => {
      const m = new Map<string, number>();
      for (const r of reqs) m.set(r.url, (m.get(r.url) ?? 0) + 1);
      return m;
    };
    const expected = count(wholeRequests);
    expected.set('sitzungsdienst-hamburg-nord.hamburg.de/robots.txt', 2);
    expected.set([...expected.keys()].find((u) => u.includes(HANG))!, 2);
    expect(count(resumedRequests)).toEqual(expected);
  });
});
