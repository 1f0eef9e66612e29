/**
 * ALLRIS 4 (Wicket) vo020 – Vorlage detail → PaperRecord (CONTRACTS.md §2, ALLRIS-NOTES §4.1 "ALLRIS 4").
 * Head: `h1.title` "Antrag - 2026/245" (type, then number) and the `#head .row dt/dd` fields;
 * documents: `#dokumenteHeaderPanel a.doclink`, `#anlagenHeaderPanel a.attlink`; Beratungsfolge `#bfTable`;
 * text: `div[id^=htm].docPart` under the panel's `h2.expandedTitle`. Pure.
 */
import type { AnyNode, Element } from 'domhandler';
import type { ParseContext } from '../html/context';
import type { PaperRecord, TextSection } from '../records';
import { parseHeadPaper } from '../shared/head-paper';
import { attr, attrValue, childElements, closest, findAll, findFirst, hasAttribute, hasClass, parentElement, prevElements } from '../html/dom';
import { textSection } from '../shared/head-fields';
import { cleanText } from '../shared/text';
import { textLines, textValue } from '../html/text';
import { listMarkers } from '../html/list-numbers';

/** "Sachverhalt ausblenden" (the panel's collapse tooltip) → "Sachverhalt". */
export function panelName(part: Element): string | null {
  const panel = closest(part, (el) => hasClass(el, 'compFull'));
  const tip = attr(panel ? findFirst(panel, (el) => hasAttribute(el, 'data-simpletooltip-text')) : undefined, 'data-simpletooltip-text');
  return cleanText(tip?.replace(/\s+(ausblenden|einblenden)\s*$/i, '') ?? null);
}

/**
 * The docPart sections in page order. Heading: the panel's h2; when that is empty (Laatzen), the
 * document's own first line ("Antrag:"); else the panel's name from its collapse tooltip.
 */
export function readDocParts(root: AnyNode): TextSection[] {
  const sections: TextSection[] = [];
  const isPart = (el: Element): boolean => el.name === 'div' && hasClass(el, 'docPart') && (attrValue(el, 'id')?.startsWith('htm') ?? false);
  // numbered lists keep the numbers a browser shows (<ol start="2">: "2. …")
  const markers = listMarkers(root);
  for (const part of findAll(root, isPart)) {
    const section = textSection(textLines([part], { markers }), textValue([partHeading(part)]), panelName(part));
    if (section) sections.push(section);
  }
  return sections;
}

/** The panel's h2: the nearest h2 before the part, else the first h2 of its parent. */
export function partHeading(part: Element): Element | undefined {
  const before = prevElements(part).find((el) => el.name === 'h2');
  if (before) return before;
  const parent = parentElement(part);
  return parent ? childElements(parent).find((el) => el.name === 'h2') : undefined;
}

export function parseAllris4Paper(ctx: ParseContext): PaperRecord {
  return parseHeadPaper(ctx, { system: 'allris4', title: 'type-reference', pageName: 'ALLRIS 4 vo020 page', readText: readDocParts });
}
