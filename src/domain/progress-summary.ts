/**
 * The part of progress() that the committee and meeting pages read — the queue's columns
 * (./queue.ts), the agenda check (./agenda-check.ts), the earlier stations (./earlier-stations.ts) and
 * the derived state, explanation and next step of the JSON views — as a plain value that survives a
 * JSON round trip unchanged. src/db/derive.ts stores it per paper beside the derived columns, so that
 * a page names a motion by reading one row instead of deriving its whole Beratungsfolge.
 *
 * What it leaves out depends on `today` beyond the days dayChangeBounds (src/db/derive.ts) covers:
 * `today` and `countTo` themselves (and so every day count), and the meeting rows' past/future flags
 * (each station's status, lastDate and nextDate say what the pages need of them). Pure.
 */
import type { Progress } from './progress-types';
import type { StationProgress } from './stations';

/**
 * A station as the pages read it: its meeting rows by date (the agenda check finds the station of a meeting's date),
 * with the row's result where it has one (an earlier deferral at the same committee: earlier-stations.ts).
 */
export interface SummaryStation extends Pick<StationProgress,
  'index' | 'organization' | 'role' | 'roleCode' | 'status' | 'lastDate' | 'nextDate' | 'result' | 'fromAgenda' | 'awaitingResult'> {
  meetings: { date: string | null; result?: string | null }[];
}

/** What of a Progress the committee and meeting pages read; a Progress is one too. */
export interface ProgressSummary extends Pick<Progress,
  'state' | 'label' | 'currentStation' | 'next' | 'awaiting' | 'deadlines' | 'decision' | 'lastActivity' | 'explanation' | 'explanationEn'> {
  stations: SummaryStation[];
}

/** The summary of `pr`, built field by field (fixed key order, no undefined): equal summaries are equal JSON texts. */
export function toProgressSummary(pr: Progress): ProgressSummary {
  const n = pr.next;
  const a = pr.awaiting;
  const d = pr.decision;
  return {
    state: pr.state,
    label: pr.label,
    currentStation: pr.currentStation ?? null,
    next: n
      ? {
          stationIndex: n.stationIndex, organization: n.organization ?? null, role: n.role ?? null, roleCode: n.roleCode ?? null, date: n.date ?? null,
          agenda: n.agenda ? { date: n.agenda.date, meetingId: n.agenda.meetingId ?? null, number: n.agenda.number ?? null } : null,
          ...(n.cancelledDate ? { cancelledDate: n.cancelledDate } : {}),
          ...(n.undatedMeeting ? { undatedMeeting: true as const } : {}),
        }
      : null,
    awaiting: a ? { stationIndex: a.stationIndex, organization: a.organization ?? null, role: a.role ?? null, date: a.date ?? null } : null,
    deadlines: pr.deadlines.map((x) => ({
      stationIndex: x.stationIndex, organization: x.organization ?? null, role: x.role ?? null, before: x.before,
      nextStationIndex: x.nextStationIndex, nextOrganization: x.nextOrganization ?? null,
    })),
    decision: d
      ? {
          stationIndex: d.stationIndex, meetingIndex: d.meetingIndex, organization: d.organization ?? null, role: d.role ?? null, result: d.result ?? null,
          resultCode: d.resultCode, date: d.date ?? null,
        }
      : null,
    lastActivity: pr.lastActivity ?? null,
    explanation: pr.explanation,
    explanationEn: pr.explanationEn,
    stations: pr.stations.map((s) => ({
      index: s.index, organization: s.organization ?? null, role: s.role ?? null, roleCode: s.roleCode ?? null, status: s.status,
      lastDate: s.lastDate ?? null, nextDate: s.nextDate ?? null, result: s.result ?? null, fromAgenda: s.fromAgenda === true,
      awaitingResult: s.awaitingResult === true,
      meetings: s.meetings.map((m) => (m.resultCode !== 'open' && m.result ? { date: m.date ?? null, result: m.result } : { date: m.date ?? null })),
    })),
  };
}
