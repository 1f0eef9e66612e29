/**
 * ALLRIS 4 (Wicket) vo020 – Vorlage detail → PaperRecord (CONTRACTS.md §2, ALLRIS-NOTES §4.1 "ALLRIS 4").
 * Head: `h1.title` "Antrag - 2026/245" (type, then number) and the `#head .row dt/dd` fields;
 * documents: `#dokumenteHeaderPanel a.doclink`, `#anlagenHeaderPanel a.attlink`; Beratungsfolge `#bfTable`;
 * text: `div[id^=htm].docPart` under the panel's `h2.expandedTitle`. Pure.
 */
import type { Cheerio, CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import type { ParseContext } from '../parse';
import type { PaperRecord, TextSection } from '../records';
import { parseHeadPaper } from '../shared/head-paper';
import { elementLines, elementText, textSection } from '../shared/head-fields';
import { cleanText } from '../shared/text';

/** "Sachverhalt ausblenden" (the panel's collapse tooltip) → "Sachverhalt". */
function panelName($: CheerioAPI, part: Cheerio<Element>): string | null {
  const tip = part.closest('.compFull').find('[data-simpletooltip-text]').first().attr('data-simpletooltip-text');
  return cleanText(tip?.replace(/\s+(ausblenden|einblenden)\s*$/i, '') ?? null);
}

/**
 * The docPart sections in page order. Heading: the panel's h2; when that is empty (Laatzen), the
 * document's own first line ("Antrag:"); else the panel's name from its collapse tooltip.
 */
export function readDocParts($: CheerioAPI, root: Cheerio<AnyNode>): TextSection[] {
  const sections: TextSection[] = [];
  root.find('div.docPart[id^="htm"]').each((_, el) => {
    const part = $(el);
    let h2 = part.prevAll('h2').first();
    if (h2.length === 0) h2 = part.parent().children('h2').first();
    const section = textSection(elementLines(part), elementText(h2), panelName($, part));
    if (section) sections.push(section);
  });
  return sections;
}

export function parseAllris4Paper(ctx: ParseContext): PaperRecord {
  return parseHeadPaper(ctx, { system: 'allris4', title: 'type-reference', pageName: 'ALLRIS 4 vo020 page', readText: readDocParts });
}
