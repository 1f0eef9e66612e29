/** checkAgendaItem: table-driven — a motion on a coming agenda, and whether its earlier stations are done. */
import type { ConsultationMeetingRecord, ConsultationRecord } from '../../scrapers/records';
import type { ResultCode, RoleCode } from '../../scrapers/shared/codes';
import { checkAgendaItem, type AgendaIssueSeverity } from '../../src/domain/agenda-check';
import { progress } from '../../src/domain/progress';

const TODAY = '2026-11-24';
const row = (date: string | null, resultCode: ResultCode = 'open', result: string | null = null): ConsultationMeetingRecord =>
  ({ date, name: null, meetingSourceId: null, agendaItemSourceId: null, result, resultCode });
const st = (organization: string, role: string, roleCode: RoleCode, meetings: ConsultationMeetingRecord[] = [], stationStatus: string | null = null): ConsultationRecord =>
  ({ organization, role, roleCode, stationStatus, meetings });
const adopted = (date: string) => row(date, 'adopted', 'beschlossen');

interface Case {
  name: string;
  consultation: ConsultationRecord[];
  at: { organization: string; date: string };
  station: number | null;
  severity: AgendaIssueSeverity | null;
  /** [station index, severity] of every issue */
  issues: [number, AgendaIssueSeverity][];
  message?: RegExp;
}

const CASES: Case[] = [
  {
    name: 'every earlier station done → not flagged',
    consultation: [st('Digitalausschuss', 'Vorberatung', 'preliminary', [adopted('2026-10-14')]), st('Rat', 'Entscheidung', 'decision', [row('2026-12-17')])],
    at: { organization: 'Rat', date: '2026-12-17' }, station: 1, severity: null, issues: [],
  },
  {
    name: 'Vorberatung without any meeting → blocking',
    consultation: [st('Hauptausschuss', 'Vorberatung', 'preliminary'), st('Rat', 'Entscheidung', 'decision', [row('2026-12-17')])],
    at: { organization: 'Rat', date: '2026-12-17' }, station: 1, severity: 'blocking', issues: [[0, 'blocking']],
    message: /^Vorberatung \(Hauptausschuss\): geplant, kein Termin vor dieser Sitzung; muss vor dem 17\.12\.2026 beraten werden — Rat$/,
  },
  {
    name: 'Vorberatung scheduled before the meeting → pending',
    consultation: [st('Hauptausschuss', 'Vorberatung', 'preliminary', [row('2026-12-03')]), st('Rat', 'Entscheidung', 'decision', [row('2026-12-17')])],
    at: { organization: 'Rat', date: '2026-12-17' }, station: 1, severity: 'pending', issues: [[0, 'pending']],
    message: /^Vorberatung \(Hauptausschuss\): noch offen, Termin 03\.12\.2026 \(vor dieser Sitzung\)$/,
  },
  {
    name: 'Vorberatung on the same day → pending',
    consultation: [st('Hauptausschuss', 'Vorberatung', 'preliminary', [row('2026-12-17')]), st('Rat', 'Entscheidung', 'decision', [row('2026-12-17')])],
    at: { organization: 'Rat', date: '2026-12-17' }, station: 1, severity: 'pending', issues: [[0, 'pending']],
  },
  {
    name: 'Vorberatung scheduled only after the meeting → blocking',
    consultation: [st('Hauptausschuss', 'Vorberatung', 'preliminary', [row('2027-01-20')]), st('Rat', 'Entscheidung', 'decision', [row('2026-12-17')])],
    at: { organization: 'Rat', date: '2026-12-17' }, station: 1, severity: 'blocking', issues: [[0, 'blocking']],
    message: /erst am 20\.01\.2027 \(nach dieser Sitzung\)$/,
  },
  {
    name: 'Vorberatung deferred and not rescheduled → blocking (in Beratung)',
    consultation: [st('Hauptausschuss', 'Vorberatung', 'preliminary', [row('2026-11-05', 'deferred', 'vertagt')]), st('Rat', 'Entscheidung', 'decision', [row('2026-12-17')])],
    at: { organization: 'Rat', date: '2026-12-17' }, station: 1, severity: 'blocking', issues: [[0, 'blocking']],
    message: /: in Beratung, kein Termin/,
  },
  {
    name: 'a skipped station does not count, a stopped one blocks',
    consultation: [
      st('Seniorenbeirat', 'Anhörung', 'hearing'),
      st('Bauausschuss', 'Vorberatung', 'preliminary', [row('2026-10-01')], 'Gestoppt'),
      st('Hauptausschuss', 'Vorberatung', 'preliminary', [adopted('2026-11-02')]),
      st('Rat', 'Entscheidung', 'decision', [row('2026-12-17')]),
    ],
    at: { organization: 'Rat', date: '2026-12-17' }, station: 3, severity: 'blocking', issues: [[1, 'blocking']],
    message: /^Vorberatung \(Bauausschuss\): gestoppt$/,
  },
  {
    name: 'mixed: one pending, one blocking → blocking',
    consultation: [
      st('Ortsrat', 'Anhörung', 'hearing', [row('2026-12-01')]),
      st('Schulausschuss', 'Vorberatung', 'preliminary'),
      st('Rat', 'Entscheidung', 'decision', [row('2026-12-17')]),
    ],
    at: { organization: 'Rat', date: '2026-12-17' }, station: 2, severity: 'blocking', issues: [[0, 'pending'], [1, 'blocking']],
  },
  {
    name: 'the committee twice in the sequence: the station with a row on that date counts',
    consultation: [
      st('Schulausschuss', '1. Lesung', 'reading', [adopted('2026-10-01')]),
      st('Jugendbeirat', 'Anhörung', 'hearing'),
      st('Schulausschuss', '2. Lesung', 'reading', [row('2026-12-10')]),
    ],
    at: { organization: 'Schulausschuss', date: '2026-12-10' }, station: 2, severity: 'blocking', issues: [[1, 'blocking']],
  },
  {
    name: 'the committee twice, no row on that date: its first open station counts',
    consultation: [
      st('Schulausschuss', '1. Lesung', 'reading', [adopted('2026-10-01')]),
      st('Jugendbeirat', 'Anhörung', 'hearing', [adopted('2026-11-01')]),
      st('Schulausschuss', '2. Lesung', 'reading'),
    ],
    at: { organization: 'schulausschuss', date: '2026-12-10' }, station: 2, severity: null, issues: [],
  },
  {
    name: 'a Vorberatung held without a result ("kein Ergebnis angegeben") is not done for the check → pending',
    consultation: [st('Hauptausschuss', 'Vorberatung', 'preliminary', [row('2026-11-03')]), st('Rat', 'Entscheidung', 'decision', [row('2026-12-17')])],
    at: { organization: 'Rat', date: '2026-12-17' }, station: 1, severity: 'pending', issues: [[0, 'pending']],
    message: /^Vorberatung \(Hauptausschuss\): Sitzung am 03\.11\.2026, Ergebnis noch nicht veröffentlicht$/,
  },
  {
    name: 'a Vorberatung the RIS shows "Erledigt" without a result is done',
    consultation: [st('Hauptausschuss', 'Vorberatung', 'preliminary', [row('2026-11-03')], 'Erledigt'), st('Rat', 'Entscheidung', 'decision', [row('2026-12-17')])],
    at: { organization: 'Rat', date: '2026-12-17' }, station: 1, severity: null, issues: [],
  },
  {
    name: 'the first station has nothing before it',
    consultation: [st('Hauptausschuss', 'Vorberatung', 'preliminary', [row('2026-12-03')]), st('Rat', 'Entscheidung', 'decision')],
    at: { organization: 'Hauptausschuss', date: '2026-12-03' }, station: 0, severity: null, issues: [],
  },
];

