/**
 * Agendas feed the motion (src/domain/agenda-steps.ts, progress()'s `agenda` option): table-driven,
 * one or more rows per rule — the item dates a planned station, adds a planned step, confirms a row
 * the page already has (and gives it the agenda's result), is left out (no date, cancelled) — and
 * what progress() then says: state, next step with its date and source, deadlines, explanation.
 */
import type { ConsultationMeetingRecord, ConsultationRecord } from '../../scrapers/records';
import type { ResultCode, RoleCode } from '../../scrapers/shared/codes';
import { mergeAgenda, type PaperAgendaItem } from '../../src/domain/agenda-steps';
import { progress, type PaperState } from '../../src/domain/progress';

const TODAY = '2026-11-24';
const row = (date: string | null, resultCode: ResultCode = 'open', result: string | null = null): ConsultationMeetingRecord =>
  ({ date, name: null, meetingSourceId: null, agendaItemSourceId: null, result, resultCode });
const st = (organization: string | null, role: string | null, roleCode: RoleCode | null, meetings: ConsultationMeetingRecord[] = [], stationStatus: string | null = null): ConsultationRecord =>
  ({ organization, role, roleCode, stationStatus, meetings });
const item = (organization: string | null, date: string | null, more: Partial<PaperAgendaItem> = {}): PaperAgendaItem => ({
  date, organization, meetingName: organization ? `Sitzung ${organization}` : null, meetingId: 77, meetingSourceId: '4103',
  agendaItemSourceId: '9', number: '3', result: null, resultCode: 'open', ...more,
});
const VB = (meetings: ConsultationMeetingRecord[] = []) => st('Digitalausschuss', 'Vorberatung', 'preliminary', meetings);
const HA = (meetings: ConsultationMeetingRecord[] = []) => st('Hauptausschuss', 'Vorberatung', 'preliminary', meetings);
const RAT = (meetings: ConsultationMeetingRecord[] = []) => st('Rat der Stadt', 'Entscheidung', 'decision', meetings);
const adopted = (date: string) => row(date, 'adopted', 'beschlossen');

interface MergeCase {
  name: string;
  consultation: ConsultationRecord[];
  agenda: PaperAgendaItem[];
  /** per station: organization, fromAgenda, [date, resultCode, from the agenda?] of each row */
  expected: [string | null, boolean, [string | null, ResultCode, boolean][]][];
}

const MERGE: MergeCase[] = [
  {
    name: 'dates the planned station of the same committee (no date yet)',
    consultation: [VB(), RAT()],
    agenda: [item('Rat der Stadt', '2026-12-17')],
    expected: [['Digitalausschuss', false, []], ['Rat der Stadt', false, [['2026-12-17', 'open', true]]]],
  },
  {
    name: 'committee names compare without case and extra white space',
    consultation: [VB(), RAT()],
    agenda: [item('rat der  Stadt ', '2026-12-17')],
    expected: [['Digitalausschuss', false, []], ['Rat der Stadt', false, [['2026-12-17', 'open', true]]]],
  },
  {
    name: 'a station named with its publicity (ALLRIS 4: "Verwaltungsausschuss (nicht-öffentlich)") is its committee\'s',
    consultation: [VB([adopted('2026-10-01')]), st('Verwaltungsausschuss (nicht-öffentlich)', 'Vorberatung', 'preliminary'), RAT()],
    agenda: [item('Verwaltungsausschuss', '2026-12-01')],
    expected: [['Digitalausschuss', false, [['2026-10-01', 'adopted', false]]], ['Verwaltungsausschuss (nicht-öffentlich)', false, [['2026-12-01', 'open', true]]], ['Rat der Stadt', false, []]],
  },
  {
    name: 'dates a deferred station again (its last row holds it)',
    consultation: [HA([row('2026-10-01', 'deferred', 'vertagt')]), RAT()],
    agenda: [item('Hauptausschuss', '2026-12-03')],
    expected: [['Hauptausschuss', false, [['2026-10-01', 'deferred', false], ['2026-12-03', 'open', true]]], ['Rat der Stadt', false, []]],
  },
  {
    name: 'a row the page already has on that date is kept; it takes the agenda\'s result where it has none',
    consultation: [HA([row('2026-11-11')]), RAT()],
    agenda: [item('Hauptausschuss', '2026-11-11', { result: 'ungeändert beschlossen', resultCode: 'adopted' })],
    expected: [['Hauptausschuss', false, [['2026-11-11', 'adopted', false]]], ['Rat der Stadt', false, []]],
  },
  {
    name: 'a row with its own result is not overwritten by the agenda',
    consultation: [HA([row('2026-11-11', 'deferred', 'vertagt')]), RAT()],
    agenda: [item('Hauptausschuss', '2026-11-11', { result: 'beschlossen', resultCode: 'adopted' })],
    expected: [['Hauptausschuss', false, [['2026-11-11', 'deferred', false]]], ['Rat der Stadt', false, []]],
  },
  {
    name: 'a station that has decided is not dated again: the item adds a planned step marked as from the agenda',
    consultation: [HA([adopted('2026-09-01')])],
    agenda: [item('Hauptausschuss', '2026-12-03')],
    expected: [['Hauptausschuss', false, [['2026-09-01', 'adopted', false]]], ['Hauptausschuss', true, [['2026-12-03', 'open', true]]]],
  },
  {
    name: 'a committee the Beratungsfolge does not name: a planned step after the last station; a second item joins it',
    consultation: [VB(), RAT()],
    agenda: [item('Jugendbeirat', '2026-12-10', { resultCode: null }), item('Jugendbeirat', '2026-12-01', { resultCode: 'deferred', result: 'vertagt' })],
    expected: [['Digitalausschuss', false, []], ['Rat der Stadt', false, []], ['Jugendbeirat', true, [['2026-12-01', 'deferred', true], ['2026-12-10', 'open', true]]]],
  },
  {
    name: 'an item that names no committee confirms a row of that date, else adds an unnamed step',
    consultation: [HA([row('2026-12-03')]), RAT()],
    agenda: [item(null, '2026-12-03'), item(null, '2026-12-20')],
    expected: [['Hauptausschuss', false, [['2026-12-03', 'open', false]]], ['Rat der Stadt', false, []], [null, true, [['2026-12-20', 'open', true]]]],
  },
  {
    name: 'items without a date and items of a cancelled meeting are left out',
    consultation: [VB(), RAT()],
    agenda: [item('Rat der Stadt', null), item('Rat der Stadt', '2026-12-17', { cancelled: true })],
    expected: [['Digitalausschuss', false, []], ['Rat der Stadt', false, []]],
  },
  {
    name: 'a station shown "Erledigt" is not dated by an agenda',
    consultation: [st('Rat der Stadt', 'Entscheidung', 'decision', [], 'Erledigt')],
    agenda: [item('Rat der Stadt', '2026-12-17')],
    expected: [['Rat der Stadt', false, []], ['Rat der Stadt', true, [['2026-12-17', 'open', true]]]],
  },
];

