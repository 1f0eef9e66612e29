/**
 * ALLRIS net 3.x start page (allris.net.asp) → SystemRecord (CONTRACTS.md §2). ALLRIS-NOTES §2a. Pure.
 *
 * The menu (`#rismenu ul#menu`) lists the programs this installation exposes; which calendar variant
 * (si010, si010_e, si010_j, si010_r, si010_a) and which lists exist differs per city, so a crawler reads
 * them from here. `programs` are the menu's program file names without ".asp", in menu order, each once;
 * the start page itself (Home, the toggleMenu links) and links to other hosts are not programs.
 *
 * Quirks with a home here: city portals wrap ALLRIS with their own navigation (Hildesheim NOLIS, Mering):
 * only the ALLRIS menu is read; the installation name is the #risname heading, else the headline above
 * it (`#rishead .topHeadline`), else the <title> when it says more than the product name "ALLRIS net".
 */
import type { AnyNode } from 'domhandler';
import { LayoutChangedError } from '../errors';
import { recordBase, type ParseContext } from '../html/context';
import type { SystemRecord } from '../records';
import { documentOf } from '../html/dom';
import { sel } from '../html/selector';
import { textContent } from '../html/text';
import { cleanText } from '../shared/text';

/** The ALLRIS menu, in order of trust: the first that the page has is read. */
const MENUS = ['#rismenu', 'ul#menu', '#allriscontainer #risleft', '#allris nav'].map((css) => sel('ALLRIS menu', css, { min: 0 }));
const MENU_LINKS = sel('menu links', 'a[href]', { min: 0 });
const HEADING = sel('installation heading', '#risname h1, #risname_raw h1', { min: 0 });
const HEADLINE = sel('headline above the heading', '#rishead .topHeadline, #rishead p', { min: 0 });
const TITLE = sel('page title', 'title', { min: 0 });

const firstText = (root: AnyNode, s: typeof TITLE): string | null => {
  const el = s.first(root);
  return cleanText(el ? textContent(el) : '');
};

/** "vo040.asp?x=1" / "/bi/si010_e.asp" → "vo040" / "si010_e"; other hosts, non-.asp links → null. */
export function programName(href: string | null | undefined, pageUrl: string | null): string | null {
  const h = cleanText(href);
  if (!h || /^(javascript|mailto|webcal|data):/i.test(h)) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(h) || h.startsWith('//')) {
    if (!pageUrl) return null;
    try {
      if (new URL(h, pageUrl).host !== new URL(pageUrl).host) return null;
    } catch {
      return null;
    }
  }
  const m = /(?:^|\/)([A-Za-z][\w]*(?:\.net)?)\.asp(?:[?#]|$)/.exec(h);
  return m ? m[1].toLowerCase() : null;
}

function installationName(doc: AnyNode): string | null {
  const heading = firstText(doc, HEADING);
  if (heading) return heading;
  const headline = firstText(doc, HEADLINE);
  if (headline) return headline;
  const title = firstText(doc, TITLE)?.replace(/^ALLRIS(\s*®)?(\s*net)?\s*[-–:|]?\s*/i, '');
  return cleanText(title);
}

export function parseAllris3StartPage(ctx: ParseContext): SystemRecord {
  const doc = documentOf(ctx);
  const menu = MENUS.map((m) => m.first(doc)).find((m) => m !== undefined);
  if (!menu) {
    throw new LayoutChangedError(`start page ${ctx.url ?? '(no url)'}: no ALLRIS menu (#rismenu / ul#menu)`, ctx.url, '#rismenu ul#menu');
  }
  const programs: string[] = [];
  for (const a of MENU_LINKS.all(menu, ctx.url)) {
    const href = a.attribs.href;
    if (/[?&]toggleMenu=/i.test(href)) continue; // expand/collapse links of the page itself
    const name = programName(href, ctx.url);
    if (name && name !== 'allris.net' && !programs.includes(name)) programs.push(name);
  }
  if (programs.length === 0) {
    throw new LayoutChangedError(`start page ${ctx.url ?? '(no url)'}: the menu links no ALLRIS program`, ctx.url, '#rismenu a[href$=".asp"]');
  }
  return {
    ...recordBase(ctx, 'System', 'allris3', null),
    name: installationName(doc),
    programs,
    oparlVersion: null,
    bodies: [],
  };
}
