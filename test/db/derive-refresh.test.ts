/**
 * refreshDerived writes only what changes: a second refresh on the same day writes nothing, a new day
 * rewrites exactly the papers whose derived columns change, and a paper imported after a refresh is
 * derived by the import itself, in its transaction, for the day of the refresh (src/db/derive.ts).
 * The import in beforeEach derives its papers for its own day (2026-09-01: derive_state is not set yet).
 */
import path from 'node:path';
import type { ConsultationMeetingRecord, PaperRecord } from '../../scrapers/records';
import { buildDatabase } from '../../bench/generate';
import { openDb, type OpenedDb } from '../../src/db/connection';
import { derivedColumns, refreshDerived } from '../../src/db/derive';
import { importPapers } from '../../src/db/import';
import { paper, station } from '../helpers/records';
import { makeTmpDir } from '../helpers/tmp';

const SOURCE = { key: 'a', name: 'A' };

function meeting(date: string | null, resultCode: ConsultationMeetingRecord['resultCode'] = 'open'): ConsultationMeetingRecord {
  return { date, name: 'Sitzung', meetingSourceId: null, agendaItemSourceId: null, result: null, resultCode };
}

/** due: its committee meets on 2026-10-02, so it is scheduled until then */
const due = paper({ sourceId: '1', reference: 'DS/2026/0001', date: '2026-09-01', consultation: [station('Hauptausschuss', 'Vorberatung', [meeting('2026-10-02')])] });
/** later: meets on 2026-11-05, scheduled on every day of these tests */
const later = paper({ sourceId: '2', reference: 'DS/2026/0002', date: '2026-09-01', consultation: [station('Bauausschuss', 'Vorberatung', [meeting('2026-11-05')])] });
/** waiting: no dates at all */
const waiting = paper({ sourceId: '3', reference: 'DS/2026/0003', date: '2026-09-01', consultation: [station('Rat', 'Entscheidung')] });
/** old: no dates either, submitted on 2025-10-01 — stalled from 2026-10-02 on (more than 365 days) */
const old = paper({ sourceId: '5', reference: 'DS/2025/0005', date: '2025-10-01', consultation: [station('Rat', 'Entscheidung')] });

