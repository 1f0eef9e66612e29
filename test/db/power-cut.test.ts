/**
 * Power-cut safety: `ratsradar import` of the whole corpus runs as a child process and is killed
 * (SIGKILL: no clean-up, like a power cut of the process) at a random point: during start-up and
 * migrations, between files, inside a file's transaction, or while it derives states. After every
 * kill the database opens, passes `check`, and an import run again completes with exactly the
 * content of an uninterrupted import (compared table by table, ids and timestamps aside).
 * POWER_CUT_SEED / POWER_CUT_KILLS reproduce or lengthen a run.
 */
import path from 'node:path';
import { openDb } from '../../src/db/connection';
import { checkDatabase } from '../../src/db/check';
import { importSavedPages } from '../../src/ingest/saved-pages';
import { dumpContent } from '../helpers/db-dump';
import { spawnRatsradarSrc } from '../helpers/cli-src';
import { CORPUS, makeTmpDir } from '../helpers/tmp';
import { mulberry32 } from '../fuzz/prng';

const TODAY = '2026-09-01';
const SEED = Number(process.env.POWER_CUT_SEED ?? 4242);
const KILLS = Number(process.env.POWER_CUT_KILLS ?? 12);

const tmp = makeTmpDir();
afterAll(tmp.cleanup);

function importInProcess(file: string): Record<string, unknown[]> {
  const { sqlite, close } = openDb(file);
  try {
    const problems = checkDatabase(sqlite).problems;
    if (problems.length) throw new Error(`check after the kill: ${problems.join('; ')}`);
    const summary = importSavedPages(sqlite, [CORPUS], { now: '2026-09-01T10:00:00Z', today: TODAY });
    if (summary.failed) throw new Error(`${summary.failed} files failed`);
    return dumpContent(sqlite);
  } finally {
    close();
  }
}

interface Kill {
  round: number;
  /** the lines the child had printed (one per file) when it was killed */
  linesSeen: number;
  signal: string | null;
  code: number | null;
}

/** Runs the import as a child and kills it after `afterLines` lines and `delayMs` more. */
function importAndKill(file: string, afterLines: number, delayMs: number, round: number): Promise<Kill> {
  return new Promise((resolve) => {
    const child = spawnRatsradarSrc(['import', CORPUS, '--db', file], { RATSRADAR_TODAY: TODAY });
    let lines = 0;
    let armed = false;
    const arm = () => {
      if (armed) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    child.stdout!.on('data', (d: Buffer) => {
      lines += (d.toString().match(/\n/g) ?? []).length;
      if (lines >= afterLines) arm();
    });
    if (afterLines === 0) arm();
    child.on('exit', (code, signal) => resolve({ round, linesSeen: lines, signal, code }));
  });
}

describe('power cut during an import', () => {
  test(`${KILLS} kills at random points (seed ${SEED}): the database stays whole and a re-run gives the uninterrupted result`, async () => {
    const reference = importInProcess(path.join(tmp.dir, 'reference.sqlite'));
    expect((reference.papers as unknown[]).length).toBeGreaterThan(100);

    const rng = mulberry32(SEED);
    const plan = Array.from({ length: KILLS }, (_, round) => {
      // 0: somewhere in start-up and migrations; 1–66: after that many files; 67+: in the summary and derive step
      const afterLines = rng.int(69);
      return { round, file: path.join(tmp.dir, `killed-${round}.sqlite`), afterLines, delayMs: afterLines === 0 ? rng.range(300, 2500) : rng.int(40) };
    });
    // the killed imports, two at a time (each child is single-threaded)
    const kills: Kill[] = [];
    const queue = [...plan];
    const worker = async () => {
      for (let p = queue.shift(); p; p = queue.shift()) kills.push(await importAndKill(p.file, p.afterLines, p.delayMs, p.round));
    };
    await Promise.all([worker(), worker()]);
    kills.sort((a, b) => a.round - b.round);
    // every killed database opens, passes the check, and an import run again ends with the same content
    for (const p of plan) expect(importInProcess(p.file)).toEqual(reference);
    const killed = kills.filter((k) => k.signal === 'SIGKILL');
    process.stdout.write(
      `power cut: seed ${SEED}: ${killed.length} of ${kills.length} imports killed and survived ` +
        `(files done when killed: ${kills.map((k) => (k.signal === 'SIGKILL' ? k.linesSeen : `done(${k.code})`)).join(', ')})\n`,
    );
    // nearly every child was really killed mid-way (a child may finish before a late kill lands)
    expect(killed.length).toBeGreaterThanOrEqual(KILLS - 2);
    expect(killed.some((k) => k.linesSeen > 0 && k.linesSeen < 66)).toBe(true);
  }, 300_000);
});
