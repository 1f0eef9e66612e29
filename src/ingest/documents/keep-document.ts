/**
 * A document's bytes, however they came (a crawl's answer, a PDF beside a saved page, the store): kept in
 * the page store under their hash (one copy, however many motions or URLs link them), read by the
 * extraction pool once per hash and extractor, and noted on every files row of the source that links
 * the URL. What is not a PDF is not kept: the link stays a link (fetch state "skipped", with why).
 */
import type Database from 'better-sqlite3';
import { extractedStatus, markFiles, saveExtraction } from '../../db/documents';
import { isPdfBytes } from '../fetch/fetcher';
import { saveBody } from '../store/page-store';
import { EXTRACTOR, type DocumentStatus, type ExtractPool } from './extract-pool';

/** The limits of document fetching, stated in the README ("Documents"). */
export const DOCUMENT_LIMITS = {
  /** bytes per document; a larger one is not fetched (the fetch fails as too-large, and is not retried) */
  maxBytes: 50 * 1024 * 1024,
  /** documents fetched per motion (and per meeting), in page order; the rest stay links */
  maxPerPaper: 20,
};

export interface KeptDocument {
  /** "kept": stored (and read now or before); "skipped": not a PDF, left as a link */
  outcome: 'kept' | 'skipped';
  hash: string | null;
  /** what reading the PDF gave (documents.status) */
  status: DocumentStatus | null;
  /** read now (false: read before, same bytes) */
  extracted: boolean;
}

function mimeOf(contentType: string | null): string | null {
  return contentType ? contentType.split(';')[0].trim().toLowerCase() || null : null;
}

export async function keepDocument(
  sqlite: Database.Database,
  pool: ExtractPool,
  storeDir: string,
  d: { sourceId: number; url: string; bytes: Buffer; contentType: string | null; now: string; attempt?: boolean },
): Promise<KeptDocument> {
  if (!isPdfBytes(d.bytes)) {
    const type = mimeOf(d.contentType) ?? 'unknown type';
    markFiles(sqlite, d.sourceId, d.url, { state: 'skipped', error: `not a PDF (${type}): kept as a link`, at: d.now, attempt: d.attempt });
    return { outcome: 'skipped', hash: null, status: null, extracted: false };
  }
  const hash = saveBody(storeDir, d.bytes);
  let status = extractedStatus(sqlite, hash, EXTRACTOR) as DocumentStatus | null;
  let extracted = false;
  if (status === null) {
    const x = await pool.extract(d.bytes);
    saveExtraction(sqlite, { hash, size: d.bytes.length, mimeType: 'application/pdf', extractor: EXTRACTOR, extractedAt: d.now }, x);
    status = x.status;
    extracted = true;
  }
  markFiles(sqlite, d.sourceId, d.url, { state: 'fetched', hash, at: d.now, attempt: d.attempt });
  return { outcome: 'kept', hash, status, extracted };
}