describe('mergeAgenda: the agenda items that name a paper, merged into its Beratungsfolge', () => {
  test.each(MERGE.map((c) => [c.name, c]))('%s', (_name, c) => {
    const before = JSON.stringify(c.consultation);
    const merged = mergeAgenda(c.consultation, c.agenda);
    expect(merged.map((s) => [s.organization, s.fromAgenda === true, s.meetings.map((m) => [m.date, m.resultCode, m.agenda != null])])).toEqual(c.expected);
    expect(JSON.stringify(c.consultation)).toBe(before); // the input is not changed
  });

  test('an agenda row carries the meeting (for the link), its name and TOP; a confirmed result says it came from the agenda', () => {
    const [, rat] = mergeAgenda([VB(), RAT()], [item('Rat der Stadt', '2026-12-17')]);
    expect(rat.meetings[0]).toMatchObject({ name: 'Sitzung Rat der Stadt', meetingSourceId: '4103', agendaItemSourceId: '9', agenda: { date: '2026-12-17', meetingId: 77, number: '3' } });
    const [ha] = mergeAgenda([HA([row('2026-11-11')])], [item('Hauptausschuss', '2026-11-11', { result: 'beschlossen', resultCode: 'adopted' })]);
    expect(ha.meetings[0]).toMatchObject({ result: 'beschlossen', resultCode: 'adopted', resultFromAgenda: true });
  });
});

interface ProgressCase {
  name: string;
  consultation: ConsultationRecord[];
  agenda: PaperAgendaItem[];
  today?: string;
  state: PaperState;
  next: { organization: string | null; date: string | null; fromAgenda: boolean } | null;
  /** [committee, before, next committee] of each deadline */
  deadlines?: [string | null, string, string | null][];
  explanation: string;
}

