/**
 * ALLRIS net 3.x classic month calendars si010 / si010_e / si010_j → MeetingListRecord (CONTRACTS.md §2).
 * Layout: ALLRIS-NOTES §4.4. Pure: the page text and its URL in, one record out.
 *
 * Vendor quirks with a home here (each has a test in test/scrapers/allris3/si010.test.ts):
 * - columns differ per variant (si010 without Raum, si010_e/_j with Raum, an ICS column or not): cells are
 *   found through the header row's labels and colspans (Datum | Uhrzeit | Sitzung | Raum), not by position;
 * - the day stands only in the first row of a day: later rows of the same day carry it forward;
 * - the month and year are never in a row: calendar.ts reads them from the page (heading, month bar,
 *   form fields), else the URL;
 * - meetings without a link (no public agenda yet, "ENTFÄLLT!", "(ABGESAGT!!)") are kept; their SILFDNR
 *   comes from a hidden form input of the row (ICS export) where there is one, else null; only a row's
 *   to010 link gives the entry a `url` (the ICS form posts to to010.asp too, for rows without a page);
 * - holiday and school-holiday rows (tr.zl1m "Schulferien", "Tag der Deutschen Einheit" in a weekend-coloured
 *   tr.zl17) are no meetings: they have no time and no SILFDNR;
 * - a responsive `table.calenderView` reaching this parser is handed to the `_r` reader.
 */
import type { Element } from 'domhandler';
import { LayoutChangedError } from '../errors';
import type { ParseContext } from '../html/context';
import type { MeetingListEntry, MeetingListRecord } from '../records';
import { calendarMonth, DayTracker, dayNumber, meetingLinkField, meetingLinkOf, meetingListRecord, parseCalendarTime } from '../shared/calendar';
import { cleanText } from '../shared/text';
import { readCalenderView } from '../shared/calender-view';
import { rowCells, tableRows } from '../html/table';
import { findHeaderColumns } from '../shared/table-header';
import { calendarColumnOf, inferCalendarColumns, type CalendarColumn } from '../shared/calendar-columns';
import { cancelledField, isCancelledText, isOnlyCancelMark } from '../shared/cancelled';
import { dateOnly } from '../shared/dates';
import { attr, attrContains, attrValue, childElements, documentOf, findAll, findFirst, hasClass } from '../html/dom';
import { CONTENT_IDS, findScope } from './scope';
import { text } from '../html/text';
import { param } from '../html/param';

const SCOPES = [...CONTENT_IDS, 'allris'];

type Column = CalendarColumn;

/** The row's cells placed at their column positions (colspans expanded to the same cell). */
function placeCells(row: Element): Element[] {
  const placed: Element[] = [];
  for (const c of rowCells(row)) {
    const span = Math.max(1, Number(c.attribs.colspan) || 1);
    for (let s = 0; s < span; s++) placed.push(c);
  }
  return placed;
}

function cellsOf(placed: Element[], columns: Column[], kind: Column): Element[] {
  const out: Element[] = [];
  placed.forEach((c, i) => {
    if (columns[i] === kind && !out.includes(c)) out.push(c);
  });
  return out;
}

/** SILFDNR: the to010 link, else a hidden input of the row's forms (TO, ICS export, Niederschrift). */
function rowSourceId(row: Element): string | null {
  const link = attr(findFirst(row, (el) => el.name === 'a' && attrContains(el, 'href', 'SILFDNR=')), 'href');
  return param(link, 'SILFDNR') ?? cleanText(attr(findFirst(row, (el) => el.name === 'input' && attrValue(el, 'name') === 'SILFDNR'), 'value'));
}

/** The meeting name: the to010 link's text, else the first text cell of the meeting columns without a form. */
function rowName(row: Element, candidates: Element[]): string | null {
  const link = findFirst(row, (el) => el.name === 'a' && attrContains(el, 'href', 'to010'));
  if (link) return cleanText(text(link, { visibleOnly: true, separator: ' ' }));
  const texts = candidates
    .filter((c) => !findFirst(c, (el) => el.name === 'form' || el.name === 'input'))
    .map((c) => cleanText(text(c, { visibleOnly: true, separator: ' ' })))
    .filter((t): t is string => t !== null);
  // a cell that only says "AUSFALL" marks the meeting, it does not name it
  return texts.find((t) => !isOnlyCancelMark(t)) ?? texts[0] ?? null;
}

