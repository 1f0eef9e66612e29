/**
 * Migration 0035 on a database derived before it: Landkreis Osnabrück's VO/2026/181 (every station "Erledigt", the
 * deciding Kreistag without a result) was derived "beschlossen", and so was a motion whose deciding row, "Erledigt"
 * too, says "vertagt" (written here); the migration marks the motions derived as decided by anything but an adopting
 * result for deriving again (and no other), every row kept; deriving then calls them "erledigt" (closed).
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDb } from '../../src/db/connection';
import { refreshDerived } from '../../src/db/derive';
import { importRecords } from '../../src/db/import';
import { importSavedPages } from '../../src/ingest/saved-pages';
import { paper, station } from '../helpers/records';
import { markedOf, markedThrough, rowsKept, rowsOfTables, takeBackFrom } from '../helpers/migrations-before';
import { CORPUS, makeTmpDir } from '../helpers/tmp';

const tmp = makeTmpDir();
afterAll(() => tmp.cleanup());
const TODAY = '2026-10-05';
const TABLES = ['papers', 'consultations', 'consultation_meetings', 'paper_progress'];
const stateOf = (sqlite: Database.Database, reference: string) => sqlite.prepare('SELECT state FROM papers WHERE reference = ?').pluck().get(reference);

test('0035 marks the motions derived as decided by anything but an adopting result for deriving again, keeps every row; they then are "erledigt"', () => {
  const file = path.join(tmp.dir, 'before-0035.sqlite');
  const written = openDb(file);
  importSavedPages(written.sqlite, [path.join(CORPUS, 'allris3/landkreis-osnabrueck'), path.join(CORPUS, 'allris4/taunusstein')], { now: '2026-10-05T08:00:00Z', today: TODAY });
  const row = (date: string, result: string | null, resultCode: 'adopted' | 'deferred') => ({ date, name: null, meetingSourceId: null, agendaItemSourceId: null, result, resultCode });
  importRecords(written.sqlite, { key: 'x', name: 'X' }, [paper({ sourceId: '1', reference: 'X/1', consultation: [
    station('Hauptausschuss', 'Vorberatung', [row('2026-09-01', 'beschlossen', 'adopted')], 'Erledigt'),
    station('Rat', 'Entscheidung', [row('2026-09-10', 'vertagt', 'deferred')], 'Erledigt'),
  ] })], '2026-10-05T08:00:00Z');
  refreshDerived(written.sqlite, TODAY);
  expect(stateOf(written.sqlite, 'X/1')).toBe('closed');
  // Taunusstein's DRS. 25/161: decided with its result ("ungeändert beschlossen"), not to derive again
  expect([stateOf(written.sqlite, 'VO/2026/181'), stateOf(written.sqlite, 'DRS. 25/161')]).toEqual(['closed', 'decided']);
  written.close();

  // the schema before 0035, with what deriving before it wrote: VO/2026/181 decided, its summary's decision without a result
  const old = new Database(file);
  takeBackFrom(old, '0035_closed_state_derive');
  old.prepare("UPDATE papers SET state = 'decided' WHERE reference = 'VO/2026/181'").run();
  const summary = JSON.parse(old.prepare("SELECT s.summary FROM paper_progress s JOIN papers p ON p.id = s.paper_id WHERE p.reference = 'VO/2026/181'").pluck().get() as string);
  expect(summary.decision).toMatchObject({ result: null, date: '2026-09-28' });
  summary.state = 'decided';
  old.prepare("UPDATE paper_progress SET summary = ? WHERE paper_id = (SELECT id FROM papers WHERE reference = 'VO/2026/181')").run(JSON.stringify(summary));
  // X/1 as deriving wrote it before: decided, by the "Erledigt" of its deciding row that says "vertagt"
  old.prepare("UPDATE papers SET state = 'decided' WHERE reference = 'X/1'").run();
  const x1 = JSON.parse(old.prepare("SELECT s.summary FROM paper_progress s JOIN papers p ON p.id = s.paper_id WHERE p.reference = 'X/1'").pluck().get() as string);
  expect(x1.decision).toMatchObject({ result: 'vertagt', resultCode: 'deferred' });
  old.prepare("UPDATE paper_progress SET summary = ? WHERE paper_id = (SELECT id FROM papers WHERE reference = 'X/1')").run(JSON.stringify({ ...x1, state: 'decided' }));
  expect(markedOf(old)).toEqual([]);
  const before = rowsOfTables(old, TABLES);
  old.close();

  // what 0035 itself marks (later migrations mark papers for their own reasons)
  expect(markedThrough(file, tmp.dir, '0035_closed_state_derive')).toEqual(['VO/2026/181', 'X/1']);

  const upgraded = openDb(file);
  try {
    const kept = rowsKept(upgraded.sqlite, before);
    expect(kept.after).toEqual(kept.before);
    refreshDerived(upgraded.sqlite, TODAY);
    expect([markedOf(upgraded.sqlite), stateOf(upgraded.sqlite, 'VO/2026/181'), stateOf(upgraded.sqlite, 'X/1'), stateOf(upgraded.sqlite, 'DRS. 25/161')])
      .toEqual([[], 'closed', 'closed', 'decided']);
    expect(upgraded.sqlite.pragma('foreign_key_check')).toEqual([]);
  } finally {
    upgraded.close();
  }
});
