/**
 * Migration 0038 on a database derived before it: Augsburg's TVO-BSV/25/61736-2 (an OParl consultation that links a
 * meeting and an agenda item not read, no date) was explained "noch nicht beraten; … noch ohne Termin". The migration
 * marks the motions with such a row for deriving again (and no other), every row kept; deriving then says that the
 * station is assigned to a meeting whose date is not known.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDb } from '../../src/db/connection';
import { refreshDerived } from '../../src/db/derive';
import { importSavedPages } from '../../src/ingest/saved-pages';
import { markedOf, markedThrough, rowsKept, rowsOfTables, takeBackFrom } from '../helpers/migrations-before';
import { CORPUS, makeTmpDir } from '../helpers/tmp';

const tmp = makeTmpDir();
afterAll(() => tmp.cleanup());
const TODAY = '2026-10-05';
const REF = 'TVO-BSV/25/61736-2';
const TABLES = ['papers', 'consultations', 'consultation_meetings'];
const explanationOf = (sqlite: Database.Database) =>
  sqlite.prepare("SELECT json_extract(s.summary, '$.explanation') FROM paper_progress s JOIN papers p ON p.id = s.paper_id WHERE p.reference = ?").pluck().get(REF);

test('0038 marks the motions with a meeting row without a date for deriving again, keeps every row; then "einer Sitzung zugeordnet"', () => {
  const file = path.join(tmp.dir, 'before-0038.sqlite');
  const written = openDb(file);
  importSavedPages(written.sqlite, [path.join(CORPUS, 'oparl/augsburg'), path.join(CORPUS, 'oparl/leipzig')], { now: '2026-10-05T08:00:00Z', today: TODAY });
  refreshDerived(written.sqlite, TODAY);
  const now = 'Eingereicht: am 01.12.2025 vorgelegt; als Nächstes Gremium nicht bekannt (Entscheidung), einer Sitzung zugeordnet, deren Datum nicht bekannt ist.';
  expect(explanationOf(written.sqlite)).toBe(now);
  written.close();

  // the schema before 0038, with what deriving before it wrote
  const old = new Database(file);
  takeBackFrom(old, '0038_undated_meeting_rows_derive');
  const before0038 = 'Eingereicht: am 01.12.2025 vorgelegt, noch nicht beraten; als Nächstes Gremium nicht bekannt (Entscheidung), noch ohne Termin.';
  old.prepare("UPDATE paper_progress SET summary = json_set(summary, '$.explanation', ?) WHERE paper_id = (SELECT id FROM papers WHERE reference = ?)").run(before0038, REF);
  expect(markedOf(old)).toEqual([]);
  const before = rowsOfTables(old, TABLES);
  old.close();

  // what 0038 itself marks (Leipzig's motions, rows with dates or none, are not marked)
  expect(markedThrough(file, tmp.dir, '0038_undated_meeting_rows_derive')).toEqual([REF]);

  const upgraded = openDb(file);
  try {
    const kept = rowsKept(upgraded.sqlite, before);
    expect(kept.after).toEqual(kept.before);
    expect(markedOf(upgraded.sqlite)).toEqual(expect.arrayContaining([REF]));
    expect(explanationOf(upgraded.sqlite)).toBe(before0038);
    refreshDerived(upgraded.sqlite, TODAY);
    expect([markedOf(upgraded.sqlite), explanationOf(upgraded.sqlite)]).toEqual([[], now]);
  } finally {
    upgraded.close();
  }
});
