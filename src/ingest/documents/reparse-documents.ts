/**
 * `ratsradar reparse --documents`: every document a files row points to is read again from the page
 * store (no network) by the extraction pool, its row and pages replaced — for a newer extractor or a
 * changed normalisation. A document whose bytes are missing from the store is named, and left as it is.
 */
import type Database from 'better-sqlite3';
import { saveExtraction, storedDocumentHashes } from '../../db/documents';
import { CommandError } from '../command-args';
import { hasBody, readBody } from '../store/page-store';
import { EXTRACTOR, ExtractPool, type DocumentStatus, type PoolOptions } from './extract-pool';

export interface DocumentReparse {
  lines: string[];
  read: number;
  missing: number;
  byStatus: Partial<Record<DocumentStatus, number>>;
}

export async function reparseDocuments(sqlite: Database.Database, storeDir: string, opts: { now: string; pool?: PoolOptions }): Promise<DocumentReparse> {
  const docs = storedDocumentHashes(sqlite);
  if (!docs.length) throw new CommandError('no fetched documents in the database (scrape or import fetches them)');
  const pool = new ExtractPool(opts.pool);
  const result: DocumentReparse = { lines: [], read: 0, missing: 0, byStatus: {} };
  try {
    // a few at a time, so that only those are in memory
    for (let i = 0; i < docs.length; i += pool.size * 2) {
      await Promise.all(docs.slice(i, i + pool.size * 2).map(async ({ hash, mimeType }) => {
        if (!hasBody(storeDir, hash)) {
          result.missing++;
          result.lines.push(`  ${hash}: not in the store ${storeDir}; left as it was`);
          return;
        }
        const bytes = readBody(storeDir, hash);
        const x = await pool.extract(bytes);
        saveExtraction(sqlite, { hash, size: bytes.length, mimeType: mimeType ?? 'application/pdf', extractor: EXTRACTOR, extractedAt: opts.now }, x);
        result.read++;
        result.byStatus[x.status] = (result.byStatus[x.status] ?? 0) + 1;
      }));
    }
  } finally {
    await pool.close();
  }
  const s = result.byStatus;
  const unreadable = (s.encrypted ?? 0) + (s.broken ?? 0) + (s.timeout ?? 0) + (s.too_large ?? 0);
  result.lines.unshift(`documents: ${result.read} read again from the store: ${s.ok ?? 0} with text, ${s.no_text ?? 0} without text layer, ` +
    `${unreadable} unreadable${result.missing ? `; ${result.missing} missing from the store` : ''}`);
  return result;
}
