/**
 * Migration 0024 (meetings.cancelled) on a database of the schema before it: every row kept, and the flag
 * filled from the stored records exactly as the import writes it — the corpus calendars' "ENTFÄLLT!" and
 * "(ABGESAGT!!)" rows, which until then reached no page (the flag was parsed, stored in the record, and lost).
 */
import Database from 'better-sqlite3';
import { openDb } from '../../src/db/connection';
import { takeBackFrom } from '../helpers/migrations-before';
import { makeTmpDir } from '../helpers/tmp';
import { buildWebDb } from '../helpers/web-db';

const tmp = makeTmpDir();
afterAll(() => tmp.cleanup());

const cancelledOf = (sqlite: Database.Database) =>
  sqlite.prepare(`SELECT s.key || '/' || COALESCE(m.external_id, m.name) FROM meetings m JOIN sources s ON s.id = m.source_id WHERE m.cancelled = 1 ORDER BY 1`).pluck().all();
const rowsOf = (sqlite: Database.Database) => sqlite.prepare('SELECT * FROM meetings ORDER BY id').all();

test('0024 marks the meetings a stored record calls cancelled, as the import does, and keeps every row', () => {
  const written = buildWebDb(tmp.dir);
  const file = written.sqlite.name;
  const expected = cancelledOf(written.sqlite);
  const before = rowsOf(written.sqlite);
  written.close();
  // Hamburg-Nord's "ENTFÄLLT! Sitzung des Stadtentwicklungsausschusses" (SILFDNR 1002587), Mainz-Bingen's
  // "(ABGESAGT!!)" row (no SILFDNR), both known from their calendars only
  expect(expected).toEqual(expect.arrayContaining(['hamburg-nord/1002587', 'mainz-bingen/öffentliche Sitzung des Schulträgerausschusses (ABGESAGT!!)']));

  // the schema before 0024: no column, no record of the migration
  const old = new Database(file);
  takeBackFrom(old, '0024_meetings_cancelled');
  expect(old.prepare("SELECT COUNT(*) FROM pragma_table_info('meetings') WHERE name = 'cancelled'").pluck().get()).toBe(0);
  expect(old.prepare('SELECT COUNT(*) FROM records WHERE kind = ? AND json_extract(record, ?) = 1').pluck().get('Meeting', '$.cancelled')).toBeGreaterThanOrEqual(expected.length);
  old.close();

  const upgraded = openDb(file);
  try {
    expect(cancelledOf(upgraded.sqlite)).toEqual(expected);
    expect(rowsOf(upgraded.sqlite)).toEqual(before);
  } finally {
    upgraded.close();
  }
});
