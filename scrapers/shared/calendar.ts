/**
 * Month calendars (ALLRIS 3 si010 / si010_e / si010_j / si010_r, ALLRIS 4 si010 AJAX): which month a page
 * shows, and the dates of its rows. Pure. ALLRIS-NOTES §4.4.
 *
 * A calendar row shows only the day of the month, and only in the first row of a day; the month and year
 * come from the page itself (heading "September 2026", the current month cell of the month bar, the
 * form fields MM/YY or kaldatvon, the tooltip date of ALLRIS 4), else from the URL (MM=9&YY=2026), else
 * from the links to the previous and next month. Never from the "ALLRIS net Version … - 08.07.2026" line.
 */
import type { AnyNode, Element } from 'domhandler';
import { recordBase, type ParseContext } from '../html/context';
import type { MeetingListEntry, MeetingListRecord, SystemName } from '../records';
import { looksLikeDate, monthOfName, parseDate, parseTimeRange } from './dates';
import { attr, attrContains, attrValue, findAll, findFirst, hasClass, textContent } from '../html/dom';
import { cleanText, resolveUrl } from './text';
import { param } from '../html/param';

export interface YearMonth {
  year: number;
  month: number;
}


function valid(year: number, month: number): YearMonth | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12 || year < 1990 || year > 2100) return null;
  return { year, month };
}

/** "September 2026", "Oktober&nbsp;2023", "Sep 2026" (the whole text, nothing else) → { 2026, 9 }; else null. */
export function monthFromHeading(text: string | null | undefined): YearMonth | null {
  const t = cleanText(text);
  if (!t) return null;
  const m = /^([A-Za-zÄäÖöÜü]+)\.?\s+(\d{4})$/.exec(t);
  if (!m) return null;
  const month = monthOfName(m[1]);
  return month ? valid(Number(m[2]), month) : null;
}

