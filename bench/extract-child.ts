/**
 * A child process of bench/extract.ts: reads one PDF (argv[2]) through an extraction pool of one worker
 * and reports its own peak RSS (VmHWM: the main thread and the worker thread together) before and after.
 */
import fs from 'node:fs';
import { ExtractPool, POOL_DEFAULTS } from '../src/ingest/documents/extract-pool';
import { memoryOfSelf } from './memory';

export interface ExtractChildResult {
  pages: number;
  status: string;
  seconds: number;
  /** peak RSS after a one-page document (the pool started, pdf-parse loaded) */
  warmPeakMb: number;
  /** peak RSS after the big document */
  peakMb: number;
  maxHeapMb: number;
}

async function main(): Promise<void> {
  const pool = new ExtractPool({ size: 1, timeoutMs: 600_000 });
  try {
    const bytes = fs.readFileSync(process.argv[2]);
    await pool.extract(fs.readFileSync(process.argv[3]));
    const warmPeakMb = memoryOfSelf().peakMb;
    const t0 = process.hrtime.bigint();
    const x = await pool.extract(bytes);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const result: ExtractChildResult = { pages: x.pageCount ?? 0, status: x.status, seconds, warmPeakMb, peakMb: memoryOfSelf().peakMb, maxHeapMb: POOL_DEFAULTS.maxHeapMb };
    process.send?.(result);
  } finally {
    await pool.close();
  }
}

void main();
