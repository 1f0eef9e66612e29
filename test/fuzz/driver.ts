/**
 * Runs a fuzz campaign on worker threads: hands out iterations, stops a worker whose parse runs
 * longer than the hang bound (and records the iteration as a hang), records a worker that runs out
 * of its capped heap as a memory failure, and sums up outcomes, failures and the slowest parses.
 * Used by test/fuzz/parsers.test.ts (quick, in `npm test`) and test/fuzz/run-long.ts (`npm run fuzz`).
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { IterationResult } from './fuzz-core';
import type { FromWorker, ToWorker, WorkerConfig } from './worker';

export interface FuzzOptions {
  seed: number;
  iterations: number;
  /** every n-th iteration makes a megabyte-sized page */
  hugeEvery: number;
  workers: number;
  /** a parse that takes longer than this is a hang (generous: a guard, not a speed test) */
  hangMs: number;
  /** heap cap per worker */
  memoryMb: number;
  /** only these iterations (to reproduce one) */
  only?: number[];
  onProgress?: (done: number, total: number) => void;
}

export interface FuzzProblem {
  iteration: number;
  page: string;
  steps: string[];
  size: number;
  kind: 'exception' | 'hang' | 'memory' | 'crash';
  detail: string;
}

export interface FuzzSummary {
  seed: number;
  iterations: number;
  done: number;
  outcomes: Record<string, number>;
  problems: FuzzProblem[];
  /** the five slowest parses */
  slowest: IterationResult[];
  peakHeapMb: number;
  wallMs: number;
}

function tsxRequire(): string {
  return require.resolve('tsx/cjs');
}

export function runFuzz(opts: FuzzOptions): Promise<FuzzSummary> {
  const queue = opts.only ? [...opts.only] : Array.from({ length: opts.iterations }, (_, i) => i);
  const total = queue.length;
  const summary: FuzzSummary = { seed: opts.seed, iterations: total, done: 0, outcomes: {}, problems: [], slowest: [], peakHeapMb: 0, wallMs: 0 };
  const t0 = performance.now();
  const config: WorkerConfig = { seed: opts.seed, hugeEvery: opts.hugeEvery };

  return new Promise((resolve) => {
    let live = 0;
    const finishOne = () => {
      summary.done++;
      opts.onProgress?.(summary.done, total);
    };

    const spawn = () => {
      live++;
      const worker = new Worker(path.join(__dirname, 'worker.ts'), {
        workerData: config,
        execArgv: ['--require', tsxRequire()],
        // stack like the main thread's (~1 MB), so deep recursion fails here as it would in the CLI
        resourceLimits: { maxOldGenerationSizeMb: opts.memoryMb, stackSizeMb: 1 },
      });
      // the iteration handed out and not answered yet (page and steps known once the worker says 'start')
      let current: Omit<Extract<FromWorker, { kind: 'start' }>, 'kind'> | null = null;
      let timer: NodeJS.Timeout | null = null;
      let ended = false;
      let ready = false;
      const watch = () => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => lose('hang', `no answer after ${opts.hangMs} ms`), opts.hangMs);
      };

      const next = () => {
        const iteration = queue.shift();
        if (iteration === undefined) {
          ended = true;
          void worker.terminate();
          return;
        }
        // the bound covers making the mutated page too; it restarts when the parse starts
        current = { iteration, page: '(mutating)', steps: [], size: 0 };
        watch();
        worker.postMessage({ iteration } satisfies ToWorker);
      };
      const lose = (kind: FuzzProblem['kind'], detail: string) => {
        if (timer) clearTimeout(timer);
        if (current) {
          summary.problems.push({ iteration: current.iteration, page: current.page, steps: current.steps, size: current.size, kind, detail });
          finishOne();
        }
        current = null;
        ended = true;
        void worker.terminate();
        if (ready) spawn(); // carry on with a fresh worker
        else summary.problems.push({ iteration: -1, page: '(worker start-up)', steps: [], size: 0, kind: 'crash', detail: `a fuzz worker failed to start: ${detail}` });
      };

      worker.on('message', (msg: FromWorker) => {
        if (msg.kind === 'ready') {
          ready = true;
          next();
        }
        else if (msg.kind === 'start') {
          current = { iteration: msg.iteration, page: msg.page, steps: msg.steps, size: msg.size };
          watch();
        } else {
          if (timer) clearTimeout(timer);
          current = null;
          const r = msg.result;
          summary.outcomes[r.outcome] = (summary.outcomes[r.outcome] ?? 0) + 1;
          summary.peakHeapMb = Math.max(summary.peakHeapMb, msg.heapMb);
          if (r.outcome === 'FAIL') {
            summary.problems.push({ iteration: r.iteration, page: r.page, steps: r.steps, size: r.size, kind: 'exception', detail: r.failure ?? '' });
          }
          summary.slowest = [...summary.slowest, r].sort((a, b) => b.ms - a.ms).slice(0, 5);
          finishOne();
          next();
        }
      });
      worker.on('error', (err: Error & { code?: string }) => {
        if (ended) return;
        lose(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash', `${err.code ?? err.name}: ${err.message}`);
      });
      worker.on('exit', () => {
        if (!ended) lose('crash', 'worker exited');
        live--;
        if (live === 0) {
          summary.wallMs = performance.now() - t0;
          summary.problems.sort((a, b) => a.iteration - b.iteration);
          resolve(summary);
        }
      });
    };
    for (let i = 0; i < Math.max(1, Math.min(opts.workers, total)); i++) spawn();
  });
}

/** The lines to print for a summary: figures, the slowest parses, and how to reproduce each problem. */
export function formatSummary(s: FuzzSummary, hugeEvery: number): string[] {
  const lines = [
    `fuzz: seed ${s.seed}, ${s.done}/${s.iterations} iterations in ${(s.wallMs / 1000).toFixed(1)} s, peak worker heap ${Math.round(s.peakHeapMb)} MB`,
    `fuzz: outcomes ${Object.entries(s.outcomes).sort().map(([k, v]) => `${k}=${v}`).join(' ')}`,
    ...s.slowest.map((r) => `fuzz: slow ${r.ms.toFixed(0)} ms  #${r.iteration} ${r.page} [${r.steps.join(',')}] ${(r.size / 1048576).toFixed(1)} MB`),
  ];
  for (const p of s.problems) {
    lines.push(`fuzz: ${p.kind.toUpperCase()} #${p.iteration} ${p.page} [${p.steps.join(',')}] ${p.size} bytes: ${p.detail.split('\n').slice(0, 6).join(' | ')}`);
    lines.push(`      reproduce: FUZZ_SEED=${s.seed} FUZZ_ONLY=${p.iteration} FUZZ_HUGE_EVERY=${hugeEvery} npm run fuzz`);
  }
  return lines;
}
