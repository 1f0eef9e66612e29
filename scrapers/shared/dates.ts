/**
 * The one date reader of the scrapers: German and the reader-locale forms ALLRIS 4 prints, → ISO strings.
 * Pure: no clock. ALLRIS-NOTES §6.
 *
 * Forms read (each with or without a weekday before it, German or English, short or long, with or
 * without dot and comma: "Mi., ", "Wed, ", "Wednesday, ", "Mittwoch, "):
 *   21.10.2026 · 21.10.26 · 2026-10-21 · 21. Okt. 2026 · 21. Oktober 2026 · 21 Oct 2026 ·
 *   21-Oct-2026 · Oct 21, 2026 · October 21, 2026 · 2026 Oct 21 · 10/21/2026 · 21/10/2026
 * Not read (null): slash dates with a two-digit year ("10/21/26"), whose order (M/D/Y or Y/M/D) no page states.
 * The rule for the one ambiguous form, day and month as numbers split by "/":
 *   - a number above 12 says which is the day (10/21/2026 and 21/10/2026 are both 21 October);
 *   - else the order the caller knows from the same page (`DateOptions.order`, see `slashOrderOf`);
 *   - else the weekday printed with it, when exactly one reading falls on that weekday;
 *   - else null: an unreadable or undecidable date is null, never a guess.
 * A weekday that contradicts the date it stands before makes the date null too (something is off).
 */

/** Month names and abbreviations, German and English, lower case without the dot. */
const MONTHS: Record<string, number> = {
  januar: 1, jänner: 1, january: 1, jan: 1, februar: 2, february: 2, feb: 2, märz: 3, maerz: 3, march: 3, mär: 3,
  mrz: 3, mar: 3, april: 4, apr: 4, mai: 5, may: 5, juni: 6, june: 6, jun: 6, juli: 7, july: 7, jul: 7, august: 8,
  aug: 8, september: 9, sept: 9, sep: 9, oktober: 10, october: 10, okt: 10, oct: 10, november: 11, nov: 11,
  dezember: 12, december: 12, dez: 12, dec: 12,
};

/** Weekday names and abbreviations, German and English → 0 (Sunday) … 6 (Saturday). */
const WEEKDAYS: Record<string, number> = {
  so: 0, sonntag: 0, sun: 0, sunday: 0, mo: 1, montag: 1, mon: 1, monday: 1, di: 2, dienstag: 2, tue: 2, tues: 2,
  tuesday: 2, mi: 3, mittwoch: 3, wed: 3, wednesday: 3, do: 4, donnerstag: 4, thu: 4, thur: 4, thurs: 4, thursday: 4,
  fr: 5, freitag: 5, fri: 5, friday: 5, sa: 6, samstag: 6, sonnabend: 6, sat: 6, saturday: 6,
};

/** The month of a name or abbreviation ("Okt.", "October", "Mär") or null. */
export function monthOfName(word: string | null | undefined): number | null {
  const w = (word ?? '').toLowerCase().replace(/\.$/, '');
  return MONTHS[w] ?? null;
}

export type DayOrder = 'dmy' | 'mdy';

export interface DateOptions {
  /** how this page orders day and month in "a/b/yyyy" dates, where it is known (slashOrderOf) */
  order?: DayOrder | null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 100) y += y < 70 ? 2000 : 1900;
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

const MONTH_WORD = '([A-Za-zÄÖÜäöü]{3,9})\\.?';
const WEEKDAY_BEFORE = /([A-Za-z]{2,10})\.?,?\s*$/;

/** The weekday written right before position `at` ("Mi., " / "Wednesday, "), or null. */
function weekdayBefore(s: string, at: number): number | null {
  const m = WEEKDAY_BEFORE.exec(s.slice(Math.max(0, at - 14), at));
  if (!m) return null;
  return WEEKDAYS[m[1].toLowerCase()] ?? null;
}

interface Found {
  iso: string | null;
  /** where the date starts in the text, for its weekday */
  at: number;
}

/** The date forms in order of trust; each returns the first match of its form, or null. */
const FORMS: ((s: string, opts: DateOptions) => Found | null)[] = [
  // 2026-10-21
  (s) => {
    const m = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(s);
    return m ? { iso: isoDate(Number(m[1]), Number(m[2]), Number(m[3])), at: m.index } : null;
  },
  // 21.10.2026, 21.10.26, 21. 10. 2026
  (s) => {
    const m = /(?<!\d)(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?!\d)/.exec(s);
    return m ? { iso: isoDate(Number(m[3]), Number(m[2]), Number(m[1])), at: m.index } : null;
  },
  // 10/21/2026, 21/10/2026
  (s, opts) => {
    const m = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/.exec(s);
    if (!m) return null;
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dmy = isoDate(y, b, a);
    const mdy = isoDate(y, a, b);
    if (a > 12 || b > 12 || a === b) return { iso: a > 12 ? dmy : mdy, at: m.index };
    if (opts.order) return { iso: opts.order === 'dmy' ? dmy : mdy, at: m.index };
    const wd = weekdayBefore(s, m.index);
    const fits = [dmy, mdy].filter((iso): iso is string => iso !== null && wd !== null && weekdayOf(iso) === wd);
    return { iso: fits.length === 1 ? fits[0] : null, at: m.index };
  },
  // 21. Okt. 2026, 21. Oktober 2026, 21 Oct 2026, 21-Oct-2026
  (s) => monthForm(s, new RegExp(`(?<!\\d)(\\d{1,2})(?:\\.?\\s*|-)${MONTH_WORD}(?:,?\\s+|-)(\\d{4})(?!\\d)`, 'g'), 1, 2, 3),
  // Oct 21, 2026, October 21 2026, Oct 21st, 2026
  (s) => monthForm(s, new RegExp(`${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\.?,?\\s+(\\d{4})(?!\\d)`, 'g'), 2, 1, 3),
  // 2026 Oct 21, 2026. Okt. 21
  (s) => monthForm(s, new RegExp(`(?<!\\d)(\\d{4})\\.?,?\\s+${MONTH_WORD}\\s+(\\d{1,2})(?!\\d)`, 'g'), 3, 2, 1),
];