/** MM and YY query parameters of a calendar URL ("si010_e.asp?MM=9&YY=2026", "si010?3-1.0-&MM=10&YY=2026"). */
export function monthFromUrl(url: string | null | undefined): YearMonth | null {
  if (!url) return null;
  const q = url.replace(/&amp;/gi, '&');
  const mm = /[?&]MM=(\d{1,2})(?:[&#]|$)/i.exec(q);
  const yy = /[?&]YY=(\d{2,4})(?:[&#]|$)/i.exec(q);
  if (!mm || !yy) return null;
  let year = Number(yy[1]);
  if (year < 100) year += 2000;
  return valid(year, Number(mm[1]));
}

/** The month of an ISO date "2026-10-01". */
export function monthOfDate(iso: string | null): YearMonth | null {
  const m = iso ? /^(\d{4})-(\d{2})-\d{2}$/.exec(iso) : null;
  return m ? valid(Number(m[1]), Number(m[2])) : null;
}

function shift(ym: YearMonth, by: number): YearMonth {
  const n = ym.year * 12 + (ym.month - 1) + by;
  return { year: Math.floor(n / 12), month: (n % 12) + 1 };
}

function key(ym: YearMonth): number {
  return ym.year * 12 + ym.month - 1;
}

/** The most frequent month of a list (ties: the first seen); null for an empty list. */
export function mostFrequent(months: (YearMonth | null)[]): YearMonth | null {
  const counts = new Map<number, { ym: YearMonth; n: number }>();
  for (const ym of months) {
    if (!ym) continue;
    const c = counts.get(key(ym));
    if (c) c.n++;
    else counts.set(key(ym), { ym, n: 1 });
  }
  let best: { ym: YearMonth; n: number } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best ? best.ym : null;
}

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'caption', 'th']);

/** A heading-like element whose whole text is "<Monat> <Jahr>" (h1–h4, caption, the month bar's title cell). */
function headingMonth(scope: AnyNode): YearMonth | null {
  // h1, h2, h3, h4, caption, .monthName, .month, th
  const isHeading = (el: Element): boolean => HEADING_TAGS.has(el.name) || hasClass(el, 'monthName') || hasClass(el, 'month');
  for (const el of findAll(scope, isHeading)) {
    const found = monthFromHeading(textContent(el));
    if (found !== null) return found;
  }
  return null;
}

/** The month bar of ALLRIS 3 classic: the current month and year are the cells without a link, class zl17. */
function monthBarMonth(scope: AnyNode): YearMonth | null {
  let month: number | null = null;
  let year: number | null = null;
  for (const td of findAll(scope, (el) => el.name === 'td' && hasClass(el, 'zl17'))) {
    if (findFirst(td, (el) => el.name === 'a')) continue;
    const t = (cleanText(textContent(td)) ?? '').toLowerCase().replace(/\.$/, '');
    if (/^\d{4}$/.test(t)) year ??= Number(t);
    else if (monthOfName(t)) month ??= monthOfName(t);
  }
  return month !== null && year !== null ? valid(year, month) : null;
}

/** The calendar's own form fields: hidden MM + YY (si010_j), or the period "kaldatvon" = 01.09.2026. */
function formMonth(scope: AnyNode): YearMonth | null {
  const input = (name: string): string | undefined => attr(findFirst(scope, (el) => el.name === 'input' && attrValue(el, 'name') === name), 'value');
  const mm = cleanText(input('MM'));
  const yy = cleanText(input('YY'));
  if (mm && yy && /^\d+$/.test(mm) && /^\d{4}$/.test(yy)) return valid(Number(yy), Number(mm));
  const von = input('kaldatvon');
  return monthOfDate(parseDate(von));
}

/**
 * From the neighbour links: "Vorheriger Monat" → +1, "Nächster Monat" → −1; else two calendar links
 * exactly two months apart (si010_r: "August" and "Oktober") → the month between them.
 */
function neighbourMonth(scope: AnyNode): YearMonth | null {
  const links = findAll(scope, (el) => el.name === 'a' && attrContains(el, 'href', 'MM=') && attrContains(el, 'href', 'YY='));
  for (const a of links) {
    const ym = monthFromUrl(a.attribs.href);
    const title = (a.attribs.title ?? '').toLowerCase();
    if (!ym) continue;
    if (/vorherige[rn]? monat/.test(title)) return shift(ym, 1);
    if (/n(ä|ae)chste[rn]? monat/.test(title)) return shift(ym, -1);
  }
  const distinct = new Map<number, YearMonth>();
  for (const a of links) {
    if (/togglemenu/i.test(a.attribs.href ?? '')) continue;
    const ym = monthFromUrl(a.attribs.href);
    if (ym) distinct.set(key(ym), ym);
  }
  const all = [...distinct.values()].sort((a, b) => key(a) - key(b));
  if (all.length === 2 && key(all[1]) - key(all[0]) === 2) return shift(all[0], 1);
  return null;
}

/**
 * The month a calendar page shows: what the page itself states first (heading, month bar, form fields,
 * the extra page-level hint such as ALLRIS 4 tooltip dates), then the URL, then the neighbour links.
 */
export function calendarMonth(scope: AnyNode, url: string | null, hint: YearMonth | null = null): YearMonth | null {
  return headingMonth(scope) ?? monthBarMonth(scope) ?? formMonth(scope) ?? hint ?? monthFromUrl(url) ?? neighbourMonth(scope);
}

/**
 * Hands out the date of each row: a row with a day number starts a day, a row without one belongs to the
 * day before it (ALLRIS-NOTES §4.4 "carry the day forward"). A day number smaller than the previous one
 * means the listing went on into the next month (a period view over several months).
 */
export class DayTracker {
  private current: YearMonth | null;
  private day: number | null = null;

  constructor(start: YearMonth | null) {
    this.current = start;
  }

  /** Feed the row's day number (or null for a row of the same day); returns the row's ISO date or null. */
  next(dayNumber: number | null): string | null {
    if (dayNumber !== null && dayNumber >= 1 && dayNumber <= 31) {
      if (this.day !== null && dayNumber < this.day && this.current) this.current = shift(this.current, 1);
      this.day = dayNumber;
    }
    if (this.day === null || !this.current) return null;
    const { year, month } = this.current;
    return parseDate(`${this.day}.${month}.${year}`);
  }

  /** A row that states its full date ("Mi, 21.10.2026" in the date column): later rows carry it forward. */
  at(iso: string): string {
    const ym = monthOfDate(iso);
    if (ym) {
      this.current = ym;
      this.day = Number(iso.slice(8, 10));
    }
    return iso;
  }
}

/** "&nbsp;&nbsp;4" / "04" / "Mi 4" / "Mi., 04." → 4; anything that is not a day number → null. */
export function dayNumber(text: string | null | undefined): number | null {
  const m = /^(?:[A-Za-zÄÖÜäöü]{2,3}\.?,?\s*)?(\d{1,2})\.?$/.exec(cleanText(text) ?? '');
  return m ? Number(m[1]) : null;
}

/** The path of a meeting page link: "to010.asp", "./to010_r.asp", "./to010", "/bi/to010.asp" (no query). */
const MEETING_PAGE = /^([^?#]*\bto010(?:_[a-z])?(?:\.asp)?)\?/i;

/**
 * The address of the meeting page a calendar row links (its to010 link), with the SILFDNR as its only
 * parameter — the form the crawler asks for (session or view parameters such as Trier's `refresh=false`
 * would make the same row another record on every visit) — resolved against the calendar's URL. Null
 * without that URL (a `url` is absolute, as a record's own) and for a row without such a link: a meeting
 * without a public agenda, an internal or cancelled one (its SILFDNR only in an ICS or TO form, or none).
 */
export function meetingLinkOf(row: Element, pageUrl: string | null): string | null {
  if (!pageUrl) return null;
  for (const a of findAll(row, (el) => el.name === 'a' && attrContains(el, 'href', 'SILFDNR='))) {
    const href = attr(a, 'href') ?? '';
    const path = MEETING_PAGE.exec(href.trim())?.[1];
    const id = param(href, 'SILFDNR');
    if (!path || !id) continue;
    const url = resolveUrl(`${path}?SILFDNR=${id}`, pageUrl);
    return url && /^https?:\/\//i.test(url) ? url : null;
  }
  return null;
}

/** The entry's `url` where the row links its meeting page; absent otherwise (an optional field, as `cancelled`). */
export function meetingLinkField(url: string | null): { url?: string } {
  return url ? { url } : {};
}

/** The MeetingList record of a calendar page (its own sourceId is null: a calendar month has no id). */
export function meetingListRecord(ctx: ParseContext, system: SystemName, meetings: MeetingListEntry[]): MeetingListRecord {
  return {
    ...recordBase(ctx, 'MeetingList', system, null),
    meetings,
  };
}

/**
 * The time cell of a calendar row: "18:00 - 18:38", "18:00", "9:00", "17:00 Uhr". Only a cell that starts
 * with a time counts, so a holiday text ("Herbstferien 12.10.-23.10.") never becomes a time.
 */
export function parseCalendarTime(text: string | null | undefined): { start: string | null; end: string | null } {
  const t = cleanText(text);
  // a date in the cell ("21.10.2026", "21.10.") is no time "21:10"
  if (!t || !/^\d{1,2}[:.]\d{2}(?![\d.])/.test(t) || looksLikeDate(t)) return { start: null, end: null };
  return parseTimeRange(t);
}
