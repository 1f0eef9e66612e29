/**
 * ALLRIS net 3.x classic vo040 (Vorlagen / Drucksachen list) → ListRecord of PaperRecords (CONTRACTS.md §2).
 * Layout: ALLRIS-NOTES §4.5. Pure: the page text and its URL in, one record out.
 *
 * Each item carries what the list shows — reference, name (Betreff), sourceId (VOLFDNR), url (the vo020
 * link), date (Angelegt), paperType (D.-Art / V.-Art) — and every other Paper field at its empty value.
 *
 * Vendor quirks with a home here (tests in test/scrapers/allris3/vo040.test.ts):
 * - number and subject share one link, separated by `&nbsp;` ("22-2402&nbsp;Bezirkliche Sondermittel…");
 *   the subject may run over several lines, which become single spaces;
 * - the columns are found through the header row tr.zk1 (Drucksache | Angel. | D.-Art, with colspans),
 *   not by position;
 * - the next page is the footer link "nächste >" (vo040.asp?shownext=true, paging lives in the ASP session).
 */
import type { Element } from 'domhandler';
import { LayoutChangedError } from '../errors';
import { recordBase, type ParseContext } from '../html/context';
import type { ListRecord, PaperRecord } from '../records';
import { parseGermanDate } from '../shared/dates';
import { cleanText, labelKey, resolveUrl } from '../shared/text';
import { rowCells, tableRows } from '../html/table';
import { findHeaderColumns } from '../shared/table-header';
import { attr, attrContains, attrValue, documentOf, findAll, findFirst, hasClass, textContent } from '../html/dom';
import { findScope } from './scope';
import { text } from '../html/text';
import { param } from '../html/param';


type Column = 'paper' | 'date' | 'type' | null;

function columnOf(label: string): Column {
  const k = labelKey(label).replace(/\./g, '');
  if (/^(drucksache|vorlage|vorlagen|nr|nummer|betreff)$/.test(k)) return 'paper';
  if (/^(angel|angelegt|datum|erstellt|freig|freigabe)/.test(k)) return 'date';
  if (/art$/.test(k)) return 'type';
  return null;
}



/**
 * "22-2402&nbsp;Bezirkliche Sondermittel\nAntrag …" → reference "22-2402", name "Bezirkliche Sondermittel Antrag …".
 * Without an NBSP the first word is the reference when it holds a digit, the rest the subject.
 */
export function splitReference(linkText: string): { reference: string | null; name: string | null } {
  const nbsp = linkText.indexOf('\u00a0');
  if (nbsp >= 0) return { reference: cleanText(linkText.slice(0, nbsp)), name: cleanText(linkText.slice(nbsp + 1)) };
  const t = cleanText(linkText) ?? '';
  const m = /^(\S*\d\S*)\s+(.+)$/.exec(t);
  return m ? { reference: m[1], name: m[2] } : { reference: t || null, name: null };
}

function paperItem(ctx: ParseContext, fields: Pick<PaperRecord, 'sourceId' | 'url' | 'reference' | 'name' | 'paperType' | 'date'>): PaperRecord {
  return {
    ...recordBase(ctx, 'Paper', 'allris3', fields.sourceId, { url: fields.url }),
    reference: fields.reference,
    name: fields.name,
    paperType: fields.paperType,
    public: null,
    statusText: null,
    originator: [],
    underDirectionOf: [],
    date: fields.date,
    relatedReferences: [],
    consultation: [],
    files: [],
    text: [],
  };
}

function cellAt(row: Element, columns: Column[], kind: Column): Element | null {
  let pos = 0;
  for (const c of rowCells(row)) {
    const span = Math.max(1, Number(c.attribs.colspan) || 1);
    for (let s = 0; s < span; s++) if (columns[pos + s] === kind) return c;
    pos += span;
  }
  return null;
}

export function parseAllris3PaperList(ctx: ParseContext): ListRecord {
  const doc = documentOf(ctx);
  const scope = findScope(doc);
  const page = ctx.url ?? '(no url)';
  let found: { table: Element; rows: Element[]; index: number; columns: Column[] } | null = null;
  for (const table of findAll(scope, (el) => el.name === 'table' && hasClass(el, 'tl1'))) {
    const rows = tableRows(table);
    const header = findHeaderColumns<Column>(rows, columnOf, (columns) => columns.includes('paper'));
    if (header) {
      found = { table, rows, ...header };
      break;
    }
  }
  if (!found) {
    throw new LayoutChangedError(
      `vo040 ${page}: no list table (table.tl1 with a header row naming Drucksache/Vorlage)`,
      ctx.url,
      'table.tl1 tr.zk1 th "Drucksache"',
    );
  }
  const items: PaperRecord[] = [];
  for (const row of found.rows.slice(found.index + 1)) {
    const link = findFirst(row, (el) => el.name === 'a' && attrContains(el, 'href', 'vo020') && attrContains(el, 'href', 'VOLFDNR='));
    if (!link) continue;
    const href = attr(link, 'href');
    const { reference, name } = splitReference(text(link, { visibleOnly: true }));
    const dateCell = cellAt(row, found.columns, 'date');
    const typeCell = cellAt(row, found.columns, 'type');
    items.push(
      paperItem(ctx, {
        sourceId: param(href, 'VOLFDNR') ?? cleanText(attr(findFirst(row, (el) => el.name === 'input' && attrValue(el, 'name') === 'VOLFDNR'), 'value')),
        url: resolveUrl(href, ctx.url),
        reference,
        name,
        date: dateCell ? parseGermanDate(text(dateCell, { visibleOnly: true })) : null,
        paperType: typeCell ? cleanText(text(typeCell, { visibleOnly: true })) : null,
      }),
    );
  }
  const nextLink = findFirst(found.table, (a) => a.name === 'a' && /^n(ä|ae)chste\b/i.test(cleanText(textContent(a)) ?? ''));
  return {
    ...recordBase(ctx, 'List', 'allris3', null),
    itemType: 'Paper',
    items,
    next: nextLink ? resolveUrl(attr(nextLink, 'href'), ctx.url) : null,
  };
}
