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
