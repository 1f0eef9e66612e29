/**
 * Migration 0041 on a database derived before it: stored progress summaries named each meeting row by its date only;
 * now a row with a result names it too (a meeting page shows an earlier deferral at the same committee). The migration
 * marks the motions with a row that has a result for deriving again (Laatzen's 2026/245, Taunusstein's four), not
 * 2026/245/1 (no result), every row kept; deriving then stores the results ("vertagt" on 29.06.2026).
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDb } from '../../src/db/connection';
import { refreshDerived } from '../../src/db/derive';
import { importSavedPages } from '../../src/ingest/saved-pages';
import { markedOf, rowsKept, rowsOfTables, takeBackFrom } from '../helpers/migrations-before';
import { CORPUS, makeTmpDir } from '../helpers/tmp';

const tmp = makeTmpDir();
afterAll(() => tmp.cleanup());
const TODAY = '2026-10-05';
const TABLES = ['papers', 'consultations', 'consultation_meetings'];
const schoolRows = (sqlite: Database.Database) =>
  JSON.parse(sqlite.prepare("SELECT json_extract(s.summary, '$.stations[2].meetings') FROM paper_progress s JOIN papers p ON p.id = s.paper_id WHERE p.reference = '2026/245'").pluck().get() as string);

test('0041 marks the motions with a row that has a result for deriving again, keeps every row; their summaries then name the results', () => {
  const file = path.join(tmp.dir, 'before-0041.sqlite');
  const written = openDb(file);
  importSavedPages(written.sqlite, [path.join(CORPUS, 'allris4/laatzen'), path.join(CORPUS, 'allris4/taunusstein')], { now: '2026-10-05T08:00:00Z', today: TODAY });
  refreshDerived(written.sqlite, TODAY);
  const now = schoolRows(written.sqlite);
  expect(now).toEqual([{ date: '2026-06-29', result: 'vertagt' }, { date: '2026-09-01' }]);
  written.close();

  // the schema before 0041, with what deriving before it stored: the rows by date only
  const old = new Database(file);
  takeBackFrom(old, '0041_row_results_summary_derive');
  old.prepare("UPDATE paper_progress SET summary = json_set(summary, '$.stations[2].meetings', json(?)) WHERE paper_id = (SELECT id FROM papers WHERE reference = '2026/245')")
    .run(JSON.stringify([{ date: '2026-06-29' }, { date: '2026-09-01' }]));
  expect(markedOf(old)).toEqual([]);
  const before = rowsOfTables(old, TABLES);
  old.close();

  const upgraded = openDb(file);
  try {
    const kept = rowsKept(upgraded.sqlite, before);
    expect(kept.after).toEqual(kept.before);
    expect(markedOf(upgraded.sqlite)).toEqual(['2026/245', 'DRS. 17/044', 'DRS. 17/051', 'DRS. 25/161', 'RS. 16/218-02']);
    refreshDerived(upgraded.sqlite, TODAY);
    expect([markedOf(upgraded.sqlite), schoolRows(upgraded.sqlite)]).toEqual([[], now]);
  } finally {
    upgraded.close();
  }
});