const PROGRESS: ProgressCase[] = [
  {
    name: 'demo DS/2026/0342: on the Rat\'s agenda, its Vorberatung without a date → scheduled, with a deadline for the Vorberatung',
    consultation: [VB(), RAT()],
    agenda: [item('Rat der Stadt', '2026-12-17')],
    state: 'scheduled',
    next: { organization: 'Rat der Stadt', date: '2026-12-17', fromAgenda: true },
    deadlines: [['Digitalausschuss', '2026-12-17', 'Rat der Stadt']],
    explanation: 'Terminiert: Rat der Stadt (Entscheidung) am 17.12.2026 (laut Tagesordnung der Sitzung vom 17.12.2026); vorher muss noch Digitalausschuss (Vorberatung) beraten (vor dem 17.12.2026).',
  },
  {
    name: 'demo DS/2026/0301: every earlier station done, on the Rat\'s agenda → scheduled, no deadline',
    consultation: [VB([adopted('2026-10-14')]), HA([row('2026-10-21', 'referred', 'verwiesen')]), RAT()],
    agenda: [item('Rat der Stadt', '2026-12-17')],
    state: 'scheduled',
    next: { organization: 'Rat der Stadt', date: '2026-12-17', fromAgenda: true },
    deadlines: [],
    explanation: 'Terminiert: Rat der Stadt (Entscheidung) am 17.12.2026 (laut Tagesordnung der Sitzung vom 17.12.2026); zuletzt Hauptausschuss am 21.10.2026 („verwiesen“).',
  },
  {
    name: 'the Vorberatung has a meeting before the decision: no deadline',
    consultation: [HA([row('2026-12-03')]), RAT()],
    agenda: [item('Rat der Stadt', '2026-12-17')],
    state: 'scheduled',
    next: { organization: 'Hauptausschuss', date: '2026-12-03', fromAgenda: false },
    deadlines: [],
    explanation: 'Terminiert: Hauptausschuss (Vorberatung) am 03.12.2026.',
  },
  {
    name: 'an agenda of a committee not in the Beratungsfolge: a planned step, the next step when it is the earliest date',
    consultation: [VB(), RAT()],
    agenda: [item('Jugendbeirat', '2026-12-10')],
    state: 'scheduled',
    next: { organization: 'Jugendbeirat', date: '2026-12-10', fromAgenda: true },
    deadlines: [],
    explanation: 'Terminiert: Jugendbeirat am 10.12.2026 (laut Tagesordnung der Sitzung vom 10.12.2026).',
  },
  {
    name: 'an agenda whose meeting has passed without a published result is no next step ("Ergebnis noch nicht veröffentlicht")',
    consultation: [HA([adopted('2026-09-01')]), RAT()],
    agenda: [item('Rat der Stadt', '2026-11-19')],
    state: 'in-deliberation',
    next: null,
    explanation: 'In Beratung: Rat der Stadt (Entscheidung), Sitzung am 19.11.2026, Ergebnis noch nicht veröffentlicht.',
  },
  {
    name: 'the agenda\'s result decides the paper where its own page has none yet',
    consultation: [HA([adopted('2026-09-01')]), RAT([row('2026-11-19')])],
    agenda: [item('Rat der Stadt', '2026-11-19', { result: 'ungeändert beschlossen', resultCode: 'adopted' })],
    state: 'decided',
    next: null,
    explanation: 'Beschlossen: Rat der Stadt hat am 19.11.2026 „ungeändert beschlossen“ (Entscheidung).',
  },
  {
    name: 'a step added from an agenda never decides, and never makes a planned station "skipped"',
    consultation: [VB(), RAT()],
    agenda: [item('Jugendbeirat', '2026-11-02', { result: 'beschlossen', resultCode: 'adopted' })],
    state: 'in-deliberation',
    next: { organization: 'Digitalausschuss', date: null, fromAgenda: false },
    explanation: 'In Beratung: zuletzt Jugendbeirat am 02.11.2026 („beschlossen“); als Nächstes Digitalausschuss (Vorberatung), noch ohne Termin.',
  },
  {
    name: 'without agenda items the paper is as its page says',
    consultation: [VB(), RAT()],
    agenda: [],
    state: 'submitted',
    next: { organization: 'Digitalausschuss', date: null, fromAgenda: false },
    explanation: 'Eingereicht: noch nicht beraten; als Nächstes Digitalausschuss (Vorberatung), noch ohne Termin.',
  },
];

describe('progress() with the agenda items of a paper', () => {
  test.each(PROGRESS.map((c) => [c.name, c]))('%s', (_name, c) => {
    const pr = progress({ consultation: c.consultation }, c.today ?? TODAY, { agenda: c.agenda });
    expect(pr.state).toBe(c.state);
    expect(pr.next ? { organization: pr.next.organization, date: pr.next.date, fromAgenda: pr.next.agenda != null } : null).toEqual(c.next);
    if (c.deadlines) expect(pr.deadlines.map((d) => [d.organization, d.before, d.nextOrganization])).toEqual(c.deadlines);
    expect(pr.explanation).toBe(c.explanation);
    expect(pr.stations.filter((s) => s.status === 'skipped').map((s) => s.organization)).toEqual([]);
  });

  test('the next step from an agenda names the meeting (for the link) and the agenda\'s day', () => {
    const pr = progress({ consultation: [VB(), RAT()] }, TODAY, { agenda: [item('Rat der Stadt', '2026-12-17')] });
    expect(pr.next?.agenda).toEqual({ date: '2026-12-17', meetingId: 77, number: '3' });
    expect(pr.currentStation).toBe(1); // no station has met: the station of the next step is current
  });
});
