/**
 * OParl meetings imported before the OParl parser read a cancelling `meetingState` (commit 6236542): their record
 * has the state as `statusText` and no `cancelled`, so the row stayed `cancelled = 0` — and since the pages take the
 * stored flag, they showed such a meeting as held or coming. Opening the database sets the flag, as an import of the
 * same objects does today, and its motions are derived again: the cancelled meeting is no longer their next step.
 */
import path from 'node:path';
import type { MeetingRecord } from '../../scrapers/records';
import { backfillOparlCancellations } from '../../src/db/cancelled-backfill';
import { openDb } from '../../src/db/connection';
import { refreshDerived } from '../../src/db/derive';
import { importRecords } from '../../src/db/import';
import { paper, station } from '../helpers/records';
import { makeTmpDir } from '../helpers/tmp';

const tmp = makeTmpDir();
afterAll(() => tmp.cleanup());

const NOW = '2026-11-24T09:00:00Z';
const TODAY = '2026-11-24';

/** An OParl meeting as the parser of before wrote it: the state as its status, no `cancelled`. */
const oparlMeeting = (id: string, state: string, reference: string): MeetingRecord => ({
  type: 'Meeting', format: 1, system: 'oparl', systemVersion: '1.1', sourceId: `https://ris.example/oparl/meeting/${id}`,
  url: null, name: 'Sitzung des Rates', organization: 'Rat', organizationSourceId: null, date: '2026-12-17', start: '17:00', end: null,
  room: null, location: null, statusText: state,
  agendaItem: [{ number: '1', public: true, sourceId: `https://ris.example/oparl/agendaitem/${id}`, name: 'Antrag', paperReference: reference, paperSourceId: null, result: null, resultCode: 'open' }],
});

test('opening the database marks OParl meetings whose state says cancelled, once; their motions no longer name them as next', () => {
  const file = path.join(tmp.dir, 'before.sqlite');
  const first = openDb(file);
  importRecords(first.sqlite, { key: 'o', name: 'O', system: 'oparl' }, [
    paper({ system: 'oparl', sourceId: 'p1', reference: 'A-1', consultation: [station('Rat', 'Entscheidung')] }),
    paper({ system: 'oparl', sourceId: 'p2', reference: 'A-2', consultation: [station('Rat', 'Entscheidung')] }),
    oparlMeeting('1', 'Sitzung abgesagt', 'A-1'),
    oparlMeeting('2', 'eingeladen', 'A-2'),
  ], NOW);
  // what the database of before holds: the record's status, the flag not set (the import takes the record's `cancelled`)
  const flags = (sqlite: typeof first.sqlite) => sqlite.prepare("SELECT status_text AS state, cancelled FROM meetings WHERE system = 'oparl' ORDER BY id").all();
  expect(flags(first.sqlite)).toEqual([{ state: 'Sitzung abgesagt', cancelled: 0 }, { state: 'eingeladen', cancelled: 0 }]);
  refreshDerived(first.sqlite, TODAY);
  const next = (sqlite: typeof first.sqlite) => sqlite.prepare("SELECT reference, state, next_date AS date FROM papers ORDER BY reference").all();
  expect(next(first.sqlite)).toEqual([{ reference: 'A-1', state: 'scheduled', date: '2026-12-17' }, { reference: 'A-2', state: 'scheduled', date: '2026-12-17' }]);
  first.close();

  const reopened = openDb(file);
  try {
    expect(flags(reopened.sqlite)).toEqual([{ state: 'Sitzung abgesagt', cancelled: 1 }, { state: 'eingeladen', cancelled: 0 }]);
    // its motion was marked for deriving again (meetings.cancelled's trigger), and is no longer scheduled for it
    expect(reopened.sqlite.prepare("SELECT reference FROM papers WHERE derived_on IS NULL").pluck().all()).toEqual(['A-1']);
    refreshDerived(reopened.sqlite, TODAY);
    expect(next(reopened.sqlite)).toEqual([{ reference: 'A-1', state: 'submitted', date: null }, { reference: 'A-2', state: 'scheduled', date: '2026-12-17' }]);
    // no change event: nothing changed in the RIS
    expect(reopened.sqlite.prepare("SELECT COUNT(*) FROM paper_events WHERE kind = 'meeting_cancelled'").pluck().get()).toBe(0);
  } finally {
    reopened.close();
  }
  // once: after that there is nothing to do
  const third = openDb(file);
  try {
    expect(backfillOparlCancellations(third.sqlite)).toBe(0);
    expect(third.sqlite.prepare("SELECT COUNT(*) FROM papers WHERE derived_on IS NULL").pluck().get()).toBe(0);
  } finally {
    third.close();
  }
});
