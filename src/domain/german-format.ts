/**
 * Dates and numbers as German text: the one place pages, feeds, mails and change logs format them.
 * Pure: no clock ("today" is always a parameter); Intl only with a fixed locale and time zone.
 *
 * Named formats (formatDate(value, name)):
 *   day          "2026-12-06" → "06.12.2026" (a date-time keeps its day part)
 *   long         "2026-12-06" → "6. Dezember 2026"
 *   weekday      "2026-12-06" → "Sonntag"
 *   weekdayShort "2026-12-06" → "So"
 *   month        "2026-12"    → "Dezember 2026"
 *   monthShort   "2026-01"    → "Jan 26"
 *   dateTime     "2026-11-24T09:15:00Z" → "24.11.2026, 10:15" (the instant in Europe/Berlin)
 * A value a format cannot read comes back unchanged; null and undefined become "".
 * Numbers: formatNumber(4629) → "4.629"; days in the dative: daysDative(3) → "3 Tagen" ("vor 3 Tagen").
 */

export const MONTHS_LONG = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'] as const;
export const MONTHS_SHORT = ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'] as const;
/** Monday first, as German calendars show the week. */
export const WEEKDAYS_SHORT = ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'] as const;
export const WEEKDAYS_LONG = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'] as const;

export type DateFormat = 'day' | 'long' | 'weekday' | 'weekdayShort' | 'month' | 'monthShort' | 'dateTime';

/** A calendar day at the start of a value ("2026-12-06" or "2026-12-06T18:00…"), else null. */
const DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** 0 for Monday … 6 for Sunday. */
function weekdayOf(y: number, m: number, d: number): number {
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

const BERLIN = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

function formatDay(value: string, name: Exclude<DateFormat, 'month' | 'monthShort' | 'dateTime'>): string {
  const m = DAY.exec(value);
  if (!m) return value;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return value;
  switch (name) {
    case 'day': return `${m[3]}.${m[2]}.${m[1]}`;
    case 'long': return `${d}. ${MONTHS_LONG[mo - 1]} ${y}`;
    case 'weekday': return WEEKDAYS_LONG[weekdayOf(y, mo, d)];
    case 'weekdayShort': return WEEKDAYS_SHORT[weekdayOf(y, mo, d)];
  }
}

function formatMonth(value: string, name: 'month' | 'monthShort'): string {
  const m = MONTH.exec(value) ?? DAY.exec(value);
  const mo = m ? Number(m[2]) : 0;
  if (!m || mo < 1 || mo > 12) return value;
  return name === 'month' ? `${MONTHS_LONG[mo - 1]} ${Number(m[1])}` : `${MONTHS_SHORT[mo - 1]} ${m[1].slice(2)}`;
}

function formatDateTime(value: string): string {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : BERLIN.format(new Date(ms));
}

/** `value` in the named German format (see the head of this file). */
export function formatDate(value: string | null | undefined, name: DateFormat): string {
  if (value == null) return '';
  if (name === 'month' || name === 'monthShort') return formatMonth(value, name);
  if (name === 'dateTime') return formatDateTime(value);
  return formatDay(value, name);
}

/** "2020-01-22" → "22.01.2020": the format 'day', the one most pages use. */
export function formatGermanDate(iso: string | null | undefined): string {
  return formatDate(iso, 'day');
}

const NUMBER = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });

/** A whole number as German text ("4.629"); one Intl formatter for all (toLocaleString builds one per call). */
export function formatNumber(n: number): string {
  return NUMBER.format(n);
}

/** "1 Tag", "3 Tagen": a count of days in the dative ("vor 3 Tagen", "seit 3 Tagen"). */
export function daysDative(n: number): string {
  return n === 1 ? '1 Tag' : `${n} Tagen`;
}
