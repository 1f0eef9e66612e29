/**
 * Per-station progress: where each station of a Beratungsfolge stands on `today`, from its shown
 * station status (ALLRIS 4: Erledigt / Geplant / Bereit / Gestoppt) and its meeting rows.
 * The rules are described at the top of ./progress.ts. Pure: no clock, no I/O.
 */
import type { ConsultationRecord } from '../../scrapers/records';
import type { ResultCode, RoleCode } from '../../scrapers/shared/codes';
import type { AgendaConsultation, AgendaMeetingRow } from './agenda-types';
import type { StationMeeting } from './paper';
import type { StationState } from './states';

/** A meeting row of a station, flagged against `today`. */
export interface MeetingProgress extends AgendaMeetingRow {
  /** Position in the station's `meetings` (page order). */
  index: number;
  /** The meeting has taken place: dated before today, or today with a result, or undated with a result. */
  past: boolean;
  /** The meeting is still to come: dated after today, or today without a result yet. */
  future: boolean;
}

export interface StationProgress {
  index: number;
  organization: string | null;
  role: string | null;
  roleCode: RoleCode | null;
  /** The station status as the page shows it (null where the page has none, e.g. ALLRIS 3, OParl). */
  stationStatus: string | null;
  status: StationState;
  /** A decisive station: role decision, or the last station when no station has role decision. */
  decisive: boolean;
  /** Latest past meeting date of this station. */
  lastDate: string | null;
  /** Earliest future meeting date of this station. */
  nextDate: string | null;
  /**
   * Result text and code of the station's last meeting row that has a result — unless that is a deferral which a
   * later past row of the station took up again (then null: that meeting's result is not published).
   */
  result: string | null;
  resultCode: ResultCode | null;
  meetings: MeetingProgress[];
  /** Rows whose resultCode is 'deferred'. */
  deferrals: number;
  /** Rows whose resultCode is 'referred' (the role "Verweisung" alone does not count). */
  referrals: number;
  /** A step the page's Beratungsfolge does not list, added from a published agenda (agenda-steps.ts). */
  fromAgenda: boolean;
  /**
   * The station has met on the paper but no result is published: past rows, none with a result, none
   * still to come, and the page does not show the station "Erledigt". Not a next step; not done for
   * the agenda check.
   */
  awaitingResult: boolean;
}

/** Results after which a station has finished its step. */
export const CLOSING_RESULTS: ReadonlySet<ResultCode> = new Set<ResultCode>([
  'adopted', 'adopted-amended', 'rejected', 'noted', 'withdrawn', 'settled', 'referred',
]);
/** Results after which a station is still open: it has to deal with the paper again. */
export const HOLDING_RESULTS: ReadonlySet<ResultCode> = new Set<ResultCode>(['deferred', 'not-dealt']);

type ShownStatus = 'done' | 'stopped' | 'planned' | null;

/** Erledigt → done, Gestoppt → stopped, Geplant / Bereit → planned; anything else (or none) → null. */
export function readStationStatus(text: string | null | undefined): ShownStatus {
  const t = (text ?? '').trim().toLowerCase();
  if (t === 'erledigt') return 'done';
  if (t === 'gestoppt') return 'stopped';
  if (t === 'geplant' || t === 'bereit') return 'planned';
  return null;
}

/**
 * A row at a meeting known to be cancelled, without a result: no step, past or coming (a result at it
 * says the RIS knows better than the flag: such a row counts as it reads).
 */
export const calledOff = (m: StationMeeting): boolean => m.cancelled === true && m.resultCode === 'open';

export function flagMeeting(m: AgendaMeetingRow, index: number, today: string): MeetingProgress {
  const hasResult = m.resultCode !== 'open';
  let past: boolean;
  let future: boolean;
  if (calledOff(m)) {
    // a cancelled meeting did not and will not take place: its date is neither the station's last nor its next
    // (a result at it says the RIS knows better: the row counts as it reads)
    past = false;
    future = false;
  } else if (m.date == null) {
    past = hasResult;
    future = false;
  } else if (m.date === today) {
    past = hasResult;
    future = !hasResult;
  } else {
    past = m.date < today;
    future = m.date > today;
  }
  return { ...m, index, past, future };
}

/** The row that happened last: latest date; undated rows count as late as the dated row before them. */
export function lastPastRow(meetings: readonly MeetingProgress[]): MeetingProgress | null {
  let best: MeetingProgress | null = null;
  let bestDate = '';
  let running = '';
  for (const m of meetings) {
    if (m.date != null) running = m.date;
    if (!m.past) continue;
    if (best == null || running >= bestDate) {
      best = m;
      bestDate = running;
    }
  }
  return best;
}

