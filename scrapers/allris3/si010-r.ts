/**
 * ALLRIS net 3.x responsive si010_r month calendar → MeetingListRecord (CONTRACTS.md §2).
 * Layout: ALLRIS-NOTES §4.4 (`table.calenderView`, read by shared/calender-view.ts). Pure.
 *
 * Quirks with a home here: city portals wrap the calendar (Giesen, Mering): only `#allris` is read, so the
 * portal's navigation cannot leak in; the month comes from the page or the URL (si010_r.asp?MM=9&YY=2026),
 * else from the links to the previous and next month ("August" | "Oktober").
 */
import { load } from 'cheerio/slim';
import type { ParseContext } from '../parse';
import type { MeetingListRecord } from '../records';
import { readCalenderView } from '../shared/calender-view';

export function parseAllris3rMeetingList(ctx: ParseContext): MeetingListRecord {
  const $ = load(ctx.text);
  const scope = $('#allris').first()[0] ?? $('#allriscontainer').first()[0] ?? $('body').first()[0];
  return readCalenderView($, ctx, 'allris3', scope);
}
