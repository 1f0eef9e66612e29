/**
 * ALLRIS 4 calendar month, as the Wicket AJAX answer `<ajax-response><component><![CDATA[ … ]]>` →
 * MeetingListRecord (CONTRACTS.md §2). Layout: ALLRIS-NOTES §2b and §4.4. Pure.
 *
 * Quirks with a home here (tests in test/scrapers/allris4/si010-ajax.test.ts):
 * - the table sits inside CDATA, which an HTML parser reads as a comment: the component bodies are cut out
 *   first (a "]]>" inside a body comes split as "]]]]><![CDATA[>") and parsed as HTML;
 * - the month and year are in no row and no heading: each published meeting's tooltip
 *   " am Do., 01.10.2026 um 17:00 Uhr." states its date; the URL (…&MM=10&YY=2026) is the fallback;
 *   the version line "ALLRIS net Version 4.1.7 (4170041) - 08.07.2026" is never read as a date;
 * - day names come out English ("Thu") for a non-German request: they are not read at all;
 * - unpublished meetings are `<a id="si_<SILFDNR>">` without href: kept, SILFDNR from that id.
 */
import { LayoutChangedError } from '../errors';
import type { ParseContext } from '../html/context';
import type { MeetingListRecord } from '../records';
import { readCalenderView } from '../shared/calender-view';
import { documentOf, findFirst, hasClass, parseHtml } from '../html/dom';

/** The HTML of every `<component>` of a Wicket AJAX answer, CDATA unwrapped, in document order. */
export function ajaxComponents(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<component\b[^>]*>([\s\S]*?)<\/component>/gi)) {
    const body = m[1].trim();
    const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(body);
    out.push(cdata ? cdata[1].replace(/\]\]\]\]><!\[CDATA\[>/g, ']]>') : body);
  }
  return out;
}

export function parseAllris4MeetingList(ctx: ParseContext): MeetingListRecord {
  const components = ajaxComponents(ctx.text);
  const html = components.find((c) => /class=["'][^"']*\bcalenderView\b/i.test(c));
  if (!html) {
    throw new LayoutChangedError(
      `si010 AJAX ${ctx.url ?? '(no url)'}: no <component> holding a table.calenderView`,
      ctx.url,
      'ajax-response > component table.calenderView',
    );
  }
  return readCalenderView(parseHtml(html), ctx, 'allris4');
}

/** ALLRIS 4 calendar served as a whole page (si010 with the month already rendered): the same table. */
export function parseAllris4MeetingListPage(ctx: ParseContext): MeetingListRecord {
  const doc = documentOf(ctx);
  if (!findFirst(doc, (el) => el.name === 'table' && hasClass(el, 'calenderView'))) {
    throw new LayoutChangedError(`si010 ${ctx.url ?? '(no url)'}: no table.calenderView (the month comes by AJAX)`, ctx.url, 'table.calenderView');
  }
  return readCalenderView(doc, ctx, 'allris4');
}
