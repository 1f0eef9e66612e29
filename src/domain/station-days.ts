/**
 * Days spent per committee: how long a motion lay with each station of its Beratungsfolge. Pure.
 *
 * RULES (stations in page order)
 *  - A station reached the paper on its hand-over day: the last meeting of the previous station
 *    that was done, else the paper's own date, else the station's own first meeting.
 *    When that day lies after the station's first meeting (pages list stations out of order),
 *    the station's first meeting counts instead.
 *  - A done or stopped station held it until its last past meeting; a current station holds it
 *    until today (`running`).
 *  - Planned and skipped stations, and stations without any date, have no figure (null).
 *  - A station whose start is not a hand-over (no paper date, no done station before it) starts at
 *    its own first meeting; if it also ended there, its figure says nothing (0 days of an unknown
 *    stay) and is null.
 *  - total: from the paper's date (else its first meeting: `totalFrom` says which) to its last past
 *    meeting when no station is open any more, else to today. Counted from a first meeting that was
 *    also the last, it is null for the same reason.
 */
import { daysBetween, isIsoDate } from './dates';
import type { StationProgress } from './stations';

export interface StationDays {
  stationIndex: number;
  from: string | null;
  to: string | null;
  days: number | null;
  /** still with this committee: counted up to today */
  running: boolean;
}

export interface DaysSummary {
  stations: StationDays[];
  total: number | null;
  totalRunning: boolean;
  /** where the total starts: the paper's own date, or (without one) its first meeting */
  totalFrom: 'paper' | 'first-meeting' | null;
}

function firstDate(s: StationProgress): string | null {
  const dates = s.meetings.map((m) => m.date).filter((d): d is string => d != null);
  return dates.length ? dates.reduce((a, b) => (b < a ? b : a)) : null;
}

export function deriveStationDays(stations: readonly StationProgress[], paperDate: string | null, today: string): DaysSummary {
  let handOver = isIsoDate(paperDate) ? paperDate : null;
  const out: StationDays[] = [];
  for (const s of stations) {
    const none: StationDays = { stationIndex: s.index, from: null, to: null, days: null, running: false };
    if (s.status === 'planned' || s.status === 'skipped') {
      out.push(none);
      continue;
    }
    const running = s.status === 'current';
    const to = running ? today : s.lastDate;
    const own = firstDate(s);
    let from = handOver ?? own;
    if (from != null && own != null && from > own) from = own;
    const unknownStart = handOver == null;
    if (from == null || to == null || to < from || (unknownStart && !running && from === to)) {
      out.push(none);
    } else {
      out.push({ stationIndex: s.index, from, to, days: daysBetween(from, to), running });
    }
    if (s.status === 'done' && s.lastDate != null) handOver = s.lastDate;
  }
  const open = stations.some((s) => s.status === 'current' || s.status === 'planned');
  const starts = [isIsoDate(paperDate) ? paperDate : null, ...stations.map(firstDate)].filter((d): d is string => d != null);
  const start = isIsoDate(paperDate) ? paperDate : starts.length ? starts.reduce((a, b) => (b < a ? b : a)) : null;
  const lasts = stations.map((s) => s.lastDate).filter((d): d is string => d != null);
  const end = open ? today : lasts.length ? lasts.reduce((a, b) => (b > a ? b : a)) : null;
  const totalFrom = isIsoDate(paperDate) ? 'paper' : start != null ? 'first-meeting' : null;
  let total = start != null && end != null && end >= start ? daysBetween(start, end) : null;
  if (totalFrom === 'first-meeting' && !open && total === 0) total = null;
  return { stations: out, total, totalRunning: open && total != null, totalFrom: total == null ? null : totalFrom };
}
