/**
 * Migration 0036 on a database derived before it: a motion whose deciding row says "für erledigt erklärt" (result code
 * settled) was derived "gestoppt"; the migration marks the motions derived as stopped by such a result for deriving
 * again (and no other: one stopped by the RIS's own "Gestoppt" stays), every row kept; deriving then calls them
 * "erledigt" (closed).
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDb } from '../../src/db/connection';
import { refreshDerived } from '../../src/db/derive';
import { importRecords } from '../../src/db/import';
import { paper, station } from '../helpers/records';
import { markedOf, markedThrough, rowsKept, rowsOfTables, takeBackFrom } from '../helpers/migrations-before';
import { makeTmpDir } from '../helpers/tmp';

const tmp = makeTmpDir();
afterAll(() => tmp.cleanup());
const TODAY = '2026-10-05';
const TABLES = ['papers', 'consultations', 'consultation_meetings', 'paper_progress'];
const stateOf = (sqlite: Database.Database, reference: string) => sqlite.prepare('SELECT state FROM papers WHERE reference = ?').pluck().get(reference);

test('0036 marks the motions derived as stopped by an "erledigt" result for deriving again, keeps every row; they then are "erledigt"', () => {
  const file = path.join(tmp.dir, 'before-0036.sqlite');
  const written = openDb(file);
  const row = (date: string, result: string | null, resultCode: 'adopted' | 'settled' | 'open') => ({ date, name: null, meetingSourceId: null, agendaItemSourceId: null, result, resultCode });
  importRecords(written.sqlite, { key: 'x', name: 'X' }, [
    paper({ sourceId: '1', reference: 'X/1', consultation: [
      station('Hauptausschuss', 'Vorberatung', [row('2026-09-01', 'beschlossen', 'adopted')]),
      station('Rat', 'Entscheidung', [row('2026-09-10', 'für erledigt erklärt', 'settled')]),
    ] }),
    // stopped by the RIS's own status: not derived again
    paper({ sourceId: '2', reference: 'X/2', consultation: [
      station('Bauausschuss', 'Vorberatung', [row('2026-06-01', null, 'open')], 'Gestoppt'),
      station('Rat', 'Entscheidung', [], 'Gestoppt'),
    ] }),
  ], '2026-10-05T08:00:00Z');
  refreshDerived(written.sqlite, TODAY);
  expect([stateOf(written.sqlite, 'X/1'), stateOf(written.sqlite, 'X/2')]).toEqual(['closed', 'stopped']);
  written.close();

  // the schema before 0036, with what deriving before it wrote: X/1 stopped, its summary's decision the settled row
  const old = new Database(file);
  takeBackFrom(old, '0036_settled_closed_derive');
  old.prepare("UPDATE papers SET state = 'stopped' WHERE reference = 'X/1'").run();
  const x1 = JSON.parse(old.prepare("SELECT s.summary FROM paper_progress s JOIN papers p ON p.id = s.paper_id WHERE p.reference = 'X/1'").pluck().get() as string);
  expect(x1.decision).toMatchObject({ result: 'für erledigt erklärt', resultCode: 'settled', date: '2026-09-10' });
  old.prepare("UPDATE paper_progress SET summary = ? WHERE paper_id = (SELECT id FROM papers WHERE reference = 'X/1')").run(JSON.stringify({ ...x1, state: 'stopped' }));
  expect(markedOf(old)).toEqual([]);
  const before = rowsOfTables(old, TABLES);
  old.close();

  // what 0036 itself marks (later migrations mark papers for their own reasons: 0041 any with a result)
  expect(markedThrough(file, tmp.dir, '0036_settled_closed_derive')).toEqual(['X/1']);

  const upgraded = openDb(file);
  try {
    const kept = rowsKept(upgraded.sqlite, before);
    expect(kept.after).toEqual(kept.before);
    refreshDerived(upgraded.sqlite, TODAY);
    expect([markedOf(upgraded.sqlite), stateOf(upgraded.sqlite, 'X/1'), stateOf(upgraded.sqlite, 'X/2')]).toEqual([[], 'closed', 'stopped']);
    expect(upgraded.sqlite.pragma('foreign_key_check')).toEqual([]);
  } finally {
    upgraded.close();
  }
});
