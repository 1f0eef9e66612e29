/** The age rule (src/domain/data-age.ts): which day durations run to, and how the page words the data's age. */
import type { ConsultationMeetingRecord, ConsultationRecord } from '../../scrapers/records';
import type { ResultCode, RoleCode } from '../../scrapers/shared/codes';
import { berlinDayOf, DATA_MAX_AGE_DAYS, deriveDataAge, durationsEnd } from '../../src/domain/data-age';
import { progress } from '../../src/domain/progress';
import { deriveStationDays } from '../../src/domain/station-days';

describe('deriveDataAge: table', () => {
  // today, dataAsOf, dates of meetings with a result → asOf, countTo, ageDays, stale, stamp, countNote, notice
  const cases: {
    name: string; today: string; dataAsOf: string | null; held?: (string | null)[];
    asOf: string | null; countTo: string; ageDays: number | null; stale: boolean; stamp: string; countNote: string | null; notice: string | null;
  }[] = [
    {
      name: 'read today: durations run to today, no note, no warning',
      today: '2026-12-06', dataAsOf: '2026-12-06T04:10:00Z',
      asOf: '2026-12-06', countTo: '2026-12-06', ageDays: 0, stale: false,
      stamp: 'Stand der Daten: 06.12.2026', countNote: null, notice: null,
    },
    {
      name: 'read in August, imported in December: durations stop on the read day, and the page warns',
      today: '2026-12-06', dataAsOf: '2026-08-14T09:12:00Z', held: ['2026-06-30', '2026-07-07'],
      asOf: '2026-08-14', countTo: '2026-08-14', ageDays: 114, stale: true,
      stamp: 'Stand der Daten: 14.08.2026', countNote: 'Dauern sind bis zum 14.08.2026 gezählt, dem Stand der Daten.',
      notice: 'Die Daten dieser Vorlage haben den Stand vom 14.08.2026 (vor 114 Tagen).',
    },
    {
      name: `exactly ${DATA_MAX_AGE_DAYS} days old: capped, but not yet warned`,
      today: '2026-12-06', dataAsOf: '2026-11-06',
      asOf: '2026-11-06', countTo: '2026-11-06', ageDays: 30, stale: false,
      stamp: 'Stand der Daten: 06.11.2026', countNote: 'Dauern sind bis zum 06.11.2026 gezählt, dem Stand der Daten.', notice: null,
    },
    {
      name: `${DATA_MAX_AGE_DAYS + 1} days old: warned`,
      today: '2026-12-06', dataAsOf: '2026-11-05',
      asOf: '2026-11-05', countTo: '2026-11-05', ageDays: 31, stale: true,
      stamp: 'Stand der Daten: 05.11.2026', countNote: 'Dauern sind bis zum 05.11.2026 gezählt, dem Stand der Daten.',
      notice: 'Die Daten dieser Vorlage haben den Stand vom 05.11.2026 (vor 31 Tagen).',
    },
    {
      name: 'one day old: not old enough to warn; durations stop yesterday',
      today: '2026-12-06', dataAsOf: '2026-12-05T22:00:00Z',
      asOf: '2026-12-05', countTo: '2026-12-05', ageDays: 1, stale: false,
      stamp: 'Stand der Daten: 05.12.2026', countNote: 'Dauern sind bis zum 05.12.2026 gezählt, dem Stand der Daten.', notice: null,
    },
    {
      name: 'the read time is a Berlin day: 23:30 UTC on 13.08. is already the 14th in Berlin',
      today: '2026-12-06', dataAsOf: '2026-08-13T23:30:00Z',
      asOf: '2026-08-14', countTo: '2026-08-14', ageDays: 114, stale: true,
      stamp: 'Stand der Daten: 14.08.2026', countNote: 'Dauern sind bis zum 14.08.2026 gezählt, dem Stand der Daten.',
      notice: 'Die Daten dieser Vorlage haben den Stand vom 14.08.2026 (vor 114 Tagen).',
    },
    {
      name: 'a result dated after the stated read time proves newer data: durations run to that meeting',
      today: '2026-12-06', dataAsOf: '2012-01-08T14:05:27+01:00', held: ['2013-03-04', '2012-11-20', null],
      asOf: '2012-01-08', countTo: '2013-03-04', ageDays: 5446, stale: true,
      stamp: 'Stand der Daten: 08.01.2012', countNote: 'Dauern sind bis zum 04.03.2013 gezählt, dem Tag der letzten Sitzung mit Ergebnis.',
      notice: 'Die Daten dieser Vorlage haben den Stand vom 08.01.2012 (vor 5446 Tagen).',
    },
    {
      name: 'a "result" dated after today is no evidence (a typo in the RIS does not push durations into the future)',
      today: '2026-12-06', dataAsOf: '2026-08-14T09:00:00Z', held: ['2027-01-10'],
      asOf: '2026-08-14', countTo: '2026-08-14', ageDays: 114, stale: true,
      stamp: 'Stand der Daten: 14.08.2026', countNote: 'Dauern sind bis zum 14.08.2026 gezählt, dem Stand der Daten.',
      notice: 'Die Daten dieser Vorlage haben den Stand vom 14.08.2026 (vor 114 Tagen).',
    },
    {
      name: 'read time after today (a day pinned in the past): durations run to today',
      today: '2026-11-24', dataAsOf: '2026-12-06T05:00:00Z',
      asOf: '2026-12-06', countTo: '2026-11-24', ageDays: 0, stale: false,
      stamp: 'Stand der Daten: 06.12.2026', countNote: null, notice: null,
    },
    {
      name: 'not known when it was read: durations run to today, the stamp says so, no warning claims an age',
      today: '2026-12-06', dataAsOf: null,
      asOf: null, countTo: '2026-12-06', ageDays: null, stale: false,
      stamp: 'Stand der Daten: unbekannt', countNote: null, notice: null,
    },
    {
      name: 'an unreadable read time counts as not known',
      today: '2026-12-06', dataAsOf: 'gestern',
      asOf: null, countTo: '2026-12-06', ageDays: null, stale: false,
      stamp: 'Stand der Daten: unbekannt', countNote: null, notice: null,
    },
    {
      name: 'a plain day is taken as it is',
      today: '2026-12-06', dataAsOf: '2026-10-01',
      asOf: '2026-10-01', countTo: '2026-10-01', ageDays: 66, stale: true,
      stamp: 'Stand der Daten: 01.10.2026', countNote: 'Dauern sind bis zum 01.10.2026 gezählt, dem Stand der Daten.',
      notice: 'Die Daten dieser Vorlage haben den Stand vom 01.10.2026 (vor 66 Tagen).',
    },
  ];

  test.each(cases)('$name', (c) => {
    const age = deriveDataAge({ today: c.today, dataAsOf: c.dataAsOf, heldDates: c.held ?? [] });
    expect(age).toEqual({
      asOf: c.asOf, countTo: c.countTo, capped: c.countTo < c.today, ageDays: c.ageDays, stale: c.stale,
      stamp: c.stamp, countNote: c.countNote, notice: c.notice,
    });
    expect(durationsEnd(c.today, c.dataAsOf, c.held ?? [])).toBe(c.countTo);
  });

  test('today must be a day', () => {
    expect(() => deriveDataAge({ today: '6.12.2026', dataAsOf: null })).toThrow(TypeError);
  });

  test('berlinDayOf: instants with offsets, summer and winter time', () => {
    expect(berlinDayOf('2026-07-01T22:30:00Z')).toBe('2026-07-02'); // CEST, +2
    expect(berlinDayOf('2026-12-01T22:30:00Z')).toBe('2026-12-01'); // CET, +1
    expect(berlinDayOf('2026-12-01T23:30:00+01:00')).toBe('2026-12-01');
    expect(berlinDayOf('2026-02-30')).toBeNull();
    expect(berlinDayOf(undefined)).toBeNull();
  });
});

