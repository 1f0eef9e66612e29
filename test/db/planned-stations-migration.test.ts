/**
 * Migration 0033 on a database derived before it: a motion whose station the RIS shows "Geplant" and that met
 * without a result was derived with that station done; the migration marks the motions with a "Geplant" or
 * "Bereit" station for deriving again (and no other), every row kept, and deriving then leaves the station open.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDb } from '../../src/db/connection';
import { refreshDerived } from '../../src/db/derive';
import { importRecords } from '../../src/db/import';
import { takeBackFrom } from '../helpers/migrations-before';
import { paper, station } from '../helpers/records';
import { makeTmpDir } from '../helpers/tmp';

const tmp = makeTmpDir();
afterAll(() => tmp.cleanup());
const TODAY = '2026-11-24';
const NOW = '2026-11-24T09:00:00Z';

const row = (date: string) => ({ date, name: null, meetingSourceId: null, agendaItemSourceId: null, result: null, resultCode: 'open' as const });
const TABLES = ['consultations', 'consultation_meetings', 'meetings', 'paper_progress'];
const rowsOf = (sqlite: Database.Database, table: string) => sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
const marked = (sqlite: Database.Database) =>
  sqlite.prepare('SELECT reference, derived_on IS NULL AS marked FROM papers ORDER BY reference').all();

test('0033 marks the motions with a "Geplant" or "Bereit" station for deriving again, keeps every row, and the station then awaits its result', () => {
  const file = path.join(tmp.dir, 'before-0033.sqlite');
  const written = openDb(file);
  importRecords(written.sqlite, { key: 'x', name: 'X' }, [
    // met on 07.07. without a result, the RIS still shows "Geplant"
    paper({ sourceId: '1', reference: 'A/1', consultation: [{ ...station('Hauptausschuss', 'Kenntnisnahme', [row('2026-07-07')]), stationStatus: 'Geplant' },
      { ...station('Bezirksversammlung', 'Kenntnisnahme', []), stationStatus: 'Bereit' }] }),
    // no status of the RIS: nothing to derive again
    paper({ sourceId: '2', reference: 'A/2', consultation: [station('Hauptausschuss', 'Vorberatung', [row('2026-07-07')]), station('Rat', 'Entscheidung', [])] }),
  ], NOW);
  refreshDerived(written.sqlite, TODAY);
  written.close();

  // the schema before 0033, with what deriving before it wrote: A/1's first station done, its state "in Beratung"
  const old = new Database(file);
  takeBackFrom(old, '0033_planned_stations_derive');
  const summary = JSON.parse(old.prepare("SELECT s.summary FROM paper_progress s JOIN papers p ON p.id = s.paper_id WHERE p.reference = 'A/1'").pluck().get() as string);
  summary.awaiting = null;
  old.prepare("UPDATE paper_progress SET summary = ? WHERE paper_id = (SELECT id FROM papers WHERE reference = 'A/1')").run(JSON.stringify(summary));
  expect(marked(old)).toEqual([{ reference: 'A/1', marked: 0 }, { reference: 'A/2', marked: 0 }]);
  const before = Object.fromEntries(TABLES.map((t) => [t, rowsOf(old, t)]));
  old.close();

  const upgraded = openDb(file);
  try {
    for (const t of TABLES) expect([t, rowsOf(upgraded.sqlite, t)]).toEqual([t, before[t]]);
    expect(marked(upgraded.sqlite)).toEqual([{ reference: 'A/1', marked: 1 }, { reference: 'A/2', marked: 0 }]);
    refreshDerived(upgraded.sqlite, TODAY);
    const after = JSON.parse(upgraded.sqlite.prepare("SELECT s.summary FROM paper_progress s JOIN papers p ON p.id = s.paper_id WHERE p.reference = 'A/1'").pluck().get() as string);
    expect(after.awaiting?.organization).toBe('Hauptausschuss');
    expect(marked(upgraded.sqlite)).toEqual([{ reference: 'A/1', marked: 0 }, { reference: 'A/2', marked: 0 }]);
    expect(upgraded.sqlite.pragma('foreign_key_check')).toEqual([]);
  } finally {
    upgraded.close();
  }
});
