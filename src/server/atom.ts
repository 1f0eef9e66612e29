/**
 * Atom 1.0 documents, written here in one linear pass. Callers pass plain text; entry titles and
 * summaries are type="html" in CDATA (escaped here), every other text is XML-escaped, and characters
 * XML 1.0 forbids (control characters from scraped pages) are removed everywhere.
 *
 * Why not the `feed` package any more: it serialises through xml-js, whose hasContentCompact runs
 * `for (key in element)` over every text value given as a plain string (the feed's title, subtitle
 * and rights) — enumerating each character's index before it looks at one. A motion with a 1 MB title
 * cost about a second of CPU per request for its Atom feed, and the single-threaded server (its
 * /health included) stood still meanwhile. This writer costs a few ms per MB.
 */
import { neutraliseText } from './text-safety';

export interface AtomEntry {
  /** a stable URI: tag:ratsradar,2026:… */
  id: string;
  title: string;
  /** absolute URL of the entry's page */
  link: string;
  updated: Date;
  published?: Date;
  summary?: string;
}

export interface AtomDocument {
  id: string;
  title: string;
  subtitle?: string;
  /** absolute URL of the HTML page the feed belongs to */
  link: string;
  /** absolute URL of the feed itself */
  self: string;
  updated: Date;
  entries: AtomEntry[];
}

export const ATOM_TAG = 'tag:ratsradar,2026:';

/** The most characters of one text a feed carries (a title, a summary): no stored record makes a feed slow. */
export const FEED_TEXT_MAX = 2_000;

const RIGHTS = 'Daten aus öffentlichen Ratsinformationssystemen';

/**
 * Removes characters XML 1.0 does not allow (C0 controls except tab/newline/CR, lone surrogates, U+FFFE/U+FFFF) and,
 * as the pages do (text-safety.ts), bidi formatting characters, DEL and C1 controls: an override in a scraped title
 * would reorder what a feed reader or calendar shows. Feeds and iCal text go through here.
 */
export function xmlSafe(text: string): string {
  return neutraliseText(text).replace(/[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** At most FEED_TEXT_MAX characters (an ellipsis marks the cut; never inside a surrogate pair). */
export function clipText(text: string, max = FEED_TEXT_MAX): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 2] ?? '') ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}

/** Text content and attribute values. */
const xmlText = (text: string) => xmlSafe(clipText(text)).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A type="html" text construct: the text escaped as HTML, in CDATA (escaping leaves no "]]>"). */
const htmlConstruct = (tag: string, text: string) => `<${tag} type="html"><![CDATA[${escapeHtml(xmlSafe(clipText(text)))}]]></${tag}>`;

/** An absolute URL as the WHATWG parser writes it; throws on one that is not. */
const url = (href: string) => xmlText(new URL(href).toString());

export function toAtom(doc: AtomDocument): string {
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `    <id>${xmlText(doc.id)}</id>`,
    `    <title>${xmlText(doc.title)}</title>`,
    `    <updated>${doc.updated.toISOString()}</updated>`,
    // RFC 4287 4.1.1: a feed names its author unless every entry does (ratsradar writes the entries; the RIS the data)
    '    <author><name>ratsradar</name></author>',
    '    <generator>ratsradar</generator>',
    `    <link rel="alternate" href="${url(doc.link)}"/>`,
    `    <link rel="self" href="${url(doc.self)}"/>`,
  ];
  if (doc.subtitle) out.push(`    <subtitle>${xmlText(doc.subtitle)}</subtitle>`);
  out.push(`    <rights>${RIGHTS}</rights>`);
  for (const e of doc.entries) {
    out.push('    <entry>', `        ${htmlConstruct('title', e.title)}`, `        <id>${xmlText(e.id)}</id>`, `        <link href="${url(e.link)}"/>`,
      `        <updated>${e.updated.toISOString()}</updated>`);
    if (e.summary) out.push(`        ${htmlConstruct('summary', e.summary)}`);
    if (e.published) out.push(`        <published>${e.published.toISOString()}</published>`);
    out.push('    </entry>');
  }
  out.push('</feed>');
  return out.join('\n');
}

/** The newest of these dates, or `fallback`. */
export function newest(dates: (Date | null | undefined)[], fallback: Date): Date {
  let best: Date | null = null;
  for (const d of dates) if (d && !Number.isNaN(d.getTime()) && (!best || d > best)) best = d;
  return best ?? fallback;
}
