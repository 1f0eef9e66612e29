/**
 * The terms of the search index that begin with a prefix, read from an fts5vocab table over papers_fts
 * (created per connection in the temp schema: it stores nothing, and a read-only database works too).
 * A search word is a prefix ("digital" finds "digitalisierung"); asked as a prefix query, FTS5 merges
 * every matching term's whole list for each lookup, even for one row; asked as its terms, one row is
 * found by its rowid at once (src/db/fts-query.ts MAX_PREFIX_TERMS).
 */
import type Database from 'better-sqlite3';
import { MAX_PREFIX_TERMS } from './fts-query';
import { declareStatements } from './registry';

const terms = declareStatements('search-terms', (sqlite) => {
  sqlite.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, 'papers_fts', 'row')");
  return sqlite.prepare<[string, string], string>(`SELECT term FROM temp.search_terms WHERE term >= ? AND term < ? LIMIT ${MAX_PREFIX_TERMS + 1}`).pluck();
});

/** The next string after every string that begins with `prefix` (its last character plus one). */
function upperBound(prefix: string): string {
  const chars = [...prefix];
  const last = chars.pop()!;
  return chars.join('') + String.fromCodePoint(last.codePointAt(0)! + 1);
}

/** Terms of papers_fts beginning with `prefix` (index form), or null when there are more than MAX_PREFIX_TERMS. */
export function loadPrefixTerms(sqlite: Database.Database, prefix: string): string[] | null {
  if (!prefix) return null;
  const found = terms(sqlite).all(prefix, upperBound(prefix));
  return found.length > MAX_PREFIX_TERMS ? null : found;
}