describe('refreshDerived', () => {
  let db: OpenedDb;
  beforeEach(() => {
    db = openDb(':memory:');
    importPapers(db.sqlite, SOURCE, [due, later, waiting, old], '2026-09-01T08:00:00Z');
  });
  afterEach(() => db.close());

  const totalChanges = () => db.sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  const stored = (sourceId: string) =>
    db.sqlite.prepare(`SELECT state, current_organization AS currentOrganization, next_organization AS nextOrganization,
      next_role AS nextRole, next_date AS nextDate, last_activity AS lastActivity, derived_on AS derivedOn
      FROM papers WHERE entity_key = ?`).get(sourceId) as Record<string, unknown>;
  const expectFresh = (record: PaperRecord, today: string) => {
    const { derivedOn, ...columns } = stored(record.sourceId!);
    expect(columns).toEqual(derivedColumns(record, today));
    expect(derivedOn).not.toBeNull();
  };
  const day = () => db.sqlite.prepare('SELECT day FROM derive_state').pluck().all();

  test('a second refresh on the same day writes nothing', () => {
    // every paper is compared (no derive_state yet); none derives otherwise on 2026-10-01 than on 2026-09-01
    expect(refreshDerived(db.sqlite, '2026-10-01')).toEqual({ derived: 4, written: 0 });
    expect(day()).toEqual(['2026-10-01']);
    const before = totalChanges();
    expect(refreshDerived(db.sqlite, '2026-10-01')).toEqual({ derived: 0, written: 0 });
    expect(totalChanges()).toBe(before);
    for (const p of [due, later, waiting, old]) expectFresh(p, '2026-10-01');
  });

  test('a new day rewrites exactly the papers whose derived columns change', () => {
    refreshDerived(db.sqlite, '2026-10-01');
    expect(stored('1')).toMatchObject({ state: 'scheduled', nextDate: '2026-10-02', derivedOn: '2026-09-01' });
    const before = totalChanges();
    expect(stored('5')).toMatchObject({ state: 'submitted', derivedOn: '2026-09-01' });
    // 2026-10-02: the meeting is today, still to come (due derives as before); old has become stalled.
    // Derived: the papers with a meeting on either day, or a last activity/date a year before either.
    expect(refreshDerived(db.sqlite, '2026-10-02')).toEqual({ derived: 2, written: 1 });
    // three rows: old's paper row and its progress summary (paper_progress), and derive_state
    expect(totalChanges() - before).toBe(3);
    expect(day()).toEqual(['2026-10-02']);
    expect(stored('5')).toMatchObject({ state: 'stalled', derivedOn: '2026-10-02' });
    // 2026-10-03: the meeting has passed without a result
    expect(refreshDerived(db.sqlite, '2026-10-03')).toEqual({ derived: 2, written: 1 });
    expect(totalChanges() - before).toBe(6);
    expect(stored('1')).toMatchObject({ state: 'in-deliberation', nextDate: null, lastActivity: '2026-10-02', derivedOn: '2026-10-03' });
    expect(stored('2').derivedOn).toBe('2026-09-01');
    expect(stored('3').derivedOn).toBe('2026-09-01');
    expect(stored('5').derivedOn).toBe('2026-10-02');
    for (const p of [due, later, waiting, old]) expectFresh(p, '2026-10-03');
    // and back (a clock set back): derived again for that day
    expect(refreshDerived(db.sqlite, '2026-10-01')).toEqual({ derived: 2, written: 2 });
    for (const p of [due, later, waiting, old]) expectFresh(p, '2026-10-01');
  });

  test('a paper imported or changed after a refresh is derived by the import, for the day of the refresh', () => {
    refreshDerived(db.sqlite, '2026-10-03');
    const changed = { ...waiting, consultation: [station('Rat', 'Entscheidung', [meeting('2026-10-20')])] };
    const added = paper({ sourceId: '4', reference: 'DS/2026/0004', date: '2026-09-15', consultation: [station('Rat', 'Entscheidung', [meeting('2026-09-30', 'open')])] });
    // imported "on" 2026-11-01: still derived for 2026-10-03, the day every other paper is derived for
    importPapers(db.sqlite, SOURCE, [changed, added], '2026-11-01T09:00:00Z');
    expect(stored('3')).toMatchObject({ state: 'scheduled', nextOrganization: 'Rat', nextDate: '2026-10-20', derivedOn: '2026-10-03' });
    expect(stored('4')).toMatchObject({ state: 'in-deliberation', lastActivity: '2026-09-30', derivedOn: '2026-10-03' });
    for (const p of [due, later, changed, added]) expectFresh(p, '2026-10-03');
    expect(refreshDerived(db.sqlite, '2026-10-03')).toEqual({ derived: 0, written: 0 });
  });

  test('a paper re-imported with derived columns that do not change is still marked derived', () => {
    refreshDerived(db.sqlite, '2026-10-01');
    importPapers(db.sqlite, SOURCE, [{ ...later, name: 'Umbenannt' }], '2026-10-01T09:00:00Z');
    expect(stored('2').derivedOn).toBe('2026-10-01');
    expectFresh(later, '2026-10-01');
    expect(refreshDerived(db.sqlite, '2026-10-01')).toEqual({ derived: 0, written: 0 });
  });

  test('without a marker (an upgraded database) every paper is compared; `all` compares every paper too', () => {
    refreshDerived(db.sqlite, '2026-10-01');
    db.sqlite.exec('DELETE FROM derive_state');
    expect(refreshDerived(db.sqlite, '2026-10-01')).toEqual({ derived: 4, written: 0 });
    db.sqlite.exec(`UPDATE papers SET state = 'stale' WHERE entity_key = '2'`);
    expect(refreshDerived(db.sqlite, '2026-10-01')).toEqual({ derived: 0, written: 0 });
    expect(refreshDerived(db.sqlite, '2026-10-01', { all: true })).toEqual({ derived: 4, written: 1 });
    for (const p of [due, later, waiting, old]) expectFresh(p, '2026-10-01');
  });
});

describe('refreshDerived on a new day', () => {
  test('derives only the papers the day can change, and leaves none stale (checked against deriving all)', () => {
    const tmp = makeTmpDir();
    const file = path.join(tmp.dir, 'gen.sqlite');
    buildDatabase(file, { seed: 3, motions: 400, today: '2026-10-01' });
    const { sqlite, close } = openDb(file);
    try {
      // the generated rows are derived for 2026-10-01, and derive_state says so
      expect(refreshDerived(sqlite, '2026-10-01')).toEqual({ derived: 0, written: 0 });
      // without derive_state every paper is compared, and none differs
      sqlite.exec('DELETE FROM derive_state');
      expect(refreshDerived(sqlite, '2026-10-01')).toEqual({ derived: 400, written: 0 });
      let selective = 0;
      for (const day of ['2026-10-02', '2026-10-09', '2026-11-30', '2027-04-01', '2027-11-15', '2026-05-01', '2024-12-31', '2026-10-01']) {
        const r = refreshDerived(sqlite, day);
        if (r.derived < 400) selective++;
        // deriving every paper again finds nothing left to write
        expect([day, refreshDerived(sqlite, day, { all: true }).written]).toEqual([day, 0]);
      }
      expect(selective).toBeGreaterThan(0);
    } finally {
      close();
      tmp.cleanup();
    }
  });
});
