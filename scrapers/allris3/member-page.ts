/**
 * ALLRIS net 3.x pages of one organization with its members → OrganizationRecord (CONTRACTS.md §2):
 * au020 (Ausschuss), pa020 (Rat / Kreistag / Bezirksversammlung) and fr020 (Fraktion). Layout:
 * ALLRIS-NOTES §4.5 — `#risname h1` name, `h3 Anschrift` contact block, `h3 Mitglieder` + `table.tl1`
 * (Name | Art der Mitarbeit | Funktion). Pure.
 *
 * Vendor quirks with a home here (tests in test/scrapers/allris3/au020.test.ts and fr020.test.ts):
 * - the "Anschrift" block (address, phone, obfuscated mail address) is never read: only the member table;
 * - city portal wrappers: everything is read inside #rismain / #rismain_raw / #allriscontainer;
 * - fr020 pages have an empty <title>: the name comes from the heading;
 * - hidden names, "N. N." seats and administration staff rows are skipped (shared/org-members.ts).
 */
import type { AnyNode, Document, Element } from 'domhandler';
import { programFromUrl } from '../detect';
import { LayoutChangedError } from '../errors';
import { recordBase, type ParseContext } from '../html/context';
import type { OrganizationRecord } from '../records';
import { attr, attrContains, attrValue, documentOf, findFirst, findUnder, findUnderId, hasClass, hasId, textContent, treeHasId } from '../html/dom';
import { findMemberTable, readMembers } from '../shared/org-members';
import { cleanText } from '../shared/text';
import { findScope } from './scope';
import { param } from '../html/param';

/** The ALLRIS content container (member pages may use `allris`). */
export const contentScope = (doc: Document): AnyNode => findScope(doc, ['rismain', 'rismain_raw', 'allriscontainer', 'allris', 'bomain']);

/** The page heading ("Mobilitätsausschuss&nbsp;&nbsp;"), else `h1.title` (`_r`), else the <title>. */
function organizationName(doc: Document): string | null {
  const text = (el: Element | undefined): string | null => cleanText(el ? textContent(el) : '');
  return (
    text(findUnderId(doc, ['risname', 'risname_raw'], (e) => e.name === 'h1', 1)[0]) ??
    text(findFirst(doc, (e) => e.name === 'h1' && hasClass(e, 'title'))) ??
    text(findFirst(doc, (e) => e.name === 'title'))
  );
}

/**
 * The page's own id (AULFDNR / PALFDNR / FRLFDNR): from the URL, else from what refers to this page
 * only: the print form and bookmark link of `#risnavi`, the sort links of the member table's header,
 * `<meta name="objectID">`.
 */
function ownId(doc: Document, url: string | null, params: string[]): string | null {
  for (const p of params) {
    const id = param(url, p);
    if (id) return id;
  }
  const hasNavi = treeHasId(doc, ['risnavi']);
  const hasMain = treeHasId(doc, ['rismain', 'rismain_raw']);
  for (const p of params) {
    const link = (e: Element): boolean => e.name === 'a' && attrContains(e, 'href', `${p}=`);
    const risnavi = (e: Element): boolean => hasId(e, 'risnavi');
    const id =
      // #risnavi form input[name="…"]
      (hasNavi ? cleanText(attr(findFirst(doc, (e) => e.name === 'input' && attrValue(e, 'name') === p && inChain(e, [risnavi, (f) => f.name === 'form'])), 'value')) : null) ??
      // #risnavi a[href*="…="]
      (hasNavi ? param(attr(findUnder(doc, risnavi, link, 1)[0], 'href'), p) : null) ??
      // #rismain th a[href*="…="], #rismain_raw th a[href*="…="]
      (hasMain ? param(attr(findFirst(doc, (e) => link(e) && inChain(e, [(m) => hasId(m, 'rismain') || hasId(m, 'rismain_raw'), (t) => t.name === 'th'])), 'href'), p) : null);
    if (id && /^\d+$/.test(id)) return id;
  }
  return cleanText(attr(findFirst(doc, (e) => e.name === 'meta' && attrValue(e, 'name') === 'objectID'), 'content'));
}

/** `A B C` at the document level: ancestors passing chain[1], then chain[0] above it. */
function inChain(el: Element, chain: ((e: Element) => boolean)[]): boolean {
  const match = (node: Element, i: number): boolean => {
    for (let p = node.parent; p && p.type === 'tag'; p = p.parent) {
      if (chain[i](p) && (i === 0 || match(p, i - 1))) return true;
    }
    return false;
  };
  return match(el, chain.length - 1);
}

export type MemberPageKind = 'au020' | 'fr020';

/** The id parameters to look for, the one of the URL's program first (a pa020 URL goes to the au020 parser). */
function idParams(kind: MemberPageKind, url: string | null): string[] {
  if (kind === 'fr020') return ['FRLFDNR'];
  return programFromUrl(url) === 'pa020' ? ['PALFDNR', 'AULFDNR'] : ['AULFDNR', 'PALFDNR'];
}

export function parseAllris3MemberPage(ctx: ParseContext, kind: MemberPageKind): OrganizationRecord {
  const doc = documentOf(ctx);
  const scope = contentScope(doc);
  const page = ctx.url;
  const found = findMemberTable(scope, (t) => hasClass(t, 'tl1')) ?? findMemberTable(scope);
  if (!found) {
    throw new LayoutChangedError(
      `${kind} ${page ?? '(no url)'}: no member table (a table whose header names a "Name" column)`,
      page,
      'h3 "Mitglieder" + table.tl1 tr.zk1 th "Name"',
    );
  }
  return {
    ...recordBase(ctx, 'Organization', 'allris3', ownId(doc, ctx.url, idParams(kind, ctx.url))),
    name: organizationName(doc),
    members: readMembers(found),
  };
}
