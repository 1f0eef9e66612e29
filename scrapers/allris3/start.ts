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
import { load, type CheerioAPI } from 'cheerio/slim';
import { LayoutChangedError } from '../errors';
import { recordBase, type ParseContext } from '../html/context';
import type { SystemRecord } from '../records';
import { cleanText } from '../shared/text';

const MENUS = ['#rismenu', 'ul#menu', '#allriscontainer #risleft', '#allris nav'];

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

function installationName($: CheerioAPI): string | null {
  const heading = cleanText($('#risname h1, #risname_raw h1').first().text());
  if (heading) return heading;
  const headline = cleanText($('#rishead .topHeadline, #rishead p').first().text());
  if (headline) return headline;
  const title = cleanText($('title').first().text())?.replace(/^ALLRIS(\s*®)?(\s*net)?\s*[-–:|]?\s*/i, '');
  return cleanText(title);
}

export function parseAllris3StartPage(ctx: ParseContext): SystemRecord {
  const $ = load(ctx.text);
  const menu = MENUS.map((sel) => $(sel).first()).find((m) => m.length);
  if (!menu) {
    throw new LayoutChangedError(`start page ${ctx.url ?? '(no url)'}: no ALLRIS menu (#rismenu / ul#menu)`, ctx.url, '#rismenu ul#menu');
  }
  const programs: string[] = [];
  menu.find('a[href]').each((_, a) => {
    const href = a.attribs.href;
    if (/[?&]toggleMenu=/i.test(href)) return; // expand/collapse links of the page itself
    const name = programName(href, ctx.url);
    if (name && name !== 'allris.net' && !programs.includes(name)) programs.push(name);
  });
  if (programs.length === 0) {
    throw new LayoutChangedError(`start page ${ctx.url ?? '(no url)'}: the menu links no ALLRIS program`, ctx.url, '#rismenu a[href$=".asp"]');
  }
  return {
    ...recordBase(ctx, 'System', 'allris3', null),
    name: installationName($),
    programs,
    oparlVersion: null,
    bodies: [],
  };
}
