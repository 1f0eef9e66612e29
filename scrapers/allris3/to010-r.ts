/**
 * ALLRIS net 3.x responsive `_r` to010 (to010_r.asp) → MeetingRecord (CONTRACTS.md §2 "Meeting",
 * ALLRIS-NOTES §4.2 "3.x _r"). Head: `h1.title` ("Kreistag des Landkreises Osnabrück - 28.09.2026")
 * and `#head .row` label links `a[aria-describedby=X]` ("Gremium:") with their value `span#X`
 * (`#sigremium` → pa020_r/au020_r link, `#sidatum`, `#sistat`); agenda: `#toTable`
 * (shared/agenda-totable.ts, which also holds the `_r` markup bugs). Pure.
 *
 * The `_r` head names no Betreff: the meeting name is then the title without its trailing date.
 */
import type { AnyNode } from 'domhandler';
import type { ParseContext } from '../html/context';
import { parseHeadMeeting } from '../shared/head-meeting';
import type { MeetingRecord } from '../records';
import type { MeetingField } from '../shared/agenda-meeting-head';
import { attr, attrContains, attrValue, byId, findChain, findFirst, findUnderId, hasAttribute, hasClass, hasId, textContent } from '../html/dom';
import { readHeadFields } from '../shared/head-fields';
import { labelKey } from '../shared/text';
import { param } from '../html/param';

/** `<a aria-describedby="sigremium">Gremium:</a> <span id="sigremium">…</span>`, in page order; else dt/dd or .label rows. */
export function readDescribedFields(root: AnyNode): MeetingField[] {
  const fields: MeetingField[] = [];
  for (const el of findUnderId(root, ['head'], (e) => hasAttribute(e, 'aria-describedby'))) {
    const id = attr(el, 'aria-describedby') ?? '';
    const value = /^[\w-]+$/.test(id) ? byId(root, id) : undefined;
    if (value) fields.push({ key: labelKey(textContent(el)), value: [value] });
  }
  if (fields.length) return fields;
  return readHeadFields(root).map((f) => ({ key: f.key, value: f.value }));
}

/** The SILFDNR the page states: the TOP links of this meeting's own agenda (`to010_r.asp?SILFDNR=…&TOLFDNR=…`), its TOP anchors. */
function ownMeetingId(root: AnyNode): string | null {
  // #toTable td.tonr a[href*="TOLFDNR="]
  const topLinks = findChain(
    root,
    [(e) => hasId(e, 'toTable'), (e) => e.name === 'td' && hasClass(e, 'tonr')],
    (e) => e.name === 'a' && attrContains(e, 'href', 'TOLFDNR='),
  );
  for (const a of topLinks) {
    const id = param(attr(a, 'href'), 'SILFDNR');
    if (id) return id;
  }
  const own = attr(findFirst(root, (e) => e.name === 'a' && (attrValue(e, 'id')?.startsWith('si') ?? false) && attrContains(e, 'id', 'top')), 'id');
  return own ? (/^si(\d+)top\d+$/i.exec(own)?.[1] ?? null) : null;
}

export function parseAllris3rMeeting(ctx: ParseContext): MeetingRecord {
  return parseHeadMeeting(ctx, {
    system: 'allris3',
    pageName: 'ALLRIS 3 to010_r page',
    headSelector: 'h1.title, #head .row',
    readFields: readDescribedFields,
    ownId: ownMeetingId,
  });
}
