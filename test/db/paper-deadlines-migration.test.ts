/**
 * Migration 0023 (paper_deadlines) on a database of the schema before it: it keeps every row and fills
 * the new table from the stored progress summaries — exactly the rows src/db/derive.ts writes beside them.
 * The database: a generated one, moved on to a day on which some of its motions have deadlines.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { BENCH_TODAY, buildDatabase } from '../../bench/generate';
import { openDb } from '../../src/db/connection';
import { refreshDerived } from '../../src/db/derive';
import { takeBackFrom } from '../helpers/migrations-before';
import { makeTmpDir } from '../helpers/tmp';


const tmp = makeTmpDir();
afterAll(() => tmp.cleanup());

const TABLES = ['papers', 'paper_progress', 'consultations', 'agenda_items', 'meetings'];
const rowsOf = (sqlite: Database.Database, table: string) => sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
const deadlines = (sqlite: Database.Database) =>
  sqlite.prepare('SELECT paper_id, source_id, organization, before FROM paper_deadlines ORDER BY paper_id, organization').all();

test('0023 fills paper_deadlines from the stored summaries as derive.ts writes them, and keeps every row', () => {
  const file = path.join(tmp.dir, 'gen.sqlite');
  buildDatabase(file, { seed: 5, motions: 300, today: BENCH_TODAY });
  const written = openDb(file);
  // a day on which motions of this database have deadlines (derive.ts writes their rows with the summaries)
  refreshDerived(written.sqlite, '2026-11-30');
  const expected = deadlines(written.sqlite);
  const before = Object.fromEntries(TABLES.map((t) => [t, rowsOf(written.sqlite, t)]));
  written.close();
  expect(expected.length).toBeGreaterThan(0);

  // the database as the schema before 0023 left it: no table, no record of the migration (nor of the later
  // ones, whose changes are taken back as well: 0024's meetings.cancelled, which it fills again, 0025's triggers)
  const old = new Database(file);
  takeBackFrom(old, '0023_paper_deadlines');
  expect(old.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'paper_deadlines'").pluck().get()).toBe(0);
  old.close();

  const upgraded = openDb(file);
  try {
    expect(deadlines(upgraded.sqlite)).toEqual(expected);
    // derived_on is a mark, not data: later migrations that change what is derived clear it (0039: a deferral taken up again)
    const unmarked = (t: string, r: unknown[]) => (t === 'papers' ? r.map((x) => ({ ...(x as object), derived_on: null })) : r);
    for (const t of TABLES) expect([t, unmarked(t, rowsOf(upgraded.sqlite, t))]).toEqual([t, unmarked(t, before[t])]);
    // and nothing is left to write: the rows are those of deriving every paper again (once the papers later
    // migrations marked are derived: their rows as before)
    refreshDerived(upgraded.sqlite, '2026-11-30');
    for (const t of TABLES) expect([t, unmarked(t, rowsOf(upgraded.sqlite, t))]).toEqual([t, unmarked(t, before[t])]);
    expect(refreshDerived(upgraded.sqlite, '2026-11-30', { all: true }).written).toBe(0);
    expect(deadlines(upgraded.sqlite)).toEqual(expected);
    expect(upgraded.sqlite.pragma('foreign_key_check')).toEqual([]);
  } finally {
    upgraded.close();
  }
}, 120_000);
