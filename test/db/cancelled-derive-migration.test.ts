/**
 * Migration 0025 on a database of the schema before it: a meeting cancelled there (0024 filled the flag,
 * no motion was derived again) still stood as a motion's next step. The migration marks the motions with a
 * row or agenda item at a cancelled meeting for deriving, keeps every other row as it is, and from then on
 * a change of the flag marks them itself.
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
const TABLES = ['consultations', 'consultation_meetings', 'meetings', 'agenda_items', 'paper_progress'];
const rowsOf = (sqlite: Database.Database, table: string) => sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
const papersOf = (sqlite: Database.Database) =>
  sqlite.prepare('SELECT reference, next_organization AS org, next_date AS date, derived_on AS derivedOn FROM papers ORDER BY reference').all();

test('0025 marks the motions at a cancelled meeting for deriving, keeps every row, and its triggers mark them from then on', () => {
  const file = path.join(tmp.dir, 'before-0025.sqlite');
  const written = openDb(file);
  importRecords(written.sqlite, { key: 'x', name: 'X' }, [
    meeting('m1', '2026-12-10'),
    meeting('m2', '2026-12-17'),
    paper({ sourceId: '1', reference: 'A/1', consultation: [station('Bauausschuss', 'Vorberatung', [row('2026-12-10', 'm1')]), station('Rat', 'Entscheidung', [row('2027-01-20', null)])] }),
    paper({ sourceId: '2', reference: 'A/2', consultation: [station('Bauausschuss', 'Vorberatung', [row('2026-12-17', 'm2')])] }),
  ], NOW);
  refreshDerived(written.sqlite, TODAY);
  expect(papersOf(written.sqlite)).toEqual([
    { reference: 'A/1', org: 'Bauausschuss', date: '2026-12-10', derivedOn: TODAY },
    { reference: 'A/2', org: 'Bauausschuss', date: '2026-12-17', derivedOn: TODAY },
  ]);
  written.close();

  // the schema before 0025, and meeting m1 cancelled as 0024's import did it: the flag set, no motion derived again
  const old = new Database(file);
  takeBackFrom(old, '0025_cancelled_meetings_derive');
  old.prepare("UPDATE meetings SET cancelled = 1 WHERE external_id = 'm1'").run();
  expect(papersOf(old)[0]).toEqual({ reference: 'A/1', org: 'Bauausschuss', date: '2026-12-10', derivedOn: TODAY });
  const before = Object.fromEntries(TABLES.map((t) => [t, rowsOf(old, t)]));
  const papersBefore = rowsOf(old, 'papers');
  old.close();

  const upgraded = openDb(file);
  try {
    // (the migrations after 0025 ran too: 0026 gives every station a committee id column, null for these ALLRIS stations)
    const withLater = (t: string, rows: unknown[]) => (t === 'consultations' ? rows.map((r) => ({ ...(r as object), organization_external_id: null })) : rows);
    for (const t of TABLES) expect([t, rowsOf(upgraded.sqlite, t)]).toEqual([t, withLater(t, before[t])]);
    // the motion at the cancelled meeting is marked, nothing else of any paper changed
    const strip = (rows: unknown[]) => rows.map((r) => ({ ...(r as Record<string, unknown>), derived_on: null }));
    expect(strip(rowsOf(upgraded.sqlite, 'papers'))).toEqual(strip(papersBefore));
    expect(papersOf(upgraded.sqlite).map((p) => (p as { derivedOn: string | null }).derivedOn)).toEqual([null, TODAY]);
    refreshDerived(upgraded.sqlite, TODAY);
    expect(papersOf(upgraded.sqlite)).toEqual([
      { reference: 'A/1', org: 'Rat', date: '2027-01-20', derivedOn: TODAY },
      { reference: 'A/2', org: 'Bauausschuss', date: '2026-12-17', derivedOn: TODAY },
    ]);
    // from now on the flag itself marks them
    upgraded.sqlite.prepare("UPDATE meetings SET cancelled = 1 WHERE external_id = 'm2'").run();
    expect(papersOf(upgraded.sqlite).map((p) => (p as { derivedOn: string | null }).derivedOn)).toEqual([TODAY, null]);
    expect(upgraded.sqlite.pragma('foreign_key_check')).toEqual([]);
  } finally {
    upgraded.close();
  }
});
