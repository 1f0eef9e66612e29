/**
 * ALLRIS net 3.x fr010 (Fraktionen / Gruppen) → ListRecord of OrganizationRecords (CONTRACTS.md §2):
 * one item per faction row of `table.tl1`, in page order — current factions and, after a spacer row,
 * former ones ("(bis 28.05.2019)"); each with its name (the fr020 link text), sourceId FRLFDNR, url
 * (the fr020 link) and no members (fr020 lists them). Layout: ALLRIS-NOTES §4.5. Pure.
 */
import { load, type CheerioAPI } from 'cheerio/slim';
import type { Element } from 'domhandler';
import { LayoutChangedError } from '../errors';
import type { ParseContext } from '../parse';
import { RECORD_FORMAT, type ListRecord, type OrganizationRecord } from '../records';
import { urlParam } from '../shared/head-fields';
import { cleanText, resolveUrl } from '../shared/text';
import { contentScope } from './member-page';
import { rowCells, tableRows } from './vo020-labels';

export function parseAllris3FactionList(ctx: ParseContext): ListRecord {
  const $ = load(ctx.text);
  const scope = contentScope($);
  const page = ctx.url;
  const tables = $(scope).find('table.tl1').toArray();
  if (tables.length === 0) {
    throw new LayoutChangedError(`fr010 ${page ?? '(no url)'}: no faction table`, page, 'table.tl1');
  }
  const items: OrganizationRecord[] = [];
  const seen = new Set<string>();
  let linkedRowsWithoutId = 0;
  for (const row of tables.flatMap((t) => tableRows(t))) {
    if (rowCells(row).every((c) => c.name === 'th')) continue;
    const link = $(row).find('a[href*="fr020"]').first();
    const form = $(row).find('form[action*="fr020"]').first();
    const sourceId = urlParam(link.attr('href'), 'FRLFDNR') ?? cleanText(form.find('input[name="FRLFDNR"]').attr('value'));
    if (!sourceId) {
      if ($(row).find('a[href], form').length) linkedRowsWithoutId++;
      continue; // separator (<hr>) and spacer rows
    }
    if (seen.has(sourceId)) continue;
    seen.add(sourceId);
    items.push({
      type: 'Organization',
      format: RECORD_FORMAT,
      system: 'allris3',
      systemVersion: ctx.systemVersion,
      sourceId,
      url: link.length ? resolveUrl(link.attr('href'), page) : null,
      name: cleanText(link.text()) ?? nameCell($, row),
      members: [],
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
    type: 'List',
    format: RECORD_FORMAT,
    system: 'allris3',
    systemVersion: ctx.systemVersion,
    sourceId: null,
    url: page ?? null,
    itemType: 'Organization',
    items,
    next: null,
  };
}

/** Without a link (only the FR form): the row's `td.text1` holds the name. */
function nameCell($: CheerioAPI, row: Element): string | null {
  return cleanText($(row).find('td.text1').first().text());
}
