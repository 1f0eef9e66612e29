/**
 * pdf-parse in a pool of worker threads: one PDF at a time per worker, each worker's heap capped
 * (resourceLimits), a time limit per document (the worker is ended and a fresh one started). A PDF that
 * needs a password, one that is not a readable PDF, one that takes too long or fills the heap comes back
 * as a typed status with a one-line error — never a crash of the caller. Pool size: the cores there are.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { hasTextLayer, toSearchText } from './normalise';
import { WORKER_SOURCE } from './extract-worker';

/** documents.status: what reading a document gave. */
export type DocumentStatus = 'ok' | 'no_text' | 'encrypted' | 'broken' | 'timeout' | 'too_large' | 'unsupported';

/** The extractor a documents row names, so a newer one can re-extract. */
export const EXTRACTOR = 'pdf-parse@2';

export interface Extraction {
  status: DocumentStatus;
  /** one line, for a document that could not be read */
  error: string | null;
  pageCount: number | null;
  title: string | null;
  createdOn: string | null;
  /** each page's text as extracted (shown) */
  pages: string[];
  /** each page's text normalised for the search index (normalise.ts) */
  searchPages: string[];
}

export interface PoolOptions {
  /** workers (default: the available cores) */
  size?: number;
  /** time limit per document (default 60 s) */
  timeoutMs?: number;
  /** heap cap per worker in MB (default 512) */
  maxHeapMb?: number;
}

export const POOL_DEFAULTS = { timeoutMs: 60_000, maxHeapMb: 512 };

interface Job {
  bytes: Buffer;
  resolve: (e: Extraction) => void;
}

interface Answer {
  id: number;
  ok: boolean;
  status?: DocumentStatus;
  error?: string;
  pageCount?: number;
  title?: string | null;
  createdOn?: string | null;
  pages?: string[];
}

function failed(status: DocumentStatus, error: string): Extraction {
  return { status, error, pageCount: null, title: null, createdOn: null, pages: [], searchPages: [] };
}

/** What an answer of the worker becomes: the text normalised, a file without a text layer marked. */
export function toExtraction(a: Answer): Extraction {
  if (!a.ok) return failed(a.status ?? 'broken', a.error ?? 'unknown error');
  const pages = a.pages ?? [];
  const searchPages = toSearchText(pages);
  const status: DocumentStatus = hasTextLayer(searchPages) ? 'ok' : 'no_text';
  return { status, error: null, pageCount: a.pageCount ?? pages.length, title: a.title ?? null, createdOn: a.createdOn ?? null, pages, searchPages };
}

class Slot {
  worker: Worker | null = null;
  job: (Job & { id: number; timer: NodeJS.Timeout }) | null = null;
}

export class ExtractPool {
  readonly size: number;
  private readonly timeoutMs: number;
  private readonly maxHeapMb: number;
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private readonly pdfParsePath = require.resolve('pdf-parse');
  private nextId = 1;
  private closed = false;

  constructor(opts: PoolOptions = {}) {
    this.size = Math.max(1, opts.size ?? os.availableParallelism());
    this.timeoutMs = opts.timeoutMs ?? POOL_DEFAULTS.timeoutMs;
    this.maxHeapMb = opts.maxHeapMb ?? POOL_DEFAULTS.maxHeapMb;
    this.slots = Array.from({ length: this.size }, () => new Slot());
  }

  /** Reads one PDF; always resolves (a failure is a status). */
  extract(bytes: Buffer): Promise<Extraction> {
    if (this.closed) return Promise.resolve(failed('broken', 'the extraction pool is closed'));
    return new Promise((resolve) => {
      this.queue.push({ bytes, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve(failed('broken', 'the extraction pool was closed'));
    await Promise.all(this.slots.map(async (s) => {
      const w = s.worker;
      s.worker = null;
      if (s.job) this.finish(s, failed('broken', 'the extraction pool was closed'));
      if (w) await w.terminate();
    }));
  }

  private spawn(slot: Slot): Worker {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { pdfParsePath: this.pdfParsePath },
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb, maxYoungGenerationSizeMb: 32 },
      stdout: true,
      stderr: true,
    });
    // pdf.js's warnings about odd files are not ours to print
    worker.stdout.resume();
    worker.stderr.resume();
    worker.on('message', (a: Answer) => {
      if (slot.job?.id === a.id) this.finish(slot, toExtraction(a));
    });
    // a worker that dies (heap full, a crash) takes its document down with it, not the pool
    worker.on('error', (err: Error & { code?: string }) => this.lose(slot, worker, err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? failed('too_large', `the PDF needs more than ${this.maxHeapMb} MB to read`) : failed('broken', `the reader failed: ${err.message.split('\n')[0]}`)));
    worker.on('exit', () => this.lose(slot, worker, failed('broken', 'the reader stopped')));
    return worker;
  }

  private lose(slot: Slot, worker: Worker, result: Extraction): void {
    if (slot.worker !== worker) return;
    slot.worker = null;
    if (slot.job) this.finish(slot, result);
  }

  private finish(slot: Slot, result: Extraction): void {
    const job = slot.job!;
    clearTimeout(job.timer);
    slot.job = null;
    slot.worker?.unref(); // an idle pool does not keep the process alive
    job.resolve(result);
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.closed || !this.queue.length) return;
      if (slot.job) continue;
      const job = this.queue.shift()!;
      const worker = (slot.worker ??= this.spawn(slot));
      worker.ref();
      const id = this.nextId++;
      const timer = setTimeout(() => {
        // over the time limit: the worker is ended (and a fresh one started for the next document)
        slot.worker = null;
        void worker.terminate();
        this.finish(slot, failed('timeout', `reading took longer than ${this.timeoutMs >= 1000 ? `${Math.round(this.timeoutMs / 1000)} s` : `${this.timeoutMs} ms`}`));
      }, this.timeoutMs);
      slot.job = { ...job, id, timer };
      const copy = new Uint8Array(job.bytes.byteLength);
      copy.set(job.bytes);
      worker.postMessage({ id, bytes: copy.buffer }, [copy.buffer]);
    }
  }
}
