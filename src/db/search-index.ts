/**
 * The search index papers_fts (migration 0015): one FTS5 table over reference, title (name), the HTML
 * text sections (body) and document pages (doc). Paper rows (rowid = papers.id) are written here with
 * every paper and removed with it; document page rows (rowid < 0) are written by triggers on
 * document_pages, so this file never touches them.
 */
import type Database from 'better-sqlite3';
import { declareStatements } from './registry';

/** A text section of a paper as stored (papers.text). */
export interface TextSection {
  heading: string | null;
  text: string;
}

/**
 * The indexed body of a paper's text sections: heading and text, each section on its lines; the same
 * text migration 0015 builds in SQL for the papers stored before it.
 */
export function toSearchBody(sections: readonly TextSection[] | null | undefined): string {
  return (sections ?? []).map((s) => `${s.heading ?? ''}\n${s.text ?? ''}`).join('\n');
}

// raw SQL: the FTS5 index rows the import writes per paper (no drizzle table for a virtual table)
const stmts = declareStatements('search-index', (sqlite) => ({
  del: sqlite.prepare('DELETE FROM papers_fts WHERE rowid = ?'),
  ins: sqlite.prepare("INSERT INTO papers_fts (rowid, reference, name, body, doc) VALUES (?, ?, ?, ?, '')"),
}));

/**
 * Indexes a paper (again) with its text sections; `fresh`: its row was just inserted (ids are never
 * reused), so it has no index row yet.
 */
export function indexPaper(
  sqlite: Database.Database,
  id: number,
  reference: string | null,
  name: string | null,
  fresh = false,
  text: readonly TextSection[] | null = null,
): void {
  const s = stmts(sqlite);
  if (!fresh) s.del.run(id);
  s.ins.run(id, reference ?? '', name ?? '', toSearchBody(text));
}

export function unindexPaper(sqlite: Database.Database, id: number): void {
  stmts(sqlite).del.run(id);
}
