/**
 * progress(paper, today): table-driven, over plain hand-written Beratungsfolgen (no parser, no DB).
 * Each case names its today; the same consultations give different states on different days.
 */
import type { ConsultationMeetingRecord, ConsultationRecord } from '../../scrapers/records';
import type { ResultCode, RoleCode } from '../../scrapers/shared/codes';
import {
  PAPER_STATES,
  progress,
  STATE_LABELS,
  type PaperState,
  type Progress,
  type StationState,
} from '../../src/domain/progress';

function row(date: string | null, result: string | null = null, resultCode: ResultCode = 'open', name: string | null = null): ConsultationMeetingRecord {
  return { date, name, meetingSourceId: null, agendaItemSourceId: null, result, resultCode };
}
function station(
  organization: string,
  role: string | null,
  roleCode: RoleCode | null,
  meetings: ConsultationMeetingRecord[] = [],
  stationStatus: string | null = null,
): ConsultationRecord {
  return { organization, role, roleCode, stationStatus, meetings };
}

/** Leipzig VII-A-00777 exactly as its vo020 page shows it (../shared/seeds/004_d8ad584e515af266.txt). */
const LEIPZIG_VII_A_00777: ConsultationRecord[] = [
  station('Ratsversammlung', 'Verweisung in die Gremien', 'referral', [row('2020-01-22', null, 'open', 'Ratsversammlung')]),
  station('Jugendparlament', 'Vorberatung', 'preliminary'),
  station('FA Wirtschaft, Arbeit und Digitales', '1. Lesung', 'reading', [row('2020-02-11', null, 'open', 'FA Wirtschaft, Arbeit und Digitales')]),
  station('Jugendbeirat', '1. Lesung', 'reading'),
];

/** Laatzen 2026-245 as its ALLRIS 4 vo020 page shows it (corpus allris4/laatzen/vo020-1000238.html). */
const LAATZEN_2026_245: ConsultationRecord[] = [
  station('Ortsrat Laatzen', 'Anhörung', 'hearing', [row('2026-08-25')], 'Geplant'),
  station('Ausschuss für nachhaltige Stadtentwicklung und Feuerschutz', 'Vorberatung', 'preliminary', [row('2026-09-01')], 'Erledigt'),
  station('Schulausschuss', 'Vorberatung', 'preliminary', [row('2026-06-29', 'vertagt', 'deferred'), row('2026-09-01')], 'Erledigt'),
  station('Verwaltungsausschuss (nicht-öffentlich)', 'Vorberatung', 'preliminary', [], 'Erledigt'),
  station('Rat der Stadt Laatzen', 'Entscheidung', 'decision', [row('2026-09-03')], 'Gestoppt'),
  station('Schulausschuss', 'Vorberatung', 'preliminary', [], 'Gestoppt'),
];

const HA = (meetings: ConsultationMeetingRecord[] = [], status: string | null = null) =>
  station('Hauptausschuss', 'Vorberatung', 'preliminary', meetings, status);
const RAT = (meetings: ConsultationMeetingRecord[] = [], status: string | null = null) =>
  station('Rat der Stadt', 'Entscheidung', 'decision', meetings, status);

interface Case {
  name: string;
  consultation: ConsultationRecord[];
  today: string;
  date?: string | null;
  stalledAfterDays?: number;
  state: PaperState;
  stations?: StationState[];
  currentStation?: number | null;
  next?: { stationIndex: number; date: string | null } | null;
  decision?: { stationIndex: number; resultCode: ResultCode; date: string | null } | null;
  lastActivity?: string | null;
  deferralCount?: number;
  referralCount?: number;
  explanation?: string | RegExp;
  explanationEn?: string | RegExp;
}

