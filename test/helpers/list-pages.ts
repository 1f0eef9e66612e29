/** Reading the calendar, vo040 and start pages of the corpus for the "lists" tests (cases in cases/lists.ts). */
import fs from 'node:fs';
import path from 'node:path';
import { parsePage } from '../../scrapers/parse';
import type { MeetingListRecord, RisRecord } from '../../scrapers/records';
import { CASES } from './cases/lists';
import { CORPUS } from './tmp';

export const EXPECTED_DIR = path.resolve(__dirname, '..', 'expected');

export type ListCase = (typeof CASES)[number];

/** The cases whose corpus path matches (e.g. /\/si010[^/]*\.html$/). */
export function casesMatching(re: RegExp): ListCase[] {
  return CASES.filter((c) => re.test(c.page));
}

export function caseOf(pageEnd: string): ListCase {
  const c = CASES.find((x) => x.page.endsWith(pageEnd));
  if (!c) throw new Error(`no case for ${pageEnd}`);
  return c;
}

export function pageBytes(page: string): Buffer {
  return fs.readFileSync(path.join(CORPUS, page));
}

export function parseCase<T = RisRecord>(c: { page: string }, url: string | null): T {
  return parsePage(pageBytes(c.page), url) as T;
}

export function expectedOf<T = RisRecord>(c: ListCase): T {
  return JSON.parse(fs.readFileSync(path.join(EXPECTED_DIR, c.expected), 'utf8')) as T;
}

/**
 * A calendar's expected record as it parses without the page's URL: no `url` of its own, and none in its
 * entries (an entry's `url` is absolute or absent, and a relative to010 link is all such a page gives).
 */
export function withoutPageUrl(r: MeetingListRecord): MeetingListRecord {
  return { ...r, url: null, meetings: r.meetings.map(({ url: _url, ...m }) => m) };
}

/** A hand-made page as Latin-1 bytes, the way ALLRIS 3 serves it. */
export function latin1(html: string): Buffer {
  return Buffer.from(html, 'latin1');
}

/** A hand-made ALLRIS 3.9.5 classic page: `#allriscontainer.<program>` with `#risname h1` and `#rismain`. */
export function handMadeClassic(program: string, rismain: string, opts: { title?: string; outside?: string; beforeMain?: string } = {}): string {
  return `<?xml version="1.0" encoding="iso-8859-1"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="de"><head>
<meta http-equiv="content-type" content="text/html; charset=iso-8859-1" />
<title>${opts.title ?? 'Sitzungskalender'}</title>
<meta name="description" content="ALLRIS net Version 3.9.5 (221117m)" />
</head><body>${opts.outside ?? ''}<div id="allriscontainer" class="${program}">
${opts.beforeMain ?? ''}<div id="rismain">${rismain}</div>
</div></body></html>
`;
}
