/**
 * The page store: every answer the crawler gets, kept as raw bytes with its URL, headers, time and
 * content hash, so `ratsradar reparse` can rebuild the database without the network.
 *
 *   <store>/objects/ab/abcdef…   the bodies, content-addressed (sha256), written once (temp file + rename)
 *   <store>/log/<source>.jsonl   one line per answer, in the order they came (the fetch history)
 *
 * A log line is appended before the answer's import is committed: a crawl killed in between fetches the
 * page again, and the log holds the same content twice, which reparse takes as one version. A line torn
 * by a kill is skipped when reading.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensureDir } from '../../util/ensure-dir';

export interface StoredFetch {
  source: string;
  url: string;
  /** where the answer came from after redirects */
  finalUrl: string;
  status: number;
  contentType: string | null;
  /** the response headers (lower-case names; cookies left out) */
  headers: Record<string, string>;
  fetchedAt: string;
  sha256: string;
  size: number;
  /** the page kind the crawl plan asked for */
  kind?: string;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function objectPath(storeDir: string, hash: string): string {
  return path.join(storeDir, 'objects', hash.slice(0, 2), hash);
}

/** Writes the body under its hash (once) and returns the hash. */
export function saveBody(storeDir: string, bytes: Uint8Array): string {
  const hash = sha256(bytes);
  const file = objectPath(storeDir, hash);
  if (!fs.existsSync(file)) {
    ensureDir(path.dirname(file));
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
  }
  return hash;
}

export function readBody(storeDir: string, hash: string): Buffer {
  return fs.readFileSync(objectPath(storeDir, hash));
}

export function hasBody(storeDir: string, hash: string): boolean {
  return fs.existsSync(objectPath(storeDir, hash));
}

function logFile(storeDir: string, source: string): string {
  return path.join(storeDir, 'log', `${source.replace(/[^\w.-]+/g, '_')}.jsonl`);
}

export function appendLog(storeDir: string, entry: StoredFetch): void {
  const file = logFile(storeDir, entry.source);
  ensureDir(path.dirname(file));
  fs.appendFileSync(file, `${JSON.stringify(entry)}\n`);
}

function isEntry(v: unknown): v is StoredFetch {
  const o = v as Record<string, unknown>;
  return !!o && typeof o.url === 'string' && typeof o.sha256 === 'string' && typeof o.status === 'number' && typeof o.fetchedAt === 'string';
}

/** Every logged answer (of one source, or of all), oldest first; torn or foreign lines are skipped. */
export function readStoreLog(storeDir: string, source?: string): StoredFetch[] {
  const dir = path.join(storeDir, 'log');
  if (!fs.existsSync(dir)) return [];
  const files = source ? [logFile(storeDir, source)].filter((f) => fs.existsSync(f)) : fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => path.join(dir, f));
  const out: StoredFetch[] = [];
  for (const file of files) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const v = JSON.parse(line) as unknown;
        if (isEntry(v)) out.push(v);
      } catch {
        // a line torn by a kill
      }
    }
  }
  return out.sort((a, b) => (a.fetchedAt < b.fetchedAt ? -1 : a.fetchedAt > b.fetchedAt ? 1 : 0));
}

