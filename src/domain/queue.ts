/**
 * A committee's queue: the motions whose next planned station is this committee, and those with a
 * deadline for it (progress().deadlines: the motion is on a decision-maker's agenda and this
 * committee's earlier station has no meeting before that day — "muss vor dem 17.12.2026 beraten
 * werden — Rat der Stadt Musterstadt"). Ordered by the date of that station's next meeting, or by the
 * deadline (dated ones first, earliest first; then those without a date, longest waiting first).
 * Pure: a function of progress() results and the committee's name.
 */
import type { RoleCode } from '../../scrapers/shared/codes';
import type { AgendaSource } from './agenda-types';
import type { ProgressSummary } from './progress-summary';
import type { PaperState } from './states';
import { deadlineText } from './step-texts';

export interface QueueInput<T> {
  paper: T;
  progress: ProgressSummary;
}

export interface QueueEntry<T> {
  paper: T;
  /** the station of the Beratungsfolge that waits for this committee */
  stationIndex: number;
  role: string | null;
  roleCode: RoleCode | null;
  /** the committee's next meeting on this paper, where one is known */
  date: string | null;
  /** where that date comes from a published agenda */
  agenda: AgendaSource | null;
  /** the committee must deliberate before this day (a later decisive station meets then), else null */
  deadline: string | null;
  /** "muss vor dem 17.12.2026 beraten werden — Rat der Stadt Musterstadt", else null */
  deadlineText: string | null;
  state: PaperState;
  stateLabel: string;
  /** the latest past meeting of the paper (any committee): since when it has been waiting */
  waitingSince: string | null;
  /** stations before this one: how many are done or skipped, of how many */
  earlierDone: number;
  earlierTotal: number;
}

/** The publicity ALLRIS 4 adds to a station's committee: "Verwaltungsausschuss (nicht-öffentlich)" (ALLRIS-NOTES §7.7). */
const PUBLICITY = / ?\((?:nicht[- ]?)?(?:ö|oe)ffentlich\)$/i;

/**
 * The committee a station names: its name without the publicity ALLRIS 4 adds ("Verwaltungsausschuss
 * (nicht-öffentlich)" is the Verwaltungsausschuss, whose meetings and agendas name it so); the name as it is else.
 */
export function stationCommittee(name: string): string {
  return PUBLICITY.test(name) ? name.replace(PUBLICITY, '').trim() : name;
}

/**
 * Committee names compare with white space collapsed, case-insensitively ("Hauptausschuss" = "hauptausschuss "),
 * and without a station's publicity (stationCommittee).
 */
export function sameCommittee(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return false;
  // equal names are the common case (a page's names against the stored ones): no folding for them
  return a === b || foldName(a) === foldName(b);
}

/** German has no locale-specific case mapping (unlike Turkish), so toLowerCase() folds as 'de' does, without ICU. */
const foldName = (s: string) => stationCommittee(s.replace(/\s+/g, ' ').trim().toLowerCase());

export function deriveQueue<T>(items: readonly QueueInput<T>[], committee: string): QueueEntry<T>[] {
  const entries: QueueEntry<T>[] = [];
  for (const { paper, progress } of items) {
    const next = progress.next;
    const deadline = progress.deadlines.find((d) => sameCommittee(d.organization, committee));
    const mine = next != null && sameCommittee(next.organization, committee);
    if (!mine && !deadline) continue;
    const stationIndex = mine ? next.stationIndex : (deadline as NonNullable<typeof deadline>).stationIndex;
    const station = progress.stations[stationIndex];
    const earlier = progress.stations.slice(0, stationIndex);
    entries.push({
      paper,
      stationIndex,
      role: station.role,
      roleCode: station.roleCode,
      date: mine ? next.date : null,
      agenda: mine ? next.agenda : null,
      deadline: mine ? null : (deadline?.before ?? null),
      deadlineText: !mine && deadline ? deadlineText(deadline) : null,
      state: progress.state,
      stateLabel: progress.label,
      waitingSince: progress.lastActivity,
      earlierDone: earlier.filter((s) => s.status === 'done' || s.status === 'skipped').length,
      earlierTotal: earlier.length,
    });
  }
  // dated (or with a deadline) first, earliest first; undated after, longest waiting first; stable otherwise
  const key = (e: QueueEntry<T>) => {
    const by = e.date ?? e.deadline;
    return by != null ? `0${by}` : `1${e.waitingSince ?? '0000-00-00'}`;
  };
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (key(a.e) < key(b.e) ? -1 : key(a.e) > key(b.e) ? 1 : a.i - b.i))
    .map((x) => x.e);
}
