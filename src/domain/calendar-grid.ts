/**
 * The meeting calendar's days: the week (Monday to Sunday) around a day, the month grid (whole weeks
 * from the Monday before the 1st to the Sunday after the last day) and month arithmetic. Pure: "today"
 * is always a parameter.
 */
import { addDays } from './dates';

export interface DayRange {
  /** the first day, YYYY-MM-DD */
  from: string;
  /** the last day, YYYY-MM-DD (inclusive) */
  to: string;
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** The week (Monday to Sunday) that holds `day`. */
export function weekOf(day: string): DayRange {
  const from = addDays(day, -weekdayIndex(day));
  return { from, to: addDays(from, 6) };
}

/** "2026-12" when `value` is a month YYYY-MM between 1900 and 2199, else null. */
export function parseMonth(value: unknown): string | null {
  if (typeof value !== 'string' || !/^(19|20|21)\d\d-(0[1-9]|1[0-2])$/.test(value)) return null;
  return value;
}

/** The month of a day ("2026-12-03" → "2026-12"). */
export const monthOf = (day: string): string => day.slice(0, 7);

/** `month` moved by `n` months. */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** The first and last day of a month. */
export function monthRange(month: string): DayRange {
  const from = `${month}-01`;
  return { from, to: addDays(`${shiftMonth(month, 1)}-01`, -1) };
}

export interface GridDay {
  date: string;
  /** the day belongs to the month shown (not to the weeks' overhang before or after it) */
  inMonth: boolean;
}

/** The month as whole weeks, Monday first: 4 to 6 rows of 7 days. */
export function monthGrid(month: string): GridDay[][] {
  const { from, to } = monthRange(month);
  const start = weekOf(from).from;
  const end = weekOf(to).to;
  const weeks: GridDay[][] = [];
  for (let day = start; day <= end; day = addDays(day, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => {
      const date = addDays(day, i);
      return { date, inMonth: date >= from && date <= to };
    }));
  }
  return weeks;
}
