/**
 * Test helper: puts an extracted document into the shared tables (documents, document_pages) and links
 * it to a paper's file (files.content_hash), as the document fetcher and extractor do after a crawl.
 * The text is written by the test; the hash is the sha256 of the pages' text (a stand-in for the bytes).
 */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';

export interface TestDocument {
  paperId: number;
  /** the file's name as the RIS lists it */
  name: string;
  url?: string | null;
  /** the text of each page (1-based order) */
  pages: string[];
  /** reuse another document's bytes: several papers link the same file */
  hash?: string;
}

/** Adds (or links again) a document and returns its content hash. */
export function addDocument(sqlite: Database.Database, doc: TestDocument): string {
  const hash = doc.hash ?? crypto.createHash('sha256').update(doc.pages.join('\f')).digest('hex');
  sqlite.transaction(() => {
    const known = sqlite.prepare('SELECT 1 FROM documents WHERE hash = ?').get(hash);
    if (!known) {
      sqlite
        .prepare(`INSERT INTO documents (hash, size, mime_type, status, page_count, extracted_at, extractor)
          VALUES (?, ?, 'application/pdf', 'ok', ?, '2026-11-24T09:00:00Z', 'test')`)
        .run(hash, doc.pages.join('').length, doc.pages.length);
      const page = sqlite.prepare('INSERT INTO document_pages (hash, page, text, search_text) VALUES (?, ?, ?, ?)');
      doc.pages.forEach((text, i) => page.run(hash, i + 1, text, text));
    }
    const sourceId = sqlite.prepare('SELECT source_id FROM papers WHERE id = ?').pluck().get(doc.paperId) as number;
    const position = sqlite.prepare('SELECT COUNT(*) FROM files WHERE paper_id = ?').pluck().get(doc.paperId) as number;
    sqlite
      .prepare(`INSERT INTO files (source_id, paper_id, position, name, url, content_hash, fetch_state, fetch_attempts)
        VALUES (?, ?, ?, ?, ?, ?, 'fetched', 1)`)
      .run(sourceId, doc.paperId, position, doc.name, doc.url ?? `https://ris.example/docs/${hash.slice(0, 12)}.pdf`, hash);
  })();
  return hash;
}
