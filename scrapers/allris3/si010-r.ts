/**
 * ALLRIS net 3.x responsive si010_r month calendar → MeetingListRecord (CONTRACTS.md §2).
 * Layout: ALLRIS-NOTES §4.4 (`table.calenderView`, read by shared/calender-view.ts). Pure.
 *
 * Quirks with a home here: city portals wrap the calendar (Giesen, Mering): only `#allris` is read, so the
 * portal's navigation cannot leak in; the month comes from the page or the URL (si010_r.asp?MM=9&YY=2026),
 * else from the links to the previous and next month ("August" | "Oktober").
 */
import type { ParseContext } from '../html/context';
import type { MeetingListRecord } from '../records';
import { readCalenderView } from '../shared/calender-view';
import { byId, documentOf, findFirst } from '../html/dom';

export function parseAllris3rMeetingList(ctx: ParseContext): MeetingListRecord {
  const doc = documentOf(ctx);
  const scope =
    byId(doc, 'allris') ?? byId(doc, 'allriscontainer') ?? findFirst(doc, (el) => el.name === 'body');
  return readCalenderView(scope ?? doc, ctx, 'allris3');
}
