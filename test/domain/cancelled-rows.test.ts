/**
 * A Beratungsfolge row at a meeting known to be cancelled (StationMeeting.cancelled, from the linked
 * meeting's flag) is no step: not the station's next date, not a meeting it held. A result at it counts
 * as it reads (the RIS knows better than the flag).
 */
import { progress } from '../../src/domain/progress';
import { toProgressSummary } from '../../src/domain/progress-summary';
import { flagMeeting } from '../../src/domain/stations';
import { nextStepText } from '../../src/domain/step-texts';
import { row, station } from '../helpers/progress-cases/consultations';

const TODAY = '2026-11-24';
const off = (date: string | null, result: string | null = null, code: Parameters<typeof row>[2] = 'open') => ({ ...row(date, result, code), cancelled: true });
const BAU = (meetings: ReturnType<typeof row>[]) => station('Bauausschuss', 'Vorberatung', 'preliminary', meetings);
const RAT = (meetings: ReturnType<typeof row>[]) => station('Rat', 'Entscheidung', 'decision', meetings);

describe('rows at a cancelled meeting', () => {
  test.each([
    ['a coming date', '2026-12-10'],
    ['today', TODAY],
    ['a date gone by', '2026-11-02'],
    ['no date', null],
  ])('without a result, %s is neither past nor future', (_name, date) => {
    expect(flagMeeting(off(date), 0, TODAY)).toMatchObject({ past: false, future: false, cancelled: true });
  });

  test('with a result it counts as it reads', () => {
    expect(flagMeeting(off('2026-11-02', 'beschlossen', 'adopted'), 0, TODAY)).toMatchObject({ past: true, future: false });
  });

  test('the only coming row of a station: the station is planned without a date, the next dated station is the next step', () => {
    const p = progress({ date: '2026-10-01', consultation: [BAU([off('2026-12-10')]), RAT([row('2027-01-20')])] }, TODAY);
    expect(p.stations.map((s) => [s.status, s.lastDate, s.nextDate])).toEqual([['planned', null, null], ['planned', null, '2027-01-20']]);
    expect(p.state).toBe('scheduled');
    expect(p.next).toMatchObject({ stationIndex: 1, organization: 'Rat', date: '2027-01-20' });
    // the committee that lost its meeting still has to advise before the council decides
    expect(p.explanation).toBe('Terminiert: Rat (Entscheidung) am 20.01.2027; vorher muss noch Bauausschuss (Vorberatung) beraten (vor dem 20.01.2027).');
  });

  test('the same Beratungsfolge with the meeting held as planned: the committee\'s date is the next step', () => {
    const p = progress({ date: '2026-10-01', consultation: [BAU([row('2026-12-10')]), RAT([row('2027-01-20')])] }, TODAY);
    expect(p.next).toMatchObject({ stationIndex: 0, organization: 'Bauausschuss', date: '2026-12-10' });
  });

  test('the only row of the only station: submitted, next step without a date', () => {
    const p = progress({ date: '2026-10-01', consultation: [BAU([off('2026-12-10')])] }, TODAY);
    expect(p.state).toBe('submitted');
    expect(p.next).toMatchObject({ organization: 'Bauausschuss', date: null });
    expect(p.stations[0]).toMatchObject({ status: 'planned', nextDate: null, awaitingResult: false });
    // why it has no date: the explanation, the next step's phrase and the summary the lists read say so
    expect(p.next?.cancelledDate).toBe('2026-12-10');
    expect(p.explanation).toBe('Eingereicht: am 01.10.2026 vorgelegt, noch nicht beraten; als Nächstes Bauausschuss (Vorberatung), noch ohne neuen Termin (Sitzung am 10.12.2026 abgesagt).');
    expect(p.explanationEn).toBe('Submitted: dated 2026-10-01, not yet deliberated; next Bauausschuss (Vorberatung), no new date yet (the meeting on 2026-12-10 was cancelled).');
    expect(nextStepText(p.next!)).toBe('Bauausschuss (Vorberatung), noch ohne neuen Termin (Sitzung am 10.12.2026 abgesagt)');
    expect(toProgressSummary(p).next).toMatchObject({ date: null, cancelledDate: '2026-12-10' });
  });

  test('a step with a date, or none and no cancelled meeting, says nothing of a cancellation', () => {
    const dated = progress({ date: '2026-10-01', consultation: [BAU([off('2026-12-10'), row('2026-12-17')])] }, TODAY);
    expect(dated.next).toEqual({ stationIndex: 0, organization: 'Bauausschuss', role: 'Vorberatung', roleCode: 'preliminary', date: '2026-12-17', agenda: null });
    const plain = progress({ date: '2026-10-01', consultation: [BAU([])] }, TODAY);
    expect(plain.next).not.toHaveProperty('cancelledDate');
    expect(nextStepText(plain.next!)).toBe('Bauausschuss (Vorberatung), noch ohne Termin');
    expect(toProgressSummary(plain).next).not.toHaveProperty('cancelledDate');
  });

  test('a cancelled meeting gone by is no meeting held: the station does not await a result, its last date stays the one before', () => {
    const p = progress({ date: '2026-10-01', consultation: [BAU([row('2026-10-15', 'vertagt', 'deferred'), off('2026-11-12')]), RAT([])] }, TODAY);
    expect(p.stations[0]).toMatchObject({ status: 'current', lastDate: '2026-10-15', nextDate: null, awaitingResult: false, deferrals: 1 });
    expect(p.lastActivity).toBe('2026-10-15');
    expect(p.explanation).toBe('In Beratung: zuletzt Bauausschuss am 15.10.2026 („vertagt“); ein neuer Termin steht noch aus (Sitzung am 12.11.2026 abgesagt).');
  });

  test('a meeting cancelled before the station last met is no reason now', () => {
    const p = progress({ date: '2026-10-01', consultation: [BAU([off('2026-10-08'), row('2026-10-15', 'vertagt', 'deferred')]), RAT([])] }, TODAY);
    expect(p.next).toMatchObject({ stationIndex: 0, date: null });
    expect(p.next).not.toHaveProperty('cancelledDate');
    expect(p.explanation).toBe('In Beratung: zuletzt Bauausschuss am 15.10.2026 („vertagt“); ein neuer Termin steht noch aus.');
  });

  test('a station whose only row was at a cancelled meeting is skipped when a later station has met, as one without rows is', () => {
    const p = progress({ date: '2026-10-01', consultation: [BAU([off('2026-10-20')]), RAT([row('2026-11-05', 'beschlossen', 'adopted')])] }, TODAY);
    expect(p.stations.map((s) => s.status)).toEqual(['skipped', 'done']);
    expect(p.state).toBe('decided');
  });

  test('the committee\'s next meeting on the agenda dates the station anew; no step is added after the council', () => {
    const item = {
      date: '2026-12-17', organization: 'Bauausschuss', meetingName: 'Sitzung des Bauausschusses', meetingId: 9, meetingSourceId: 'm9',
      agendaItemSourceId: 'ti1', number: '4', result: null, resultCode: 'open' as const,
    };
    const p = progress({ date: '2026-10-01', consultation: [BAU([off('2026-12-10')]), RAT([row('2027-01-20')])] }, TODAY, { agenda: [item] });
    expect(p.stations.map((s) => [s.organization, s.fromAgenda, s.status, s.nextDate])).toEqual([
      ['Bauausschuss', false, 'planned', '2026-12-17'],
      ['Rat', false, 'planned', '2027-01-20'],
    ]);
    expect(p.stations[0].meetings.map((m) => [m.date, m.past, m.future, m.agenda?.number ?? null])).toEqual([
      ['2026-12-10', false, false, null],
      ['2026-12-17', false, true, '4'],
    ]);
    expect(p.next).toMatchObject({ stationIndex: 0, organization: 'Bauausschuss', date: '2026-12-17' });
  });
});