describe('checkAgendaItem', () => {
  test.each(CASES)('$name', (c) => {
    const check = checkAgendaItem(progress({ consultation: c.consultation }, TODAY), c.at);
    expect(check.station).toBe(c.station);
    expect(check.severity).toBe(c.severity);
    expect(check.flagged).toBe(c.issues.length > 0);
    expect(check.issues.map((i) => [i.stationIndex, i.severity])).toEqual(c.issues);
    expect(check.notInSequence).toBe(false);
    if (c.message) expect(check.issues.map((i) => i.message).join('\n')).toMatch(c.message);
  });

  test('on an agenda the paper\'s page does not list yet (demo DS/2026/0342): the agenda dates the Rat, the open Vorberatung gets a deadline', () => {
    const agenda = [{ date: '2026-12-17', organization: 'Rat', meetingName: null, meetingId: 5, meetingSourceId: null, agendaItemSourceId: null, number: '4', result: null, resultCode: null }];
    const pr = progress({ consultation: [st('Digitalausschuss', 'Vorberatung', 'preliminary'), st('Rat', 'Entscheidung', 'decision')] }, TODAY, { agenda });
    const check = checkAgendaItem(pr, { organization: 'Rat', date: '2026-12-17' });
    expect([check.station, check.severity]).toEqual([1, 'blocking']);
    expect(check.issues.map((i) => i.message)).toEqual(['Vorberatung (Digitalausschuss): geplant, kein Termin vor dieser Sitzung; muss vor dem 17.12.2026 beraten werden — Rat']);
    // a step added from an agenda is not the Beratungsfolge's station: the committee is "not in sequence"
    const other = checkAgendaItem(progress({ consultation: [st('Rat', 'Entscheidung', 'decision')] }, TODAY, { agenda: [{ ...agenda[0], organization: 'Bauausschuss' }] }), { organization: 'Bauausschuss', date: '2026-12-17' });
    expect(other.notInSequence).toBe(true);
  });

  test('a committee the Beratungsfolge does not name: a note, not a flag', () => {
    const check = checkAgendaItem(progress({ consultation: [st('Rat', 'Entscheidung', 'decision')] }, TODAY), { organization: 'Bauausschuss', date: '2026-12-01' });
    expect(check).toEqual({ station: null, issues: [], flagged: false, severity: null, notInSequence: true, sequenceUnknown: false });
  });

  test('a Beratungsfolge known only from the agendas that name the motion: no verdict, not "bereit", whatever its stations say', () => {
    // the same motion with an earlier station still open: with its own page the check flags it; made of agendas, it says nothing
    const pr = progress({ consultation: [st('Hauptausschuss', 'Vorberatung', 'preliminary'), st('Rat', 'Entscheidung', 'decision')] }, TODAY);
    expect(checkAgendaItem(pr, { organization: 'Rat', date: '2026-12-01' }).flagged).toBe(true);
    expect(checkAgendaItem(pr, { organization: 'Rat', date: '2026-12-01' }, false))
      .toEqual({ station: 1, issues: [], flagged: false, severity: null, notInSequence: false, sequenceUnknown: true });
  });
});
