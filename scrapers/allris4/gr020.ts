/**
 * ALLRIS 4 (Wicket) gr020 – Gremium (committee) page → OrganizationRecord (CONTRACTS.md §2,
 * ALLRIS-NOTES §4.5). No recorded gr020 page exists yet, so this reads only what every ALLRIS 4 page
 * shares and stays label-based: the name from the `#head` field "Gremium:" / "Bezeichnung:"
 * (`dl > dt .label` + `dd`), else `h1.title`; the members from the first `table.dataTable` (else any
 * table) whose header names a "Name" column (shared/org-members.ts); sourceId GRLFDNR. Head fields
 * (Geschäftsführung, Ansprechpartner, E-Mail, Telefon) are never read. Pure.
 */
import type { AnyNode, Document } from 'domhandler';
import { LayoutChangedError } from '../errors';
import { recordBase, type ParseContext } from '../html/context';
import type { OrganizationRecord } from '../records';
import { attrContains, byId, documentOf, findAll, findFirst, hasClass, textContent } from '../html/dom';
import { findField, readHeadFields } from '../shared/head-fields';
import { findMemberTable, readMembers } from '../shared/org-members';
import { cleanText } from '../shared/text';
import { textValue } from '../html/text';
import { param } from '../html/param';
import { allrisVersion } from '../html/version';

/** The committee's name: a head field labelled as the name, else the page title heading. */
function organizationName(doc: Document, root: AnyNode): string | null {
  const field = findField(readHeadFields(root), (key) => /^(gremium|bezeichnung|gremienname)$/.test(key));
  const fromField = field ? cleanText(field.lines.join(' ')) : null;
  const title = findFirst(doc, (el) => el.name === 'title');
  return (
    fromField ??
    textValue([findFirst(root, (el) => el.name === 'h1' && hasClass(el, 'title'))]) ??
    cleanText((title ? textContent(title) : '').replace(/^\s*ALLRIS\s*-\s*/i, ''))
  );
}

/**
 * GRLFDNR from the URL, else from the page's own links and forms (Wicket repeats it in every action):
 * only when all of them name one and the same committee, never a guess between several.
 */
function ownId(root: AnyNode, url: string | null): string | null {
  const fromUrl = param(url, 'GRLFDNR');
  if (fromUrl) return fromUrl;
  const ids = new Set<string>();
  // a[href*="GRLFDNR="], form[action*="GRLFDNR="]
  const own = findAll(root, (el) => (el.name === 'a' && attrContains(el, 'href', 'GRLFDNR=')) || (el.name === 'form' && attrContains(el, 'action', 'GRLFDNR=')));
  for (const el of own) {
    const id = param(el.attribs.href ?? el.attribs.action, 'GRLFDNR');
    if (id) ids.add(id);
  }
  return ids.size === 1 ? [...ids][0] : null;
}

export function parseAllris4Organization(ctx: ParseContext): OrganizationRecord {
  const doc = documentOf(ctx);
  const page = ctx.url;
  const scope: AnyNode = byId(doc, 'allris') ?? doc;
  const found = findMemberTable(scope, (t) => hasClass(t, 'dataTable')) ?? findMemberTable(scope);
  if (!found) {
    throw new LayoutChangedError(
      `gr020 ${page ?? '(no url)'}: no member table (a table whose header names a "Name" column)`,
      page,
      'table.dataTable thead th "Name"',
    );
  }
  return {
    ...recordBase(ctx, 'Organization', 'allris4', ownId(scope, ctx.url), { systemVersion: ctx.systemVersion ?? allrisVersion(ctx.text) }),
    name: organizationName(doc, scope),
    members: readMembers(found),
  };
}
