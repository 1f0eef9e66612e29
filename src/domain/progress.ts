/**
 * progress(paper, today, { agenda }) → where a paper (Vorlage, the domain Paper of ./paper.ts) stands in its Beratungsfolge on `today`,
 * what comes next and when, and the German sentence saying which station and meeting row set that
 * state. PURE (DESIGN.md habit 6): a function of the consultations, the agenda items that name the
 * paper, the paper's date and `today` — it never reads the clock.
 *
 * RULES
 * Agendas. The published agenda items that name the paper are merged into its Beratungsfolge first
 * (./agenda-steps.ts): an item dates the matching planned station, or adds a planned step marked as
 * coming from the agenda. Everything below reads the merged Beratungsfolge.
 *
 * Meeting rows. A row is `past` when its date is before today, or today and it has a result, or it is
 * undated and has a result; it is `future` when its date is after today, or today without a result
 * yet. ("(offen)" and blank results are resultCode 'open', i.e. no result.) A row without a result
 * at a meeting known to be cancelled is neither: the meeting did not and will not take place there.
 *
 * Station status (stations.ts), first rule that applies:
 *  1. shown "Erledigt" → done; shown "Gestoppt" → stopped (the page's word wins over the rows);
 *  2. otherwise ("Geplant", "Bereit", another word, or none as in ALLRIS 3 and OParl) the rows decide:
 *     no past row → planned; a past row and a future row → current; the last past row
 *     deferred / not-dealt → current (it must come back); closing result (adopted, adopted-amended,
 *     rejected, noted, withdrawn, settled, referred) → done; past row without a known result → current
 *     (the result is still awaited) where the page shows the station "Geplant" / "Bereit" and no later
 *     station of the page has a result or is shown "Erledigt" / "Gestoppt" (the paper has not moved on past
 *     it); else done, except at a decisive station, where the result is still awaited → current;
 *  3. a station still planned with no meeting row (but rows at cancelled meetings) while a later station of the page is done or
 *     current → skipped (a step added from an agenda never skips a station).
 * A station "awaits its result" when it has met (past rows), no row has a result, none is still to
 * come, and the page does not show it "Erledigt" or "Gestoppt".
 * Decisive stations: those with roleCode 'decision'; when no station has it, the last station of the
 * page (steps added from an agenda are never decisive).
 *
 * Paper state, first rule that applies:
 *  1. a past row 'withdrawn' at any station → withdrawn;
 *  2. the latest past decisive result (adopted → decided, adopted-amended → decided-amended,
 *     rejected, noted; settled "für erledigt erklärt" → closed, "erledigt") at a decisive station → that state,
 *     unless a later decisive station is still current or has a future meeting;
 *  3. the RIS's own status: every station of the page shown "Erledigt", the decisive one included, and
 *     no meeting still to come →
 *     done: noted when the decisive station's role is a Kenntnisnahme (roleCode 'notice'), else closed
 *     ("erledigt": no result is given — adopted, rejected, withdrawn or taken off, the page does not say; the
 *     explanation says that the RIS marks it done and gives no result);
 *  4. a stopped station with no station after it done or current, and no meeting ahead → stopped;
 *  5. an open station (current / planned) has a future meeting → scheduled;
 *  6. the latest past row is a deferral or referral ('deferred', 'not-dealt', 'referred'), nothing is
 *     dated ahead and more than RESTING_AFTER_DAYS (90) days have passed since → stalled ("ruht"); the
 *     committee that deferred it is then no next step (it met on it and nothing is coming);
 *  7. no past meeting for more than `stalledAfterDays` (default STALLED_AFTER_DAYS, 365) — counted from
 *     the last past meeting, else from the paper's own date — and nothing dated ahead, and the next station
 *     not assigned to a meeting whose date is unknown (it may have been held) → stalled;
 *     rules 6 and 7 only where the paper's own page gave its Beratungsfolge: one known only from agendas (or
 *     not at all, `paper.sequence`) may well have gone on where ratsradar did not look — rule 8 then (and the
 *     committee that deferred it more than 90 days ago is no next step there either);
 *  8. a station done or current, or any past row → in-deliberation; otherwise → submitted.
 *
 * next: of the open stations that do not await their result, the one with the earliest future
 * meeting; without one, the first in page order (date null). A committee that has met and whose
 * result is not published is never the next step: it is `awaiting` ("Sitzung am 07.07.2026,
 * Ergebnis noch nicht veröffentlicht"; of several, the one that met last). After a final state only a dated
 * open station after the deciding station counts. currentStation: the first 'current' station that does not
 * await its result, else the awaiting one, else the station of `next`; null once final. deferralCount / referralCount count rows whose resultCode is 'deferred' / 'referred'.
 * deadlines: when `next` is dated and at a decisive station (the motion is on a decision-maker's
 * agenda), every open station of the page before it that has no meeting on or before that date and
 * does not await its result must deliberate before it ("muss vor dem 17.12.2026 beraten werden").
 * countTo: the day durations (rules 6 and 7's days) run to — today, or the day the paper's data is known
 * up to when that is earlier (data-age.ts: a paper read in August is not known to rest in December).
 */
