/**
 * Databases of an earlier schema, for upgrade tests: a copy of the migrations folder that knows only the
 * migrations before a given one, and the columns that migration 0020 (identity vocabulary) renamed.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { migrationsFolder } from '../../src/db/connection';

/** drizzle's journal of the migrations: their tags and journal times, in order. */
const readJournal = (): { entries: { tag: string; when: number }[] } =>
  JSON.parse(fs.readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8'));

/** A copy (under `dir`) of the migrations folder that knows the migrations before `tag`. */
export function migrationsBefore(dir: string, tag: string): string {
  const out = path.join(dir, `before-${tag}`);
  fs.mkdirSync(path.join(out, 'meta'), { recursive: true });
  const journal = readJournal();
  const at = journal.entries.findIndex((e) => e.tag === tag);
  if (at <= 0) throw new Error(`no migration ${tag} after the first`);
  const entries = journal.entries.slice(0, at);
  fs.writeFileSync(path.join(out, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries) fs.copyFileSync(path.join(migrationsFolder(), `${e.tag}.sql`), path.join(out, `${e.tag}.sql`));
  return out;
}

/**
 * Applies the migrations up to and including `tag` to the database file (one taken back to before `tag`), and no
 * later one: what that migration itself marked can be told apart from what later ones mark when openDb() applies them.
 */
export function applyThrough(file: string, dir: string, tag: string): void {
  const out = path.join(dir, `through-${tag}`);
  fs.mkdirSync(path.join(out, 'meta'), { recursive: true });
  const journal = readJournal();
  const at = journal.entries.findIndex((e) => e.tag === tag);
  if (at < 0) throw new Error(`no migration ${tag}`);
  const entries = journal.entries.slice(0, at + 1);
  fs.writeFileSync(path.join(out, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries) fs.copyFileSync(path.join(migrationsFolder(), `${e.tag}.sql`), path.join(out, `${e.tag}.sql`));
  const sqlite = new Database(file);
  try {
    migrate(drizzle(sqlite), { migrationsFolder: out });
  } finally {
    sqlite.close();
  }
}

/** Written out by hand (not read from the migration): table → old column → new column. */
export const IDENTITY_RENAMES: Record<string, Record<string, string>> = {
  papers: { source_key: 'entity_key', source_record_id: 'external_id' },
  organizations: { source_record_id: 'external_id' },
  meetings: { source_record_id: 'external_id', organization_source_id: 'organization_external_id' },
  agenda_items: { source_record_id: 'external_id', meeting_source_id: 'meeting_external_id', paper_source_id: 'paper_external_id' },
  consultation_meetings: { meeting_source_id: 'meeting_external_id', agenda_item_source_id: 'agenda_item_external_id' },
};

/** Index name before → after migration 0020. */
export const INDEX_RENAMES: Record<string, string> = {
  papers_source_key: 'papers_entity_key',
  papers_sid: 'papers_external_id',
  organizations_sid: 'organizations_external_id',
  meetings_sid: 'meetings_external_id',
  meetings_org_sid: 'meetings_organization_external_id',
  agenda_items_sid: 'agenda_items_external_id',
  agenda_items_meeting_sid: 'agenda_items_meeting_external_id',
  agenda_items_paper_sid: 'agenda_items_paper_external_id',
  consultation_meetings_source_sid: 'consultation_meetings_meeting_external_id',
  consultation_meetings_source_item_sid: 'consultation_meetings_agenda_item_external_id',
};

/** A column's name today: `column` of `table` as migration 0020 renamed it (unchanged when it did not). */
export const renamedColumn = (table: string, column: string): string => IDENTITY_RENAMES[table]?.[column] ?? column;

/**
 * How to take back, on a database of today's schema, each migration an upgrade test runs again — written
 * out by hand, in the order they ran. A migration after the last one listed here has to be added before
 * such a test can take it back (takeBackFrom throws).
 */
const TAKE_BACK: Record<string, string[]> = {
  '0023_paper_deadlines': ['DROP TABLE paper_deadlines'],
  '0024_meetings_cancelled': ['ALTER TABLE meetings DROP COLUMN cancelled'],
  '0025_cancelled_meetings_derive': ['DROP TRIGGER meetings_cancelled_derive_update', 'DROP TRIGGER consultation_meetings_cancelled_link_derive'],
  '0026_station_organization_ids': [
    'DROP TRIGGER consultations_organization_named', 'DROP INDEX organizations_oparl', 'DROP INDEX consultations_organization_external_id',
    'ALTER TABLE consultations DROP COLUMN organization_external_id',
  ],
  '0027_linked_meeting_dates': ['DROP TRIGGER meetings_date_rows_derive', 'DROP TRIGGER consultation_meetings_date_link_derive'],
  // rows only (the publicity it took from station names is not put back)
  '0028_station_publicity': [],
  '0029_meeting_files': ['DROP TABLE meeting_files'],
  // the table as 0029 made it, its rows kept (a column in a foreign key cannot be dropped)
  '0030_meeting_file_fetches': [
    `CREATE TABLE __old_meeting_files (meeting_id integer NOT NULL, position integer NOT NULL, name text NOT NULL, url text,
      PRIMARY KEY (meeting_id, position), FOREIGN KEY (meeting_id) REFERENCES meetings(id) ON UPDATE no action ON DELETE cascade)`,
    'INSERT INTO __old_meeting_files SELECT meeting_id, position, name, url FROM meeting_files',
    'DROP TABLE meeting_files',
    'ALTER TABLE __old_meeting_files RENAME TO meeting_files',
  ],
  '0031_decision_status': ['ALTER TABLE agenda_items DROP COLUMN decision_status'],
  '0032_crawl_queue_session_pages': ['DROP INDEX crawl_queue_session_pages'],
  // data only: it marks papers for deriving again
  '0033_planned_stations_derive': [],
  // data only: it marks papers for deriving again
  '0034_sequence_source_derive': [],
  // data only: it marks papers for deriving again
  '0035_closed_state_derive': [],
  // data only: it marks papers for deriving again
  '0036_settled_closed_derive': [],
  '0037_organization_end_date': ['ALTER TABLE organizations DROP COLUMN end_date'],
  // data only: it marks papers for deriving again
  '0038_undated_meeting_rows_derive': [],
  // data only: it marks papers for deriving again
  '0039_superseded_deferral_derive': [],
  '0040_agenda_item_supplement': ['ALTER TABLE agenda_items DROP COLUMN supplement'],
  // data only: it marks papers for deriving again
  '0041_row_results_summary_derive': [],
  '0042_agenda_item_note': ['ALTER TABLE agenda_items DROP COLUMN note'],
  '0043_committee_unlinked_rows': ['DROP INDEX consultation_meetings_committee_unlinked'],
};

/**
 * Turns a database of today's schema into one of the schema before migration `tag`: the migrations from
 * `tag` on are taken back, the latest first, and their rows in drizzle's journal table deleted (told apart
 * by created_at, the migration's journal time), so that opening it runs them again.
 */
export function takeBackFrom(sqlite: import('better-sqlite3').Database, tag: string): void {
  const journal = readJournal();
  const at = journal.entries.findIndex((e) => e.tag === tag);
  if (at < 0) throw new Error(`no migration ${tag}`);
  const later = journal.entries.slice(at);
  for (const e of [...later].reverse()) {
    const undo = TAKE_BACK[e.tag];
    if (!undo) throw new Error(`test/helpers/migrations-before.ts does not know how to take back ${e.tag}`);
    for (const statement of undo) sqlite.exec(statement);
  }
  const deleted = sqlite.prepare('DELETE FROM __drizzle_migrations WHERE created_at >= ?').run(later[0].when).changes;
  if (deleted !== later.length) throw new Error(`${deleted} journal rows from ${tag} on, ${later.length} expected`);
}

/** Every row of a table, in rowid order. */
export const rowsOf = (sqlite: import('better-sqlite3').Database, table: string): unknown[] => sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();

/** The references of the papers marked for deriving again (derived_on NULL), in order. */
export const markedOf = (sqlite: import('better-sqlite3').Database): unknown[] =>
  sqlite.prepare('SELECT reference FROM papers WHERE derived_on IS NULL ORDER BY reference').pluck().all();

/** The rows of these tables, to compare after an upgrade (rowsKept). */
export const rowsOfTables = (sqlite: import('better-sqlite3').Database, tables: readonly string[]): Record<string, unknown[]> =>
  Object.fromEntries(tables.map((t) => [t, rowsOf(sqlite, t)]));

/**
 * Each table's rows as `before` had them — the papers' derived_on aside: it is the mark a migration sets for deriving
 * again, not data — as [table, rows] pairs, so that a difference names its table.
 */
export function rowsKept(sqlite: import('better-sqlite3').Database, before: Record<string, unknown[]>): { after: [string, unknown[]][]; before: [string, unknown[]][] } {
  const unmarked = (t: string, r: unknown[]) => (t === 'papers' ? r.map((x) => ({ ...(x as object), derived_on: null })) : r);
  const tables = Object.keys(before);
  return { after: tables.map((t) => [t, unmarked(t, rowsOf(sqlite, t))]), before: tables.map((t) => [t, unmarked(t, before[t])]) };
}

/** The papers the migrations up to and including `tag` mark for deriving again, later ones not applied (applyThrough). */
export function markedThrough(file: string, dir: string, tag: string): unknown[] {
  applyThrough(file, dir, tag);
  const sqlite = new Database(file);
  try {
    return markedOf(sqlite);
  } finally {
    sqlite.close();
  }
}
