/**
 * The long fuzz run: `npm run fuzz` (tsx test/fuzz/run-long.ts). Settings from the environment:
 *   FUZZ_SEED=<n>            the run's seed (default: a new one, printed first)
 *   FUZZ_ITERATIONS=<n>      how many mutated pages (default 20000)
 *   FUZZ_HUGE_EVERY=<n>      every n-th page is megabyte-sized (default 25)
 *   FUZZ_ONLY=<i>[,<j>…]     only these iterations (reproduce a failure; same seed and FUZZ_HUGE_EVERY)
 *   FUZZ_WORKERS=<n>         worker threads (default: the number of CPUs)
 *   FUZZ_HANG_MS=<ms>        a parse that takes longer is a hang (default 60000)
 *   FUZZ_MEMORY_MB=<mb>      heap cap per worker (default 2048)
 *   FUZZ_SAVE=<folder>       write every failing input there (for a regression test)
 * Exit 1 when a parse ended in anything but a record or a typed error, hung, or ran out of memory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatSummary, runFuzz } from './driver';
import { isHugeIteration, iterationInput, loadFuzzPages } from './fuzz-core';

function envInt(name: string, fallback: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`fuzz: ${name} must be a whole number, got "${v}"\n`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<number> {
  const seed = envInt('FUZZ_SEED', Math.floor(Math.random() * 2 ** 32));
  const iterations = envInt('FUZZ_ITERATIONS', 20000);
  const hugeEvery = envInt('FUZZ_HUGE_EVERY', 25);
  const only = process.env.FUZZ_ONLY ? process.env.FUZZ_ONLY.split(',').map((s) => Number(s.trim())) : undefined;
  if (only?.some((n) => !Number.isInteger(n) || n < 0)) {
    process.stderr.write(`fuzz: FUZZ_ONLY must list iteration numbers, got "${process.env.FUZZ_ONLY}"\n`);
    return 2;
  }
  const again = only ? `FUZZ_ONLY=${only.join(',')}` : `FUZZ_ITERATIONS=${iterations}`;
  process.stdout.write(`fuzz: seed ${seed} (FUZZ_SEED=${seed} ${again} FUZZ_HUGE_EVERY=${hugeEvery} to run it again)\n`);
  let lastPrint = 0;
  const summary = await runFuzz({
    seed,
    iterations,
    hugeEvery,
    only,
    workers: envInt('FUZZ_WORKERS', os.availableParallelism()),
    hangMs: envInt('FUZZ_HANG_MS', 60000),
    memoryMb: envInt('FUZZ_MEMORY_MB', 2048),
    onProgress: (done, total) => {
      if (done === total || performance.now() - lastPrint > 10000) {
        lastPrint = performance.now();
        process.stdout.write(`fuzz: ${done}/${total}\n`);
      }
    },
  });
  for (const line of formatSummary(summary, hugeEvery)) process.stdout.write(`${line}\n`);

  const save = process.env.FUZZ_SAVE;
  if (save && summary.problems.length) {
    fs.mkdirSync(save, { recursive: true });
    const pages = loadFuzzPages();
    for (const p of summary.problems) {
      const input = iterationInput(pages, seed, p.iteration, isHugeIteration(p.iteration, hugeEvery));
      const file = path.join(save, `seed${seed}-it${p.iteration}-${path.basename(p.page)}.bin`);
      fs.writeFileSync(file, input.bytes);
      process.stdout.write(`fuzz: saved ${file} (url ${input.url ?? 'none'})\n`);
    }
  }
  return summary.problems.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`fuzz: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
