/**
 * A committee's queue: the motions whose next planned station is this committee, ordered by the
 * date of that station's next meeting (dated ones first, earliest first; then those without a date,
 * longest waiting first). Pure: a function of progress() results and the committee's name.
 */
import type { RoleCode } from '../../scrapers/shared/codes';
import type { Progress } from './progress';
import type { PaperState } from './states';

export interface QueueInput<T> {
  paper: T;
  progress: Progress;
}

export interface QueueEntry<T> {
  paper: T;
  /** the station of the Beratungsfolge that waits for this committee */
  stationIndex: number;
  role: string | null;
  roleCode: RoleCode | null;
  /** the committee's next meeting on this paper, where one is known */
  date: string | null;
  state: PaperState;
  stateLabel: string;
  /** the latest past meeting of the paper (any committee): since when it has been waiting */
  waitingSince: string | null;
  /** stations before this one: how many are done or skipped, of how many */
  earlierDone: number;
  earlierTotal: number;
}

/** Committee names compare with white space collapsed, case-insensitively ("Hauptausschuss" = "hauptausschuss "). */
export function sameCommittee(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return false;
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLocaleLowerCase('de');
  return norm(a) === norm(b);
}

export function deriveQueue<T>(items: readonly QueueInput<T>[], committee: string): QueueEntry<T>[] {
  const entries: QueueEntry<T>[] = [];
  for (const { paper, progress } of items) {
    const next = progress.next;
    if (!next || !sameCommittee(next.organization, committee)) continue;
    const earlier = progress.stations.slice(0, next.stationIndex);
    entries.push({
      paper,
      stationIndex: next.stationIndex,
      role: next.role,
      roleCode: next.roleCode,
      date: next.date,
      state: progress.state,
      stateLabel: progress.label,
      waitingSince: progress.lastActivity,
      earlierDone: earlier.filter((s) => s.status === 'done' || s.status === 'skipped').length,
      earlierTotal: earlier.length,
    });
  }
  // dated first (earliest first); undated after, longest waiting first; stable otherwise
  const key = (e: QueueEntry<T>) => (e.date != null ? `0${e.date}` : `1${e.waitingSince ?? '0000-00-00'}`);
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (key(a.e) < key(b.e) ? -1 : key(a.e) > key(b.e) ? 1 : a.i - b.i))
    .map((x) => x.e);
}
