/**
 * The agenda table of ALLRIS net 3.x classic / `_raw` to010 pages (ALLRIS-NOTES §4.2): `table.tl1`
 * with the header row `tr.zk1` (TOP | | Betreff | Vorlage / Drucksache) and item rows
 * `tr.zl11` / `tr.zl12`. Columns are found by their header labels and colspans, not by position:
 * Hamburg's Betreff spans two cells, Regensburg's one. Pure.
 *
 * Per row: TOP cell "Ö&nbsp;1" (link `to010.asp?SILFDNR=…&TOLFDNR=…#beschluss`); the result only in
 * the NA/PA button's `title` (`input.il1_naz`, "(offen)" = none); the subject (link to to020, or plain
 * text for heading items and N rows) without its grey "Zusatzinfo" span; the Vorlage link
 * `vo020.asp?VOLFDNR=…` — a TO form + `to010.asp?SILFDNR=…` link there names an earlier meeting
 * whose minutes are approved, which is no paper. TOLFDNR: TOP link, to020 form or link, or the
 * `<!--1052631 -->` comment. Rows without number, TOLFDNR and subject (the minutes "Pro" button row,
 * spacer rows) are no items; a row whose only text is "öffentlicher Teil" / "nichtöffentlicher
 * Teil" is a section row and sets the publicity of the rows below it.
 */
import type { AnyNode, Element } from 'domhandler';
import { LayoutChangedError } from '../errors';
import type { AgendaItemEntry } from '../records';
import { agendaItem, isSectionText, isSupplementRow, looksLikeTopNumber, publicFromSection, rowNote, subjectText } from '../shared/agenda-entry';
import { attr, attrContains, attrValue, findAll, findFirst, findUnder, hasAncestor, hasClass } from '../html/dom';
import { cleanText, labelKey } from '../shared/text';
import { rowCells, tableRows } from '../html/table';
import { completeColumns, inferAgendaColumns, type AgendaColumn } from './to010-columns';
import { textValue } from '../html/text';
import { param } from '../html/param';

type Column = AgendaColumn;

interface PlacedCell {
  cell: Element;
  column: Column;
}

/** Header label → column, kept as data ("Drucksache" in Hamburg, "Vorlage" elsewhere, older releases "Nr." / "Gegenstand"). */
export const COLUMN_RULES: readonly { column: Column; pattern: RegExp }[] = [
  { column: 'top', pattern: /^(top|nr|tonr|lfdnr|tagesordnungspunkt)$/ },
  { column: 'subject', pattern: /^(betreff|gegenstand|beratungsgegenstand|bezeichnung|thema|titel)$/ },
  {
    column: 'paper',
    pattern: /^(vorlage|vorlagen|drucksache|drucksachen|vorlagennr|vorlagennummer|drucksachennr|drucksachennummer|drs|dsnr|vonr)$/,
  },
];

function span(cell: Element): number {
  const n = Number(cell.attribs.colspan ?? 1);
  return Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1;
}

/** The header's column map: one entry per grid column. */
function headerColumns(header: Element): Column[] {
  const columns: Column[] = [];
  for (const th of rowCells(header)) {
    const key = labelKey(textValue([th]));
    const column = COLUMN_RULES.find((r) => r.pattern.test(key))?.column ?? 'other';
    for (let i = 0; i < span(th); i++) columns.push(column);
  }
  return columns;
}

/** Places each cell of a row in the header's column where the cell starts. */
function placeCells(row: Element, columns: Column[]): PlacedCell[] {
  let at = 0;
  return rowCells(row).map((cell) => {
    const placed = { cell, column: columns[at] ?? 'other' };
    at += span(cell);
    return placed;
  });
}

/**
 * The table whose header row names a Betreff column; else (older releases: a header that names no
 * Betreff, or none) the first table without nested tables, `table.tl1` first, whose cells read as TOP
 * and subject columns (to010-columns.ts) — its header is then null. Null when the page has none.
 */
export function findAgendaTable(scope: AnyNode): { table: Element; header: Element | null } | null {
  const tables = findAll(scope, (el) => el.name === 'table');
  for (const table of tables) {
    const header = tableRows(table).find((r) => rowCells(r).some((c) => c.name === 'th'));
    if (header && headerColumns(header).includes('subject')) return { table, header };
  }
  const leaves = tables.filter((t) => !findFirst(t.children, (el) => el.name === 'table'));
  for (const table of [...leaves.filter((t) => hasClass(t, 'tl1')), ...leaves.filter((t) => !hasClass(t, 'tl1'))]) {
    if (inferAgendaColumns(tableRows(table))) return { table, header: null };
  }
  return null;
}

