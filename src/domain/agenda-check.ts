/**
 * Agenda check: is a motion on a committee's coming agenda ready for it? It is not when a station
 * before this committee's station in its Beratungsfolge is not done — a Vorberatung still open,
 * an Anhörung not held, a station stopped. Pure: a function of progress() (or its stored summary, ./progress-summary.ts), the committee and the
 * meeting date.
 *
 * RULES
 * The station the agenda item belongs to: the station of this committee in the paper's own
 * Beratungsfolge (steps added from agendas do not count) with a meeting row on the meeting's date;
 * else its first open (current / planned) station; else its last station. No such station →
 * `station: null`, one 'not-in-sequence' note, not flagged.
 * Each station of the page before it (page order):
 *  - held without a published result (no row has a result, the RIS does not show it "Erledigt")
 *    → 'pending': not done, whatever the rows alone would say;
 *  - done or skipped → fine;
 *  - stopped → 'blocking';
 *  - current or planned with a coming meeting on or before the meeting's date → 'pending'
 *    (it can still be done in time: check again after that meeting);
 *  - current or planned otherwise → 'blocking' (nothing scheduled before this meeting); without any
 *    date it says by when: "muss vor dem 17.12.2026 beraten werden — Rat der Stadt Musterstadt".
 * A motion is flagged when it has any issue; its severity is the worst one.
 */
import type { ProgressSummary } from './progress-summary';
import { sameCommittee } from './queue';
import { STATION_STATE_LABELS, type StationState } from './states';
import { formatGermanDate } from './german-format';
import { UNKNOWN_COMMITTEE } from './explain';
import { awaitingText, deadlineText } from './step-texts';

export type AgendaIssueSeverity = 'blocking' | 'pending';

/** What the pages, the JSON and the CSV say of a motion whose Beratungsfolge is known only from agendas (`sequenceUnknown`). */
export const SEQUENCE_UNKNOWN = 'Beratungsfolge nicht bekannt';

export interface AgendaIssue {
  stationIndex: number;
  organization: string | null;
  role: string | null;
  status: StationState;
  /** that station's coming meeting, where one is known */
  nextDate: string | null;
  severity: AgendaIssueSeverity;
  /** German, e.g. "Vorberatung im Hauptausschuss noch offen, Termin 03.12.2026 (vor dieser Sitzung)" */
  message: string;
}

export interface AgendaCheck {
  /** index of this committee's station, or null when the Beratungsfolge does not name the committee */
  station: number | null;
  issues: AgendaIssue[];
  flagged: boolean;
  severity: AgendaIssueSeverity | null;
  notInSequence: boolean;
  /** the motion's Beratungsfolge is known only from agendas (no page of its own): no verdict, not "bereit" */
  sequenceUnknown: boolean;
}

export interface AgendaSlot {
  organization: string;
  /** the meeting's date, YYYY-MM-DD */
  date: string;
}

function stationOf(pr: ProgressSummary, at: AgendaSlot): number | null {
  const mine = pr.stations.filter((s) => !s.fromAgenda && sameCommittee(s.organization, at.organization));
  if (!mine.length) return null;
  const onDate = mine.find((s) => s.meetings.some((m) => m.date === at.date));
  if (onDate) return onDate.index;
  const open = mine.find((s) => s.status === 'current' || s.status === 'planned');
  return (open ?? mine[mine.length - 1]).index;
}

function describe(s: { organization: string | null; role: string | null }): string {
  const where = s.organization ?? UNKNOWN_COMMITTEE;
  return s.role ? `${s.role} (${where})` : where;
}

/**
 * `sequenceKnown` false: the motion's Beratungsfolge is made of the agendas that name it (it has no page of its own,
 * src/db/merge.ts), so nothing is known of its earlier stations — no verdict (`sequenceUnknown`), never "bereit".
 */
export function checkAgendaItem(pr: ProgressSummary, at: AgendaSlot, sequenceKnown = true): AgendaCheck {
  if (!sequenceKnown) return { station: stationOf(pr, at), issues: [], flagged: false, severity: null, notInSequence: false, sequenceUnknown: true };
  const station = stationOf(pr, at);
  if (station == null) return { station: null, issues: [], flagged: false, severity: null, notInSequence: true, sequenceUnknown: false };
  const issues: AgendaIssue[] = [];
  for (const s of pr.stations.slice(0, station)) {
    if (s.fromAgenda) continue;
    const base = { stationIndex: s.index, organization: s.organization, role: s.role, status: s.status, nextDate: s.nextDate };
    if (s.awaitingResult) {
      issues.push({ ...base, severity: 'pending', message: `${describe(s)}: ${awaitingText({ date: s.lastDate })}` });
      continue;
    }
    if (s.status === 'done' || s.status === 'skipped') continue;
    if (s.status === 'stopped') {
      issues.push({ ...base, severity: 'blocking', message: `${describe(s)}: gestoppt` });
    } else if (s.nextDate != null && s.nextDate <= at.date) {
      issues.push({ ...base, severity: 'pending', message: `${describe(s)}: noch offen, Termin ${formatGermanDate(s.nextDate)} (vor dieser Sitzung)` });
    } else {
      const when = s.nextDate != null
        ? `erst am ${formatGermanDate(s.nextDate)} (nach dieser Sitzung)`
        : `kein Termin vor dieser Sitzung; ${deadlineText({ before: at.date, nextOrganization: at.organization })}`;
      issues.push({ ...base, severity: 'blocking', message: `${describe(s)}: ${STATION_STATE_LABELS[s.status]}, ${when}` });
    }
  }
  const severity = issues.some((i) => i.severity === 'blocking') ? 'blocking' : issues.length ? 'pending' : null;
  return { station, issues, flagged: issues.length > 0, severity, notInSequence: false, sequenceUnknown: false };
}
