/**
 * Section 2 (import): generated records through the real import path (importRecords: facets, merge,
 * links, search index; in batches as a crawler hands them over) against a raw better-sqlite3 prepared
 * insert of the same rows in one transaction: every row the import left in its database (all tables,
 * the stored facets and the search index included), read back beforehand and inserted into a fresh
 * database with one prepared INSERT per table. Then the end-to-end ingest: corpus pages from bytes to
 * committed rows (parsePage → importRecords per page, refreshDerived at the end), each repetition
 * under fresh source keys so that every page is a real insert.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { RisRecord } from '../scrapers/records';
import { parsePage } from '../scrapers/parse';
import { openDb } from '../src/db/connection';
import { refreshDerived } from '../src/db/derive';
import { importRecords } from '../src/db/import';
import { collectFiles } from '../src/ingest/saved-pages';
import { generateWorld, type GeneratedCity } from './generate';

export interface ImportBenchResult {
  motions: number;
  records: number;
  batch: number;
  recordsPerSec: number;
  rawRecordsPerSec: number;
  /** import rate / raw insert rate */
  ratio: number;
  /** refreshDerived over the imported motions, once, after the import (not in the ratio) */
  deriveSeconds: number;
}

export interface IngestBenchResult {
  files: number;
  pages: number;
  pagesPerSec: number;
  refused: number;
}

/** A city's records in the order a crawler meets them: committees and factions, motions, then meetings. */
export function recordsOf(city: GeneratedCity): RisRecord[] {
  return [...city.organizations, ...city.papers, ...city.meetings];
}

/** Imports every city through importRecords in batches of `batch` records. */
export function importCities(sqlite: Database.Database, cities: Iterable<GeneratedCity>, batch: number, now: string): number {
  let n = 0;
  for (const city of cities) {
    const records = recordsOf(city);
    for (let i = 0; i < records.length; i += batch) importRecords(sqlite, city.source, records.slice(i, i + batch), now);
    n += records.length;
  }
  return n;
}

