/**
 * Runs bench/import-child.ts in a child process, feeds it the generated motions batch by batch (one
 * city in memory here at a time, at most two batches on their way), and returns what it reports (its
 * peak RSS among it). On a slow or busy machine the import may not finish in the budget: no batch is
 * sent after `maxSeconds`, the child is stopped `graceSeconds` later still, and its last progress
 * report is the result.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { RisRecord } from '../scrapers/records';
import type { SourceSpec } from '../src/db/import';
import { generateWorld } from './generate';
import { recordsOf } from './import';
import type { ImportChildMessage, ImportChildResult } from './import-child';

/** The batches of the generated world, in the order a crawler meets them; a city's records are let go of as they are sent. */
function* batchesOf(opts: { motions: number; seed: number; today: string; batch: number }): Generator<{ source: SourceSpec; records: RisRecord[] }> {
  for (const city of generateWorld({ seed: opts.seed, motions: opts.motions, today: opts.today })) {
    const list = recordsOf(city);
    city.organizations = [];
    city.papers = [];
    city.meetings = [];
    while (list.length > 0) yield { source: city.source, records: list.splice(0, opts.batch) };
  }
}

export async function benchImportMemory(opts: {
  dir: string; motions: number; seed: number; today: string; batch: number; maxSeconds: number; graceSeconds: number;
}): Promise<ImportChildResult> {
  const file = path.join(opts.dir, `import-${opts.motions}.sqlite`);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const child = fork(path.join(__dirname, 'import-child.ts'), [file, String(opts.motions), opts.today], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const batches = batchesOf(opts);
  const started = Date.now();
  let inFlight = 0;
  let ended = false;
  const send = (m: ImportChildMessage) => child.send(m);
  const feed = () => {
    while (!ended && inFlight < 2) {
      const next = Date.now() - started > opts.maxSeconds * 1000 ? null : batches.next();
      if (!next || next.done) {
        ended = true;
        send({ type: 'end', complete: next?.done === true });
        return;
      }
      inFlight++;
      send({ type: 'batch', ...next.value });
    }
  };
  return new Promise((resolve, reject) => {
    let result: ImportChildResult | null = null;
    const timer = setTimeout(() => child.kill('SIGKILL'), (opts.maxSeconds + opts.graceSeconds) * 1000);
    child.on('message', (m: ImportChildResult) => {
      result = m;
      if (m.type === 'progress') {
        inFlight--;
        feed();
      }
    });
    child.once('spawn', feed);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (result) resolve(result.type === 'done' ? result : { ...result, complete: false });
      else reject(new Error(`the import child exited with ${code} before reporting`));
    });
  });
}
