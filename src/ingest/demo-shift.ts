/**
 * The demo must not age. Its made-up story (data/demo/musterstadt-*.json) is written around
 * DEMO_STORY_DAY: results up to that day, agendas published for the days after. Loaded as written, a
 * newcomer a month later would see meetings past without results everywhere. So the demo is loaded
 * with every date shifted by whole weeks (weekdays stay) such that the story day falls on today or in
 * the six days before it: the same story on any day. RATSRADAR_TODAY pins today; on DEMO_STORY_DAY
 * the shift is zero.
 *
 * What shifts: every string that is a day (YYYY-MM-DD: meeting and paper dates) and every German date
 * inside a text (DD.MM.YYYY: "bis zum 31.03.2027" in a Beschlussvorschlag). References
 * (DS/2026/0301) and years in names ("Digitaltag 2027") are not dates and stay.
 * Pure: today is a parameter.
 */
import { addDays, daysBetween, isIsoDate } from '../domain/dates';

/** The day the demo's story is written around (data/demo/README.md). */
export const DEMO_STORY_DAY = '2026-11-24';

/** Days to shift the demo by on `today`: a multiple of 7 that puts the story day on today or within the six days before it. */
export function demoShiftDays(today: string): number {
  if (!isIsoDate(today)) throw new TypeError(`demoShiftDays: today must be YYYY-MM-DD, got "${String(today)}"`);
  return 7 * Math.floor(daysBetween(DEMO_STORY_DAY, today) / 7);
}

const GERMAN_DATE = /\b(\d{2})\.(\d{2})\.(\d{4})\b/g;

function shiftText(text: string, days: number): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return isIsoDate(text) ? addDays(text, days) : text;
  return text.replace(GERMAN_DATE, (whole, d: string, m: string, y: string) => {
    const iso = `${y}-${m}-${d}`;
    if (!isIsoDate(iso)) return whole;
    const [sy, sm, sd] = addDays(iso, days).split('-');
    return `${sd}.${sm}.${sy}`;
  });
}

/** A copy of `value` (a record, or anything inside one) with every date shifted by `days` days. */
export function shiftDates<T>(value: T, days: number): T {
  if (days === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return shiftText(v, days);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, k === 'url' ? x : walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}