import type { Paper } from './paper';
import type { ResultCode } from '../../scrapers/shared/codes';
import { durationsEnd, heldDates } from './data-age';
import { daysBetween, isIsoDate } from './dates';
import { explain } from './explain';
import { isFinalState, STATE_LABELS, type PaperState } from './states';
import { deriveStations, isOpen, readStationStatus, type MeetingProgress } from './stations';
import { basisOf, collectRows, deadlinesOf, earliestDated, latest, risDecision, toNext } from './progress-parts';
import { mergeAgenda, type PaperAgendaItem } from './agenda-steps';
import type { AwaitedResult, Decision, NextStep, Progress, RowRef } from './progress-types';

export { PAPER_STATES, STATE_LABELS, STATE_LABELS_EN, STATION_STATES, isPaperState, isFinalState } from './states';
export type { PaperState, StationState } from './states';
export type { MeetingProgress, StationProgress } from './stations';
export type { AgendaSource, PaperAgendaItem } from './agenda-steps';
export type { AwaitedResult, Deadline, Decision, NextStep, Progress, RowRef, StateBasis } from './progress-types';

export interface ProgressOptions {
  /** Days without a past meeting (and nothing dated ahead) after which an open paper is 'stalled'. Default 365. */
  stalledAfterDays?: number;
  /** The agenda items that name the paper (by id or reference), with their meetings' dates and committees. */
  agenda?: readonly PaperAgendaItem[] | null;
}

const DECISIVE_RESULTS: Partial<Record<ResultCode, PaperState>> = {
  adopted: 'decided',
  'adopted-amended': 'decided-amended',
  rejected: 'rejected',
  noted: 'noted',
  // "erledigt", "für erledigt erklärt": done, as the RIS's own "Erledigt" is (rule 3), not stopped
  settled: 'closed',
};

/** The default of ProgressOptions.stalledAfterDays (src/db/derive.ts relies on it to know which papers a new day can change). */
export const STALLED_AFTER_DAYS = 365;

/**
 * Days after a deferral or referral with nothing after it (no later meeting, nothing dated ahead) from
 * which a paper "ruht" (rule 6). src/db/derive.ts relies on it too.
 */
export const RESTING_AFTER_DAYS = 90;

/** Results after which the paper waits for someone to take it up again (rule 6). */
const RESTING_RESULTS: ReadonlySet<ResultCode> = new Set<ResultCode>(['deferred', 'not-dealt', 'referred']);

