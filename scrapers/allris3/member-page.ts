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
import { load, type CheerioAPI } from 'cheerio/slim';
import type { AnyNode } from 'domhandler';
import { programFromUrl } from '../detect';
import { LayoutChangedError } from '../errors';
import type { ParseContext } from '../parse';
import { RECORD_FORMAT, type OrganizationRecord } from '../records';
import { urlParam } from '../shared/head-fields';
import { findMemberTable, readMembers } from '../shared/org-members';
import { cleanText } from '../shared/text';

const SCOPES = ['#rismain', '#rismain_raw', '#allriscontainer', '#allris', '#bomain'];

/** The ALLRIS content container; city portal wrappers around it are never read. */
export function contentScope($: CheerioAPI): AnyNode {
  for (const sel of SCOPES) {
    const el = $(sel).first();
    if (el.length) return el[0];
  }
  return $('body').first()[0] ?? $.root()[0];
}

/** The page heading ("Mobilitätsausschuss&nbsp;&nbsp;"), else `h1.title` (`_r`), else the <title>. */
function organizationName($: CheerioAPI): string | null {
  return (
    cleanText($('#risname h1, #risname_raw h1').first().text()) ??
    cleanText($('h1.title').first().text()) ??
    cleanText($('title').first().text())
  );
}

/**
 * The page's own id (AULFDNR / PALFDNR / FRLFDNR): from the URL, else from what refers to this page
 * only: the print form and bookmark link of `#risnavi`, the sort links of the member table's header,
 * `<meta name="objectID">`.
 */
function ownId($: CheerioAPI, url: string | null, params: string[]): string | null {
  for (const p of params) {
    const id = urlParam(url, p);
    if (id) return id;
  }
  for (const p of params) {
    const id =
      cleanText($(`#risnavi form input[name="${p}"]`).first().attr('value')) ??
      urlParam($(`#risnavi a[href*="${p}="]`).first().attr('href'), p) ??
      urlParam($(`#rismain th a[href*="${p}="], #rismain_raw th a[href*="${p}="]`).first().attr('href'), p);
    if (id && /^\d+$/.test(id)) return id;
  }
  return cleanText($('meta[name="objectID"]').first().attr('content'));
}

export type MemberPageKind = 'au020' | 'fr020';

/** The id parameters to look for, the one of the URL's program first (a pa020 URL goes to the au020 parser). */
function idParams(kind: MemberPageKind, url: string | null): string[] {
  if (kind === 'fr020') return ['FRLFDNR'];
  return programFromUrl(url) === 'pa020' ? ['PALFDNR', 'AULFDNR'] : ['AULFDNR', 'PALFDNR'];
}

export function parseAllris3MemberPage(ctx: ParseContext, kind: MemberPageKind): OrganizationRecord {
  const $ = load(ctx.text);
  const scope = contentScope($);
  const page = ctx.url;
  const found = findMemberTable($, scope, 'table.tl1') ?? findMemberTable($, scope);
  if (!found) {
    throw new LayoutChangedError(
      `${kind} ${page ?? '(no url)'}: no member table (a table whose header names a "Name" column)`,
      page,
      'h3 "Mitglieder" + table.tl1 tr.zk1 th "Name"',
    );
  }
  return {
    type: 'Organization',
    format: RECORD_FORMAT,
    system: 'allris3',
    systemVersion: ctx.systemVersion,
    sourceId: ownId($, ctx.url, idParams(kind, ctx.url)),
    url: ctx.url ?? null,
    name: organizationName($),
    members: readMembers($, found),
  };
}
