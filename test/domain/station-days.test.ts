/** deriveStationDays: days per committee over progress() stations. */
import type { ConsultationMeetingRecord, ConsultationRecord } from '../../scrapers/records';
import type { ResultCode, RoleCode } from '../../scrapers/shared/codes';
import { progress } from '../../src/domain/progress';
import { deriveStationDays } from '../../src/domain/station-days';

const TODAY = '2026-11-24';
const row = (date: string | null, resultCode: ResultCode = 'open'): ConsultationMeetingRecord =>
  ({ date, name: null, meetingSourceId: null, agendaItemSourceId: null, result: resultCode === 'open' ? null : resultCode, resultCode });
const st = (organization: string, roleCode: RoleCode, meetings: ConsultationMeetingRecord[] = [], stationStatus: string | null = null): ConsultationRecord =>
  ({ organization, role: null, roleCode, stationStatus, meetings });
const days = (consultation: ConsultationRecord[], date: string | null) => {
  const pr = progress({ consultation, date }, TODAY);
  return deriveStationDays(pr.stations, date, TODAY);
};

describe('deriveStationDays', () => {
  test('hand-over from the paper date, then from each done station; the current one runs to today; planned ones have none', () => {
    const d = days([
      st('Digitalausschuss', 'preliminary', [row('2026-10-14', 'adopted')]),
      st('Hauptausschuss', 'preliminary', [row('2026-11-05', 'deferred'), row('2026-12-03')]),
      st('Rat', 'decision', [row('2026-12-17')]),
    ], '2026-09-22');
    expect(d.stations).toEqual([
      { stationIndex: 0, from: '2026-09-22', to: '2026-10-14', days: 22, running: false },
      { stationIndex: 1, from: '2026-10-14', to: TODAY, days: 41, running: true },
      { stationIndex: 2, from: null, to: null, days: null, running: false },
    ]);
    expect(d.total).toBe(63);
    expect(d.totalRunning).toBe(true);
  });

  test('a decided paper: skipped stations have none; the total ends at the last meeting', () => {
    const d = days([
      st('Seniorenbeirat', 'hearing'),
      st('Hauptausschuss', 'preliminary', [row('2026-03-02', 'adopted')]),
      st('Rat', 'decision', [row('2026-03-20', 'adopted')]),
    ], '2026-02-01');
    expect(d.stations.map((s) => s.days)).toEqual([null, 29, 18]);
    expect(d.total).toBe(47);
    expect(d.totalRunning).toBe(false);
  });

  test('without a paper date the first meeting starts (a lone meeting of unknown arrival has no figure); stations out of order start at their own first meeting', () => {
    const d = days([
      st('Ausschuss A', 'preliminary', [row('2026-09-01')], 'Erledigt'),
      st('Ausschuss B', 'preliminary', [row('2026-06-29', 'deferred'), row('2026-08-01', 'adopted')]),
    ], null);
    expect(d.stations.map((s) => [s.from, s.to, s.days])).toEqual([[null, null, null], ['2026-06-29', '2026-08-01', 33]]);
    expect(d.total).toBe(64);
    expect(d.totalFrom).toBe('first-meeting');
  });

  test('without a paper date, one decided meeting says nothing about how long: no station figure, no total', () => {
    const d = days([st('Stadtverordnetenversammlung', 'decision', [row('2025-12-11', 'adopted')])], null);
    expect(d.stations.map((s) => s.days)).toEqual([null]);
    expect(d.total).toBeNull();
    expect(d.totalFrom).toBeNull();
  });

  test('with a paper date of the same day, the 0 days are a fact and counted from the paper', () => {
    const d = days([st('Rat', 'decision', [row('2025-12-11', 'adopted')])], '2025-12-11');
    expect(d.stations.map((s) => s.days)).toEqual([0]);
    expect(d.total).toBe(0);
    expect(d.totalFrom).toBe('paper');
  });
});
