/**
 * Serving while an import writes: the app runs in a process of its own on loopback and autocannon
 * loads the start page, motion pages, meeting pages and the search for a bounded time, while another
 * process imports batches (one transaction each) and is SIGKILLed and restarted now and then. No
 * answer may be an error, nothing may report SQLITE_BUSY, and a reader polling the database sees
 * every batch whole or not at all. The figures are printed (not asserted: speed is the benchmarks' job).
 */
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { openDb } from '../../src/db/connection';
import { checkDatabaseFile } from '../../src/db/check';
import { loadDemo } from '../../src/ingest/demo';
import { importSavedPages } from '../../src/ingest/saved-pages';
import { BATCH_SIZE } from '../helpers/batch-writer';
import { ROOT, spawnTs } from '../helpers/cli-src';
import { CORPUS, makeTmpDir } from '../helpers/tmp';

const TODAY = '2026-11-24';
const SECONDS = Number(process.env.LOAD_SECONDS ?? 6);
const KILL_EVERY_MS = 1500;

const tmp = makeTmpDir();
afterAll(tmp.cleanup);

function waitForLine(child: ChildProcess, re: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let buf = '';
    const onData = (d: Buffer) => {
      buf += d.toString();
      const m = re.exec(buf);
      if (m) {
        child.stdout!.off('data', onData);
        resolve(m);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before printing ${re}`)));
  });
}

describe('load while writing', () => {
  test(`${SECONDS} s of requests while batches are imported and the importer is killed: no errors, whole batches only`, async () => {
    const db = path.join(tmp.dir, 'load.sqlite');
    const setup = openDb(db);
    loadDemo(setup.sqlite, '2026-11-24T09:00:00Z', TODAY);
    importSavedPages(setup.sqlite, [CORPUS], { now: '2026-11-24T09:00:00Z', today: TODAY });
    const papers = setup.sqlite.prepare('SELECT id FROM papers ORDER BY id LIMIT 12').pluck().all() as number[];
    const meetings = setup.sqlite.prepare('SELECT id FROM meetings ORDER BY id LIMIT 6').pluck().all() as number[];
    setup.close();

    const server = spawnTs(path.join(ROOT, 'test', 'helpers', 'serve-child.ts'), [db, TODAY], { RATSRADAR_RATE_LIMIT: '0' });
    let serverErr = '';
    server.stderr!.on('data', (d: Buffer) => (serverErr += d.toString()));
    const port = Number((await waitForLine(server, /port (\d+)/))[1]);

    // the importer: restarted after every kill, from the batch after the last it reported
    let nextBatch = 0;
    let writerErr = '';
    const exits: (string | null)[] = [];
    let writer: ChildProcess | null = null;
    // once the load is over no writer starts again (a writer killed just before may still be exiting)
    let stopped = false;
    const startWriter = () => {
      if (stopped) return;
      const w = spawnTs(path.join(ROOT, 'test', 'helpers', 'batch-writer.ts'), [db, String(nextBatch), '0', '20']);
      w.stdout!.on('data', (d: Buffer) => {
        for (const m of d.toString().matchAll(/^batch (\d+)$/gm)) nextBatch = Math.max(nextBatch, Number(m[1]) + 1);
      });
      w.stderr!.on('data', (d: Buffer) => (writerErr += d.toString()));
      w.once('exit', (code, signal) => exits.push(signal ?? `exit ${code}`));
      writer = w;
    };
    startWriter();
    await waitForLine(writer!, /^batch \d+$/m);

    // a reader that checks, snapshot by snapshot, that every batch it sees is whole
    const reader = new Database(db, { readonly: true });
    reader.pragma('busy_timeout = 5000');
    const batches = reader.prepare(`SELECT s.key AS key, (SELECT COUNT(*) FROM papers p WHERE p.source_id = s.id) AS papers,
      (SELECT COUNT(*) FROM consultations c JOIN papers p ON p.id = c.paper_id WHERE p.source_id = s.id) AS stations
      FROM sources s WHERE s.key LIKE 'batch-%'`);
    let polls = 0;
    const torn: string[] = [];
    const poll = setInterval(() => {
      polls++;
      for (const b of batches.all() as { key: string; papers: number; stations: number }[]) {
        if (b.papers !== BATCH_SIZE || b.stations !== 2 * BATCH_SIZE) torn.push(`${b.key}: ${b.papers} papers, ${b.stations} stations`);
      }
    }, 40);

    let kills = 0;
    const killer = setInterval(() => {
      if (!writer) return;
      writer.kill('SIGKILL');
      kills++;
      writer.once('exit', startWriter);
      writer = null;
    }, KILL_EVERY_MS);

    const paths = ['/', ...papers.map((id) => `/papers/${id}`), ...meetings.map((id) => `/meetings/${id}`), '/suche?q=Radweg', '/suche?q=Antrag', '/?thema=alle', '/papers/' + papers[0] + '.json'];
    const statuses: Record<string, number> = {};
    let turn = 0;
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        { url: `http://127.0.0.1:${port}`, connections: 4, duration: SECONDS, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[turn++ % paths.length] }) }] },
        (err: unknown, res: autocannon.Result) => (err ? reject(err) : resolve(res)),
      );
      instance.on('response', (_client, status) => {
        statuses[status] = (statuses[status] ?? 0) + 1;
      });
    });

    stopped = true;
    clearInterval(killer);
    clearInterval(poll);
    const w = writer as ChildProcess | null;
    if (w) {
      const gone = new Promise((r) => w.once('exit', r));
      w.kill('SIGKILL');
      await gone;
    }
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    const finalBatches = (batches.all() as unknown[]).length;
    reader.close();

    process.stdout.write(
      `load while writing: ${result.requests.total} requests served in ${SECONDS} s (${Math.round(result.requests.total / SECONDS)}/s, ` +
        `statuses ${JSON.stringify(statuses)}), ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx; ` +
        `${finalBatches} batches of ${BATCH_SIZE} papers imported, importer kills survived: ${kills}; reader polls: ${polls}, torn batches seen: ${torn.length}\n`,
    );
    if (serverErr) process.stdout.write(`server stderr: ${serverErr.slice(0, 2000)}\n`);
    expect(result.requests.total).toBeGreaterThan(0);
    expect({ errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx }).toEqual({ errors: 0, timeouts: 0, non2xx: 0 });
    expect(Object.keys(statuses)).toEqual(['200']);
    expect(serverErr).toBe('');
    expect(writerErr).not.toMatch(/SQLITE_BUSY|database is locked/);
    expect(writerErr).toBe('');
    expect(exits.every((e) => e === 'SIGKILL')).toBe(true);
    expect(torn).toEqual([]);
    expect(kills).toBeGreaterThanOrEqual(1);
    expect(finalBatches).toBeGreaterThan(2);
    expect(polls).toBeGreaterThan(10);
    expect(checkDatabaseFile(db).problems).toEqual([]);
  }, 90_000);
});
