/**
 * ALLRIS 4 (Wicket) to010 – Sitzung / Tagesordnung → MeetingRecord (CONTRACTS.md §2 "Meeting",
 * ALLRIS-NOTES §4.2 "ALLRIS 4"). Head: `h1.title` ("Stadtrat - 21.10.2026") and the `#head .row
 * dt/dd` fields (Betreff, Gremium → gr020 GRLFDNR, Datum, Status + "(Sitzung eingeladen)", Uhrzeit,
 * Raum, Ort); agenda: `#toTable` (shared/agenda-totable.ts). Pure.
 *
 * Quirks with a home here (tests in test/scrapers/allris4/to010.test.ts):
 * - city portal wrappers (Taunusstein) bring their own `<div id="head">` and navigation: everything
 *   is read inside `#allris` only;
 * - the meeting's own SILFDNR without a URL: Wicket's own links (to020 subject links, si019, to035,
 *   the page-version links `to010?0-1.-…&SILFDNR=`), never a `to010?SILFDNR=` link in the agenda,
 *   which points to an earlier meeting whose minutes are approved.
 */
import type { AnyNode, Element } from 'domhandler';
import type { ParseContext } from '../html/context';
import { parseHeadMeeting } from '../shared/head-meeting';
import type { MeetingRecord } from '../records';
import { attr, attrContains, findAll } from '../html/dom';
import { readHeadFields } from '../shared/head-fields';
import { param } from '../html/param';

const link = (el: Element, ...parts: string[]): boolean => el.name === 'a' && parts.every((p) => attrContains(el, 'href', p));
const form = (el: Element, ...parts: string[]): boolean => el.name === 'form' && parts.every((p) => attrContains(el, 'action', p));

/** Links of a Wicket to010 page that carry the page's own SILFDNR, in order of trust. */
const OWN_LINKS: ((el: Element) => boolean)[] = [
  // a[href*="to020?"][href*="SILFDNR="]
  (el) => link(el, 'to020?', 'SILFDNR='),
  // a[href*="si019?"], a[href*="to035?"]
  (el) => link(el, 'si019?') || link(el, 'to035?'),
  // form[action*="to010?"][action*="SILFDNR="], a[href*="to010?"][href*="-"][href*="SILFDNR="]
  (el) => form(el, 'to010?', 'SILFDNR=') || link(el, 'to010?', '-', 'SILFDNR='),
];

/** The SILFDNR the page states: its own Wicket links (never an agenda link to another meeting). */
export function ownMeetingId(root: AnyNode): string | null {
  for (const test of OWN_LINKS) {
    for (const el of findAll(root, test)) {
      const href = attr(el, 'href') ?? attr(el, 'action');
      // "to010?0-1.-head-searchform&SILFDNR=…" is this page; "to010?SILFDNR=…&refresh=false" is another meeting
      if (/to010\?/i.test(href ?? '') && !/to010\?\d+-/i.test(href ?? '')) continue;
      const id = param(href, 'SILFDNR');
      if (id) return id;
    }
  }
  return null;
}

export function parseAllris4Meeting(ctx: ParseContext): MeetingRecord {
  return parseHeadMeeting(ctx, {
    system: 'allris4',
    pageName: 'ALLRIS 4 to010 page',
    headSelector: 'h1.title, #head .row dl',
    readFields: (root) => readHeadFields(root).map((f) => ({ key: f.key, value: f.value })),
    ownId: ownMeetingId,
  });
}
