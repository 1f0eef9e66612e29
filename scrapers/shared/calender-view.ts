/**
 * The `table.calenderView` month list shared by ALLRIS 3 responsive si010_r and the ALLRIS 4 si010 AJAX
 * answer → MeetingListRecord. Pure. ALLRIS-NOTES §4.4.
 *
 * Rows: `tr.<dow> even|odd [sameday] [holiday|freeholiday] [emptyRow]`; the first row of a day has
 * `span.dow` + `span.dom`, later rows of the same day (`sameday`) have an empty date cell and carry the day
 * forward. A meeting row has `td.time`, `td.textCol` (link `to010_r.asp?SILFDNR=` / `./to010?SILFDNR=`, or
 * plain text / `<a id="si_…">` without href when the agenda is not public yet) and `td.raum`. Holiday and
 * empty days are one `td[colspan]` cell ("Herbstferien", "Tag der Deutschen Einheit") and are no meetings;
 * note that meetings ON a holiday carry the `holiday` class too, so the class alone decides nothing.
 */
import type { AnyNode, Element } from 'domhandler';
import type { ParseContext } from '../html/context';
import type { MeetingListEntry, MeetingListRecord, SystemName } from '../records';
import { calendarMonth, DayTracker, dayNumber, meetingLinkField, meetingLinkOf, meetingListRecord, monthOfDate, mostFrequent, parseCalendarTime } from './calendar';
import { dateOnly, parseDate } from './dates';
import { attr, attrContains, attrValue, childElements, closest, findAll, findFirst, hasAttribute, hasClass, textContent } from '../html/dom';
import { cancelledField, isCancelledText } from './cancelled';
import { cleanText } from './text';
import { param } from '../html/param';
import { sel } from '../html/selector';

/** The full date of an ALLRIS 4 tooltip " am Do., 01.10.2026 um 17:00 Uhr." / " on Thu, Oct 1, 2026 at 5:00 PM.", or null. */
function tooltipDate(row: Element): string | null {
  const tip = attr(findFirst(row, (el) => hasAttribute(el, 'data-simpletooltip-text')), 'data-simpletooltip-text');
  return parseDate(tip);
}

/** SILFDNR: the to010 link, else the `si_<SILFDNR>` id ALLRIS 4 gives every meeting anchor, else a hidden input. */
function rowSourceId(cell: Element, row: Element): string | null {
  const href = attr(findFirst(cell, (el) => el.name === 'a' && attrContains(el, 'href', 'SILFDNR=')), 'href');
  const anchor = findFirst(cell, (el) => el.name === 'a' && (attrValue(el, 'id')?.startsWith('si_') ?? false));
  const anchorId = /^si_(\d+)$/.exec(attr(anchor, 'id') ?? '')?.[1] ?? null;
  return (
    param(href, 'SILFDNR') ??
    anchorId ??
    cleanText(attr(findFirst(row, (el) => el.name === 'input' && attrValue(el, 'name') === 'SILFDNR'), 'value'))
  );
}

function bodyRows(table: Element): Element[] {
  return findAll(table, (el) => el.name === 'tr').filter(
    (tr) => closest(tr, (el) => el.name === 'table') === table && childElements(tr).some((c) => c.name === 'td'),
  );
}

function childCell(row: Element, cls: string): Element | undefined {
  return childElements(row).find((c) => c.name === 'td' && hasClass(c, cls));
}

/** `h2`–`h6` above a day's rows: "<h3>Dienstag, 01.09.2026</h3>" (responsive releases that head each day). */
const HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * The date a heading states when its whole text is a date: an `h2`–`h6` above the rows, or a row of
 * `th` cells (`<tr><th colspan="4">Dienstag, 01.09.2026</th></tr>`) inside the table; else null.
 */
function headingDate(el: Element): string | null {
  if (HEADINGS.has(el.name)) return dateOnly(textContent(el));
  const cells = childElements(el).filter((c) => c.name === 'td' || c.name === 'th');
  if (el.name !== 'tr' || cells.length === 0 || cells.some((c) => c.name === 'td')) return null;
  return dateOnly(textContent(el));
}

/**
 * Reads the `table.calenderView` rows under `root` (default: the whole document), in page order, over
 * every such table (some releases print one table per day). A row's date: the ALLRIS 4 tooltip, else
 * its day number (`span.dom`, carried forward to the day's later rows), else the date heading above it.
 */
/** The calendar's tables (one per month, or one per day in some releases). */
const CALENDAR_TABLES = sel('calendar table', 'table.calenderView', { min: 1 });

export function readCalenderView(root: AnyNode, ctx: ParseContext, system: SystemName): MeetingListRecord {
  const tables = CALENDAR_TABLES.all(root, ctx.url);
  const rows = tables.flatMap(bodyRows);
  const hint = mostFrequent(rows.map((r) => monthOfDate(tooltipDate(r))));
  const tracker = new DayTracker(calendarMonth(root, ctx.url, hint));
  const meetings: MeetingListEntry[] = [];
  const text = (el: Element | undefined): string => (el ? textContent(el) : '');
  const isRow = new Set(rows);
  // headings above or between the tables, th rows inside them, and the body rows, in page order
  const items = findAll(root, (el) => isRow.has(el) || HEADINGS.has(el.name) || (el.name === 'tr' && tables.includes(closest(el, (t) => t.name === 'table')!)));
  let current: string | null = null;
  for (const item of items) {
    if (!isRow.has(item)) {
      const date = headingDate(item);
      if (date) current = date;
      continue;
    }
    const row = item;
    const day = dayNumber(text(findFirst(row, (el) => el.name === 'span' && hasClass(el, 'dom'))));
    // a release that prints the full date in the row's first cell ("Di, 01.09.2026") instead of span.dow/dom
    const full = day === null ? dateOnly(text(childElements(row).find((c) => c.name === 'td'))) : null;
    if (full) current = tracker.at(full);
    else if (day !== null || current === null) current = tracker.next(day) ?? current;
    const textCell = childCell(row, 'textCol');
    const name = textCell ? cleanText(textContent(textCell)) : null;
    if (!textCell || !name) continue; // empty day, or a holiday text in one td[colspan]
    const time = parseCalendarTime(text(childCell(row, 'time')));
    const sourceId = rowSourceId(textCell, row);
    const cancelled = isCancelledText(name) || isCancelledText(attr(row, 'class')?.replace(/\b(odd|even|sameday)\b/g, ''));
    // a holiday row that writes its name in the text column ("Herbstferien"): no time, no meeting id
    if ((hasClass(row, 'holiday') || hasClass(row, 'freeholiday')) && !time.start && !sourceId && !cancelled) continue;
    meetings.push({
      sourceId,
      name,
      date: tooltipDate(row) ?? current,
      start: time.start,
      end: time.end,
      room: cleanText(text(childCell(row, 'raum'))),
      ...meetingLinkField(meetingLinkOf(textCell, ctx.url)),
      ...cancelledField(cancelled),
    });
  }
  return meetingListRecord(ctx, system, meetings);
}