export function progress(
  paper: Pick<Paper, 'consultation'> & Partial<Paper>,
  today: string,
  options: ProgressOptions = {},
): Progress {
  if (!isIsoDate(today)) throw new TypeError(`progress: today must be YYYY-MM-DD, got "${String(today)}"`);
  const stalledAfterDays = options.stalledAfterDays ?? STALLED_AFTER_DAYS;
  const paperDate = isIsoDate(paper.date) ? paper.date : null;
  const stations = deriveStations(mergeAgenda(paper.consultation ?? [], options.agenda), today);
  const rows = collectRows(stations);
  const meeting = (r: RowRef): MeetingProgress => stations[r.s].meetings[r.m];
  const past = rows.filter((r) => meeting(r).past);
  const lastRow = latest(past);
  const pastDates = past.map((r) => meeting(r).date).filter((d): d is string => d != null);
  const lastActivity = pastDates.length ? pastDates.reduce((a, b) => (b > a ? b : a)) : null;
  const open = stations.filter(isOpen);
  // a committee that has met and not published its result is not a next step
  const ahead = open.filter((s) => !s.awaitingResult);
  const countTo = durationsEnd(today, paper.dataAsOf, heldDates(stations));

  let state: PaperState | null = null;
  let setter: RowRef | null = null;
  let stoppedStation: number | null = null;
  let risDone: number | null = null;

  const withdrawn = latest(past.filter((r) => meeting(r).resultCode === 'withdrawn'));
  if (withdrawn) {
    state = 'withdrawn';
    setter = withdrawn;
  } else {
    const decisive = latest(past.filter((r) => stations[r.s].decisive && DECISIVE_RESULTS[meeting(r).resultCode] != null));
    const reopened =
      decisive != null &&
      stations.some((s) => s.index > decisive.s && s.decisive && (s.status === 'current' || (s.status === 'planned' && s.nextDate != null)));
    if (decisive && !reopened) {
      state = DECISIVE_RESULTS[meeting(decisive).resultCode] as PaperState;
      setter = decisive;
    }
  }

  if (state == null) {
    const own = stations.filter((s) => !s.fromAgenda);
    const deciding = own.filter((s) => s.decisive);
    const coming = stations.some((s) => s.meetings.some((m) => m.future));
    if (deciding.length && !coming && own.every((s) => readStationStatus(s.stationStatus) === 'done')) {
      const last = deciding[deciding.length - 1];
      state = last.roleCode === 'notice' ? 'noted' : 'closed';
      risDone = last.index;
    }
  }

  if (state == null && !open.some((s) => s.nextDate != null)) {
    const stop = stations.find(
      (s) => s.status === 'stopped' && !stations.some((l) => l.index > s.index && (l.status === 'done' || l.status === 'current')),
    );
    if (stop) {
      state = 'stopped';
      stoppedStation = stop.index;
    }
  }

  let next: NextStep | null;
  if (state != null) {
    const after = setter ? setter.s : (stoppedStation ?? risDone ?? -1);
    next = toNext(earliestDated(ahead.filter((s) => s.index > after)), true);
  } else {
    next = toNext(earliestDated(ahead), true) ?? toNext(ahead[0] ?? null, false);
  }

  let stalledSince: string | null = null;
  if (state == null) {
    if (next?.date != null) {
      state = 'scheduled';
    } else {
      const since = lastActivity ?? paperDate;
      const started = past.length > 0 || stations.some((s) => s.status === 'done' || s.status === 'current');
      const resting = lastRow != null && RESTING_RESULTS.has(meeting(lastRow).resultCode) && lastActivity != null
        && !open.some((s) => s.nextDate != null) && daysBetween(lastActivity, countTo) > RESTING_AFTER_DAYS;
      // a meeting without a known date (next.undatedMeeting) may have been held since: not known to have rested
      if (resting || (since != null && !next?.undatedMeeting && daysBetween(since, countTo) > stalledAfterDays)) {
        // only the paper's own page says that nothing is planned (paper.sequence: known from agendas, or not at all)
        if (!paper.sequence) {
          state = 'stalled';
          stalledSince = since;
        }
        // a committee that deferred it and has not taken it up again for so long is no next step: nothing is known to be coming
        if (resting && next != null && next.stationIndex === lastRow!.s) next = null;
      }
      state ??= started ? 'in-deliberation' : 'submitted';
    }
  }

  const final = isFinalState(state);
  // of the stations that met and await their result, the one that met last: where the paper was dealt with latest
  const waiting = final ? null : open.filter((s) => s.awaitingResult)
    .reduce<typeof open[number] | null>((a, s) => (a == null || (s.lastDate ?? '') >= (a.lastDate ?? '') ? s : a), null);
  const firstCurrent = stations.find((s) => s.status === 'current' && !s.awaitingResult) ?? waiting;
  const currentStation = final ? null : (firstCurrent?.index ?? next?.stationIndex ?? null);
  const awaiting: AwaitedResult | null = waiting
    ? { stationIndex: waiting.index, organization: waiting.organization, role: waiting.role, date: waiting.lastDate }
    : null;
  const deadlines = final ? [] : deadlinesOf(stations, next);

  const decision: Decision | null = setter
    ? {
        stationIndex: setter.s,
        meetingIndex: setter.m,
        organization: stations[setter.s].organization,
        role: stations[setter.s].role,
        result: meeting(setter).result,
        resultCode: meeting(setter).resultCode,
        date: meeting(setter).date,
      }
    : risDone != null
      ? risDecision(stations[risDone])
      : null;

  const basis = basisOf(state, stations, { setter, stoppedStation: stoppedStation ?? risDone, next, lastRow, paperDate });
  const text = explain({ state, stations, setter, stoppedStation, risDone, next, awaiting, deadlines, lastRow, paperDate, stalledSince, sequence: paper.sequence });

  return {
    today,
    countTo,
    state,
    label: STATE_LABELS[state],
    stations,
    currentStation,
    next,
    awaiting,
    deadlines,
    decision,
    decisionDate: decision?.date ?? null,
    deferralCount: stations.reduce((n, s) => n + s.deferrals, 0),
    referralCount: stations.reduce((n, s) => n + s.referrals, 0),
    lastActivity,
    stalledSince,
    basis,
    explanation: text.de,
    explanationEn: text.en,
  };
}
