/**
 * Documents in the database: one `documents` row per content (sha256) with its pages in
 * `document_pages`, and the fetch state of each `files` row that links a document (by its URL). Every
 * files row of a source with the same URL shares the fetch; every URL with the same bytes shares the
 * documents row.
 */
import type Database from 'better-sqlite3';
import type { Extraction } from '../ingest/documents/extract-pool';
import { stmt } from './registry';

/** Writes (or replaces) a document's extraction: its row and its pages, in one transaction. */
export function saveExtraction(
  sqlite: Database.Database,
  doc: { hash: string; size: number; mimeType: string | null; extractor: string; extractedAt: string },
  x: Extraction,
): void {
  sqlite.transaction(() => {
    stmt(sqlite, 'DELETE FROM document_pages WHERE hash = ?').run(doc.hash);
    stmt(sqlite, `INSERT INTO documents (hash, size, mime_type, status, error, page_count, title, created_on, extracted_at, extractor)
      VALUES (@hash, @size, @mimeType, @status, @error, @pageCount, @title, @createdOn, @extractedAt, @extractor)
      ON CONFLICT (hash) DO UPDATE SET size = excluded.size, mime_type = excluded.mime_type, status = excluded.status,
        error = excluded.error, page_count = excluded.page_count, title = excluded.title, created_on = excluded.created_on,
        extracted_at = excluded.extracted_at, extractor = excluded.extractor`)
      .run({ ...doc, status: x.status, error: x.error, pageCount: x.pageCount, title: x.title, createdOn: x.createdOn });
    const page = stmt(sqlite, 'INSERT INTO document_pages (hash, page, text, search_text) VALUES (?, ?, ?, ?)');
    x.pages.forEach((text, i) => page.run(doc.hash, i + 1, text, x.searchPages[i] ?? ''));
  }).immediate();
}

/** The status of the document with these bytes, when it was read by this extractor; null: not read (yet). */
export function extractedStatus(sqlite: Database.Database, hash: string, extractor: string): string | null {
  return (stmt(sqlite, 'SELECT status FROM documents WHERE hash = ? AND extractor = ?').pluck().get(hash, extractor) as string | undefined) ?? null;
}

export type FetchState = 'fetched' | 'failed' | 'skipped';

/** Records a fetch of URL on every files row of the source that links it. */
export function markFiles(
  sqlite: Database.Database,
  sourceId: number,
  url: string,
  r: { state: FetchState; hash?: string | null; error?: string | null; at: string; attempt?: boolean },
): number {
  return stmt(sqlite, `UPDATE files SET fetch_state = ?, content_hash = COALESCE(?, content_hash), fetch_error = ?,
      fetch_attempts = fetch_attempts + ?, fetched_at = CASE WHEN ? = 'fetched' THEN ? ELSE fetched_at END
      WHERE source_id = ? AND url = ?`)
    .run(r.state, r.hash ?? null, r.error ?? null, r.attempt === false ? 0 : 1, r.state, r.at, sourceId, url).changes;
}

/** Tries after which a failing document is left alone (its state says "failed" and why). */
export const MAX_DOCUMENT_ATTEMPTS = 5;

/** Document URLs of a source to fetch again: failed before (fewer than the maximum tries) or never tried. */
export function documentsToRetry(sqlite: Database.Database, sourceId: number): string[] {
  return stmt(sqlite, `SELECT DISTINCT url FROM files WHERE source_id = ? AND url IS NOT NULL AND paper_id IS NOT NULL
      AND (fetch_state = 'failed' AND fetch_attempts < ?) ORDER BY url`)
    .pluck()
    .all(sourceId, MAX_DOCUMENT_ATTEMPTS) as string[];
}

/** Whether every files row of the source with this URL has its document (fetched, or left as a link on purpose). */
export function documentSettled(sqlite: Database.Database, sourceId: number, url: string): boolean {
  const open = stmt(sqlite, `SELECT COUNT(*) FROM files WHERE source_id = ? AND url = ?
      AND (fetch_state IS NULL OR (fetch_state = 'failed' AND fetch_attempts < ?))`).pluck().get(sourceId, url, MAX_DOCUMENT_ATTEMPTS) as number;
  return open === 0;
}

/** The stored documents to read again (reparse --documents): every hash a files row points to. */
export function storedDocumentHashes(sqlite: Database.Database): { hash: string; mimeType: string | null }[] {
  return stmt(sqlite, `SELECT f.content_hash AS hash, MAX(d.mime_type) AS mimeType FROM files f LEFT JOIN documents d ON d.hash = f.content_hash
      WHERE f.content_hash IS NOT NULL GROUP BY f.content_hash ORDER BY f.content_hash`)
    .all() as { hash: string; mimeType: string | null }[];
}

/** A paper's document states by URL, for its page: fetched and read (pages), no text layer, failed. */
export interface FileDocumentState {
  url: string;
  fetchState: string | null;
  status: string | null;
  pageCount: number | null;
  error: string | null;
}

export function documentStatesOfPaper(sqlite: Database.Database, paperId: number): FileDocumentState[] {
  return stmt(sqlite, `SELECT f.url AS url, f.fetch_state AS fetchState, d.status AS status, d.page_count AS pageCount,
      COALESCE(d.error, f.fetch_error) AS error
      FROM files f LEFT JOIN documents d ON d.hash = f.content_hash WHERE f.paper_id = ? AND f.url IS NOT NULL ORDER BY f.position`)
    .all(paperId) as FileDocumentState[];
}
