/**
 * The parts of progress() (./progress.ts, whose header states the rules): meeting rows in order, the
 * next step, deadlines before it, the decision the RIS's own status gives, and the basis of a state. Pure.
 */
import type { Deadline, Decision, NextStep, RowRef, StateBasis } from './progress-types';
import type { PaperState } from './states';
import { calledOff, isOpen, type StationProgress } from './stations';

/** The decision of a paper the RIS marks done at every station (rule 3): the deciding station's last row. */
export function risDecision(s: StationProgress): Decision {
  const m = [...s.meetings].reverse().find((x) => x.past) ?? null;
  return {
    stationIndex: s.index,
    meetingIndex: m?.index ?? 0,
    organization: s.organization,
    role: s.role,
    result: m?.result ?? null,
    resultCode: m?.resultCode ?? 'open',
    date: m?.date ?? s.lastDate,
  };
}

/** The open stations of the page before a dated next step that have no meeting on or before its day. */
export function deadlinesOf(stations: readonly StationProgress[], next: NextStep | null): Deadline[] {
  if (next?.date == null || !stations[next.stationIndex].decisive) return [];
  const by = next.date;
  return stations
    .filter((s) => s.index < next.stationIndex && !s.fromAgenda && isOpen(s) && !s.awaitingResult && !(s.nextDate != null && s.nextDate <= by))
    .map((s) => ({
      stationIndex: s.index, organization: s.organization, role: s.role, before: by,
      nextStationIndex: next.stationIndex, nextOrganization: next.organization,
    }));
}

/** Every meeting row in page order; undated rows sort as late as the dated row before them. */
export function collectRows(stations: readonly StationProgress[]): RowRef[] {
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

export function latest(rows: readonly RowRef[]): RowRef | null {
  let best: RowRef | null = null;
  for (const r of rows) if (best == null || r.key >= best.key) best = r;
  return best;
}

export function earliestDated(stations: readonly StationProgress[]): StationProgress | null {
  let best: StationProgress | null = null;
  for (const s of stations) {
    if (s.nextDate == null) continue;
    if (best == null || (best.nextDate as string) > s.nextDate) best = s;
  }
  return best;
}

export function toNext(s: StationProgress | null, withDate: boolean): NextStep | null {
  if (s == null) return null;
  const date = withDate ? s.nextDate : null;
  const row = date != null ? s.meetings.find((m) => m.future && m.date === date) : undefined;
  const next: NextStep = {
    stationIndex: s.index,
    organization: s.organization,
    role: s.role,
    roleCode: s.roleCode,
    date,
    agenda: row?.agenda ?? null,
  };
  if (date == null) {
    const off = s.meetings.filter((m) => calledOff(m) && m.date != null && (s.lastDate == null || (m.date as string) > s.lastDate));
    if (off.length) next.cancelledDate = off.map((m) => m.date as string).reduce((a, b) => (b > a ? b : a));
    else if (s.meetings.some((m) => m.date == null && !m.past && !calledOff(m) && (m.meetingSourceId != null || m.agendaItemSourceId != null))) next.undatedMeeting = true;
  }
  return next;
}

export function basisOf(
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