const isForm = (el: Element, part: string): boolean => el.name === 'form' && attrContains(el, 'action', part);
const isInput = (el: Element, name: string): boolean => el.name === 'input' && attrValue(el, 'name') === name;

/** TOLFDNR of a row: TOP link, to020 link or form, else the `<!--1052631 -->` comment. */
function rowSourceId(row: Element, top: Element[]): string | null {
  for (const a of findAll(top, (el) => el.name === 'a' && hasAttribute(el, 'href'))) {
    const id = param(a.attribs.href, 'TOLFDNR');
    if (id) return id;
  }
  const link = findAll(row, (el) => el.name === 'a' && attrContains(el, 'href', 'to020')).map((a) => param(a.attribs.href, 'TOLFDNR')).find((id) => id);
  if (link) return link;
  const input = cleanText(attr(findUnder(row, (el) => isForm(el, 'to020'), (el) => isInput(el, 'TOLFDNR'), 1)[0], 'value'));
  if (input && /^\d+$/.test(input)) return input;
  for (const child of row.children) {
    if (child.type === 'comment') {
      const m = /^\s*(\d+)\s*$/.exec(child.data);
      if (m) return m[1];
    }
  }
  return null;
}

function hasAttribute(el: Element, name: string): boolean {
  return !!el.attribs && Object.prototype.hasOwnProperty.call(el.attribs, name) && el.attribs[name] != null;
}

/** `input.il1_naz, form[action*="to020"] input[type="submit"]`: the NA/PA button. */
function isResultButton(el: Element): boolean {
  if (el.name !== 'input') return false;
  if (hasClass(el, 'il1_naz')) return true;
  if (attrValue(el, 'type')?.toLowerCase() !== 'submit') return false;
  return true;
}

/** The result shown as the NA/PA button's title ("ungeändert beschlossen", "(offen)"). */
function rowResult(row: Element): string | null {
  const button = findFirst(row, (el) => isResultButton(el) && (hasClass(el, 'il1_naz') || hasAncestor(el, row, (f) => isForm(f, 'to020'))));
  return cleanText(attr(button, 'title'));
}

function rowPaper(cells: Element[]): { reference: string | null; sourceId: string | null } {
  const link = findFirst(cells, (el) => el.name === 'a' && attrContains(el, 'href', 'vo020'));
  if (link) return { reference: textValue([link]), sourceId: param(attr(link, 'href'), 'VOLFDNR') };
  const input = cleanText(attr(findUnder(cells, (el) => isForm(el, 'vo020'), (el) => isInput(el, 'VOLFDNR'), 1)[0], 'value'));
  return { reference: null, sourceId: input };
}

/**
 * Reads every agenda row, in page order. Columns: the header's labels, completed by what the cells hold
 * where the header names no TOP / subject / paper column; all by content when there is no header.
 * Throws LayoutChangedError when no column reads as TOP.
 */
export function parseClassicAgenda(table: Element, header: Element | null, page: string): AgendaItemEntry[] {
  const rows = tableRows(table);
  const inferred = inferAgendaColumns(header ? rows.slice(rows.indexOf(header) + 1) : rows);
  const columns = header ? completeColumns(headerColumns(header), inferred) : (inferred ?? []);
  if (!columns.includes('top')) {
    throw new LayoutChangedError(`${page}: agenda header without a TOP column`, page, 'table.tl1 tr.zk1 th "TOP"');
  }
  const items: AgendaItemEntry[] = [];
  let sectionPublic: boolean | null = null;
  let seenHeader = header === null;
  for (const row of rows) {
    if (row === header) {
      seenHeader = true;
      continue;
    }
    if (!seenHeader || rowCells(row).some((c) => c.name === 'th')) continue;
    const placed = placeCells(row, columns);
    const of = (c: Column) => placed.filter((p) => p.column === c).map((p) => p.cell);
    const top = of('top');
    const subjectCells = of('subject');
    const topText = textValue(top);
    const numberText = looksLikeTopNumber(topText) ? topText : null;
    const sourceId = rowSourceId(row, top);
    const name = subjectCells.length ? subjectText(subjectCells) : null;
    if (!numberText && !sourceId) {
      // a section row ("Nichtöffentlicher Teil"), or a row that only holds a button or spacers
      const text = textValue([row]);
      if (isSectionText(text) || !name) {
        sectionPublic = publicFromSection(text) ?? sectionPublic;
        continue;
      }
    }
    const paper = rowPaper(of('paper'));
    items.push(
      agendaItem({
        numberText,
        sectionPublic,
        sourceId,
        name,
        paperReference: paper.reference,
        paperSourceId: paper.sourceId,
        resultText: rowResult(row),
        supplement: isSupplementRow(row),
        note: subjectCells.length ? rowNote(subjectCells) : null,
      }),
    );
  }
  return items;
}
