/**
 * Extraction (issue 13): pages/s per core through the worker pool against pdf-parse called bare (in this
 * thread, one document after the other) on the same generated German PDFs, and the pool's peak RSS on a
 * 500-page PDF (in a child process, so that nothing else counts). The PDFs are made by pdfkit
 * (test/helpers/pdf-docs.ts): `files` documents of 1–8 pages of about 2,500 characters each.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFParse } from 'pdf-parse';
import { ExtractPool } from '../src/ingest/documents/extract-pool';
import { drucksachePdf, longPdf } from '../test/helpers/pdf-docs';
import type { ExtractChildResult } from './extract-child';

export interface ExtractBenchResult {
  files: number;
  pages: number;
  bareSeconds: number;
  /** CPU seconds the bare run used (this process) */
  bareCpuSeconds: number;
  /** pages per CPU second: pages/s of one busy core */
  barePagesPerSec: number;
  poolSize: number;
  poolSeconds: number;
  /** CPU seconds the pool run used (this process: main thread and workers) */
  poolCpuSeconds: number;
  /** pages per CPU second of the pool (main thread and workers): pages/s per busy core */
  poolPagesPerSecPerCore: number;
  /** wall-clock pages/s of the pool divided by its workers (low on a busy machine, where the workers wait for a core) */
  poolWallPagesPerSecPerCore: number;
  ratio: number;
  big: ExtractChildResult | null;
}

async function bare(files: Buffer[]): Promise<number> {
  let pages = 0;
  for (const bytes of files) {
    const parser = new PDFParse({ data: new Uint8Array(bytes) });
    try {
      await parser.getInfo();
      pages += (await parser.getText()).pages.length;
    } finally {
      await parser.destroy();
    }
  }
  return pages;
}

function bigChild(file: string, small: string): Promise<ExtractChildResult | null> {
  return new Promise((resolve) => {
    const child = fork(path.join(__dirname, 'extract-child.ts'), [file, small], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: ExtractChildResult | null = null;
    child.on('message', (m) => {
      result = m as ExtractChildResult;
    });
    child.on('exit', () => resolve(result));
    child.on('error', () => resolve(null));
  });
}

export async function benchExtract(opts: { dir: string; files: number; bigPages: number; log: (line: string) => void }): Promise<ExtractBenchResult> {
  const files: Buffer[] = [];
  for (let i = 0; i < opts.files; i++) files.push(await longPdf(1 + (i % 8)));
  opts.log(`extract: ${files.length} generated PDFs, ${(files.reduce((s, f) => s + f.length, 0) / 1048576).toFixed(1)} MB`);
  await bare(files.slice(0, 8)); // warm-up: pdf-parse loaded and compiled
  const cpu = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
  const b0 = process.hrtime.bigint();
  const bc = process.cpuUsage();
  const pages = await bare(files);
  const bareCpuSeconds = cpu(process.cpuUsage(bc));
  const bareSeconds = Number(process.hrtime.bigint() - b0) / 1e9;
  const pool = new ExtractPool();
  let poolSeconds: number;
  let poolCpuSeconds: number;
  try {
    // warm-up: every worker started, its pdf-parse loaded and compiled (four documents each), as in a crawl after its first documents
    await Promise.all(files.slice(0, pool.size * 4).map((f) => pool.extract(f)));
    const p0 = process.hrtime.bigint();
    const pc = process.cpuUsage();
    const results = await Promise.all(files.map((f) => pool.extract(f)));
    poolCpuSeconds = cpu(process.cpuUsage(pc));
    poolSeconds = Number(process.hrtime.bigint() - p0) / 1e9;
    const poolPages = results.reduce((s, x) => s + (x.pageCount ?? 0), 0);
    if (poolPages !== pages) throw new Error(`the pool read ${poolPages} pages, pdf-parse bare ${pages}`);
  } finally {
    await pool.close();
  }
  // per core = per CPU second: a busy machine (other processes) slows the wall clock, not the work per core
  const barePagesPerSec = pages / bareCpuSeconds;
  const poolPagesPerSecPerCore = pages / poolCpuSeconds;
  const poolWallPagesPerSecPerCore = pages / poolSeconds / pool.size;
  opts.log(`extract: bare ${barePagesPerSec.toFixed(0)} pages per CPU s (${(pages / bareSeconds).toFixed(0)} pages/s wall); pool of ${pool.size}: ` +
    `${poolPagesPerSecPerCore.toFixed(0)} pages per CPU s (${poolWallPagesPerSecPerCore.toFixed(0)} pages/s wall per worker); load ${os.loadavg()[0].toFixed(1)}`);
  const bigFile = path.join(opts.dir, `extract-${opts.bigPages}.pdf`);
  const smallFile = path.join(opts.dir, 'extract-1.pdf');
  fs.writeFileSync(bigFile, await longPdf(opts.bigPages));
  fs.writeFileSync(smallFile, await drucksachePdf());
  const big = await bigChild(bigFile, smallFile);
  opts.log(big ? `extract: ${big.pages} pages in ${big.seconds.toFixed(1)} s, peak RSS ${big.peakMb.toFixed(0)} MB (${big.warmPeakMb.toFixed(0)} MB warm)` : 'extract: the 500-page child gave no result');
  return {
    files: files.length, pages, bareSeconds, bareCpuSeconds, barePagesPerSec, poolSize: pool.size, poolSeconds, poolCpuSeconds, poolPagesPerSecPerCore, poolWallPagesPerSecPerCore,
    ratio: poolPagesPerSecPerCore / barePagesPerSec, big,
  };
}

/** The Markdown of the extraction rows. */
export function renderExtract(r: ExtractBenchResult): string {
  const n0 = (v: number) => Math.round(v).toLocaleString('en');
  const rows = [
    `| extraction: ${r.files} generated German PDFs, ${r.pages} pages, through the pool (${r.poolSize} workers on ${os.availableParallelism()} cores; pages per CPU second of the process, workers included; wall clock ${r.poolSeconds.toFixed(1)} s, ${n0(r.poolWallPagesPerSecPerCore)} pages/s per worker) | ${n0(r.poolPagesPerSecPerCore)} pages/s per core | ${n0(r.barePagesPerSec)} pages/s (pdf-parse bare in one thread, per CPU second; wall clock ${r.bareSeconds.toFixed(1)} s) | ${(r.ratio * 100).toFixed(0)} % |`,
  ];
  const big = r.big
    ? `| pool of one worker reading a ${r.big.pages}-page PDF (${r.big.seconds.toFixed(1)} s, ${r.big.status}) | peak RSS ${n0(r.big.peakMb)} MB (${n0(r.big.warmPeakMb)} MB after a one-page PDF); bound: heap cap ${r.big.maxHeapMb} MB per worker |`
    : '| pool reading a 500-page PDF | n/a |';
  return ['| what | rate | baseline in the same run | ratio |', '|---|---|---|---|', ...rows, '', '| what | memory |', '|---|---|', big].join('\n');
}
