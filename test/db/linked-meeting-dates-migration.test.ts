/**
 * Migration 0027 on a database of the schema before it: a motion derived from the date its Beratungsfolge
 * row lists, though the meeting the row is linked to has another, is marked for deriving (and then takes the
 * meeting's date); every row is kept; from then on a meeting's new date marks the motions with rows at it.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { MeetingRecord } from '../../scrapers/records';
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

const row = (date: string, meetingSourceId: string | null) => ({ date, name: null, meetingSourceId, agendaItemSourceId: null, result: null, resultCode: 'open' as const });
const meeting = (sourceId: string, date: string): MeetingRecord => ({
  type: 'Meeting', format: 1, system: 'allris3', systemVersion: null, sourceId, url: null, name: `Sitzung ${sourceId}`, organization: 'Bauausschuss',
  organizationSourceId: null, date, start: null, end: null, room: null, location: null, statusText: null, agendaItem: [],
});
const TABLES = ['consultations', 'consultation_meetings', 'meetings', 'paper_progress'];
const rowsOf = (sqlite: Database.Database, table: string) => sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
const papersOf = (sqlite: Database.Database) =>
  sqlite.prepare('SELECT reference, next_organization AS org, next_date AS date, derived_on AS derivedOn FROM papers ORDER BY reference').all();

test('0027 marks the motions whose rows list another date than their meeting, keeps every row, and its triggers mark them from then on', () => {
  const file = path.join(tmp.dir, 'before-0027.sqlite');
  const written = openDb(file);
  importRecords(written.sqlite, { key: 'x', name: 'X' }, [
    meeting('m1', '2026-12-17'),
    meeting('m2', '2026-12-03'),
    // A/1 lists 10.12. for meeting m1, which meets on 17.12.; A/2 lists its meeting's own date
    paper({ sourceId: '1', reference: 'A/1', consultation: [station('Bauausschuss', 'Vorberatung', [row('2026-12-10', 'm1')])] }),
    paper({ sourceId: '2', reference: 'A/2', consultation: [station('Bauausschuss', 'Vorberatung', [row('2026-12-03', 'm2')])] }),
  ], NOW);
  refreshDerived(written.sqlite, TODAY);
  written.close();

  // the schema before 0027, with what deriving before it wrote: A/1's next step on the date its row lists
  const old = new Database(file);
  takeBackFrom(old, '0027_linked_meeting_dates');
  old.prepare("UPDATE papers SET next_date = '2026-12-10' WHERE reference = 'A/1'").run();
  expect(papersOf(old)).toEqual([
    { reference: 'A/1', org: 'Bauausschuss', date: '2026-12-10', derivedOn: TODAY },
    { reference: 'A/2', org: 'Bauausschuss', date: '2026-12-03', derivedOn: TODAY },
  ]);
  const before = Object.fromEntries(TABLES.map((t) => [t, rowsOf(old, t)]));
  const papersBefore = rowsOf(old, 'papers');
  old.close();

  const upgraded = openDb(file);
  try {
    for (const t of TABLES) expect([t, rowsOf(upgraded.sqlite, t)]).toEqual([t, before[t]]);
    const strip = (rows: unknown[]) => rows.map((r) => ({ ...(r as Record<string, unknown>), derived_on: null }));
    expect(strip(rowsOf(upgraded.sqlite, 'papers'))).toEqual(strip(papersBefore));
    expect(papersOf(upgraded.sqlite).map((p) => (p as { derivedOn: string | null }).derivedOn)).toEqual([null, TODAY]);
    refreshDerived(upgraded.sqlite, TODAY);
    expect(papersOf(upgraded.sqlite)).toEqual([
      { reference: 'A/1', org: 'Bauausschuss', date: '2026-12-17', derivedOn: TODAY },
      { reference: 'A/2', org: 'Bauausschuss', date: '2026-12-03', derivedOn: TODAY },
    ]);
    // from now on a meeting's new date marks the motions with rows at it
    upgraded.sqlite.prepare("UPDATE meetings SET date = '2026-12-04' WHERE external_id = 'm2'").run();
    expect(papersOf(upgraded.sqlite).map((p) => (p as { derivedOn: string | null }).derivedOn)).toEqual([TODAY, null]);
    expect(upgraded.sqlite.pragma('foreign_key_check')).toEqual([]);
  } finally {
    upgraded.close();
  }
});
