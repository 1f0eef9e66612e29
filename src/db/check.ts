/**
 * `ratsradar check`: is the database whole? PRAGMA integrity_check (pages, indexes, constraints),
 * PRAGMA foreign_key_check (rows pointing at rows that are gone), the full-text index's own
 * integrity check, every paper present in the search index, and the Beratungsfolge rows' copies of
 * their paper's source and committee, and that no two papers of one source share a reference; a whole
 * SQLite file without ratsradar's tables is a problem too (not "ok"). Reads only:
 * the file is opened read-only (in a read-only folder, read into memory), never written or migrated.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { duplicateReferenceProblems } from './check-identity';
import { stmt } from './registry';

export interface CheckResult {
  /** one line per problem, in words; empty when the database is whole */
  problems: string[];
  /** what was checked, for the report */
  checked: string[];
}

interface FkRow {
  table: string;
  rowid: number | null;
  parent: string;
  fkid: number;
}

function hasTable(sqlite: Database.Database, name: string): boolean {
  return stmt(sqlite, "SELECT 1 FROM sqlite_master WHERE name = ? AND type = 'table'").get(name) !== undefined;
}

/** One step of the check; a step that cannot run on a damaged file becomes a problem, not an exception. */
function step(problems: string[], checked: string[], name: string, label: string, run: () => string[]): boolean {
  try {
    problems.push(...run());
    checked.push(name);
    return true;
  } catch (err) {
    problems.push(`${label}: the check cannot run: the file is damaged or not a SQLite database (${(err as Error).message})`);
    return false;
  }
}

function integrityProblems(sqlite: Database.Database): string[] {
  const lines = stmt(sqlite, 'PRAGMA integrity_check').pluck().all() as string[];
  if (lines.length === 1 && lines[0] === 'ok') return [];
  const out = lines.slice(0, 50).map((l) => `integrity: ${l}`);
  if (lines.length > 50) out.push(`integrity: … and ${lines.length - 50} more`);
  return out;
}

function foreignKeyProblems(sqlite: Database.Database): string[] {
  const byTable = new Map<string, { table: string; parent: string; rows: (number | null)[] }>();
  for (const r of stmt(sqlite, 'PRAGMA foreign_key_check').all() as FkRow[]) {
    const k = `${r.table}\u0000${r.parent}`;
    const e = byTable.get(k) ?? { table: r.table, parent: r.parent, rows: [] };
    e.rows.push(r.rowid);
    byTable.set(k, e);
  }
  return [...byTable.values()].map(
    (e) => `foreign keys: ${e.rows.length} row(s) of ${e.table} point to missing ${e.parent} rows (rowid ${e.rows.slice(0, 10).join(', ')}${e.rows.length > 10 ? ', …' : ''})`,
  );
}

/**
 * The search index against the papers. Its own structure (FTS5's checksums) is checked by PRAGMA
 * integrity_check, which covers FTS5 tables since SQLite 3.44 — not by FTS5's 'integrity-check'
 * command, an INSERT, which needs a writable database and failed on a read-only one.
 */
function searchIndexProblems(sqlite: Database.Database): string[] {
  if (!hasTable(sqlite, 'papers_fts')) return [];
  const out: string[] = [];
  if (hasTable(sqlite, 'papers')) {
    const missing = stmt(sqlite, 'SELECT COUNT(*) FROM papers WHERE id NOT IN (SELECT rowid FROM papers_fts)').pluck().get() as number;
    // paper rows only (rowid > 0); document pages (rowid < 0, migration 0015) are checked below
    const stale = stmt(sqlite, 'SELECT COUNT(*) FROM papers_fts WHERE rowid > 0 AND rowid NOT IN (SELECT id FROM papers)').pluck().get() as number;
    if (missing) out.push(`search index: ${missing} paper(s) are not in the search index`);
    if (stale) out.push(`search index: ${stale} entr${stale === 1 ? 'y' : 'ies'} for papers that no longer exist`);
  }
  if (hasTable(sqlite, 'document_search_rows') && hasTable(sqlite, 'document_pages')) {
    const missing = stmt(sqlite, `SELECT COUNT(*) FROM document_pages p LEFT JOIN document_search_rows d ON d.hash = p.hash AND d.page = p.page
        WHERE d.id IS NULL OR -d.id NOT IN (SELECT rowid FROM papers_fts WHERE rowid < 0)`)
      .pluck()
      .get() as number;
    const stale = stmt(sqlite, 'SELECT COUNT(*) FROM papers_fts WHERE rowid < 0 AND -rowid NOT IN (SELECT id FROM document_search_rows)')
      .pluck()
      .get() as number;
    if (missing) out.push(`search index: ${missing} document page(s) are not in the search index`);
    if (stale) out.push(`search index: ${stale} entr${stale === 1 ? 'y' : 'ies'} for document pages that no longer exist`);
  }
  return out;
}

