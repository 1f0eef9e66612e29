/**
 * ALLRIS net 3.x fr010 (Fraktionen / Gruppen) → ListRecord of OrganizationRecords (CONTRACTS.md §2):
 * one item per faction row of `table.tl1`, in page order — current factions and, after a spacer row,
 * former ones ("(bis 28.05.2019)": their endDate); each with its name (the fr020 link text), sourceId FRLFDNR, url
 * (the fr020 link) and no members (fr020 lists them). Layout: ALLRIS-NOTES §4.5. Pure.
 */
import type { Element } from 'domhandler';
import { LayoutChangedError } from '../errors';
import { recordBase, type ParseContext } from '../html/context';
import type { ListRecord, OrganizationRecord } from '../records';
import { attr, attrContains, attrValue, documentOf, findFirst, hasAttribute, hasClass, textContent } from '../html/dom';
import { cleanText, resolveUrl } from '../shared/text';
import { parseGermanDate } from '../shared/dates';
import { contentScope } from './member-page';
import { rowCells, tableRows } from '../html/table';
import { param } from '../html/param';
import { sel } from '../html/selector';

/** The faction list: one or more `table.tl1` (ALLRIS-NOTES §4.5). */
const FACTION_TABLES = sel('faction table', 'table.tl1', { min: 1 });

export function parseAllris3FactionList(ctx: ParseContext): ListRecord {
  const doc = documentOf(ctx);
  const scope = contentScope(doc);
  const page = ctx.url;
  const tables = FACTION_TABLES.all(scope, page);
  const items: OrganizationRecord[] = [];
  const seen = new Set<string>();
  let linkedRowsWithoutId = 0;
  for (const row of tables.flatMap((t) => tableRows(t))) {
    if (rowCells(row).every((c) => c.name === 'th')) continue;
    const link = findFirst(row, (el) => el.name === 'a' && attrContains(el, 'href', 'fr020'));
    const form = findFirst(row, (el) => el.name === 'form' && attrContains(el, 'action', 'fr020'));
    const formInput = form ? findFirst(form, (el) => el.name === 'input' && attrValue(el, 'name') === 'FRLFDNR') : undefined;
    const sourceId = param(attr(link, 'href'), 'FRLFDNR') ?? cleanText(attr(formInput, 'value'));
    if (!sourceId) {
      if (findFirst(row, (el) => (el.name === 'a' && hasAttribute(el, 'href')) || el.name === 'form')) linkedRowsWithoutId++;
      continue; // separator (<hr>) and spacer rows
    }
    if (seen.has(sourceId)) continue;
    seen.add(sourceId);
    const endDate = endDateOf(row);
    items.push({
      ...recordBase(ctx, 'Organization', 'allris3', sourceId, { url: link ? resolveUrl(attr(link, 'href'), page) : null }),
      name: cleanText(link ? textContent(link) : '') ?? nameCell(row),
      members: [],
      ...(endDate ? { endDate } : {}),
    });
  }
  if (items.length === 0 && linkedRowsWithoutId > 0) {
    throw new LayoutChangedError(
      `fr010 ${page ?? '(no url)'}: rows with links, but none with an fr020 link or form (FRLFDNR)`,
      page,
      'table.tl1 tr a[href*="fr020"]',
    );
  }
  return {
    ...recordBase(ctx, 'List', 'allris3', null, { url: page ?? null }),
    itemType: 'Organization',
    items,
    next: null,
  };
}

/** A former faction's row gives the day it ended where current ones give their number of members: "(bis 28.05.2019)". */
function endDateOf(row: Element): string | null {
  for (const cell of rowCells(row)) {
    const m = /^\(\s*bis\s+(\d{1,2}\.\d{1,2}\.\d{4})\s*\)$/i.exec(cleanText(textContent(cell)) ?? '');
    if (m) return parseGermanDate(m[1]);
  }
  return null;
}

/** Without a link (only the FR form): the row's `td.text1` holds the name. */
function nameCell(row: Element): string | null {
  const cell = findFirst(row, (el) => el.name === 'td' && hasClass(el, 'text1'));
  return cleanText(cell ? textContent(cell) : '');
}
