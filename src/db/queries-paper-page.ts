/**
 * Read queries for a motion's page beyond its record: the candidates of its case (Vorgang: papers
 * of the same source whose reference starts with its stem, or linked by Bezug either way) and when
 * its source was last checked. Bounded; the case itself is grouped by src/domain/case.ts.
 */
import type Database from 'better-sqlite3';
import { loadPaperHistory, type PaperHistoryEntry } from './history';
import type { RawRow } from './raw-rows';
import { declareStatements, stmt } from './registry';
import type { papers } from './schema';

export interface CaseCandidateRow {
  id: number;
  reference: string | null;
  name: string | null;
  state: string | null;
  date: string | null;
  relatedReferences: string[];
}

type CandidateDbRow = Pick<RawRow<typeof papers>, 'id' | 'reference' | 'name' | 'state' | 'date' | 'related_references'>;

const COLUMNS = 'id, reference, name, state, date, related_references';
// `+source_id`: the source only filters; the lookups go by papers_reference and paper_related_references
// (an index on source_id would walk every paper of the source)
function prepare(sqlite: Database.Database) {
  return {
    byPrefix: sqlite.prepare<{ source: number; from: string; to: string; limit: number }, CandidateDbRow>(
      `SELECT ${COLUMNS} FROM papers WHERE reference >= @from AND reference < @to AND +source_id = @source ORDER BY reference, id LIMIT @limit`,
    ),
    byReferences: sqlite.prepare<{ source: number; refs: string; limit: number }, CandidateDbRow>(
      `SELECT ${COLUMNS} FROM papers WHERE reference IN (SELECT value FROM json_each(@refs)) AND +source_id = @source ORDER BY reference, id LIMIT @limit`,
    ),
    // papers naming this one as their Bezug (ASCII case-insensitively): through paper_related_references,
    // which triggers keep from papers.related_references (migrations 0004, 0005)
    referencing: sqlite.prepare<{ source: number; reference: string; limit: number }, CandidateDbRow>(
      `SELECT ${COLUMNS} FROM papers WHERE id IN (SELECT paper_id FROM paper_related_references WHERE source_id = @source AND reference_key = lower(@reference))
       AND +source_id = @source ORDER BY reference, id LIMIT @limit`,
    ),
    checked: sqlite.prepare<[number], { at: string | null }>(`SELECT COALESCE(${lastFetch(sqlite)}, s.last_sync_at) AS at
      FROM papers p JOIN sources s ON s.id = p.source_id WHERE p.id = ?`),
    sourceId: sqlite.prepare<[number], { source_id: number }>('SELECT source_id FROM papers WHERE id = ?'),
  };
}

// raw SQL: the motion page's reads (bench: fresh render p50)
const stmts = declareStatements('queries-paper-page', prepare);

function hasTable(sqlite: Database.Database, name: string): boolean {
  return stmt(sqlite, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** The crawler's page store index (pages, source_sync) where its migration is there: the paper page's last fetch, else the source's last successful sync. */
function lastFetch(sqlite: Database.Database): string {
  const parts: string[] = [];
  if (hasTable(sqlite, 'pages')) parts.push('(SELECT MAX(g.fetched_at) FROM pages g WHERE g.source_id = p.source_id AND p.url IS NOT NULL AND (g.url = p.url OR g.final_url = p.url))');
  if (hasTable(sqlite, 'source_sync')) parts.push('(SELECT y.last_success_at FROM source_sync y WHERE y.source_id = p.source_id)');
  return parts.length ? parts.join(', ') : 'NULL';
}

function toRow(r: CandidateDbRow): CaseCandidateRow {
  let related: string[] = [];
  try {
    const parsed: unknown = JSON.parse(r.related_references);
    if (Array.isArray(parsed)) related = parsed.filter((x): x is string => typeof x === 'string');
  } catch {
    related = [];
  }
  return { id: r.id, reference: r.reference, name: r.name, state: r.state, date: r.date, relatedReferences: related };
}

/**
 * Papers of the paper's source that may belong to its case: references starting with `stem`,
 * the references it names as Bezug, and papers naming `reference` as their Bezug (each at most `limit`).
 */
export function loadCaseCandidates(
  sqlite: Database.Database, paperId: number, stem: string, reference: string | null, related: readonly string[], limit = 40,
): CaseCandidateRow[] {
  const s = stmts(sqlite);
  const src = s.sourceId.get(paperId);
  if (!src) return [];
  const source = src.source_id;
  const out = new Map<number, CaseCandidateRow>();
  const add = (rows: CandidateDbRow[]) => rows.forEach((r) => out.has(r.id) || out.set(r.id, toRow(r)));
  if (stem) add(s.byPrefix.all({ source, from: stem, to: `${stem}\u{10FFFF}`, limit }));
  if (related.length) add(s.byReferences.all({ source, refs: JSON.stringify(related.slice(0, 50)), limit }));
  if (reference) add(s.referencing.all({ source, reference, limit }));
  return [...out.values()];
}

/** When the paper was last checked: its page's last fetch, else its source's last sync; null when never (saved pages, demo). */
export function loadLastChecked(sqlite: Database.Database, paperId: number): string | null {
  return stmts(sqlite).checked.get(paperId)?.at ?? null;
}

const historyTables = new WeakMap<Database.Database, boolean>();

/** The paper's change log (newest first) where the crawler records one; [] while its table is missing. */
export function loadHistoryIfRecorded(sqlite: Database.Database, paperId: number): PaperHistoryEntry[] {
  let has = historyTables.get(sqlite);
  if (has === undefined) historyTables.set(sqlite, (has = hasTable(sqlite, 'paper_changes')));
  return has ? loadPaperHistory(sqlite, paperId) : [];
}
