/**
 * The head of a to010 page (Sitzung) → the meeting fields of CONTRACTS.md "Meeting": name,
 * organization (+ AULFDNR/PALFDNR/GRLFDNR of its link), date, start/end, room, location, status.
 * Read by label (DESIGN.md habit 3) from label → value pairs that each generation's parser collects
 * (classic `td.kb1` rows, ALLRIS 4 `dt/dd`, `_r` `a[aria-describedby]`); the ALLRIS 4 / `_r` value
 * ids (#sibetreff, #sigremium, …) are only a fallback. Pure.
 */
import type { AnyNode, Element } from 'domhandler';
import { dateOnly, parseGermanDate, parseTimeRange } from './dates';
import { attr, byId, findFirst, isTag } from '../html/dom';
import { cleanText } from './text';
import { textValue } from '../html/text';
import type { MeetingRecord } from '../records';

export interface MeetingField {
  /** labelKey(label): lower case, no colon, spaces, hyphens or slashes ("Gremium:" → "gremium") */
  key: string;
  /** the value's nodes (a cell, a dd, a span; empty when the label has none) */
  value: readonly AnyNode[];
}

/** The fields of a meeting record a meeting's head holds. */
export type MeetingHead = Pick<MeetingRecord, 'name' | 'organization' | 'organizationSourceId' | 'date' | 'start' | 'end'
  | 'room' | 'location' | 'statusText'>;

type HeadKey = 'name' | 'organization' | 'date' | 'time' | 'status' | 'room' | 'location';

/** Label key → field, in order; a label no rule names (Anlass, Zusatz, …) is ignored. Kept as data. */
export const MEETING_LABEL_RULES: readonly { field: HeadKey; pattern: RegExp }[] = [
  { field: 'name', pattern: /^(bezeichnung|betreff|sitzungsbezeichnung|sitzung)$/ },
  { field: 'organization', pattern: /^(gremium|ausschuss|organ)$/ },
  { field: 'date', pattern: /^(datum|sitzungsdatum|termin)$/ },
  { field: 'time', pattern: /^(uhrzeit|zeit|beginn|sitzungsbeginn)$/ },
  { field: 'status', pattern: /^(status|sitzungsstatus)$/ },
  { field: 'room', pattern: /^(raum|sitzungsraum)$/ },
  { field: 'location', pattern: /^(ort|sitzungsort)$/ },
];

/** The value ids of ALLRIS 4 and `_r` heads, used only when no label names the field. */
const FALLBACK_IDS: Record<HeadKey, string[]> = {
  name: ['sibetreff'],
  organization: ['sigremium'],
  date: ['sidatum'],
  time: ['sizeit'],
  status: ['sistatus', 'sistat'],
  room: ['siraum'],
  location: ['siort'],
};

function fieldFor(key: string): HeadKey | null {
  for (const rule of MEETING_LABEL_RULES) if (rule.pattern.test(key)) return rule.field;
  return null;
}

/** The organisation's own id from its link: au020 AULFDNR, pa020 PALFDNR, ALLRIS 4 gr020 GRLFDNR. */
export function organizationIdFromHref(href: string | null | undefined): string | null {
  if (!href) return null;
  const m = /[?&;](?:amp;)?(AULFDNR|PALFDNR|GRLFDNR)=(\d+)/i.exec(href);
  return m ? m[2] : null;
}

/**
 * Reads the head. `root` is the ALLRIS container, for the id fallback; fields of the same kind
 * after the first are ignored.
 */
export function readMeetingHead(fields: MeetingField[], root: AnyNode | null): MeetingHead {
  const values = new Map<HeadKey, readonly AnyNode[]>();
  for (const f of fields) {
    const key = fieldFor(f.key);
    if (key && !values.has(key)) values.set(key, f.value);
  }
  const idList = (id: string): Element[] => {
    const el = root ? byId(root, id) : undefined;
    return el ? [el] : [];
  };
  const text = (key: HeadKey): string | null => {
    const v = values.get(key);
    if (v) return textValue(v);
    if (!root) return null;
    const parts = FALLBACK_IDS[key].map((id) => textValue(idList(id)));
    return cleanText(parts.filter((p) => p !== null).join(' '));
  };
  const orgValue = values.get('organization') ?? (root ? idList('sigremium') : null);
  const isLink = (el: Element): boolean => el.name === 'a' && hasHref(el);
  const orgHref = orgValue
    ? (attr(findFirst(orgValue, isLink), 'href') ?? attr(orgValue.find((n): n is Element => isTag(n) && isLink(n)), 'href'))
    : undefined;
  const time = parseTimeRange(text('time'));
  return {
    name: text('name'),
    organization: orgValue ? textValue(orgValue) : null,
    organizationSourceId: organizationIdFromHref(orgHref),
    date: parseGermanDate(text('date')),
    start: time.start,
    end: time.end,
    room: text('room'),
    location: text('location'),
    statusText: text('status'),
  };
}

function hasHref(el: Element): boolean {
  return !!el.attribs && Object.prototype.hasOwnProperty.call(el.attribs, 'href') && el.attribs.href != null;
}

/**
 * A meeting name from the page title when the head names none: "Tagesordnung - Sitzung des …"
 * (classic h1) → "Sitzung des …"; "Kreistag des Landkreises Osnabrück - 28.09.2026" (`_r` / ALLRIS 4
 * h1.title: name, then the meeting's date) → "Kreistag des Landkreises Osnabrück".
 */
export function nameFromTitle(title: string | null, date: string | null): string | null {
  let t = cleanText(title);
  if (!t) return null;
  t = t.replace(/^Tagesordnung\s*[-–]\s*/i, '');
  const m = /^(.*\S)\s+[-–]\s+([^-–]+)$/.exec(t);
  if (m && date && parseGermanDate(m[2]) === date) t = m[1];
  return cleanText(t);
}

/**
 * The meeting's date from a title "Stadtrat - 21.10.2026" / "Stadtrat - Wed, Oct 21, 2026" (ALLRIS 4 and
 * `_r` h1.title: name, then the date), for a head that has no Datum field; null when the title ends otherwise.
 */
export function dateFromTitle(title: string | null): string | null {
  const m = /^.*\S\s+[-–]\s+([^-–]+)$/.exec(cleanText(title) ?? '');
  return m ? dateOnly(m[1]) : null;
}
