/**
 * Checks that hostile text came out escaped for its context (test/server/escaping.test.ts). Each
 * returns a list of problems (empty: safe) and how many payload markers it saw (the fields did reach
 * the output, so the check means something).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ical from 'node-ical';
import { parse as parseCsv } from 'csv-parse/sync';

export interface CheckOutcome {
  problems: string[];
  markers: number;
}

const UNSAFE_SCHEME = /^(javascript|data|vbscript):/i;
const markersIn = (text: string) => new Set(text.match(/PL\d+/g) ?? []).size;

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(colon|Tab|NewLine);/gi, (_m, n: string) => ({ colon: ':', tab: '\t', newline: '\n' })[n.toLowerCase()] ?? '')
    .replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** A URL as a browser reads it from an attribute: entities decoded, control characters and white space dropped. */
export function isUnsafeUrl(raw: string): boolean {
  return UNSAFE_SCHEME.test(decodeEntities(raw).replace(/[\u0000-\u0020\u007f]/g, ''));
}

const TAG = /<([a-z][^\s/>]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/gi;
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

export function checkHtml(body: string): CheckOutcome {
  const problems: string[] = [];
  for (const tag of body.matchAll(TAG)) {
    if (/^(script|iframe|object|embed|base)$/i.test(tag[1])) problems.push(`a <${tag[1]}> element`);
    for (const a of tag[2].matchAll(ATTRIBUTE)) {
      const name = a[1].toLowerCase();
      const value = a[3] ?? a[4] ?? a[5] ?? '';
      if (name.startsWith('on')) problems.push(`an event handler attribute ${name} on <${tag[1]}>`);
      if (name === 'style') problems.push(`an inline style on <${tag[1]}>`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data'].includes(name) && isUnsafeUrl(value)) problems.push(`${name}="${value.slice(0, 60)}"`);
    }
  }
  return { problems, markers: markersIn(body) };
}

export function checkJson(body: string): CheckOutcome {
  try {
    JSON.parse(body);
  } catch (err) {
    return { problems: [`not JSON: ${(err as Error).message}`], markers: 0 };
  }
  return { problems: [], markers: markersIn(body) };
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

const TEXT_CONSTRUCTS = new Set(['title', 'subtitle', 'summary', 'content', 'rights']);

/**
 * Atom: well-formed XML 1.0, links safe, and the text constructs of type="html" (title, summary, …)
 * safe as HTML once unescaped (type="text", the default, is shown as text by every reader).
 */
export function checkAtom(body: string): CheckOutcome {
  const valid = XMLValidator.validate(body);
  if (valid !== true) return { problems: [`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`], markers: 0 };
  const problems: string[] = [];
  // the validator lets these through; an XML 1.0 parser (every feed reader) stops at them
  const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.exec(body);
  if (forbidden) problems.push(`a character XML 1.0 forbids: U+${forbidden[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
  const walk = (node: unknown, name: string): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, name));
    if (node === null || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (TEXT_CONSTRUCTS.has(name) && (obj['@type'] === 'html' || obj['@type'] === 'xhtml')) {
      problems.push(...checkHtml(String(obj['#text'] ?? '')).problems.map((p) => `${name} (type=${String(obj['@type'])}): ${p}`));
    }
    for (const [k, v] of Object.entries(obj)) {
      if (k === '@href' && typeof v === 'string' && isUnsafeUrl(v)) problems.push(`link href="${v}"`);
      if (k === 'script') problems.push('a script element');
      walk(v, k);
    }
  };
  walk(xml.parse(body), '');
  return { problems, markers: markersIn(body) };
}

/** iCalendar: no line break injection (no event or property a payload made), URLs safe, and it parses. */
export function checkIcal(body: string): CheckOutcome {
  const problems: string[] = [];
  const lines = body.replace(/\r\n[ \t]/g, '').split(/\r\n/);
  const bare = lines.filter((l) => /\n|\r/.test(l));
  if (bare.length) problems.push(`a bare line break inside a line: ${JSON.stringify(bare[0].slice(0, 80))}`);
  if (lines.some((l) => /^SUMMARY:INJECTED/.test(l) || /^END:VEVENT.+/.test(l))) problems.push('a line a payload made');
  const begins = lines.filter((l) => l === 'BEGIN:VEVENT').length;
  const events = Object.values(ical.sync.parseICS(body)).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
  if (events.length !== begins) problems.push(`${begins} BEGIN:VEVENT lines but ${events.length} events parsed`);
  for (const e of events) {
    const summary = typeof e.summary === 'string' ? e.summary : String((e.summary as { val?: string } | undefined)?.val ?? '');
    if (/^INJECTED/.test(summary)) problems.push('an injected event');
    const url = (e as unknown as { url?: unknown }).url;
    if (typeof url === 'string' && isUnsafeUrl(url)) problems.push(`URL:${url}`);
  }
  for (const l of lines) if (/^URL[;:]/.test(l) && isUnsafeUrl(l.replace(/^URL[^:]*:/, ''))) problems.push(l);
  return { problems, markers: markersIn(body) };
}

/** CSV (";", BOM): rectangular, and no cell a spreadsheet would run as a formula. */
export function checkCsv(body: string): CheckOutcome {
  let rows: string[][];
  try {
    rows = parseCsv(body, { bom: true, delimiter: ';', relax_quotes: false, relax_column_count: true }) as string[][];
  } catch (err) {
    return { problems: [`not CSV: ${(err as Error).message}`], markers: 0 };
  }
  const problems: string[] = [];
  const width = rows[0]?.length ?? 0;
  rows.forEach((r, i) => {
    if (r.length !== width) problems.push(`row ${i} has ${r.length} cells, the header ${width}`);
    for (const cell of r) if (/^[=+\-@\t\r]/.test(cell)) problems.push(`row ${i}: a formula cell ${JSON.stringify(cell.slice(0, 40))}`);
  });
  return { problems, markers: markersIn(body) };
}

export type Format = 'html' | 'json' | 'atom' | 'ical' | 'csv';

export function formatOf(contentType: string | undefined): Format | null {
  const t = (contentType ?? '').toLowerCase();
  if (t.startsWith('text/html')) return 'html';
  if (t.startsWith('application/json')) return 'json';
  if (t.startsWith('application/atom+xml')) return 'atom';
  if (t.startsWith('text/calendar')) return 'ical';
  if (t.startsWith('text/csv')) return 'csv';
  return null;
}

export const CHECKS: Record<Format, (body: string) => CheckOutcome> = { html: checkHtml, json: checkJson, atom: checkAtom, ical: checkIcal, csv: checkCsv };
