/**
 * progress(paper, today): the properties every table case shares (the tables run in progress-way.test.ts
 * and progress-final.test.ts; their cases live in test/helpers/progress-cases/), the basis, purity and
 * the check of its input.
 */
import type { ConsultationRecord } from '../../scrapers/records';
import { PAPER_STATES, progress, STATE_LABELS } from '../../src/domain/progress';
import { HA, LAATZEN_2026_245, LEIPZIG_VII_A_00777, RAT, row } from '../helpers/progress-cases/consultations';
import { FINAL_CASES } from '../helpers/progress-cases/final';
import { WAY_CASES } from '../helpers/progress-cases/way';

const CASES = [...WAY_CASES, ...FINAL_CASES];

describe('progress(paper, today)', () => {
  test('the cases cover every state of PAPER_STATES', () => {
    expect(new Set(CASES.map((c) => c.state))).toEqual(new Set(PAPER_STATES));
  });

  test('every explanation starts with its German label and names a station or says there is none', () => {
    for (const c of CASES) {
      const p = progress({ consultation: c.consultation, date: c.date ?? null }, c.today);
      expect(p.explanation.toLowerCase().startsWith(STATE_LABELS[p.state].toLowerCase() + ':')).toBe(true);
      const named = p.stations.some((s) => s.organization != null && p.explanation.includes(s.organization));
      expect(named || p.stations.length === 0).toBe(true);
      expect(p.explanation).not.toMatch(/\d{4}-\d{2}-\d{2}/); // German sentences use DD.MM.YYYY
    }
  });

  test('station details: meeting rows flagged past, lastDate / nextDate, result of the last row with a result', () => {
    const p = progress({ consultation: [HA([row('2026-09-01', 'vertagt', 'deferred'), row('2026-10-01', 'überwiesen', 'referred'), row('2026-12-01')])] }, '2026-11-24');
    const s = p.stations[0];
    expect(s.meetings.map((m) => m.past)).toEqual([true, true, false]);
    expect(s).toMatchObject({
      index: 0,
      organization: 'Hauptausschuss',
      role: 'Vorberatung',
      roleCode: 'preliminary',
      status: 'current',
      lastDate: '2026-10-01',
      nextDate: '2026-12-01',
      result: 'überwiesen',
      resultCode: 'referred',
      deferrals: 1,
      referrals: 1,
    });
    expect(p.basis).toEqual({ stationIndex: 0, meetingIndex: 2, date: '2026-12-01' });
  });

  test('the basis names the station and meeting row that set the state', () => {
    const p = progress({ consultation: LAATZEN_2026_245 }, '2026-11-24');
    expect(p.basis).toEqual({ stationIndex: 4, meetingIndex: 0, date: '2026-09-03' });
    const d = progress({ consultation: [HA([row('2026-02-01', 'ungeändert beschlossen', 'adopted')]), RAT([row('2026-03-12', 'abgelehnt', 'rejected')])] }, '2026-11-24');
    expect(d.basis).toEqual({ stationIndex: 1, meetingIndex: 0, date: '2026-03-12' });
  });

  test('a deferral a later meeting of the station took up again is not the station\'s result (Laatzen\'s Schulausschuss)', () => {
    const p = progress({ consultation: LAATZEN_2026_245 }, '2026-11-24');
    // 29.06.2026 "vertagt", then 01.09.2026 without a result: the station's result is that meeting's, not published
    expect([p.stations[2].result, p.stations[2].resultCode, p.stations[2].deferrals, p.stations[2].lastDate]).toEqual([null, null, 1, '2026-09-01']);
    // a deferral nothing took up yet is the station's result
    const waiting = progress({ consultation: [HA([row('2026-10-01', 'vertagt', 'deferred'), row('2026-12-01')]), RAT()] }, '2026-11-24');
    expect([waiting.stations[0].result, waiting.stations[0].resultCode]).toEqual(['vertagt', 'deferred']);
  });

  test('a row naming its meeting without a date: assigned to it while it has no result; held (a result) it is no such step', () => {
    const undated = (result: string | null, code: 'open' | 'deferred') =>
      progress({ consultation: [RAT([{ ...row(null, result, code), meetingSourceId: 'https://ris.example/oparl/meetings?id=1' }])] }, '2026-11-24');
    expect(undated(null, 'open').next).toMatchObject({ stationIndex: 0, date: null, undatedMeeting: true });
    // deferred there: held, a new date is what is awaited
    const held = undated('vertagt', 'deferred');
    expect([held.next?.stationIndex, held.next?.date, held.next?.undatedMeeting]).toEqual([0, null, undefined]);
  });

  test('never reads the clock: the same input gives the same output whatever the system time', () => {
    const before = progress({ consultation: LEIPZIG_VII_A_00777 }, '2020-03-01');
    jest.useFakeTimers({ now: new Date('1999-12-31T23:00:00Z') });
    try {
      expect(progress({ consultation: LEIPZIG_VII_A_00777 }, '2020-03-01')).toEqual(before);
    } finally {
      jest.useRealTimers();
    }
  });

  test('does not change its input', () => {
    const input = JSON.parse(JSON.stringify(LAATZEN_2026_245)) as ConsultationRecord[];
    progress({ consultation: input }, '2026-11-24');
    expect(input).toEqual(LAATZEN_2026_245);
  });

  test.each(['24.11.2026', '2026-13-01', '', '2026-02-30'])('rejects a malformed today %p', (today) => {
    expect(() => progress({ consultation: [] }, today)).toThrow(TypeError);
  });
});
