/** A meeting page parsed without its URL against its expected record (read with the URL). */
import type { MeetingRecord } from '../../scrapers/records';

/**
 * The same record but `url` null, and the meeting's document links as the page writes them: an absolute
 * one (Taunusstein) the same, a relative one ("do027.asp?…", "/allris/do027.asp?…", "./wicket/…") the end
 * of the address resolved against the page's URL.
 */
export function expectSameWithoutUrl(parsed: MeetingRecord, expected: MeetingRecord): void {
  const { files, ...rest } = parsed;
  const { files: absolute, ...want } = expected;
  expect(rest).toEqual({ ...want, url: null });
  expect(files?.map((f) => f.name)).toEqual(absolute?.map((f) => f.name));
  files?.forEach((f, i) => expect(/^https?:/.test(f.url!) ? f.url === absolute![i].url : absolute![i].url!.endsWith(f.url!.replace(/^\.\//, '/'))).toBe(true));
}