function baseStatus(shown: ShownStatus, meetings: readonly MeetingProgress[], decisive: boolean, movedOn: boolean): StationState {
  if (shown === 'done') return 'done';
  if (shown === 'stopped') return 'stopped';
  // Geplant / Bereit / nothing shown: the rows decide.
  const last = lastPastRow(meetings);
  if (last == null) return 'planned';
  if (meetings.some((m) => m.future)) return 'current';
  if (HOLDING_RESULTS.has(last.resultCode)) return 'current';
  if (CLOSING_RESULTS.has(last.resultCode)) return 'done';
  // No result (or one no rule knows): a past meeting without a known result.
  if (meetings.some((m) => m.past && CLOSING_RESULTS.has(m.resultCode))) return 'done';
  // the page says the station is not finished (Geplant / Bereit): it awaits its result, unless the paper has
  // moved on past it (a later station has a result or is shown finished)
  if (shown === 'planned' && !movedOn) return 'current';
  return decisive ? 'current' : 'done';
}

/**
 * Derives every station's progress. Stations are kept in page order. A station that never got a
 * meeting row and is still 'planned' while a later station is done or under way becomes 'skipped'.
 */
export function deriveStations(consultations: readonly (ConsultationRecord | AgendaConsultation)[], today: string): StationProgress[] {
  const fromAgenda = (c: ConsultationRecord | AgendaConsultation) => 'fromAgenda' in c && c.fromAgenda === true;
  const pageCount = consultations.filter((c) => !fromAgenda(c)).length;
  const hasDecisionRole = consultations.some((c) => c.roleCode === 'decision' && !fromAgenda(c));
  const rows = consultations.map((c) => (c.meetings ?? []).map((m, i) => flagMeeting(m, i, today)));
  // movedOn[i]: a station of the page after i has a past row with a result or is shown Erledigt / Gestoppt (the paper went on past i)
  const movedOn = consultations.map(() => false);
  for (let i = consultations.length - 2; i >= 0; i--) {
    const next = consultations[i + 1];
    const shownNext = readStationStatus(next.stationStatus);
    movedOn[i] = movedOn[i + 1] || (!fromAgenda(next) &&
      (shownNext === 'done' || shownNext === 'stopped' || rows[i + 1].some((m) => m.past && m.resultCode !== 'open')));
  }
  const stations = consultations.map((c, index): StationProgress => {
    const decisive = !fromAgenda(c) && (hasDecisionRole ? c.roleCode === 'decision' : index === pageCount - 1);
    const meetings = rows[index];
    const pastDates = meetings.filter((m) => m.past && m.date != null).map((m) => m.date as string);
    const futureDates = meetings.filter((m) => m.future && m.date != null).map((m) => m.date as string);
    const withResult = meetings.filter((m) => m.resultCode !== 'open');
    const lastWithResult = withResult.length ? withResult[withResult.length - 1] : null;
    // a deferral ("vertagt") that a later meeting of the station took up again is not the station's result: that
    // meeting's is, and it has none yet (Laatzen's Schulausschuss: 29.06.2026 "vertagt", 01.09.2026 no result)
    const superseded = lastWithResult != null && HOLDING_RESULTS.has(lastWithResult.resultCode)
      && meetings.some((m) => m.past && m.index > lastWithResult.index);
    const resultRow = superseded ? null : lastWithResult;
    const shown = readStationStatus(c.stationStatus);
    return {
      index,
      organization: c.organization ?? null,
      role: c.role ?? null,
      roleCode: c.roleCode ?? null,
      stationStatus: c.stationStatus ?? null,
      status: baseStatus(shown, meetings, decisive, movedOn[index]),
      decisive,
      lastDate: pastDates.length ? pastDates.reduce((a, b) => (b > a ? b : a)) : null,
      nextDate: futureDates.length ? futureDates.reduce((a, b) => (b < a ? b : a)) : null,
      result: resultRow?.result ?? null,
      resultCode: resultRow?.resultCode ?? null,
      meetings,
      deferrals: meetings.filter((m) => m.resultCode === 'deferred').length,
      referrals: meetings.filter((m) => m.resultCode === 'referred').length,
      fromAgenda: fromAgenda(c),
      // (a deferral taken up again is no result: the later meeting's is awaited)
      awaitingResult: shown !== 'done' && shown !== 'stopped' && meetings.some((m) => m.past) && resultRow == null && !meetings.some((m) => m.future),
    };
  });
  for (const s of stations) {
    // a row only at a cancelled meeting gave the station no meeting either
    if (s.status !== 'planned' || s.meetings.some((m) => m.past || m.future)) continue;
    if (stations.some((later) => later.index > s.index && !later.fromAgenda && (later.status === 'done' || later.status === 'current'))) {
      s.status = 'skipped';
    }
  }
  return stations;
}

/**
 * The station status as the RIS shows it, where it says something else than the status ratsradar
 * infers (or a word ratsradar does not know): "Geplant" beside "erledigt". Null where the RIS shows
 * nothing or the same ("Erledigt" for done, "Gestoppt" for stopped, "Geplant" / "Bereit" for planned).
 */
export function risStatusBeside(s: Pick<StationProgress, 'stationStatus' | 'status'>): string | null {
  if (s.stationStatus == null || s.stationStatus.trim() === '') return null;
  return readStationStatus(s.stationStatus) === s.status ? null : s.stationStatus;
}

/** True while a station can still act: neither done, skipped nor stopped. */
export function isOpen(s: StationProgress): boolean {
  return s.status === 'current' || s.status === 'planned';
}
