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
 * - unpublished meetings are `<a id="si_<SILFDNR>">` without href: kept, SILFDNR from that id;
 * - the answer belongs to a page version of the session: a version used before answers with nothing, and
 *   a session that went astray may show another month than the URL asks for. Both are a StaleSessionError
 *   (the crawler asks again on a fresh version), not a layout change; no month is read as another.
 */
import { LayoutChangedError, StaleSessionError } from '../errors';
import type { ParseContext } from '../html/context';
import type { MeetingListRecord } from '../records';
import { readCalenderView } from '../shared/calender-view';
import { monthFromUrl, monthOfDate, mostFrequent, type YearMonth } from '../shared/calendar';
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

const monthName = (ym: YearMonth) => `${String(ym.month).padStart(2, '0')}/${ym.year}`;

export function parseAllris4MeetingList(ctx: ParseContext): MeetingListRecord {
  const components = ajaxComponents(ctx.text);
  if (components.length === 0) {
    const redirect = /<redirect\b/i.test(ctx.text);
    throw new StaleSessionError(
      `si010 AJAX ${ctx.url ?? '(no url)'}: the calendar answered ${redirect ? 'with a redirect' : 'with nothing'} (a page version of the session used before, or the session gone)`,
    );
  }
  const html = components.find((c) => /class=["'][^"']*\bcalenderView\b/i.test(c));
  if (!html) {
    throw new LayoutChangedError(
      `si010 AJAX ${ctx.url ?? '(no url)'}: no <component> holding a table.calenderView`,
      ctx.url,
      'ajax-response > component table.calenderView',
    );
  }
  const record = readCalenderView(parseHtml(html), ctx, 'allris4');
  // the months the meetings' own dates (their tooltips) fall in: none of them the month asked for, the answer is another month's
  const asked = monthFromUrl(ctx.url);
  const months = record.meetings.map((m) => monthOfDate(m.date)).filter((ym): ym is YearMonth => ym !== null);
  const shown = mostFrequent(months);
  if (asked && shown && !months.some((ym) => ym.year === asked.year && ym.month === asked.month)) {
    throw new StaleSessionError(`si010 AJAX ${ctx.url}: asked for the month ${monthName(asked)}, the calendar answered with ${monthName(shown)}`);
  }
  return record;
}

/** ALLRIS 4 calendar served as a whole page (si010 with the month already rendered): the same table. */
export function parseAllris4MeetingListPage(ctx: ParseContext): MeetingListRecord {
  const doc = documentOf(ctx);
  if (!findFirst(doc, (el) => el.name === 'table' && hasClass(el, 'calenderView'))) {
    throw new LayoutChangedError(`si010 ${ctx.url ?? '(no url)'}: no table.calenderView (the month comes by AJAX)`, ctx.url, 'table.calenderView');
  }
  return readCalenderView(doc, ctx, 'allris4');
}
