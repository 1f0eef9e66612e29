/**
 * Text helpers for ALLRIS 3 classic pages: a small block-aware text renderer (cheerio's .text() glues
 * "a<br/>b" into "ab" and ignores paragraphs) and the embedded Aspose text sections
 * (`<a name="allrisSV">` + a complete nested `<html>` document, ALLRIS-NOTES §3 and §4.1). Pure.
 */
import type { AnyNode, Element } from 'domhandler';
import { attrValue, findAll, findFirst, textContent } from '../html/dom';
import { cleanText } from '../shared/text';
import { ROWS, textLines, type TextOptions } from '../html/text';
import type { TextSection } from '../records';
import { anchorHeading, headingOfLine } from '../shared/section-heading';

export { HEADING_WORDS, splitHeadingLine } from '../shared/section-heading';

function isSectionAnchor(node: AnyNode): boolean {
  return node.type === 'tag' && (node as Element).name === 'a' && /^allris[A-Z]{2}$/.test((node as Element).attribs.name ?? '');
}

/** A stop mark after a nested document: the next `<!-- ### XX123.rtf -->`, the next anchor, or the Anlagen table. */
function endsSection(node: AnyNode): boolean {
  if (node.type === 'comment') return /^\s*###/.test((node as unknown as { data: string }).data);
  if (isSectionAnchor(node)) return true;
  return node.type === 'tag' && (node as Element).name === 'table' && /\btk1\b/.test((node as Element).attribs.class ?? '');
}

/**
 * The text sections of the page, in page order: each `a[name=allrisXX]` anchor and the nested document
 * after it. Heading: the section's own first line when it is a heading ("Sachverhalt:", "Petitum/Beschluss:"),
 * else the page's anchor link text (`a[href="#allrisSV"]`), else the usual name of the anchor code.
 * Paragraphs are separated by one "\n"; empty paragraphs are dropped; a section without text is left out.
 */
export function parseTextSections(scope: AnyNode, markers?: TextOptions['markers']): TextSection[] {
  const layout: TextOptions = markers ? { ...ROWS, markers } : ROWS;
  const sections: TextSection[] = [];
  const anchors = findAll(scope, (el) => el.name === 'a' && (attrValue(el, 'name')?.startsWith('allris') ?? false));
  anchors.forEach((a) => {
      if (!isSectionAnchor(a)) return;
      const code = a.attribs.name.slice('allris'.length);
      const nodes: AnyNode[] = [];
      for (let n = a.next; n && !endsSection(n); n = n.next) nodes.push(n);
      const lines = textLines(nodes, layout);
      if (lines.length === 0) return;
      let heading: string | null = null;
      const split = headingOfLine(lines[0]);
      if (split) {
        heading = split.heading;
        lines.shift();
        if (split.rest !== '') lines.unshift(split.rest);
      } else {
        const link = findFirst(scope, (el) => el.name === 'a' && attrValue(el, 'href') === `#allris${code}`);
        heading = cleanText(link ? textContent(link) : null) ?? anchorHeading(code);
      }
      if (lines.length === 0) return;
      sections.push({ heading, text: lines.join('\n') });
    });
  return sections;
}