function readRows(rows: Element[], columns: Column[], tracker: DayTracker, pageUrl: string | null): MeetingListEntry[] {
  const meetings: MeetingListEntry[] = [];
  for (const row of rows) {
    const placed = placeCells(row);
    if (placed.length === 0 || placed.some((c) => c.name === 'th')) continue;
    const dayCells = cellsOf(placed, columns, 'datum');
    // the day number ("&nbsp;&nbsp;4"), or a full date where a release prints one ("Mi, 21.10.2026")
    const full = dateOnly(cleanText(dayCells.map((c) => text(c, { visibleOnly: true, separator: ' ' })).join(' ')));
    const date = full ? tracker.at(full) : tracker.next(dayCells.map((c) => dayNumber(text(c, { visibleOnly: true, separator: ' ' }))).find((d) => d !== null) ?? null);
    if ((row.attribs.class ?? '').split(/\s+/).includes('zl1m')) continue; // holiday / school-holiday row
    const timeCell = cellsOf(placed, columns, 'uhrzeit')[0];
    const time = parseCalendarTime(timeCell ? text(timeCell, { visibleOnly: true, separator: ' ' }) : null);
    const roomCell = cellsOf(placed, columns, 'raum')[0] ?? childElements(row).filter((c) => c.name === 'td' && hasClass(c, 'text4')).pop();
    // The meeting columns: "Sitzung" and the unlabelled columns around it (ICS, TO, Niederschrift forms).
    const candidates = [...new Set(placed.filter((_c, i) => columns[i] === 'sitzung' || columns[i] === null))].filter(
      (c) => c !== timeCell && c !== roomCell && !dayCells.includes(c),
    );
    const sourceId = rowSourceId(row);
    const name = rowName(row, candidates);
    const cancelled = isCancelledText(text(row, { visibleOnly: true, separator: ' ' }));
    // an empty day, or a holiday text such as "Reformationstag"; a meeting marked "AUSFALL" stays a meeting
    if (!name || (!sourceId && !time.start && !cancelled)) continue;
    const room = roomCell && !dayCells.includes(roomCell) ? cleanText(text(roomCell, { visibleOnly: true, separator: ' ' })) : null;
    meetings.push({ sourceId, name, date, start: time.start, end: time.end, room, ...meetingLinkField(meetingLinkOf(row, pageUrl)), ...cancelledField(cancelled) });
  }
  return meetings;
}

export function parseAllris3MeetingList(ctx: ParseContext): MeetingListRecord {
  const doc = documentOf(ctx);
  const scope = findScope(doc, SCOPES);
  const page = ctx.url ?? '(no url)';
  const tables = findAll(scope, (el) => el.name === 'table' && hasClass(el, 'tl1'));
  for (const table of tables) {
    const rows = tableRows(table);
    const header = findHeaderColumns<Column>(rows, calendarColumnOf, (columns) => columns.includes('datum') && columns.includes('sitzung'));
    if (!header) continue;
    const tracker = new DayTracker(calendarMonth(scope, ctx.url));
    const meetings = readRows(rows.slice(header.index + 1), header.columns, tracker, ctx.url);
    return meetingListRecord(ctx, 'allris3', meetings);
  }
  // Older releases: a header that names no Datum/Sitzung column, or none at all: columns by what the cells hold.
  const others = findAll(scope, (el) => el.name === 'table' && !hasClass(el, 'tl1'));
  for (const table of [...tables, ...others]) {
    const rows = tableRows(table);
    const columns = inferCalendarColumns(rows);
    if (!columns) continue;
    const tracker = new DayTracker(calendarMonth(scope, ctx.url));
    return meetingListRecord(ctx, 'allris3', readRows(rows, columns, tracker, ctx.url));
  }
  if (findFirst(doc, (el) => el.name === 'table' && hasClass(el, 'calenderView'))) return readCalenderView(doc, ctx, 'allris3');
  throw new LayoutChangedError(
    `si010 ${page}: no calendar table (table.tl1 with a header row naming Datum and Sitzung)`,
    ctx.url,
    'table.tl1 tr.zw1 th "Datum" … "Sitzung"',
  );
}
