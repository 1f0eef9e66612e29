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
import { LayoutChangedError } from '../errors';
import type { ParseContext } from '../parse';
import type { MeetingListEntry, MeetingListRecord, SystemName } from '../records';
import { calendarMonth, DayTracker, dayNumber, meetingListRecord, monthOfDate, mostFrequent, parseCalendarTime } from './calendar';
import { parseDate } from './dates';
import { attr, attrContains, attrValue, childElements, closest, findAll, findFirst, hasAttribute, hasClass, textContent } from './dom';
import { urlParam } from './head-fields';
import { cleanText } from './text';

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
    urlParam(href, 'SILFDNR') ??
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

/** Reads the first `table.calenderView` under `scope` (default: the whole document). */
export function readCalenderView(root: AnyNode, ctx: ParseContext, system: SystemName): MeetingListRecord {
  const table = findFirst(root, (el) => el.name === 'table' && hasClass(el, 'calenderView'));
  if (!table) {
    throw new LayoutChangedError(`calendar ${ctx.url ?? '(no url)'}: no table.calenderView`, ctx.url, 'table.calenderView');
  }
  const rows = bodyRows(table);
  const hint = mostFrequent(rows.map((r) => monthOfDate(tooltipDate(r))));
  const tracker = new DayTracker(calendarMonth(root, ctx.url, hint));
  const meetings: MeetingListEntry[] = [];
  const text = (el: Element | undefined): string => (el ? textContent(el) : '');
  for (const row of rows) {
    const date = tracker.next(dayNumber(text(findFirst(row, (el) => el.name === 'span' && hasClass(el, 'dom')))));
    const textCell = childCell(row, 'textCol');
    const name = textCell ? cleanText(textContent(textCell)) : null;
    if (!textCell || !name) continue; // empty day, or a holiday text in one td[colspan]
    const time = parseCalendarTime(text(childCell(row, 'time')));
    meetings.push({
      sourceId: rowSourceId(textCell, row),
      name,
      date: tooltipDate(row) ?? date,
      start: time.start,
      end: time.end,
      room: cleanText(text(childCell(row, 'raum'))),
    });
  }
  return meetingListRecord(ctx, system, meetings);
}
