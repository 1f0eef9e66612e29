/**
 * progress(paper, today) → where a paper (Vorlage) stands in its Beratungsfolge on `today`, what comes
 * next and when, and the German sentence saying which station and meeting row set that state.
 * PURE (DESIGN.md habit 6): a function of the consultations, the paper's date and `today` — it never
 * reads the clock.
 *
 * RULES
 * Meeting rows. A row is `past` when its date is before today, or today and it has a result, or it is
 * undated and has a result; it is `future` when its date is after today, or today without a result
 * yet. ("(offen)" and blank results are resultCode 'open', i.e. no result.)
 *
 * Station status (stations.ts), first rule that applies:
 *  1. shown "Erledigt" → done; shown "Gestoppt" → stopped (the page's word wins over the rows);
 *  2. otherwise ("Geplant", "Bereit", another word, or none as in ALLRIS 3 and OParl) the rows decide:
 *     no past row → planned; a past row and a future row → current; the last past row
 *     deferred / not-dealt → current (it must come back); closing result (adopted, adopted-amended,
 *     rejected, noted, withdrawn, settled, referred) → done; past row without a known result → done,
 *     except at a decisive station, where the result is still awaited → current;
 *  3. a station still planned with no meeting row at all while a later station is done or current
 *     → skipped.
 * Decisive stations: those with roleCode 'decision'; when no station has it, the last station.
 *
 * Paper state, first rule that applies:
 *  1. a past row 'withdrawn' at any station → withdrawn;
 *  2. the latest past decisive result (adopted → decided, adopted-amended → decided-amended,
 *     rejected, noted; settled "für erledigt erklärt" → stopped) at a decisive station → that state,
 *     unless a later decisive station is still current or has a future meeting;
 *  3. a stopped station with no station after it done or current, and no meeting ahead → stopped;
 *  4. an open station (current / planned) has a future meeting → scheduled;
 *  5. no past meeting for more than `stalledAfterDays` (default 365) — counted from the last past
 *     meeting, else from the paper's own date — and nothing dated ahead → stalled;
 *  6. a station done or current, or any past row → in-deliberation; otherwise → submitted.
 *
 * next: the open station with the earliest future meeting; without one, the first open station in
 * page order (date null). After a final state only a dated open station after the deciding station
 * counts. currentStation: the first 'current' station, else the station of `next`; null once final.
 * deferralCount / referralCount count rows whose resultCode is 'deferred' / 'referred'.
 * countTo: the day durations (rule 5's days) run to — today, or the day the paper's data is known up to
 * when that is earlier (data-age.ts: a paper read in August is not known to rest in December).
 */
import type { PaperRecord } from '../../scrapers/records';
import type { ResultCode, RoleCode } from '../../scrapers/shared/codes';
import { durationsEnd, heldDates, type DatedPaper } from './data-age';
import { daysBetween, isIsoDate } from './dates';
import { explain } from './explain';
import { isFinalState, STATE_LABELS, type PaperState } from './states';
import { deriveStations, isOpen, type MeetingProgress, type StationProgress } from './stations';

export { formatGermanDate } from './dates';
export { PAPER_STATES, STATE_LABELS, STATE_LABELS_EN, STATION_STATES, isPaperState, isFinalState } from './states';
export type { PaperState, StationState } from './states';
export type { MeetingProgress, StationProgress } from './stations';

export interface ProgressOptions {
  /** Days without a past meeting (and nothing dated ahead) after which an open paper is 'stalled'. Default 365. */
  stalledAfterDays?: number;
}

export interface NextStep {
  stationIndex: number;
  organization: string | null;
  role: string | null;
  roleCode: RoleCode | null;
  /** Its next meeting date where one is known. */
  date: string | null;
}

export interface Decision {
  stationIndex: number;
  meetingIndex: number;
  organization: string | null;
  role: string | null;
  result: string | null;
  resultCode: ResultCode;
  date: string | null;
}

/** The station and meeting row that set the state (what the explanation names). */
export interface StateBasis {
  stationIndex: number | null;
  meetingIndex: number | null;
  date: string | null;
}

export interface Progress {
  today: string;
  /** the day durations run to: today, or earlier when the data is older (data-age.ts) */
  countTo: string;
  state: PaperState;
  /** German label of the state (STATE_LABELS). */
  label: string;
  stations: StationProgress[];
  currentStation: number | null;
  next: NextStep | null;
  decision: Decision | null;
  decisionDate: string | null;
  deferralCount: number;
  referralCount: number;
  /** Latest past meeting date. */
  lastActivity: string | null;
  /** For 'stalled': the day since which nothing happened; else null. */
  stalledSince: string | null;
  basis: StateBasis | null;
  /** One or two German sentences naming the station and meeting row that set the state. */
  explanation: string;
  explanationEn: string;
}

/** A meeting row in the whole Beratungsfolge, with a sort key (date, then page order). */
export interface RowRef {
  s: number;
  m: number;
  key: string;
}

const DECISIVE_RESULTS: Partial<Record<ResultCode, PaperState>> = {
  adopted: 'decided',
  'adopted-amended': 'decided-amended',
  rejected: 'rejected',
  noted: 'noted',
  settled: 'stopped',
};

/** The default of ProgressOptions.stalledAfterDays (src/db/derive.ts relies on it to know which papers a new day can change). */
export const STALLED_AFTER_DAYS = 365;

