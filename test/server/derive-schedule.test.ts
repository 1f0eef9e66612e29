/**
 * The stored states are derived when the app is built and again by a timer when the day changes —
 * not in the first request of a day (src/server/app.ts).
 */
import path from 'node:path';
import { openDb, type OpenedDb } from '../../src/db/connection';
import { refreshDerived } from '../../src/db/derive';
import { importPapers } from '../../src/db/import';
import { createApp } from '../../src/server/app';
import { paper, station } from '../helpers/records';
import { makeTmpDir } from '../helpers/tmp';

describe('deriving the stored states outside requests', () => {
  let db: OpenedDb;
  beforeEach(() => {
    jest.useFakeTimers();
    db = openDb(':memory:');
    importPapers(db.sqlite, { key: 'a', name: 'A' }, [
      paper({ sourceId: '1', reference: 'DS/2026/0001', consultation: [station('Hauptausschuss', 'Vorberatung', [
        { date: '2026-10-02', name: 'Sitzung', meetingSourceId: null, agendaItemSourceId: null, result: null, resultCode: 'open' },
      ])] }),
    ], '2026-09-01T08:00:00Z');
    db.sqlite.exec('UPDATE papers SET derived_on = NULL, state = NULL');
  });
  afterEach(() => {
    jest.useRealTimers();
    db.close();
  });

  const row = () => db.sqlite.prepare('SELECT state, next_date AS nextDate, derived_on AS derivedOn FROM papers').get();

  test('at start-up, and when the day has changed', () => {
    let today = '2026-10-01';
    createApp(db.sqlite, { today: () => today });
    expect(row()).toEqual({ state: 'scheduled', nextDate: '2026-10-02', derivedOn: '2026-10-01' });
    today = '2026-10-03';
    jest.advanceTimersByTime(9_000);
    expect(row()).toEqual({ state: 'scheduled', nextDate: '2026-10-02', derivedOn: '2026-10-01' });
    jest.advanceTimersByTime(2_000);
    expect(row()).toEqual({ state: 'in-deliberation', nextDate: null, derivedOn: '2026-10-03' });
  });

  test('another process deriving for another day (a crawl started yesterday) is noticed and undone', () => {
    const tmp = makeTmpDir();
    const file = path.join(tmp.dir, 'two.sqlite');
    const server = openDb(file);
    const crawler = openDb(file);
    try {
      importPapers(crawler.sqlite, { key: 'a', name: 'A' }, [
        paper({ sourceId: '1', reference: 'DS/2026/0001', consultation: [station('Hauptausschuss', 'Vorberatung', [
          { date: '2026-10-02', name: 'Sitzung', meetingSourceId: null, agendaItemSourceId: null, result: null, resultCode: 'open' },
        ])] }),
      ], '2026-09-01T08:00:00Z');
      const state = () => server.sqlite.prepare('SELECT state, derived_on AS derivedOn FROM papers').get();
      createApp(server.sqlite, { today: () => '2026-10-03' });
      expect(state()).toEqual({ state: 'in-deliberation', derivedOn: '2026-10-03' });
      refreshDerived(crawler.sqlite, '2026-10-01');
      expect(state()).toEqual({ state: 'scheduled', derivedOn: '2026-10-01' });
      jest.advanceTimersByTime(11_000);
      expect(state()).toEqual({ state: 'in-deliberation', derivedOn: '2026-10-03' });
    } finally {
      crawler.close();
      server.close();
      tmp.cleanup();
    }
  });
});
