/**
 * A paper another process changed without deriving it (an import batch derives the papers it writes; a
 * paper only named by a new agenda item is marked for deriving again, derived_on NULL) is derived by the
 * server's timer within its 10-second check, outside any request (src/server/app.ts).
 */
import path from 'node:path';
import type { MeetingRecord } from '../../scrapers/records';
import { openDb } from '../../src/db/connection';
import { importRecords } from '../../src/db/import';
import { createApp } from '../../src/server/app';
import { paper, station } from '../helpers/records';
import { makeTmpDir } from '../helpers/tmp';

const tmp = makeTmpDir();
afterAll(tmp.cleanup);
const NOW = '2026-11-24T09:00:00Z';

const agenda: MeetingRecord = {
  type: 'Meeting', format: 1, system: 'allris3', systemVersion: '3.9.5', sourceId: '900',
  url: 'https://ris.example/bi/to010.asp?SILFDNR=900', name: 'Sitzung des Rates', organization: 'Rat',
  organizationSourceId: null, date: '2026-12-17', start: '17:00', end: null, room: null, location: null, statusText: 'öffentlich',
  agendaItem: [{ number: '3', public: true, sourceId: '7001', name: 'Antrag', paperReference: 'A-1', paperSourceId: '1', result: null, resultCode: 'open' }],
};

test('a paper named by a new agenda gets its agenda-fed state from the timer, not only at the next run\'s end', () => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
  const { sqlite, close } = openDb(path.join(tmp.dir, 'timer.sqlite'));
  try {
    importRecords(sqlite, { key: 'a', name: 'A' }, [paper({ sourceId: '1', reference: 'A-1', consultation: [station('Rat', 'Entscheidung')] })], NOW);
    createApp(sqlite, { today: () => '2026-11-24' });
    const row = () => sqlite.prepare("SELECT state, next_organization AS org, next_date AS date, derived_on IS NULL AS stale FROM papers WHERE reference = 'A-1'").get();
    expect(row()).toEqual({ state: 'submitted', org: 'Rat', date: null, stale: 0 });
    // another writer: the agenda of the Rat's meeting on 17.12.2026 names the paper
    importRecords(sqlite, { key: 'a', name: 'A' }, [agenda], NOW);
    expect(row()).toEqual({ state: 'submitted', org: 'Rat', date: null, stale: 1 });
    jest.advanceTimersByTime(10_000);
    expect(row()).toEqual({ state: 'scheduled', org: 'Rat', date: '2026-12-17', stale: 0 });
  } finally {
    jest.useRealTimers();
    close();
  }
});
