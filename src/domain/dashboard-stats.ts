/**
 * Pure numbers for the dashboard: medians and quartiles of durations, the months of a timeline, and
 * counts grouped per city. No database, no clock (the day is passed in).
 */

/** The value at quantile q (0…1) of sorted numbers, interpolated between neighbours (R-7, as spreadsheets do). */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export interface Spread {
  count: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** Count, minimum, quartiles and maximum of some numbers (in any order); null for none. */
export function spread(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return { count: s.length, min: s[0], q1: quantile(s, 0.25)!, median: quantile(s, 0.5)!, q3: quantile(s, 0.75)!, max: s[s.length - 1] };
}

/** The month (YYYY-MM) `n` months before the month of `day` (YYYY-MM-DD or YYYY-MM). */
export function monthsBefore(day: string, n: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 - n;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${String(yy).padStart(4, '0')}-${String(mm + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to` (YYYY-MM, both included), in order. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length < 1200; m = monthsBefore(m, -1)) out.push(m);
  return out;
}

/** Counts per month on a full month range: months without a row count 0. */
export function fillMonths(months: readonly string[], rows: readonly { month: string; count: number }[]): number[] {
  const byMonth = new Map(rows.map((r) => [r.month, r.count]));
  return months.map((m) => byMonth.get(m) ?? 0);
}

/** Groups rows by a key, keeping the order in which keys first appear. */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The dashboard's vocabulary and its counts (src/db/queries-dashboard.ts counts in SQL with these).

/** States whose paper has been decided on (time to decision counts these; closed — "erledigt" without a deciding result —, withdrawn and stopped ended without a known decision). */
export const DECISION_STATES = ['decided', 'decided-amended', 'rejected', 'noted'] as const;
/** States after which nothing more is expected (src/domain/states.ts FINAL_STATES). */
export const ENDED_STATES = ['decided', 'decided-amended', 'rejected', 'noted', 'closed', 'withdrawn', 'stopped'] as const;
/** No activity for more than this many days (and not ended): stalled on the dashboard. */
export const STALLED_AFTER_DAYS = 90;
/** The stalled papers listed (the oldest first); the total is counted over all. */
export const STALLED_LIMIT = 50;

/** The value at position `index` (0-based) of the list that repeats each value `count` times (values ascending). */
function atPosition(histogram: readonly { value: number; count: number }[], index: number): number {
  let seen = 0;
  for (const h of histogram) {
    seen += h.count;
    if (index < seen) return h.value;
  }
  return histogram[histogram.length - 1].value;
}

/** spread() of the values a histogram stands for (value → how often), without expanding it. */
export function spreadOfHistogram(histogram: readonly { value: number; count: number }[]): Spread | null {
  const h = histogram.filter((e) => e.count > 0).sort((a, b) => a.value - b.value);
  const count = h.reduce((n, e) => n + e.count, 0);
  if (count === 0) return null;
  const q = (p: number) => {
    const pos = (count - 1) * p;
    const lo = atPosition(h, Math.floor(pos));
    const hi = atPosition(h, Math.ceil(pos));
    return lo + (hi - lo) * (pos - Math.floor(pos));
  };
  return { count, min: h[0].value, q1: q(0.25), median: q(0.5), q3: q(0.75), max: h[h.length - 1].value };
}

/** The day `days` days before `day` (YYYY-MM-DD). */
export function daysBefore(day: string, days: number): string {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) - days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
