/**
 * A fuzz worker thread: parses the iterations the driver sends and answers with their outcomes.
 * It says when it starts an iteration, so the driver can stop it when one parse hangs; its heap is
 * capped (resourceLimits), so a parse that eats memory without end ends the worker, not the machine.
 */
import { parentPort, workerData } from 'node:worker_threads';
import v8 from 'node:v8';
import { isHugeIteration, iterationInput, loadFuzzPages, runInput } from './fuzz-core';

export interface WorkerConfig {
  seed: number;
  hugeEvery: number;
}

export type ToWorker = { iteration: number } | { stop: true };

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'start'; iteration: number; page: string; steps: string[]; size: number }
  | { kind: 'done'; result: import('./fuzz-core').IterationResult; heapMb: number };

const port = parentPort;
if (port) {
  const { seed, hugeEvery } = workerData as WorkerConfig;
  const pages = loadFuzzPages();
  port.on('message', (msg: ToWorker) => {
    if ('stop' in msg) {
      port.close();
      return;
    }
    const input = iterationInput(pages, seed, msg.iteration, isHugeIteration(msg.iteration, hugeEvery));
    port.postMessage({ kind: 'start', iteration: msg.iteration, page: input.page.page, steps: input.steps, size: input.bytes.length } satisfies FromWorker);
    const result = runInput(input, msg.iteration);
    // the heap the isolate had to grow to: an upper bound of what the parse needed at its peak
    const heapMb = v8.getHeapStatistics().total_heap_size / 1048576;
    port.postMessage({ kind: 'done', result, heapMb } satisfies FromWorker);
  });
  port.postMessage({ kind: 'ready' } satisfies FromWorker);
}
