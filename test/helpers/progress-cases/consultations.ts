/**
 * Hand-written Beratungsfolgen for the progress(paper, today) tables (no parser, no DB): the row and
 * station builders, two real motions as their pages show them, and the shape of one table case.
 */
import type { ConsultationMeetingRecord, ConsultationRecord } from '../../../scrapers/records';
import type { ResultCode, RoleCode } from '../../../scrapers/shared/codes';
import { progress, STATE_LABELS, type PaperState, type Progress, type StationState } from '../../../src/domain/progress';
export function row(date: string | null, result: string | null = null, resultCode: ResultCode = 'open', name: string | null = null): ConsultationMeetingRecord {
  return { date, name, meetingSourceId: null, agendaItemSourceId: null, result, resultCode };
}
export function station(
  organization: string,
  role: string | null,
  roleCode: RoleCode | null,
  meetings: ConsultationMeetingRecord[] = [],
  stationStatus: string | null = null,
): ConsultationRecord {
  return { organization, role, roleCode, stationStatus, meetings };
}

/** Leipzig VII-A-00777 exactly as its vo020 page shows it (../shared/seeds/004_d8ad584e515af266.txt). */
export const LEIPZIG_VII_A_00777: ConsultationRecord[] = [
  station('Ratsversammlung', 'Verweisung in die Gremien', 'referral', [row('2020-01-22', null, 'open', 'Ratsversammlung')]),
  station('Jugendparlament', 'Vorberatung', 'preliminary'),
  station('FA Wirtschaft, Arbeit und Digitales', '1. Lesung', 'reading', [row('2020-02-11', null, 'open', 'FA Wirtschaft, Arbeit und Digitales')]),
  station('Jugendbeirat', '1. Lesung', 'reading'),
];

/** Laatzen 2026-245 as its ALLRIS 4 vo020 page shows it (corpus allris4/laatzen/vo020-1000238.html). */
export const LAATZEN_2026_245: ConsultationRecord[] = [
  station('Ortsrat Laatzen', 'Anhörung', 'hearing', [row('2026-08-25')], 'Geplant'),
  station('Ausschuss für nachhaltige Stadtentwicklung und Feuerschutz', 'Vorberatung', 'preliminary', [row('2026-09-01')], 'Erledigt'),
  station('Schulausschuss', 'Vorberatung', 'preliminary', [row('2026-06-29', 'vertagt', 'deferred'), row('2026-09-01')], 'Erledigt'),
  station('Verwaltungsausschuss (nicht-öffentlich)', 'Vorberatung', 'preliminary', [], 'Erledigt'),
  station('Rat der Stadt Laatzen', 'Entscheidung', 'decision', [row('2026-09-03')], 'Gestoppt'),
  station('Schulausschuss', 'Vorberatung', 'preliminary', [], 'Gestoppt'),
];

export const HA = (meetings: ConsultationMeetingRecord[] = [], status: string | null = null) =>
  station('Hauptausschuss', 'Vorberatung', 'preliminary', meetings, status);
export const RAT = (meetings: ConsultationMeetingRecord[] = [], status: string | null = null) =>
  station('Rat der Stadt', 'Entscheidung', 'decision', meetings, status);

export interface Case {
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

/** Runs one case and asserts every field it names, its label and its explanation (German and English). */
export function checkCase(c: Case): void {
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
}