const CASES: Case[] = [
  // ---- Leipzig VII-A-00777, three days -------------------------------------------------------
  {
    name: 'Leipzig VII-A-00777 on 2020-02-01: referred by the Ratsversammlung, FA 1. Lesung on 11.02.2020 ahead',
    consultation: LEIPZIG_VII_A_00777,
    today: '2020-02-01',
    state: 'scheduled',
    stations: ['done', 'planned', 'planned', 'planned'],
    currentStation: 2,
    next: { stationIndex: 2, date: '2020-02-11' },
    decision: null,
    lastActivity: '2020-01-22',
    deferralCount: 0,
    referralCount: 0,
    explanation:
      'Terminiert: FA Wirtschaft, Arbeit und Digitales (1. Lesung) am 11.02.2020; zuletzt Ratsversammlung (Verweisung in die Gremien) am 22.01.2020.',
    explanationEn:
      'Scheduled: FA Wirtschaft, Arbeit und Digitales (1. Lesung) on 2020-02-11; last Ratsversammlung (Verweisung in die Gremien) on 2020-01-22.',
  },
  {
    name: 'Leipzig VII-A-00777 on 2020-03-01: FA read it, Jugendparlament skipped, Jugendbeirat next without a date',
    consultation: LEIPZIG_VII_A_00777,
    today: '2020-03-01',
    state: 'in-deliberation',
    stations: ['done', 'skipped', 'done', 'planned'],
    currentStation: 3,
    next: { stationIndex: 3, date: null },
    lastActivity: '2020-02-11',
    referralCount: 0,
    explanation:
      'In Beratung: zuletzt FA Wirtschaft, Arbeit und Digitales (1. Lesung) am 11.02.2020; als Nächstes Jugendbeirat (1. Lesung), noch ohne Termin.',
  },
  {
    name: 'Leipzig VII-A-00777 on 2026-11-24: nothing since 11.02.2020 → stalled',
    consultation: LEIPZIG_VII_A_00777,
    today: '2026-11-24',
    state: 'stalled',
    stations: ['done', 'skipped', 'done', 'planned'],
    next: { stationIndex: 3, date: null },
    lastActivity: '2020-02-11',
    explanation:
      'Ruht: seit dem 11.02.2020 (FA Wirtschaft, Arbeit und Digitales) ist nichts geschehen und nichts geplant. Offen ist noch Jugendbeirat (1. Lesung), ohne Termin.',
    explanationEn: /^Stalled: nothing has happened since 2020-02-11 \(FA Wirtschaft, Arbeit und Digitales\)/,
  },
  {
    name: 'Leipzig VII-A-00777 on 2020-01-10: the Ratsversammlung is still ahead',
    consultation: LEIPZIG_VII_A_00777,
    today: '2020-01-10',
    state: 'scheduled',
    stations: ['planned', 'planned', 'planned', 'planned'],
    next: { stationIndex: 0, date: '2020-01-22' },
    lastActivity: null,
    explanation: 'Terminiert: Ratsversammlung (Verweisung in die Gremien) am 22.01.2020.',
  },

  // ---- submitted -------------------------------------------------------------------------------
  {
    name: 'submitted: stations listed, no meeting yet',
    consultation: [HA(), RAT()],
    today: '2026-11-24',
    date: '2026-10-01',
    state: 'submitted',
    stations: ['planned', 'planned'],
    currentStation: 0,
    next: { stationIndex: 0, date: null },
    explanation: 'Eingereicht: am 01.10.2026 vorgelegt, noch nicht beraten; als Nächstes Hauptausschuss (Vorberatung), noch ohne Termin.',
    explanationEn: 'Submitted: dated 2026-10-01, not yet deliberated; next Hauptausschuss (Vorberatung), no date yet.',
  },
  {
    name: 'submitted: no Beratungsfolge at all',
    consultation: [],
    today: '2026-11-24',
    state: 'submitted',
    stations: [],
    currentStation: null,
    next: null,
    explanation: 'Eingereicht: keine Beratungsfolge angegeben.',
  },
  {
    name: 'stalled: submitted more than a year ago and never deliberated',
    consultation: [HA(), RAT()],
    today: '2026-11-24',
    date: '2025-06-02',
    state: 'stalled',
    explanation: 'Ruht: seit dem 02.06.2025 (Datum der Vorlage) ist nichts geschehen und nichts geplant. Offen ist noch Hauptausschuss (Vorberatung), ohne Termin.',
  },

  // ---- scheduled / in deliberation ----------------------------------------------------------------
  {
    name: 'scheduled: recommended by the Hauptausschuss, Rat meets on 10.12.2026',
    consultation: [HA([row('2026-10-05', 'einstimmig empfohlen', 'adopted')]), RAT([row('2026-12-10')])],
    today: '2026-11-24',
    state: 'scheduled',
    stations: ['done', 'planned'],
    currentStation: 1,
    next: { stationIndex: 1, date: '2026-12-10' },
    decision: null,
    explanation: 'Terminiert: Rat der Stadt (Entscheidung) am 10.12.2026; zuletzt Hauptausschuss am 05.10.2026 („einstimmig empfohlen“).',
  },
  {
    name: 'scheduled on the meeting day itself while no result is recorded',
    consultation: [HA([row('2026-10-05', 'ungeändert beschlossen', 'adopted')]), RAT([row('2026-11-24')])],
    today: '2026-11-24',
    state: 'scheduled',
    next: { stationIndex: 1, date: '2026-11-24' },
  },
  {
    name: 'decided on the meeting day once the result is recorded',
    consultation: [HA([row('2026-10-05', 'ungeändert beschlossen', 'adopted')]), RAT([row('2026-11-24', 'ungeändert beschlossen', 'adopted')])],
    today: '2026-11-24',
    state: 'decided',
    decision: { stationIndex: 1, resultCode: 'adopted', date: '2026-11-24' },
  },
  {
    name: 'in deliberation: Vorberatung done, the Rat has no date yet',
    consultation: [HA([row('2026-09-01', 'ungeändert beschlossen', 'adopted')]), RAT()],
    today: '2026-11-24',
    state: 'in-deliberation',
    stations: ['done', 'planned'],
    currentStation: 1,
    next: { stationIndex: 1, date: null },
    explanation: 'In Beratung: zuletzt Hauptausschuss am 01.09.2026 („ungeändert beschlossen“); als Nächstes Rat der Stadt (Entscheidung), noch ohne Termin.',
    explanationEn: 'In deliberation: last Hauptausschuss on 2026-09-01 (“ungeändert beschlossen”); next Rat der Stadt (Entscheidung), no date yet.',
  },
  {
    name: 'in deliberation: the Rat met but no result is recorded yet',
    consultation: [HA([row('2026-09-01', 'ungeändert beschlossen', 'adopted')]), RAT([row('2026-10-15')])],
    today: '2026-11-24',
    state: 'in-deliberation',
    stations: ['done', 'current'],
    currentStation: 1,
    next: null,
    explanation: 'In Beratung: Rat der Stadt (Entscheidung), Sitzung am 15.10.2026, Ergebnis noch nicht veröffentlicht.',
  },
  {
    name: 'stalled vs not stalled depends on today (364 days → in deliberation)',
    consultation: [HA([row('2025-11-25', 'ungeändert beschlossen', 'adopted')]), RAT()],
    today: '2026-11-24',
    state: 'in-deliberation',
  },
  {
    name: 'stalled vs not stalled depends on today (366 days → stalled)',
    consultation: [HA([row('2025-11-23', 'ungeändert beschlossen', 'adopted')]), RAT()],
    today: '2026-11-24',
    state: 'stalled',
    lastActivity: '2025-11-23',
    explanation: 'Ruht: seit dem 23.11.2025 (Hauptausschuss) ist nichts geschehen und nichts geplant. Offen ist noch Rat der Stadt (Entscheidung), ohne Termin.',
  },
  {
    name: 'stalledAfterDays option: 90 days',
    consultation: [HA([row('2026-07-01', 'ungeändert beschlossen', 'adopted')]), RAT()],
    today: '2026-11-24',
    stalledAfterDays: 90,
    state: 'stalled',
  },
  {
    name: 'never stalled while a meeting is scheduled, however old the last one',
    consultation: [HA([row('2023-01-10', 'vertagt', 'deferred')]), RAT([row('2027-01-20')])],
    today: '2026-11-24',
    state: 'scheduled',
    deferralCount: 1,
  },

  // ---- deferrals and referrals -------------------------------------------------------------------
  {
    name: 'deferred without a new date: the station stays current',
    consultation: [HA([row('2026-10-01', 'vertagt', 'deferred')]), RAT()],
    today: '2026-11-24',
    state: 'in-deliberation',
    stations: ['current', 'planned'],
    currentStation: 0,
    next: { stationIndex: 0, date: null },
    deferralCount: 1,
    explanation: 'In Beratung: zuletzt Hauptausschuss am 01.10.2026 („vertagt“); ein neuer Termin steht noch aus.',
  },
  {
    name: 'deferred twice, then scheduled again at the same station',
    consultation: [HA([row('2026-09-01', 'vertagt', 'deferred'), row('2026-10-01', 'ohne Beschlussfassung geschoben', 'deferred'), row('2026-12-01')]), RAT()],
    today: '2026-11-24',
    state: 'scheduled',
    stations: ['current', 'planned'],
    currentStation: 0,
    next: { stationIndex: 0, date: '2026-12-01' },
    deferralCount: 2,
  },
  {
    name: 'deferred twice, then adopted: decided, deferrals still counted',
    consultation: [HA([row('2026-05-01', 'ungeändert beschlossen', 'adopted')]), RAT([row('2026-06-01', 'vertagt', 'deferred'), row('2026-07-01', 'vertagt', 'deferred'), row('2026-09-01', 'ungeändert beschlossen', 'adopted')])],
    today: '2026-11-24',
    state: 'decided',
    deferralCount: 2,
    decision: { stationIndex: 1, resultCode: 'adopted', date: '2026-09-01' },
  },
  {
    name: 'referrals: a "Verweisung" role alone does not count, a row "überwiesen" does',
    consultation: [
      station('Bezirksversammlung', 'Überweisung', 'referral', [row('2026-03-01')]),
      station('Ausschuss für Mobilität', null, null, [row('2026-04-01', 'überwiesen', 'referred')]),
      station('Hauptausschuss', null, null, [row('2026-05-01', 'zurückverwiesen', 'referred'), row('2026-06-01', 'ungeändert beschlossen', 'adopted')]),
    ],
    today: '2026-11-24',
    state: 'decided',
    referralCount: 2,
    deferralCount: 0,
    stations: ['done', 'done', 'done'],
  },

  // ---- final states --------------------------------------------------------------------------------
  {
    name: 'decided at the decision station',
    consultation: [
      station('FA Wirtschaft, Arbeit und Digitales', 'Entscheidung', 'decision', [row('2020-02-11', 'ungeändert beschlossen', 'adopted')]),
    ],
    today: '2026-11-24',
    state: 'decided',
    currentStation: null,
    next: null,
    decision: { stationIndex: 0, resultCode: 'adopted', date: '2020-02-11' },
    explanation: 'Beschlossen: FA Wirtschaft, Arbeit und Digitales hat am 11.02.2020 „ungeändert beschlossen“ (Entscheidung).',
    explanationEn: 'Adopted: FA Wirtschaft, Arbeit und Digitales resolved “ungeändert beschlossen” on 2020-02-11 (Entscheidung).',
  },
  {
    name: 'decided with amendments',
    consultation: [HA([row('2026-02-01', 'ungeändert beschlossen', 'adopted')]), RAT([row('2026-03-12', 'geändert beschlossen', 'adopted-amended')])],
    today: '2026-11-24',
    state: 'decided-amended',
    explanation: 'Mit Änderungen beschlossen: Rat der Stadt hat am 12.03.2026 „geändert beschlossen“ (Entscheidung).',
  },
  {
    name: 'rejected at the decision station',
    consultation: [HA([row('2026-02-01', 'nicht empfohlen', 'rejected')]), RAT([row('2026-03-12', 'abgelehnt', 'rejected')])],
    today: '2026-11-24',
    state: 'rejected',
    explanation: 'Abgelehnt: Rat der Stadt hat am 12.03.2026 „abgelehnt“ (Entscheidung).',
  },
  {
    name: 'rejected in a Vorberatung only does not end it',
    consultation: [HA([row('2026-10-01', 'abgelehnt', 'rejected')]), RAT([row('2026-12-03')])],
    today: '2026-11-24',
    state: 'scheduled',
    decision: null,
  },
  {
    name: 'noted: a Mitteilungsvorlage taken note of at its last Kenntnisnahme station',
    consultation: [
      station('Ausschuss für Stadtentwicklung, Umwelt und Mobilität', 'Information', 'notice', [row('2023-06-14', 'zur Kenntnis genommen', 'noted')]),
      station('Ortsrat Stadtmitte/Neustadt', 'Information', 'notice', [row('2023-06-21', 'zur Kenntnis genommen', 'noted')]),
    ],
    today: '2026-11-24',
    state: 'noted',
    decision: { stationIndex: 1, resultCode: 'noted', date: '2023-06-21' },
    explanation: 'Zur Kenntnis genommen: Ortsrat Stadtmitte/Neustadt hat am 21.06.2023 „zur Kenntnis genommen“ (Information).',
  },
  {
    name: 'not yet noted while the last Kenntnisnahme station is still open',
    consultation: [
      station('Hauptausschuss', 'Kenntnisnahme', 'notice', [row('2026-07-23', 'zur Kenntnis genommen', 'noted')]),
      station('Bezirksversammlung', 'Kenntnisnahme', 'notice'),
    ],
    today: '2026-11-24',
    state: 'in-deliberation',
    next: { stationIndex: 1, date: null },
  },
  {
    name: 'withdrawn anywhere ends it, even before the decision station met',
    consultation: [HA([row('2026-04-14', 'zurückgezogen', 'withdrawn')]), RAT([row('2026-12-10')])],
    today: '2026-11-24',
    state: 'withdrawn',
    currentStation: null,
    decision: { stationIndex: 0, resultCode: 'withdrawn', date: '2026-04-14' },
    explanation: 'Zurückgezogen: in der Sitzung am 14.04.2026 (Hauptausschuss, Vorberatung) als „zurückgezogen“ vermerkt.',
    explanationEn: 'Withdrawn: recorded as “zurückgezogen” at the meeting on 2026-04-14 (Hauptausschuss, Vorberatung).',
  },
  {
    name: 'settled ("für erledigt erklärt") at the decision station → stopped, with its decision row',
    consultation: [RAT([row('2026-05-07', 'für erledigt erklärt', 'settled')])],
    today: '2026-11-24',
    state: 'stopped',
    decision: { stationIndex: 0, resultCode: 'settled', date: '2026-05-07' },
    explanation: 'Gestoppt: Rat der Stadt hat am 07.05.2026 „für erledigt erklärt“ (Entscheidung); die Beratung ist damit beendet.',
  },
  {
    name: 'Laatzen 2026-245 (ALLRIS 4): Rat and a second Schulausschuss "Gestoppt" → stopped',
    consultation: LAATZEN_2026_245,
    today: '2026-11-24',
    state: 'stopped',
    stations: ['done', 'done', 'done', 'done', 'stopped', 'stopped'],
    currentStation: null,
    next: null,
    decision: null,
    deferralCount: 1,
    lastActivity: '2026-09-03',
    explanation:
      'Gestoppt: die Station „Rat der Stadt Laatzen“ (Entscheidung, Sitzung am 03.09.2026) ist als „Gestoppt“ markiert; danach ist nichts mehr geschehen oder geplant.',
  },
  {
    name: 'a stopped station followed by a later station that went on is not the end',
    consultation: [HA([], 'Gestoppt'), station('Finanzausschuss', 'Vorberatung', 'preliminary', [row('2026-10-01', 'ungeändert beschlossen', 'adopted')]), RAT()],
    today: '2026-11-24',
    state: 'in-deliberation',
    stations: ['stopped', 'done', 'planned'],
  },

  // ---- station status: shown word vs rows, skipped ----------------------------------------------------------
  {
    name: 'ALLRIS 4 words: "Erledigt" without rows is done, "Geplant" with a past row is done, "Bereit" is planned',
    consultation: [
      station('Ortsrat', 'Anhörung', 'hearing', [row('2026-08-25')], 'Geplant'),
      station('Verwaltungsausschuss', 'Vorberatung', 'preliminary', [], 'Erledigt'),
      RAT([], 'Bereit'),
    ],
    today: '2026-11-24',
    state: 'in-deliberation',
    stations: ['done', 'done', 'planned'],
    currentStation: 2,
  },
  {
    name: 'skipped: an earlier station never met while a later one decided',
    consultation: [
      station('Jugendhilfeausschuss', 'Vorberatung', 'preliminary'),
      HA([row('2026-03-03', 'ungeändert beschlossen', 'adopted')]),
      RAT([row('2026-03-26', 'ungeändert beschlossen', 'adopted')]),
    ],
    today: '2026-11-24',
    state: 'decided',
    stations: ['skipped', 'done', 'done'],
  },
  {
    name: 'several decision stations (ALLRIS 4 Potsdam): an earlier decision is not final while a later one is scheduled',
    consultation: [
      station('Hauptausschuss', 'Entscheidung', 'decision', [row('2026-11-04', 'ungeändert beschlossen', 'adopted')]),
      station('Stadtverordnetenversammlung', 'Entscheidung', 'decision', [row('2026-12-02')]),
    ],
    today: '2026-11-24',
    state: 'scheduled',
    decision: null,
    next: { stationIndex: 1, date: '2026-12-02' },
  },
  {
    name: 'no decision role: the last station decides (Regensburg-like, roles not shown)',
    consultation: [
      station('Ausschuss für Stadtplanung, Verkehr und Wohnungsfragen', null, null, [row('2026-09-22', 'ungeändert beschlossen', 'adopted')]),
      station('Ausschuss für Umweltfragen, Natur- und Klimaschutz', null, null, [row('2026-09-24', 'ungeändert beschlossen', 'adopted')]),
    ],
    today: '2026-11-24',
    state: 'decided',
    decision: { stationIndex: 1, resultCode: 'adopted', date: '2026-09-24' },
    explanation: 'Beschlossen: Ausschuss für Umweltfragen, Natur- und Klimaschutz hat am 24.09.2026 „ungeändert beschlossen“.',
  },
  {
    name: 'OParl without dates: an undated row with a result counts as past',
    consultation: [station('Stadtrat', 'Beschlussfassung', 'decision', [row(null, 'mehrheitlich zugestimmt', 'adopted')])],
    today: '2026-11-24',
    state: 'decided',
    lastActivity: null,
    explanation: 'Beschlossen: Stadtrat hat „mehrheitlich zugestimmt“ (Beschlussfassung).',
  },
];

