/** Date windows of a crawl: which calendar months and which meetings a run looks at. Pure (days as YYYY-MM-DD). */

export interface Window {
  from: string;
  to: string;
}

function toDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function fromDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  const d = toDate(day);
  d.setUTCDate(d.getUTCDate() + n);
  return fromDate(d);
}

/** The same day n months later (clamped to the month's end). */
export function addMonths(day: string, n: number): string {
  const d = toDate(day);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return fromDate(target);
}

/** Every calendar month touched by the window, oldest first, as [year, month]. */
export function monthsOf(w: Window): [number, number][] {
  const out: [number, number][] = [];
  let y = Number(w.from.slice(0, 4));
  let m = Number(w.from.slice(5, 7));
  const endY = Number(w.to.slice(0, 4));
  const endM = Number(w.to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push([y, m]);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

export function inWindow(day: string | null, w: Window): boolean {
  return day === null || (day >= w.from && day <= w.to);
}

export const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The window of a full crawl when --since / --until are not given: six months back, two ahead. */
export function defaultFullWindow(today: string): Window {
  return { from: addMonths(today, -6), to: addMonths(today, 2) };
}

/** Incremental runs: calendar months from one back to two ahead; meetings from two weeks back to two months ahead. */
export function incrementalCalendarWindow(today: string): Window {
  return { from: addMonths(today, -1), to: addMonths(today, 2) };
}

export function incrementalMeetingWindow(today: string): Window {
  return { from: addDays(today, -14), to: addMonths(today, 2) };
}
