/**
 * ALLRIS 4 (Wicket) gr020 – Gremium (committee) page → OrganizationRecord (CONTRACTS.md §2,
 * ALLRIS-NOTES §4.5). No recorded gr020 page exists yet, so this reads only what every ALLRIS 4 page
 * shares and stays label-based: the name from the `#head` field "Gremium:" / "Bezeichnung:"
 * (`dl > dt .label` + `dd`), else `h1.title`; the members from the first `table.dataTable` (else any
 * table) whose header names a "Name" column (shared/org-members.ts); sourceId GRLFDNR. Head fields
 * (Geschäftsführung, Ansprechpartner, E-Mail, Telefon) are never read. Pure.
 */
import { load, type Cheerio, type CheerioAPI } from 'cheerio/slim';
import type { AnyNode } from 'domhandler';
import { LayoutChangedError } from '../errors';
import type { ParseContext } from '../parse';
import { RECORD_FORMAT, type OrganizationRecord } from '../records';
import { elementText, findField, metaVersion, readHeadFields, urlParam } from '../shared/head-fields';
import { findMemberTable, readMembers } from '../shared/org-members';
import { cleanText } from '../shared/text';

/** The committee's name: a head field labelled as the name, else the page title heading. */
function organizationName($: CheerioAPI, root: Cheerio<AnyNode>): string | null {
  const field = findField(readHeadFields($, root), (key) => /^(gremium|bezeichnung|gremienname)$/.test(key));
  const fromField = field ? cleanText(field.lines.join(' ')) : null;
  return fromField ?? elementText(root.find('h1.title').first()) ?? cleanText($('title').first().text().replace(/^\s*ALLRIS\s*-\s*/i, ''));
}

/**
 * GRLFDNR from the URL, else from the page's own links and forms (Wicket repeats it in every action):
 * only when all of them name one and the same committee, never a guess between several.
 */
function ownId($: CheerioAPI, root: Cheerio<AnyNode>, url: string | null): string | null {
  const fromUrl = urlParam(url, 'GRLFDNR');
  if (fromUrl) return fromUrl;
  const ids = new Set<string>();
  root.find('a[href*="GRLFDNR="], form[action*="GRLFDNR="]').each((_, el) => {
    const id = urlParam(el.attribs.href ?? el.attribs.action, 'GRLFDNR');
    if (id) ids.add(id);
  });
  return ids.size === 1 ? [...ids][0] : null;
}

export function parseAllris4Organization(ctx: ParseContext): OrganizationRecord {
  const $ = load(ctx.text);
  const page = ctx.url;
  const allris = $('#allris').first();
  const root: Cheerio<AnyNode> = allris.length ? allris : $.root();
  const scope = root[0];
  const found = findMemberTable($, scope, 'table.dataTable') ?? findMemberTable($, scope);
  if (!found) {
    throw new LayoutChangedError(
      `gr020 ${page ?? '(no url)'}: no member table (a table whose header names a "Name" column)`,
      page,
      'table.dataTable thead th "Name"',
    );
  }
  return {
    type: 'Organization',
    format: RECORD_FORMAT,
    system: 'allris4',
    systemVersion: ctx.systemVersion ?? metaVersion($),
    sourceId: ownId($, root, ctx.url),
    url: ctx.url ?? null,
    name: organizationName($, root),
    members: readMembers($, found),
  };
}
