/**
 * ALLRIS net 3.x responsive vo020_r.asp → PaperRecord (CONTRACTS.md §2, ALLRIS-NOTES §4.1 "3.x responsive _r").
 * ALLRIS-4-like markup inside `<div id="allris" class="vo020 …">`: `h1.title` "VO/2026/181 - öffentliche
 * Beschlussvorlage" (number, then type), `#head .row .label` + `.colEntry span#…`, `do027.asp?DOLFDNR=`
 * document links, the shared `#bfTable` (status as `div[aria-label]`, links `to010_r.asp` / `to020_r.asp`),
 * and the Word-converted texts in `div#allrisSV`, `div#allrisBV`, … (nested <html> documents, §3). Pure.
 */
import type { AnyNode } from 'domhandler';
import type { ParseContext } from '../html/context';
import type { PaperRecord, TextSection } from '../records';
import { parseHeadPaper } from '../shared/head-paper';
import { attr, attrValue, findAll } from '../html/dom';
import { textSection } from '../shared/head-fields';
import { anchorHeading } from '../shared/section-heading';
import { textLines } from '../html/text';

/**
 * The text sections: each `<a name="allrisXX">` inside its own `div#allrisXX`. Heading: the document's
 * own first line ("Beschluss:"), else the anchor's meaning. A section with no text after its heading
 * (an empty Word template) is left out.
 */
export function readAnchorSections(root: AnyNode): TextSection[] {
  const sections: TextSection[] = [];
  for (const el of findAll(root, (a) => a.name === 'a' && (attrValue(a, 'name')?.startsWith('allris') ?? false))) {
    const name = attr(el, 'name') ?? '';
    const container = el.parent && el.parent.type !== 'root' ? el.parent : null;
    if (!container || container.type !== 'tag' || container.name !== 'div' || attr(container, 'id') !== name) continue;
    const section = textSection(textLines([container]), null, anchorHeading(name));
    if (section) sections.push(section);
  }
  return sections;
}

export function parseAllris3rPaper(ctx: ParseContext): PaperRecord {
  return parseHeadPaper(ctx, { system: 'allris3', title: 'reference-type', pageName: 'ALLRIS 3 vo020_r page', readText: readAnchorSections });
}
