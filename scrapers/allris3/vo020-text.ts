/**
 * Text helpers for ALLRIS 3 classic pages: a small block-aware text renderer (cheerio's .text() glues
 * "a<br/>b" into "ab" and ignores paragraphs) and the embedded Aspose text sections
 * (`<a name="allrisSV">` + a complete nested `<html>` document, ALLRIS-NOTES §3 and §4.1). Pure.
 */
import type { AnyNode, Element } from 'domhandler';
import { attrValue, findAll, findFirst, textContent } from '../shared/dom';
import { cleanBlock, cleanText } from '../shared/text';
import type { TextSection } from '../records';
import { headingOfLine } from '../shared/section-heading';

/** Elements that start a new line when rendered. */
const BLOCK = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'table', 'tbody', 'thead', 'tfoot', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'blockquote', 'hr', 'html', 'body', 'section', 'article', 'dd', 'dt', 'dl', 'pre', 'caption', 'center',
]);
/** Elements whose content is never shown. */
const SKIP = new Set(['script', 'style', 'head', 'title', 'meta', 'link', 'noscript', 'template', 'select', 'option']);

/** The node's type as a plain string ('text', 'tag', 'comment', 'script', …). */
export function nodeType(node: AnyNode): string {
  return node.type;
}

function render(node: AnyNode, out: string[]): void {
  const type = nodeType(node);
  if (type === 'text') {
    // Source line breaks inside HTML text are plain white space.
    out.push((node as unknown as { data: string }).data.replace(/[\r\n\t]+/g, ' '));
    return;
  }
  if (type !== 'tag') return; // comments, <?xml?>, <!DOCTYPE>, <script>/<style> (own node types)
  const el = node as Element;
  const name = el.name.toLowerCase();
  if (SKIP.has(name)) return;
  if (name === 'br') {
    out.push('\n');
    return;
  }
  if (name === 'tr') {
    // A table row is one line, its cells separated by " | " (Word tables: "165 | Olmo e.V. | … | 1.200,00").
    const cells = el.children
      .filter((c): c is Element => nodeType(c) === 'tag' && /^t[dh]$/i.test((c as Element).name))
      .map((c) => cleanText(renderNodes(c.children)) ?? '');
    if (cells.some((c) => c !== '')) out.push('\n', cells.join(' | '), '\n');
    return;
  }
  const block = BLOCK.has(name);
  if (block) out.push('\n');
  for (const child of el.children) render(child, out);
  if (block) out.push('\n');
}

/** The nodes rendered as text with line breaks for <br> and block elements; scripts and styles dropped. Lines are not cleaned. */
export function renderNodes(nodes: readonly AnyNode[]): string {
  const out: string[] = [];
  for (const n of nodes) render(n, out);
  return out.join('');
}

/** The non-empty cleaned lines of some nodes (NBSP collapsed, trimmed). */
export function textLines(nodes: readonly AnyNode[]): string[] {
  const block = cleanBlock(renderNodes(nodes));
  return block ? block.split('\n').filter((l) => l !== '') : [];
}

/** One value: all lines joined by a space, cleaned (a <br> inside a Betreff becomes a space). */
export function textValue(nodes: readonly AnyNode[]): string | null {
  return cleanText(renderNodes(nodes));
}

/** Default headings by anchor code, for sections whose document starts without a heading line. */
const ANCHOR_HEADINGS: Record<string, string> = {
  SV: 'Sachverhalt', BV: 'Beschlussvorschlag', FA: 'Finanzielle Auswirkungen', AN: 'Anlagen', BG: 'Begründung',
  WP: 'Wortprotokoll', BS: 'Beschluss', AE: 'Abstimmungsergebnis',
};

export { HEADING_WORDS, splitHeadingLine } from '../shared/section-heading';

function isSectionAnchor(node: AnyNode): boolean {
  return nodeType(node) === 'tag' && (node as Element).name === 'a' && /^allris[A-Z]{2}$/.test((node as Element).attribs.name ?? '');
}

/** A stop mark after a nested document: the next `<!-- ### XX123.rtf -->`, the next anchor, or the Anlagen table. */
function endsSection(node: AnyNode): boolean {
  if (nodeType(node) === 'comment') return /^\s*###/.test((node as unknown as { data: string }).data);
  if (isSectionAnchor(node)) return true;
  return nodeType(node) === 'tag' && (node as Element).name === 'table' && /\btk1\b/.test((node as Element).attribs.class ?? '');
}

/**
 * The text sections of the page, in page order: each `a[name=allrisXX]` anchor and the nested document
 * after it. Heading: the section's own first line when it is a heading ("Sachverhalt:", "Petitum/Beschluss:"),
 * else the page's anchor link text (`a[href="#allrisSV"]`), else the usual name of the anchor code.
 * Paragraphs are separated by one "\n"; empty paragraphs are dropped; a section without text is left out.
 */
export function parseTextSections(scope: AnyNode): TextSection[] {
  const sections: TextSection[] = [];
  const anchors = findAll(scope, (el) => el.name === 'a' && (attrValue(el, 'name')?.startsWith('allris') ?? false));
  anchors.forEach((a) => {
      if (!isSectionAnchor(a)) return;
      const code = a.attribs.name.slice('allris'.length);
      const nodes: AnyNode[] = [];
      for (let n = a.next; n && !endsSection(n); n = n.next) nodes.push(n);
      const lines = textLines(nodes);
      if (lines.length === 0) return;
      let heading: string | null = null;
      const split = headingOfLine(lines[0]);
      if (split) {
        heading = split.heading;
        lines.shift();
        if (split.rest !== '') lines.unshift(split.rest);
      } else {
        const link = findFirst(scope, (el) => el.name === 'a' && attrValue(el, 'href') === `#allris${code}`);
        heading = cleanText(link ? textContent(link) : null) ?? ANCHOR_HEADINGS[code] ?? null;
      }
      if (lines.length === 0) return;
      sections.push({ heading, text: lines.join('\n') });
    });
  return sections;
}