function seconds(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

interface TableRows {
  table: string;
  columns: string[];
  rows: unknown[][];
}

/**
 * Every row of `sqlite` but those SQLite or drizzle keep and the shadow tables of full-text indexes,
 * table by table in an order foreign keys allow; a full-text index as its columns with their rowid.
 */
export function rowsOf(sqlite: Database.Database): TableRows[] {
  const tables = sqlite.prepare<[], { name: string; sql: string }>(
    "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> '__drizzle_migrations'",
  ).all();
  const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  const plain = tables.filter((t) => !virtual.includes(t.name) && !virtual.some((v) => t.name.startsWith(`${v}_`))).map((t) => t.name);
  const parents = new Map(plain.map((t) => [t, sqlite.prepare<[], { table: string }>(`SELECT "table" FROM pragma_foreign_key_list('${t}')`).all()
    .map((f) => f.table).filter((f) => f !== t)]));
  const ordered: string[] = [];
  const visit = (t: string) => {
    if (ordered.includes(t)) return;
    for (const p of parents.get(t) ?? []) visit(p);
    ordered.push(t);
  };
  plain.forEach(visit);
  const read = (table: string, rowid: boolean): TableRows => {
    const st = sqlite.prepare(`SELECT ${rowid ? 'rowid, ' : ''}* FROM "${table}"`).raw();
    return { table, columns: st.columns().map((c) => c.name), rows: st.all() as unknown[][] };
  };
  return [...ordered.map((t) => read(t, false)), ...virtual.map((t) => read(t, true))].filter((t) => t.rows.length > 0);
}

/**
 * Inserts `tables` (rowsOf) into `sqlite` in one transaction, one prepared INSERT per table; a table
 * that triggers filled meanwhile (from the rows of another) is left as they filled it.
 */
export function insertRows(sqlite: Database.Database, tables: TableRows[]): void {
  // a raw insert keeps no derived state: the triggers that only mark papers for deriving again (migration
  // 0011: an agenda item naming a paper) would clear the derived_on the rows bring along
  for (const name of sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_derive\\_%' ESCAPE '\\'").pluck().all() as string[]) {
    sqlite.exec(`DROP TRIGGER "${name}"`);
  }
  const statements = tables.map((t) => ({
    ...t,
    insert: sqlite.prepare(`INSERT INTO "${t.table}" (${t.columns.map((c) => `"${c}"`).join(', ')}) VALUES (${t.columns.map(() => '?').join(', ')})`),
    filled: sqlite.prepare(`SELECT EXISTS (SELECT 1 FROM "${t.table}")`).pluck(),
  }));
  sqlite.transaction(() => {
    for (const t of statements) {
      if (t.filled.get()) continue;
      for (const row of t.rows) t.insert.run(row);
    }
  })();
}

function freshDb(dir: string, name: string) {
  const file = path.join(dir, `${name}.sqlite`);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  return openDb(file);
}

/** Rounds beyond `rounds` while the import's rounds so far took less than this (a short run is more at the mercy of one interruption). */
const MIN_IMPORT_SECONDS = 3;
const MAX_ROUNDS = 9;

/**
 * The import against the raw insert, best of `rounds` rounds each (import and raw insert alternate), and of
 * more rounds (up to MAX_ROUNDS) for a small mix whose import rounds took less than MIN_IMPORT_SECONDS in all:
 * both sides always get the same number of rounds.
 */
export function benchImport(opts: { motions: number; seed: number; today: string; batch: number; rounds: number; dir: string }): ImportBenchResult {
  const cities = [...generateWorld({ seed: opts.seed, motions: opts.motions, today: opts.today })];
  const records = cities.reduce((n, c) => n + recordsOf(c).length, 0);
  const now = `${opts.today}T00:00:00Z`;
  let bestImport = Infinity;
  let bestRaw = Infinity;
  let deriveSeconds = 0;
  let importSeconds = 0;
  for (let r = 0; r < opts.rounds || (importSeconds < MIN_IMPORT_SECONDS && r < MAX_ROUNDS); r++) {
    const real = freshDb(opts.dir, 'import');
    const took = seconds(() => importCities(real.sqlite, cities, opts.batch, now));
    importSeconds += took;
    bestImport = Math.min(bestImport, took);
    const rows = rowsOf(real.sqlite);
    deriveSeconds = seconds(() => refreshDerived(real.sqlite, opts.today));
    real.close();
    const raw = freshDb(opts.dir, 'raw');
    bestRaw = Math.min(bestRaw, seconds(() => insertRows(raw.sqlite, rows)));
    raw.close();
  }
  return {
    motions: opts.motions, records, batch: opts.batch,
    recordsPerSec: records / bestImport, rawRecordsPerSec: records / bestRaw, ratio: bestRaw / bestImport, deriveSeconds,
  };
}

export function benchIngest(opts: { corpus: string; minPages: number; today: string; dir: string }): IngestBenchResult {
  const pages = collectFiles([opts.corpus]).map((file) => ({ key: path.basename(path.dirname(file)), bytes: fs.readFileSync(file) }));
  const repeat = Math.ceil(opts.minPages / pages.length);
  const now = `${opts.today}T00:00:00Z`;
  const db = freshDb(opts.dir, 'ingest');
  let refused = 0;
  const time = seconds(() => {
    for (let r = 0; r < repeat; r++) {
      for (const p of pages) {
        let record: RisRecord;
        try {
          record = parsePage(p.bytes, null);
        } catch {
          refused++;
          continue;
        }
        const key = `${p.key}~${r}`;
        try {
          importRecords(db.sqlite, { key, name: key, system: record.system }, [record], now);
        } catch {
          refused++;
        }
      }
    }
    refreshDerived(db.sqlite, opts.today);
  });
  db.close();
  return { files: pages.length, pages: repeat * pages.length, pagesPerSec: (repeat * pages.length) / time, refused: refused / repeat };
}
