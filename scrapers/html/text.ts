/**
 * The one text renderer of the parsers: what a part of a page says, as text. Pure.
 *
 * Layouts, each kept for what a record needs (the expected records pin them):
 * - 'flat' (default): the text nodes joined as they are, no line breaks added — cheerio's `.text()`
 *   (scripts, styles and CDATA included) or, with `visibleOnly`, without scripts and styles;
 * - 'lines': what a browser shows line by line: `<br>` and block elements break lines, a table cell
 *   starts with a space (label/value heads: "Datum: Mi., 05.04.2017");
 * - 'rows': 'lines', but every table cell is a block and a table row is one line, its cells joined by
 *   " | " (Word tables in the documents: "165 | Olmo e.V. | … | 1.200,00"); `<select>` is not shown.
 * textLines / textValue clean the result: lines trimmed, inner white space collapsed, empty lines dropped.
 */
import type { AnyNode, Element, Text } from 'domhandler';
import { cleanText } from '../shared/text';

export type TextLayout = 'flat' | 'lines' | 'rows';

export interface TextOptions {
  layout?: TextLayout;
  /** flat only: leave out `<script>` and `<style>` */
  visibleOnly?: boolean;
  /** flat only: put between the text nodes */
  separator?: string;
  /** lines only: descendants (not the nodes themselves) to leave out */
  skip?: (el: Element) => boolean;
  /** list markers to show before list items ("2. "), from html/list-numbers.ts: the document is never changed */
  markers?: ReadonlyMap<Element, string>;
}

type Nodes = AnyNode | readonly (AnyNode | undefined | null)[];

const LINE_BREAKS = /[\r\n\t]+/g;

const HIDDEN = new Set(['script', 'style', 'title', 'head', 'noscript', 'template', 'meta', 'link']);
const HIDDEN_ROWS = new Set([...HIDDEN, 'select', 'option']);
const BLOCK_SHARED = [
  'p', 'div', 'li', 'ul', 'ol', 'tr', 'table', 'tbody', 'thead', 'tfoot', 'caption', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'dl', 'dt', 'dd', 'section', 'article', 'blockquote', 'pre', 'body', 'html', 'hr',
];
const BLOCK = new Set([...BLOCK_SHARED, 'aside', 'header', 'footer', 'form']);
const BLOCK_ROWS = new Set([...BLOCK_SHARED, 'td', 'th', 'center']);

function each(nodes: Nodes, fn: (n: AnyNode) => void): void {
  if (Array.isArray(nodes)) {
    for (const n of nodes as readonly (AnyNode | undefined | null)[]) if (n) fn(n);
  } else fn(nodes as AnyNode);
}

/** domhandler's isTag (html/dom.ts imports this file, so not imported from there) */
function isElement(n: AnyNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

function children(n: AnyNode): AnyNode[] | undefined {
  return (n as { children?: AnyNode[] }).children;
}

function flat(n: AnyNode, out: string[], visibleOnly: boolean): void {
  if (n.type === 'text') {
    out.push((n as Text).data);
    return;
  }
  if (n.type === 'comment' || (visibleOnly && (n.type === 'script' || n.type === 'style'))) return;
  const c = children(n);
  if (c) for (const child of c) flat(child, out, visibleOnly);
}

/** cheerio's `.text()` of nodes (every text node, scripts included): the hot path, no options. */
export function textContent(nodes: Nodes): string {
  if (!Array.isArray(nodes) && (nodes as AnyNode).type === 'text') return ((nodes as AnyNode) as Text).data;
  const out: string[] = [];
  each(nodes, (n) => flat(n, out, false));
  return out.join('');
}

function lines(n: AnyNode, out: string[], o: TextOptions): void {
  if (n.type === 'text') {
    out.push((n as Text).data.replace(LINE_BREAKS, ' '));
    return;
  }
  if (n.type !== 'tag' && n.type !== 'script' && n.type !== 'style' && n.type !== 'root') return;
  const el = n as Element;
  const name = (el.name ?? '').toLowerCase();
  if (HIDDEN.has(name)) return;
  if (name === 'br') {
    out.push('\n');
    return;
  }
  if (name === 'td' || name === 'th') out.push(' ');
  const block = BLOCK.has(name);
  if (block) out.push('\n');
  const marker = o.markers?.get(el);
  if (marker) out.push(marker);
  for (const child of el.children ?? []) {
    if (o.skip && isElement(child) && o.skip(child)) continue;
    lines(child, out, o);
  }
  if (block) out.push('\n');
}

function rows(n: AnyNode, out: string[], o: TextOptions): void {
  if (n.type === 'text') {
    out.push((n as Text).data.replace(LINE_BREAKS, ' '));
    return;
  }
  if (n.type !== 'tag') return; // comments, <?xml?>, <!DOCTYPE>, <script>/<style> (own node types)
  const el = n as Element;
  const name = el.name.toLowerCase();
  if (HIDDEN_ROWS.has(name)) return;
  if (name === 'br') {
    out.push('\n');
    return;
  }
  if (name === 'tr') {
    const cells = el.children
      .filter((c): c is Element => c.type === 'tag' && /^t[dh]$/i.test((c as Element).name))
      .map((c) => cleanText(text(c.children, o)) ?? '');
    // trailing empty cells (a spacer column, a column a release adds) add nothing but a dangling " |"
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length > 0) out.push('\n', cells.join(' | '), '\n');
    return;
  }
  const block = BLOCK_ROWS.has(name);
  if (block) out.push('\n');
  const marker = o.markers?.get(el);
  if (marker) out.push(marker);
  for (const child of el.children) rows(child, out, o);
  if (block) out.push('\n');
}

/** The nodes as text in the given layout, not cleaned (see the file comment). */
export function text(nodes: Nodes, o: TextOptions = {}): string {
  const out: string[] = [];
  const layout = o.layout ?? 'flat';
  if (layout === 'flat') {
    if (!o.visibleOnly && o.separator === undefined) return textContent(nodes);
    each(nodes, (n) => flat(n, out, o.visibleOnly ?? false));
    return out.join(o.separator ?? '');
  }
  each(nodes, (n) => (layout === 'rows' ? rows : lines)(n, out, o));
  return out.join('');
}

/** The shown lines of the nodes ('lines' unless another layout is given), each cleaned, empty lines dropped. */
export function textLines(nodes: Nodes, o: TextOptions = {}): string[] {
  return text(nodes, { layout: 'lines', ...o })
    .split('\n')
    .map((l) => cleanText(l))
    .filter((l): l is string => l !== null);
}

/** The nodes' text on one line ('lines' unless another layout is given), cleaned; null when empty. */
export function textValue(nodes: Nodes, o: TextOptions = {}): string | null {
  return cleanText(text(nodes, { layout: 'lines', ...o }));
}

/** The 'rows' layout as an option object (texts of ALLRIS 3 documents and ALLRIS 4 docParts). */
export const ROWS: TextOptions = Object.freeze({ layout: 'rows' });