export function progress(
  paper: Pick<PaperRecord, 'consultation'> & Partial<PaperRecord> & DatedPaper,
  today: string,
  options: ProgressOptions = {},
): Progress {
  if (!isIsoDate(today)) throw new TypeError(`progress: today must be YYYY-MM-DD, got "${String(today)}"`);
  const stalledAfterDays = options.stalledAfterDays ?? STALLED_AFTER_DAYS;
  const paperDate = isIsoDate(paper.date) ? paper.date : null;
  const stations = deriveStations(paper.consultation ?? [], today);
  const rows = collectRows(stations);
  const meeting = (r: RowRef): MeetingProgress => stations[r.s].meetings[r.m];
  const past = rows.filter((r) => meeting(r).past);
  const lastRow = latest(past);
  const pastDates = past.map((r) => meeting(r).date).filter((d): d is string => d != null);
  const lastActivity = pastDates.length ? pastDates.reduce((a, b) => (b > a ? b : a)) : null;
  const open = stations.filter(isOpen);
  const countTo = durationsEnd(today, paper.dataAsOf, heldDates(stations));

  let state: PaperState | null = null;
  let setter: RowRef | null = null;
  let stoppedStation: number | null = null;

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
    const after = setter ? setter.s : (stoppedStation ?? -1);
    next = toNext(earliestDated(open.filter((s) => s.index > after)), true);
  } else {
    next = toNext(earliestDated(open), true) ?? toNext(open[0] ?? null, false);
  }

  let stalledSince: string | null = null;
  if (state == null) {
    if (next?.date != null) {
      state = 'scheduled';
    } else {
      const since = lastActivity ?? paperDate;
      const started = past.length > 0 || stations.some((s) => s.status === 'done' || s.status === 'current');
      if (since != null && daysBetween(since, countTo) > stalledAfterDays) {
        state = 'stalled';
        stalledSince = since;
      } else {
        state = started ? 'in-deliberation' : 'submitted';
      }
    }
  }

  const final = isFinalState(state);
  const firstCurrent = stations.find((s) => s.status === 'current');
  const currentStation = final ? null : (firstCurrent?.index ?? next?.stationIndex ?? null);

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
    : null;

  const basis = basisOf(state, stations, { setter, stoppedStation, next, lastRow, paperDate });
  const text = explain({ state, stations, setter, stoppedStation, next, lastRow, paperDate, stalledSince });

  return {
    today,
    countTo,
    state,
    label: STATE_LABELS[state],
    stations,
    currentStation,
    next,
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

/** Every meeting row in page order; undated rows sort as late as the dated row before them. */
function collectRows(stations: readonly StationProgress[]): RowRef[] {
  const rows: RowRef[] = [];
  let running = '';
  for (const s of stations) {
    for (const m of s.meetings) {
      if (m.date != null) running = m.date;
      rows.push({ s: s.index, m: m.index, key: `${running}|${String(s.index).padStart(4, '0')}|${String(m.index).padStart(4, '0')}` });
    }
  }
  return rows;
}

function latest(rows: readonly RowRef[]): RowRef | null {
  let best: RowRef | null = null;
  for (const r of rows) if (best == null || r.key >= best.key) best = r;
  return best;
}

function earliestDated(stations: readonly StationProgress[]): StationProgress | null {
  let best: StationProgress | null = null;
  for (const s of stations) {
    if (s.nextDate == null) continue;
    if (best == null || (best.nextDate as string) > s.nextDate) best = s;
  }
  return best;
}

function toNext(s: StationProgress | null, withDate: boolean): NextStep | null {
  if (s == null) return null;
  return {
    stationIndex: s.index,
    organization: s.organization,
    role: s.role,
    roleCode: s.roleCode,
    date: withDate ? s.nextDate : null,
  };
}

function basisOf(
  state: PaperState,
  stations: readonly StationProgress[],
  c: { setter: RowRef | null; stoppedStation: number | null; next: NextStep | null; lastRow: RowRef | null; paperDate: string | null },
): StateBasis | null {
  const row = (r: RowRef): StateBasis => ({ stationIndex: r.s, meetingIndex: r.m, date: stations[r.s].meetings[r.m].date });
  if (c.setter) return row(c.setter);
  if (c.stoppedStation != null) {
    const ms = stations[c.stoppedStation].meetings;
    const m = ms.length ? ms[ms.length - 1] : null;
    return { stationIndex: c.stoppedStation, meetingIndex: m?.index ?? null, date: m?.date ?? null };
  }
  if (state === 'scheduled' && c.next) {
    const m = stations[c.next.stationIndex].meetings.find((x) => x.future && x.date === c.next?.date);
    return { stationIndex: c.next.stationIndex, meetingIndex: m?.index ?? null, date: c.next.date };
  }
  if (c.lastRow) return row(c.lastRow);
  if (state === 'submitted' || state === 'stalled') {
    return c.paperDate || c.next ? { stationIndex: c.next?.stationIndex ?? null, meetingIndex: null, date: c.paperDate } : null;
  }
  const lastDone = [...stations].reverse().find((s) => s.status === 'done' || s.status === 'current');
  return lastDone ? { stationIndex: lastDone.index, meetingIndex: null, date: null } : null;
}
