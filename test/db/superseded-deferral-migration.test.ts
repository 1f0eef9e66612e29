/**
 * Migration 0039 on a database derived before it: Laatzen's 2026/245, whose Schulausschuss deferred it on 29.06.2026 and
 * met on it again on 01.09.2026 (no result), stored "vertagt" as that station's result. The migration marks the motions
 * with a deferral followed by another row of its station for deriving again (and no other), every row kept; deriving
 * then gives the station no result.
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
const REF = '2026/245';
const TABLES = ['papers', 'consultations', 'consultation_meetings'];
const schoolResult = (sqlite: Database.Database) =>
  sqlite.prepare("SELECT json_extract(s.summary, '$.stations[2].result') FROM paper_progress s JOIN papers p ON p.id = s.paper_id WHERE p.reference = ?").pluck().get(REF);

test('0039 marks the motions with a deferral taken up again for deriving again, keeps every row; the station then has no result', () => {
  const file = path.join(tmp.dir, 'before-0039.sqlite');
  const written = openDb(file);
  importSavedPages(written.sqlite, [path.join(CORPUS, 'allris4/laatzen'), path.join(CORPUS, 'allris4/taunusstein')], { now: '2026-10-05T08:00:00Z', today: TODAY });
  refreshDerived(written.sqlite, TODAY);
  expect(schoolResult(written.sqlite)).toBeNull();
  written.close();

  // the schema before 0039, with what deriving before it wrote: "vertagt" as the Schulausschuss's result
  const old = new Database(file);
  takeBackFrom(old, '0039_superseded_deferral_derive');
  old.prepare("UPDATE paper_progress SET summary = json_set(summary, '$.stations[2].result', 'vertagt') WHERE paper_id = (SELECT id FROM papers WHERE reference = ?)").run(REF);
  expect(markedOf(old)).toEqual([]);
  const before = rowsOfTables(old, TABLES);
  old.close();

  // what 0039 itself marks (later migrations mark papers for their own reasons)
  expect(markedThrough(file, tmp.dir, '0039_superseded_deferral_derive')).toEqual([REF]);

  const upgraded = openDb(file);
  try {
    const kept = rowsKept(upgraded.sqlite, before);
    expect(kept.after).toEqual(kept.before);
    expect(schoolResult(upgraded.sqlite)).toBe('vertagt');
    refreshDerived(upgraded.sqlite, TODAY);
    expect([markedOf(upgraded.sqlite), schoolResult(upgraded.sqlite)]).toEqual([[], null]);
  } finally {
    upgraded.close();
  }
});
