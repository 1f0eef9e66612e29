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
import type { CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { LayoutChangedError } from '../errors';
import type { ParseContext } from '../parse';
import type { MeetingListEntry, MeetingListRecord, SystemName } from '../records';
import { calendarMonth, DayTracker, dayNumber, meetingListRecord, monthOfDate, mostFrequent, parseCalendarTime } from './calendar';
import { parseGermanDate } from './dates';
import { urlParam } from './head-fields';
import { cleanText } from './text';

/** The full date of an ALLRIS 4 tooltip " am Do., 01.10.2026 um 17:00 Uhr.", or null. */
function tooltipDate($: CheerioAPI, row: Element): string | null {
  const tip = $(row).find('[data-simpletooltip-text]').first().attr('data-simpletooltip-text');
  const m = tip ? /(\d{1,2}\.\d{1,2}\.\d{4})/.exec(tip) : null;
  return m ? parseGermanDate(m[1]) : null;
}

/** SILFDNR: the to010 link, else the `si_<SILFDNR>` id ALLRIS 4 gives every meeting anchor, else a hidden input. */
function rowSourceId($: CheerioAPI, cell: Element, row: Element): string | null {
  const href = $(cell).find('a[href*="SILFDNR="]').first().attr('href');
  const anchorId = /^si_(\d+)$/.exec($(cell).find('a[id^="si_"]').first().attr('id') ?? '')?.[1] ?? null;
  return (
    urlParam(href, 'SILFDNR') ??
    anchorId ??
    cleanText($(row).find('input[name="SILFDNR"]').first().attr('value'))
  );
}

function bodyRows($: CheerioAPI, table: Element): Element[] {
  return $(table)
    .find('tr')
    .toArray()
    .filter((tr) => $(tr).closest('table')[0] === table && $(tr).children('td').length > 0);
}

/** Reads the first `table.calenderView` under `scope` (default: the whole document). */
export function readCalenderView($: CheerioAPI, ctx: ParseContext, system: SystemName, scope?: AnyNode): MeetingListRecord {
  const root = scope ?? $.root()[0];
  const table = $(root).find('table.calenderView').first()[0];
  if (!table) {
    throw new LayoutChangedError(`calendar ${ctx.url ?? '(no url)'}: no table.calenderView`, ctx.url, 'table.calenderView');
  }
  const rows = bodyRows($, table);
  const hint = mostFrequent(rows.map((r) => monthOfDate(tooltipDate($, r))));
  const tracker = new DayTracker(calendarMonth($, root, ctx.url, hint));
  const meetings: MeetingListEntry[] = [];
  for (const row of rows) {
    const date = tracker.next(dayNumber($(row).find('span.dom').first().text()));
    const textCell = $(row).children('td.textCol')[0];
    const name = textCell ? cleanText($(textCell).text()) : null;
    if (!textCell || !name) continue; // empty day, or a holiday text in one td[colspan]
    const time = parseCalendarTime($(row).children('td.time').first().text());
    meetings.push({
      sourceId: rowSourceId($, textCell, row),
      name,
      date: tooltipDate($, row) ?? date,
      start: time.start,
      end: time.end,
      room: cleanText($(row).children('td.raum').first().text()),
    });
  }
  return meetingListRecord(ctx, system, meetings);
}