describe('durations and "ruht" run to the data\'s day (progress + station days)', () => {
  const row = (date: string | null, resultCode: ResultCode = 'open'): ConsultationMeetingRecord =>
    ({ date, name: null, meetingSourceId: null, agendaItemSourceId: null, result: resultCode === 'open' ? null : resultCode, resultCode });
  const st = (organization: string, roleCode: RoleCode, meetings: ConsultationMeetingRecord[] = []): ConsultationRecord =>
    ({ organization, role: null, roleCode, stationStatus: null, meetings });
  const consultation = [st('Rat', 'decision', [row('2026-03-02', 'deferred')])];
  const TODAY = '2027-04-01';

  // dataAsOf → state, countTo, days with the current committee
  const cases: [string | null, string, string, number][] = [
    // known up to today: more than 90 days since the deferral with nothing after it → it rests; the Rat has had it since the paper's date
    [null, 'stalled', TODAY, 424],
    ['2027-03-31T08:00:00Z', 'stalled', '2027-03-31', 423],
    // read in August 2026: 165 days after the deferral, so it rests already; durations stop in August
    ['2026-08-14T09:00:00Z', 'stalled', '2026-08-14', 194],
    // read in May 2026, 79 days after the deferral: nothing is known after it, so it is not known to rest, whatever today is
    ['2026-05-20T09:00:00Z', 'in-deliberation', '2026-05-20', 108],
  ];
  test.each(cases)('read %s → %s, counted to %s (%i days)', (dataAsOf, state, countTo, days) => {
    const pr = progress({ consultation, date: '2026-02-01', dataAsOf }, TODAY);
    expect(pr.state).toBe(state);
    expect(pr.countTo).toBe(countTo);
    const d = deriveStationDays(pr.stations, '2026-02-01', pr.countTo);
    expect(d.stations[0]).toEqual({ stationIndex: 0, from: '2026-02-01', to: countTo, days, running: true });
    expect(d.total).toBe(days);
  });
});
