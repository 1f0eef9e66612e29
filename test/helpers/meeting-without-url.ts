/** A meeting page parsed without its URL against its expected record (read with the URL). */
import type { FileRef, MeetingRecord } from '../../scrapers/records';

/** The same documents, each link as the page writes it: an absolute one the same, a relative one the end of the expected address. */
function expectSameLinks(files: FileRef[] | undefined, absolute: FileRef[] | undefined): void {
  expect(files?.map((f) => f.name)).toEqual(absolute?.map((f) => f.name));
  files?.forEach((f, i) => expect(/^https?:/.test(f.url!) ? f.url === absolute![i].url : absolute![i].url!.endsWith(f.url!.replace(/^\.\//, '/'))).toBe(true));
}

/**
 * The same record but `url` null, and the document links of the meeting and of its agenda rows as the page
 * writes them: an absolute one (Taunusstein) the same, a relative one ("do027.asp?…", "/allris/do027.asp?…",
 * "./wicket/…") the end of the address resolved against the page's URL.
 */
export function expectSameWithoutUrl(parsed: MeetingRecord, expected: MeetingRecord): void {
  const { files, agendaItem, ...rest } = parsed;
  const { files: absolute, agendaItem: wantItems, ...want } = expected;
  expect(rest).toEqual({ ...want, url: null });
  expectSameLinks(files, absolute);
  expect(agendaItem.map(({ files: _f, ...item }) => item)).toEqual(wantItems.map(({ files: _f, ...item }) => item));
  agendaItem.forEach((item, i) => expectSameLinks(item.files, wantItems[i].files));
}