function hasColumn(sqlite: Database.Database, table: string, column: string): boolean {
  return stmt(sqlite, 'SELECT 1 FROM pragma_table_info(?) WHERE name = ?').get(table, column) !== undefined;
}

/** The copies a Beratungsfolge row keeps (migration 0009) of its paper's source and its station's committee. */
function copyProblems(sqlite: Database.Database): string[] {
  if (!hasColumn(sqlite, 'consultation_meetings', 'source_id')) return [];
  const wrong = stmt(sqlite, `SELECT COUNT(*) FROM consultation_meetings cm JOIN consultations c ON c.id = cm.consultation_id
    JOIN papers p ON p.id = c.paper_id WHERE cm.source_id IS NOT p.source_id OR cm.organization IS NOT c.organization`).pluck().get() as number;
  return wrong ? [`Beratungsfolge rows: ${wrong} row(s) name another source or committee than their paper and station`] : [];
}

/** Checks an open connection. Never throws for a damaged database: the damage is a problem in the result. */
export function checkDatabase(sqlite: Database.Database): CheckResult {
  const problems: string[] = [];
  const checked: string[] = [];
  if (!step(problems, checked, 'integrity_check', 'integrity', () => integrityProblems(sqlite))) return { problems, checked };
  // a whole SQLite file without ratsradar's tables (an empty file, another program's database) is not "ok"
  if (!problems.length && !(hasTable(sqlite, 'papers') && hasTable(sqlite, 'sources'))) {
    return { problems: ["tables: no ratsradar tables (papers, sources): an empty database, or another program's"], checked };
  }
  step(problems, checked, 'foreign_key_check', 'foreign keys', () => foreignKeyProblems(sqlite));
  step(problems, checked, 'search index', 'search index', () => searchIndexProblems(sqlite));
  step(problems, checked, 'Beratungsfolge copies', 'Beratungsfolge rows', () => copyProblems(sqlite));
  if (hasColumn(sqlite, 'papers', 'reference')) step(problems, checked, 'one paper per reference', 'papers', () => duplicateReferenceProblems(sqlite));
  return { problems, checked };
}

export class CheckError extends Error {}

/**
 * The database as an in-memory image, for a WAL database in a read-only folder: SQLite cannot open
 * it in place there (a WAL database needs its -shm file, which it cannot create), and without a -wal
 * file beside it the file holds every committed row. The image's header is set to the rollback
 * journal (bytes 18 and 19), which an in-memory database needs; the file itself is only read.
 */
function openImage(file: string): Database.Database {
  const image = fs.readFileSync(file);
  if (image.length >= 20 && image[18] === 2 && image[19] === 2) {
    image[18] = 1;
    image[19] = 1;
  }
  return new Database(image);
}

/** Whether the first read fails with SQLITE_CANTOPEN (a WAL database whose -shm file cannot be made); other failures are the check's to report. */
function cannotOpenInPlace(sqlite: Database.Database): boolean {
  try {
    stmt(sqlite, 'SELECT COUNT(*) FROM sqlite_master').get();
    return false;
  } catch (err) {
    return (err as { code?: string }).code === 'SQLITE_CANTOPEN';
  }
}

/** Opens the file read-only (it must exist; nothing is created, written or migrated) and checks it. */
export function checkDatabaseFile(file: string): CheckResult {
  if (!fs.existsSync(file)) throw new CheckError(`no database at ${file}`);
  if (fs.statSync(file).isDirectory()) throw new CheckError(`${file} is a folder, not a database`);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new CheckError(`cannot open ${file}: ${(err as Error).message}`);
  }
  if (cannotOpenInPlace(sqlite) && !fs.existsSync(`${file}-wal`)) {
    sqlite.close();
    try {
      sqlite = openImage(file);
    } catch (err) {
      throw new CheckError(`cannot open ${file}: ${(err as Error).message}`);
    }
  }
  try {
    sqlite.pragma('busy_timeout = 5000');
    return checkDatabase(sqlite);
  } finally {
    sqlite.close();
  }
}