/** The first match of a form with a month name whose word is a month (not a weekday or other word). */
function monthForm(s: string, re: RegExp, day: number, month: number, year: number): Found | null {
  for (const m of s.matchAll(re)) {
    const mon = monthOfName(m[month]);
    if (mon === null) continue;
    return { iso: isoDate(Number(m[year]), mon, Number(m[day])), at: m.index ?? 0 };
  }
  return null;
}

/**
 * Reads the first date of a short cell text in any of the forms above; YYYY-MM-DD or null.
 * Only for cells that hold a date: never run it over a whole page (the version line has a date too).
 */
export function parseDate(text: string | null | undefined, opts: DateOptions = {}): string | null {
  if (!text) return null;
  const s = text.replace(/[\u00a0\u202f\u2009]/g, ' ').trim();
  let best: Found | null = null;
  for (const form of FORMS) {
    const found = form(s, opts);
    if (found && (!best || found.at < best.at)) best = found;
  }
  if (!best || !best.iso) return null;
  const wd = weekdayBefore(s, best.at);
  return wd !== null && weekdayOf(best.iso) !== wd ? null : best.iso;
}

/** True when the text holds a date in one of the forms above, even one that cannot be decided (01/02/2026). */
export function looksLikeDate(text: string | null | undefined): boolean {
  const s = (text ?? '').replace(/[\u00a0\u202f\u2009]/g, ' ');
  return FORMS.some((form) => form(s, {}) !== null);
}

/** The former name of parseDate; every caller reads through the same reader. */
export const parseGermanDate = parseDate;

/**
 * The order of day and month a page uses in "a/b/yyyy" dates, from the dates of the page that say it
 * (a number above 12): 'mdy', 'dmy', or null when none says it or they disagree.
 */
export function slashOrderOf(texts: readonly (string | null | undefined)[]): DayOrder | null {
  const seen = new Set<DayOrder>();
  for (const t of texts) {
    for (const m of (t ?? '').matchAll(/(?<![\d/])(\d{1,2})\/(\d{1,2})\/\d{4}(?![\d/])/g)) {
      if (Number(m[1]) > 12) seen.add('dmy');
      else if (Number(m[2]) > 12) seen.add('mdy');
    }
  }
  return seen.size === 1 ? [...seen][0] : null;
}

/**
 * The date of a text that is nothing but a date, a weekday before it allowed ("Dienstag, 01.09.2026",
 * "Tue, Sep 1, 2026"); null for anything else ("Stand: 01.09.2026", "September 2026", a name with a date).
 */
export function dateOnly(text: string | null | undefined): string | null {
  return isDateOnly(text) ? parseDate(text) : null;
}

/** True for a text that is a date and nothing else (a weekday before it allowed), even one that cannot be decided. */
function isDateOnly(text: string | null | undefined): boolean {
  const s = (text ?? '').replace(/[\u00a0\u202f\u2009]/g, ' ').trim();
  if (s.length > 40 || !looksLikeDate(s) || !/\d{4}|\d{1,2}\.\d{1,2}\.\d{2}$/.test(s)) return false;
  const words = s.match(/[A-Za-zÄÖÜäöü]+/g) ?? [];
  return words.every((w) => monthOfName(w) !== null || WEEKDAYS[w.toLowerCase()] !== undefined || /^(st|nd|rd|th)$/.test(w));
}

/**
 * A date at the very start of a text, and the rest after its separator: "21.10.2026 - 3.1 Entwurf…",
 * "Oct 21, 2026 - 3.1 Entwurf…" → { date: "2026-10-21", rest: "3.1 Entwurf…" }; date null when the
 * head is a date that cannot be decided ("12/11/2025"); null when the text does not start with a date.
 */
export function splitLeadingDate(text: string | null | undefined): { date: string | null; rest: string } | null {
  const m = /^(.{6,40}?)\s+[-–]\s+(.*)$/s.exec(text ?? '');
  // the head must be the date alone (a weekday before it is fine), not a name that holds a date
  if (!m || !isDateOnly(m[1])) return null;
  return { date: parseDate(m[1]), rest: m[2] };
}

/** Parses "18:00 - 20:00", "18:00 Uhr", "9:00", "7:30 PM" into start and end HH:MM. */
export function parseTimeRange(text: string | null | undefined): { start: string | null; end: string | null } {
  if (!text) return { start: null, end: null };
  const times: string[] = [];
  const re = /(\d{1,2})[:.](\d{2})(?:\s*([AaPp])\.?[Mm]\.?)?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && times.length < 2) {
    let h = Number(m[1]);
    const min = Number(m[2]);
    if (m[3]) {
      const pm = m[3].toLowerCase() === 'p';
      if (pm && h < 12) h += 12;
      if (!pm && h === 12) h = 0;
    }
    if (h > 24 || min > 59) continue;
    times.push(`${pad(h)}:${pad(min)}`);
  }
  return { start: times[0] ?? null, end: times[1] ?? null };
}
