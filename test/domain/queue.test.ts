/** deriveQueue over progress() results of hand-written Beratungsfolgen. */
import type { ConsultationMeetingRecord, ConsultationRecord } from '../../scrapers/records';
import type { ResultCode, RoleCode } from '../../scrapers/shared/codes';
import { progress } from '../../src/domain/progress';
import { deriveQueue, sameCommittee } from '../../src/domain/queue';

const TODAY = '2026-11-24';
const row = (date: string | null, resultCode: ResultCode = 'open', result: string | null = null): ConsultationMeetingRecord =>
  ({ date, name: null, meetingSourceId: null, agendaItemSourceId: null, result, resultCode });
const st = (organization: string, role: string, roleCode: RoleCode, meetings: ConsultationMeetingRecord[] = []): ConsultationRecord =>
  ({ organization, role, roleCode, stationStatus: null, meetings });
const item = (ref: string, consultation: ConsultationRecord[], date: string | null = null) => ({ paper: ref, progress: progress({ consultation, date }, TODAY) });

describe('deriveQueue', () => {
  const items = [
    // next: Hauptausschuss, no date yet; waiting since 2026-10-14
    item('A', [st('Digitalausschuss', 'Vorberatung', 'preliminary', [row('2026-10-14', 'adopted', 'beschlossen')]), st('Hauptausschuss', 'Vorberatung', 'preliminary'), st('Rat', 'Entscheidung', 'decision')]),
    // next: Hauptausschuss on 2026-12-03
    item('B', [st('Hauptausschuss', 'Vorberatung', 'preliminary', [row('2026-12-03')]), st('Rat', 'Entscheidung', 'decision', [row('2026-12-17')])]),
    // next: Hauptausschuss on 2026-11-26, after a deferral there
    item('C', [st('hauptausschuss ', 'Vorberatung', 'preliminary', [row('2026-10-01', 'deferred', 'vertagt'), row('2026-11-26')]), st('Rat', 'Entscheidung', 'decision')]),
    // next: Rat, not this committee
    item('D', [st('Hauptausschuss', 'Vorberatung', 'preliminary', [row('2026-09-01', 'adopted', 'beschlossen')]), st('Rat', 'Entscheidung', 'decision', [row('2026-12-17')])]),
    // decided: nothing next
    item('E', [st('Hauptausschuss', 'Entscheidung', 'decision', [row('2026-09-01', 'adopted', 'beschlossen')])]),
    // next: Hauptausschuss, no date, never dealt with anywhere (paper of 2026-11-01)
    item('F', [st('Hauptausschuss', 'Vorberatung', 'preliminary'), st('Rat', 'Entscheidung', 'decision')], '2026-11-01'),
  ];

  test('lists the papers whose next station is the committee: dated first by date, then undated, longest waiting first', () => {
    const q = deriveQueue(items, 'Hauptausschuss');
    expect(q.map((e) => [e.paper, e.date, e.stationIndex])).toEqual([
      ['C', '2026-11-26', 0], ['B', '2026-12-03', 0], ['F', null, 0], ['A', null, 1],
    ]);
    expect(q.find((e) => e.paper === 'A')).toMatchObject({ role: 'Vorberatung', roleCode: 'preliminary', waitingSince: '2026-10-14', earlierDone: 1, earlierTotal: 1, state: 'in-deliberation' });
    expect(q.find((e) => e.paper === 'B')).toMatchObject({ state: 'scheduled', stateLabel: 'terminiert', earlierTotal: 0 });
  });

  test('another committee gets its own queue; an unknown one an empty queue', () => {
    expect(deriveQueue(items, 'Rat').map((e) => e.paper)).toEqual(['D']);
    expect(deriveQueue(items, 'Jugendbeirat')).toEqual([]);
  });

  test('a paper on a decision-maker\'s agenda whose Vorberatung has no meeting before it joins that committee\'s queue with the deadline', () => {
    const agenda = [{ date: '2026-12-17', organization: 'Rat', meetingName: null, meetingId: 5, meetingSourceId: null, agendaItemSourceId: null, number: '4', result: null, resultCode: null }];
    const g = { paper: 'G', progress: progress({ consultation: [st('Digitalausschuss', 'Vorberatung', 'preliminary'), st('Rat', 'Entscheidung', 'decision')] }, TODAY, { agenda }) };
    const h = { paper: 'H', progress: progress({ consultation: [st('Digitalausschuss', 'Vorberatung', 'preliminary')] }, TODAY) };
    const q = deriveQueue([h, g], 'Digitalausschuss');
    // with a deadline it sorts by that day, before the undated
    expect(q.map((e) => [e.paper, e.date, e.deadline, e.stationIndex, e.role])).toEqual([['G', null, '2026-12-17', 0, 'Vorberatung'], ['H', null, null, 0, 'Vorberatung']]);
    expect(q[0].deadlineText).toBe('muss vor dem 17.12.2026 beraten werden — Rat');
    // the Rat's queue has it dated by the agenda
    expect(deriveQueue([g], 'Rat').map((e) => [e.paper, e.date, e.agenda?.date, e.deadline])).toEqual([['G', '2026-12-17', '2026-12-17', null]]);
  });

  test('a committee that met and has not published its result has the paper no longer in its queue', () => {
    const waiting = { paper: 'W', progress: progress({ consultation: [st('Hauptausschuss', 'Entscheidung', 'decision', [row('2026-07-07')])] }, TODAY) };
    expect(deriveQueue([waiting], 'Hauptausschuss')).toEqual([]);
    expect(waiting.progress.awaiting).toMatchObject({ organization: 'Hauptausschuss', date: '2026-07-07' });
  });

  test('sameCommittee ignores case and white space, never matches null', () => {
    expect(sameCommittee(' Haupt  ausschuss', 'haupt ausschuss')).toBe(true);
    expect(sameCommittee('Rat', 'Rat der Stadt')).toBe(false);
    expect(sameCommittee(null, 'Rat')).toBe(false);
  });
});
