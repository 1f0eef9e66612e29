/**
 * Mutations of saved RIS pages for the parser fuzz tests: each takes the page bytes and a seeded
 * PRNG and returns hostile bytes (truncated, flipped, tags deleted or duplicated, tables nested,
 * encodings swapped, huge attributes, 10 MB pages, deep nesting, OParl JSON with wrong shapes).
 * Pure functions of (bytes, rng): the same seed gives the same page.
 */
import iconv from 'iconv-lite';
import type { Rng } from './prng';
import { JSON_MUTATIONS } from './mutate-json';

export type Mutation = (page: Buffer, rng: Rng, ctx: MutationContext) => Buffer;

export interface MutationContext {
  /** other corpus pages, for splicing */
  donors: readonly Buffer[];
}

const MB = 1024 * 1024;

/** bytes → string that keeps every byte (latin1), and back */
const str = (b: Buffer): string => b.toString('latin1');
const buf = (s: string): Buffer => Buffer.from(s, 'latin1');

/** Start and end offsets of every tag (`<…>`) in the page, capped for speed. */
function tagSpans(s: string, limit = 20000): [number, number][] {
  const out: [number, number][] = [];
  const re = /<\/?[a-zA-Z!?][^<>]{0,2000}>/g;
  for (let m = re.exec(s); m && out.length < limit; m = re.exec(s)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** An offset inside <body> where possible (where parsers look), else anywhere. */
function bodyOffset(s: string, rng: Rng): number {
  const start = Math.max(0, s.search(/<body\b/i));
  const endRaw = s.toLowerCase().lastIndexOf('</body>');
  const end = endRaw > start ? endRaw : s.length;
  return start + rng.int(end - start + 1);
}

/** Insert `piece` at a tag boundary inside the body (so it lands between elements, not inside a tag). */
function insertAtTagBoundary(s: string, piece: string, rng: Rng): string {
  const body = Math.max(0, s.search(/<body\b/i));
  const spans = tagSpans(s).filter(([a]) => a >= body);
  const at = spans.length ? rng.pick(spans)[1] : bodyOffset(s, rng);
  return s.slice(0, at) + piece + s.slice(at);
}

function randomText(rng: Rng, n: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzäöüßÄÖÜ 0123456789.,;:-<>"\'&=/\\\t\n\r\u00a0';
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[rng.int(alphabet.length)];
  return out;
}

export const truncate: Mutation = (page, rng) => page.subarray(0, rng.int(page.length));

/** Truncate, but keep a closing `</html>` so the page passes the truncation check and reaches the parser. */
export const truncateKeepEnd: Mutation = (page, rng) => Buffer.concat([page.subarray(0, rng.int(page.length)), buf('\n</body></html>\n')]);

export const flipBytes: Mutation = (page, rng) => {
  const out = Buffer.from(page);
  const n = rng.range(1, Math.max(1, Math.min(64, out.length >> 6)));
  for (let i = 0; i < n && out.length; i++) out[rng.int(out.length)] = rng.int(256);
  return out;
};

export const deleteTags: Mutation = (page, rng) => {
  let s = str(page);
  const n = rng.range(1, 20);
  for (let i = 0; i < n; i++) {
    const spans = tagSpans(s, 5000);
    if (!spans.length) break;
    const [a, b] = rng.pick(spans);
    s = s.slice(0, a) + s.slice(b);
  }
  return buf(s);
};

/** Deletes every tag of one name (all </td>, all <tr …>, all </table>, …). */
export const deleteTagName: Mutation = (page, rng) => {
  const name = rng.pick(['td', 'tr', 'table', 'div', 'th', 'a', 'span', 'tbody', 'form', 'body', 'head', 'title', 'meta']);
  const closing = rng.chance(0.5) ? '\\/' : '';
  return buf(str(page).replace(new RegExp(`<${closing}${name}\\b[^>]*>`, 'gi'), ''));
};

export const duplicateTags: Mutation = (page, rng) => {
  let s = str(page);
  const n = rng.range(1, 20);
  for (let i = 0; i < n; i++) {
    const spans = tagSpans(s, 5000);
    if (!spans.length) break;
    const [a, b] = rng.pick(spans);
    const times = rng.range(1, 5);
    s = s.slice(0, b) + s.slice(a, b).repeat(times) + s.slice(b);
  }
  return buf(s);
};

/** Duplicates a whole stretch between two tags (rows, sections, the Beratungsfolge twice). */
export const duplicateRange: Mutation = (page, rng) => {
  const s = str(page);
  const spans = tagSpans(s, 5000);
  if (spans.length < 2) return page;
  const i = rng.int(spans.length - 1);
  const j = Math.min(spans.length - 1, i + rng.range(1, 60));
  const [a, b] = [spans[i][0], spans[j][1]];
  return buf(s.slice(0, b) + s.slice(a, b).repeat(rng.range(1, 4)) + s.slice(b));
};

/** Puts tables inside table cells, and table rows/cells where no table is. */
export const nestTables: Mutation = (page, rng) => {
  let s = str(page);
  const n = rng.range(1, 6);
  for (let i = 0; i < n; i++) {
    const depth = rng.range(1, 8);
    const inner = rng.pick(['Beratungsfolge:', 'Betreff:', 'Status:', 'Ö 1.2', 'Sitzung', '22.09.2026', randomText(rng, 20)]);
    const piece = rng.chance(0.5)
      ? '<table><tr><td>'.repeat(depth) + inner + '</td></tr></table>'.repeat(depth)
      : '<tr><td>'.repeat(depth) + inner + '</td><td>' + inner;
    s = insertAtTagBoundary(s, piece, rng);
  }
  return buf(s);
};

const CHARSETS = ['utf-8', 'iso-8859-1', 'iso-8859-15', 'windows-1252', 'utf-16', 'utf-16le', 'shift_jis', 'koi8-r', 'x-unknown-charset', 'utf-7', ''];

/** Re-encodes the text or swaps the declared charset (UTF-8 page declared Latin-1 and the reverse, UTF-16 with BOM, garbage names). */
export const swapEncoding: Mutation = (page, rng) => {
  const s = str(page);
  const choice = rng.int(5);
  if (choice === 0) return Buffer.from(s, 'utf8'); // Latin-1 bytes read as code points, written as UTF-8: double encoding
  if (choice === 1) return iconv.encode(page.toString('utf8'), 'latin1'); // UTF-8 page written as Latin-1
  if (choice === 2) return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(page.toString('utf8'), 'utf-16le')]);
  if (choice === 3) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), page]); // a BOM on a Latin-1 page
  const cs = rng.pick(CHARSETS);
  return buf(s.replace(/(charset\s*=\s*["']?|encoding\s*=\s*["'])[\w.:-]+/gi, (_m, pre: string) => pre + cs));
};

/** One attribute of 100 kB to 2 MB on a random tag (quoted, unquoted, or never closed). */
export const hugeAttribute: Mutation = (page, rng) => {
  const s = str(page);
  const spans = tagSpans(s, 5000).filter(([a]) => s[a + 1] !== '/' && s[a + 1] !== '!' && s[a + 1] !== '?');
  if (!spans.length) return page;
  const [, b] = rng.pick(spans);
  const size = rng.range(100_000, 2 * MB);
  const value = rng.pick(['x', 'a"b', '&amp;', ' ', 'VOLFDNR=1&', 'ä']).repeat(Math.ceil(size / 3)).slice(0, size);
  const attr = rng.pick([` data-x="${value}"`, ` title=${value.replace(/[\s>"]/g, 'y')}`, ` href="${value}`]);
  return buf(s.slice(0, b - 1) + attr + s.slice(b - 1));
};

/** Pads the page to about 10 MB: repeated rows/sections, one giant text node, a giant comment, or many tiny tags. */
export const tenMegabytes: Mutation = (page, rng) => {
  const s = str(page);
  const target = rng.range(8 * MB, 11 * MB);
  const spans = tagSpans(s, 5000);
  const choice = rng.int(4);
  let piece: string;
  if (choice === 0 && spans.length > 2) {
    const i = rng.int(spans.length - 1);
    const j = Math.min(spans.length - 1, i + rng.range(1, 40));
    const chunk = s.slice(spans[i][0], spans[j][1]) || '<tr><td>x</td></tr>';
    piece = chunk.repeat(Math.ceil(target / chunk.length)).slice(0, target);
  } else if (choice === 1) piece = 'Beratungsfolge Betreff 22.09.2026 '.repeat(Math.ceil(target / 34)).slice(0, target);
  else if (choice === 2) piece = `<!--${'-x'.repeat(target >> 1)}-->`;
  else piece = '<b>'.repeat(target / 8) + '</b>'.repeat(target / 8);
  return buf(insertAtTagBoundary(s, piece, rng));
};

/** 1 000 to 100 000 nested elements (div, table cells, inline tags, unclosed). */
export const deepNesting: Mutation = (page, rng) => {
  const depth = rng.range(1000, 100_000);
  const [open, close] = rng.pick([
    ['<div>', '</div>'],
    ['<table><tr><td>', '</td></tr></table>'],
    ['<span><b>', '</b></span>'],
    ['<ul><li>', '</li></ul>'],
    ['<div>', ''],
  ]);
  return buf(insertAtTagBoundary(str(page), open.repeat(depth) + 'Betreff:' + close.repeat(depth), rng));
};

/** A stretch of another corpus page inserted at a random place. */
export const splice: Mutation = (page, rng, ctx) => {
  if (!ctx.donors.length) return page;
  const donor = rng.pick(ctx.donors);
  const a = rng.int(donor.length);
  const b = Math.min(donor.length, a + rng.range(1, 20000));
  const at = rng.int(page.length + 1);
  return Buffer.concat([page.subarray(0, at), donor.subarray(a, b), page.subarray(at)]);
};

/** Entities and characters that break naive decoders: huge and zero code points, NUL, lone surrogates, RTL marks. */
export const hostileCharacters: Mutation = (page, rng) => {
  let s = str(page);
  const n = rng.range(1, 30);
  for (let i = 0; i < n; i++) {
    const piece = rng.pick(['&#0;', '&#xFFFFFFFF;', '&#99999999999;', '&#xD800;', '&nbsp', '&;', '\u0000', '\u0085', '\u2028', '\u202e', '&#13;&#10;', ']]>', '<![CDATA[', '<!--', '-->', '<?xml', '<script>', '</script>', '<style>', '"', "'", '>']);
    const at = bodyOffset(s, rng);
    s = s.slice(0, at) + piece + s.slice(at);
  }
  return buf(s);
};

/** Removes every closing tag, or every quote, or every `>`: structure falls apart. */
export const breakStructure: Mutation = (page, rng) => {
  const s = str(page);
  const choice = rng.int(4);
  if (choice === 0) return buf(s.replace(/<\/[a-zA-Z]+>/g, ''));
  if (choice === 1) return buf(s.replace(/["']/g, ''));
  if (choice === 2) return buf(s.replace(/<(?!\/?html)/gi, '&lt;'));
  return buf(s.toUpperCase());
};

/** HTML mutations with their names (for the log) and weights; huge ones are rarer. */
export const HTML_MUTATIONS: [string, Mutation, number][] = [
  ['truncate', truncate, 4],
  ['truncateKeepEnd', truncateKeepEnd, 6],
  ['flipBytes', flipBytes, 8],
  ['deleteTags', deleteTags, 8],
  ['deleteTagName', deleteTagName, 6],
  ['duplicateTags', duplicateTags, 6],
  ['duplicateRange', duplicateRange, 6],
  ['nestTables', nestTables, 6],
  ['swapEncoding', swapEncoding, 5],
  ['hugeAttribute', hugeAttribute, 1],
  ['tenMegabytes', tenMegabytes, 1],
  ['deepNesting', deepNesting, 2],
  ['splice', splice, 4],
  ['hostileCharacters', hostileCharacters, 6],
  ['breakStructure', breakStructure, 3],
];

/** Names of the mutations that make pages of a megabyte or more (the quick run caps how many it makes). */
export const HUGE = new Set(['hugeAttribute', 'tenMegabytes', 'deepNesting', 'jsonDeepNesting', 'jsonHugeString']);

function pickWeighted<T>(items: readonly [string, T, number][], rng: Rng): [string, T] {
  const total = items.reduce((n, [, , w]) => n + w, 0);
  let r = rng.next() * total;
  for (const [name, item, w] of items) {
    r -= w;
    if (r < 0) return [name, item];
  }
  const [name, item] = items[items.length - 1];
  return [name, item];
}

export function isJsonPage(page: Buffer): boolean {
  const s = page.subarray(0, 64).toString('latin1').replace(/^\ufeff|^\xef\xbb\xbf/, '').trimStart();
  return s.startsWith('{') || s.startsWith('[');
}

/**
 * One to three mutations of a page, chosen by the PRNG. A `huge` iteration starts with one of the
 * megabyte-sized mutations (10 MB pages, huge attributes, deep nesting) and may add one small one;
 * other iterations never make huge pages. Returns the bytes and the names of the steps taken.
 */
export function mutatePage(page: Buffer, rng: Rng, ctx: MutationContext, huge = false): { bytes: Buffer; steps: string[] } {
  const all = [...HTML_MUTATIONS, ...(isJsonPage(page) ? JSON_MUTATIONS : [])];
  const small = all.filter(([name]) => !HUGE.has(name));
  const steps: string[] = [];
  let bytes = page;
  // A JSON mutation of a page already nested 100 000 deep overflows JSON.stringify: the step is skipped (the mutator's
  // limit, not the parser's: JSON.parse and the OParl parser take such pages).
  const apply = (name: string, m: Mutation) => {
    try {
      bytes = m(bytes, rng, ctx);
      steps.push(name);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      steps.push(`${name}(skipped)`);
    }
  };
  if (huge) {
    const [name, m] = pickWeighted(all.filter(([n]) => HUGE.has(n)).map(([n, f]): [string, Mutation, number] => [n, f, 1]), rng);
    apply(name, m);
  }
  const n = huge ? rng.int(2) : rng.range(1, 3);
  for (let i = 0; i < n; i++) {
    const [name, m] = pickWeighted(small, rng);
    apply(name, m);
  }
  return { bytes, steps };
}
