/**
 * A database's content without its row ids and timestamps: every foreign key replaced by the natural
 * key of the row it points to (a paper by source + entity_key, a meeting by source + entity_key, …),
 * rows sorted. Two databases built from the same pages in a different order compare equal.
 */
import type Database from 'better-sqlite3';

export const CONTENT_TABLES = [
  'sources', 'records', 'papers', 'consultations', 'consultation_meetings', 'meetings', 'agenda_items', 'organizations', 'people',
  'memberships', 'files', 'meeting_files', 'paper_changes',
] as const;

/** The natural key of a row, as SQL over the table aliased `t`. */
const NATURAL_KEYS: Record<string, string> = {
  sources: `t.key`,
  papers: `(SELECT key FROM sources WHERE id = t.source_id) || '/' || t.entity_key`,
  meetings: `(SELECT key FROM sources WHERE id = t.source_id) || '/' || t.entity_key`,
  agenda_items: `(SELECT key FROM sources WHERE id = t.source_id) || '/' || t.entity_key`,
  organizations: `(SELECT key FROM sources WHERE id = t.source_id) || '/' || t.entity_key`,
  people: `(SELECT key FROM sources WHERE id = t.source_id) || '/' || t.name`,
  consultations: `(SELECT (SELECT key FROM sources WHERE id = p.source_id) || '/' || p.entity_key FROM papers p WHERE p.id = t.paper_id) || '#' || t.position`,
};

/**
 * Columns that say when, not what (data_as_of: when the data was read). Of sources only the key is compared (a crawl also writes its name and settings).
 * The document fetch state of files rows (content_hash, fetch_*) says how a document was had — a crawl fetches it, an import finds it
 * beside the page or not — and is compared by the document tests (test/ingest/crawl/documents.test.ts).
 */
const IGNORED = /^(id|.*_at|derived_on|data_as_of|content_hash|fetch_.*)$/;

function keyOf(sqlite: Database.Database, table: string, id: unknown): unknown {
  if (id === null || id === undefined) return null;
  const nk = NATURAL_KEYS[table];
  if (!nk) throw new Error(`no natural key for ${table}`);
  return sqlite.prepare(`SELECT ${nk} FROM ${table} t WHERE t.id = ?`).pluck().get(id);
}

export function dumpContent(sqlite: Database.Database): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of CONTENT_TABLES) {
    const fks = new Map((sqlite.prepare(`PRAGMA foreign_key_list(${table})`).all() as { from: string; table: string }[]).map((f) => [f.from, f.table]));
    const rows = sqlite.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
    out[table] = rows
      .map((r) => {
        const o: Record<string, unknown> = {};
        for (const [col, v] of Object.entries(r)) {
          if (fks.has(col)) o[col] = keyOf(sqlite, fks.get(col)!, v);
          else if (String(table) === 'sources' ? col === 'key' : !IGNORED.test(col)) o[col] = v;
        }
        return o;
      })
      .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  out.papers_fts = (sqlite.prepare('SELECT reference, name, body, doc FROM papers_fts').all() as unknown[]).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return out;
}
