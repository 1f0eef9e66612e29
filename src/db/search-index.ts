/** The papers_fts search index (migration 0002): written with every paper, removed with it. */
import type Database from 'better-sqlite3';

/** German folding for the index and for queries: lower case, ä → ae, ö → oe, ü → ue, ß → ss. */
export function foldGerman(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss');
}

const cache = new WeakMap<Database.Database, { del: Database.Statement; ins: Database.Statement }>();

function stmts(sqlite: Database.Database) {
  let s = cache.get(sqlite);
  if (!s) {
    s = {
      del: sqlite.prepare('DELETE FROM papers_fts WHERE rowid = ?'),
      ins: sqlite.prepare('INSERT INTO papers_fts (rowid, reference, name, folded) VALUES (?, ?, ?, ?)'),
    };
    cache.set(sqlite, s);
  }
  return s;
}

/** Indexes a paper (again); `fresh`: its row was just inserted (ids are never reused), so it has no index row yet. */
export function indexPaper(sqlite: Database.Database, id: number, reference: string | null, name: string | null, fresh = false): void {
  const s = stmts(sqlite);
  if (!fresh) s.del.run(id);
  s.ins.run(id, reference ?? '', name ?? '', foldGerman(`${reference ?? ''} ${name ?? ''}`));
}

export function unindexPaper(sqlite: Database.Database, id: number): void {
  stmts(sqlite).del.run(id);
}
