/**
 * Migration 0034 on a database derived before it: Hamburg-Nord's corpus pages (motions known from its agendas only,
 * others from its motion list only, one from its own page: 22-2402) derived for 05.10.2026 — 22-1470.1, "überwiesen" on
 * 11.12.2025 and known from to010 1003143 only, was "ruht". The migration marks the motions known from agendas or
 * a list only for deriving again (and no other), every row kept; deriving then calls 22-1470.1 "in Beratung".
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDb } from '../../src/db/connection';
import { refreshDerived } from '../../src/db/derive';
import { sequenceSql } from '../../src/db/queries-progress';
import { importSavedPages } from '../../src/ingest/saved-pages';
import { applyThrough, takeBackFrom } from '../helpers/migrations-before';
import { CORPUS, makeTmpDir } from '../helpers/tmp';

const tmp = makeTmpDir();
afterAll(() => tmp.cleanup());
const TODAY = '2026-10-05';
const TABLES = ['papers', 'consultations', 'consultation_meetings', 'meetings', 'agenda_items', 'paper_progress'];
const rowsOf = (sqlite: Database.Database, table: string) => sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
const markedOf = (sqlite: Database.Database) => sqlite.prepare('SELECT reference FROM papers WHERE derived_on IS NULL ORDER BY reference').pluck().all() as string[];
const stateOf = (sqlite: Database.Database, reference: string) => sqlite.prepare('SELECT state FROM papers WHERE reference = ?').pluck().get(reference);

test('0034 marks the motions known from agendas or a list only for deriving again, keeps every row; 22-1470.1 then is in deliberation', () => {
  const file = path.join(tmp.dir, 'before-0034.sqlite');
  const written = openDb(file);
  importSavedPages(written.sqlite, [path.join(CORPUS, 'allris3/hamburg-nord')], { now: '2026-10-05T08:00:00Z', today: TODAY });
  refreshDerived(written.sqlite, TODAY);
  const agendaOnly = written.sqlite.prepare("SELECT reference FROM papers WHERE json_extract(provenance, '$.consultation') = 'agenda' ORDER BY reference").pluck().all() as string[];
  const listOnly = written.sqlite.prepare("SELECT reference FROM papers WHERE json_extract(provenance, '$.system') = 'list' ORDER BY reference").pluck().all() as string[];
  const ownPage = written.sqlite.prepare("SELECT reference FROM papers WHERE json_extract(provenance, '$.system') = 'allris3' ORDER BY reference").pluck().all() as string[];
  expect([agendaOnly.length > 5, listOnly.length > 5, agendaOnly.includes('22-1470.1'), ownPage]).toEqual([true, true, true, ['22-2402']]);
  written.close();

  // the schema before 0034, with what deriving before it wrote: 22-1470.1 resting
  const old = new Database(file);
  takeBackFrom(old, '0034_sequence_source_derive');
  old.prepare("UPDATE papers SET state = 'stalled' WHERE reference = '22-1470.1'").run();
  expect(markedOf(old)).toEqual([]);
  const before = Object.fromEntries(TABLES.map((t) => [t, rowsOf(old, t)]));
  old.close();

  // what 0034 itself marks (later migrations mark papers for their own reasons), the condition the reads use
  applyThrough(file, tmp.dir, '0034_sequence_source_derive');
  const through = new Database(file);
  expect(markedOf(through)).toEqual([...new Set([...agendaOnly, ...listOnly])].sort());
  expect(markedOf(through)).toEqual(through.prepare(`SELECT p.reference FROM papers p WHERE ${sequenceSql('p')} IS NOT NULL ORDER BY p.reference`).pluck().all());
  through.close();

  const upgraded = openDb(file);
  try {
    const rows = Object.fromEntries(TABLES.map((t) => [t, rowsOf(upgraded.sqlite, t)]));
    // every row kept; the papers' derived_on is the mark the migration sets
    const unmarked = (r: unknown[]) => r.map((x) => ({ ...(x as object), derived_on: null }));
    // the columns later migrations add (0040: agenda_items.supplement, which the agendas read again fill) stand apart
    const asBefore = (t: string, r: unknown[]) => r.map((x, i) => Object.fromEntries(Object.keys((before[t][i] ?? {}) as object).map((c) => [c, (x as Record<string, unknown>)[c]])));
    for (const t of TABLES) expect([t, t === 'papers' ? unmarked(rows[t]) : asBefore(t, rows[t])]).toEqual([t, t === 'papers' ? unmarked(before[t]) : before[t]]);
    expect(rows.agenda_items.every((r) => (r as { supplement: unknown }).supplement === null)).toBe(true);
    // and the later migrations' marks beside them
    expect(markedOf(upgraded.sqlite)).toEqual(expect.arrayContaining([...new Set([...agendaOnly, ...listOnly])]));
    refreshDerived(upgraded.sqlite, TODAY);
    expect(markedOf(upgraded.sqlite)).toEqual([]);
    expect(stateOf(upgraded.sqlite, '22-1470.1')).toBe('in-deliberation');
    expect(upgraded.sqlite.pragma('foreign_key_check')).toEqual([]);
  } finally {
    upgraded.close();
  }
});