function pick(p: Progress, c: Case): Record<string, unknown> {
  const out: Record<string, unknown> = { state: p.state };
  if (c.stations !== undefined) out.stations = p.stations.map((s) => s.status);
  if (c.currentStation !== undefined) out.currentStation = p.currentStation;
  if (c.next !== undefined) out.next = p.next && { stationIndex: p.next.stationIndex, date: p.next.date };
  if (c.decision !== undefined) out.decision = p.decision && { stationIndex: p.decision.stationIndex, resultCode: p.decision.resultCode, date: p.decision.date };
  if (c.lastActivity !== undefined) out.lastActivity = p.lastActivity;
  if (c.deferralCount !== undefined) out.deferralCount = p.deferralCount;
  if (c.referralCount !== undefined) out.referralCount = p.referralCount;
  return out;
}

describe('progress(paper, today)', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const p = progress({ consultation: c.consultation, date: c.date ?? null }, c.today, c.stalledAfterDays ? { stalledAfterDays: c.stalledAfterDays } : {});
    const expected: Record<string, unknown> = { state: c.state };
    for (const k of ['stations', 'currentStation', 'next', 'decision', 'lastActivity', 'deferralCount', 'referralCount'] as const) {
      if (c[k] !== undefined) expected[k] = c[k];
    }
    expect(pick(p, c)).toEqual(expected);
    expect(p.label).toBe(STATE_LABELS[c.state]);
    expect(p.decisionDate).toBe(p.decision?.date ?? null);
    if (typeof c.explanation === 'string') expect(p.explanation).toBe(c.explanation);
    else if (c.explanation) expect(p.explanation).toMatch(c.explanation);
    if (typeof c.explanationEn === 'string') expect(p.explanationEn).toBe(c.explanationEn);
    else if (c.explanationEn) expect(p.explanationEn).toMatch(c.explanationEn);
  });

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
