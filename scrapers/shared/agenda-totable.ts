/**
 * The agenda table of ALLRIS 4 and ALLRIS 3 responsive `_r` to010 pages (ALLRIS-NOTES §4.2):
 * `#toTable table.toTable` (ALLRIS 4: `table#toTreeTable`), columns marked by class — `td.tonr`
 * (TOP, "Ö 1"), `td.tobetreff` (subject + `span.zusatzinfo`), `td.tovonr` (Vorlage link, or a
 * to010 link to an earlier meeting's minutes), `td.tobanr` (Beschlussart, where shown), `td.tozunr`
 * (Zuständigkeit: the committee's role for the item, where shown), `td.toDoc` (the motion's documents).
 *
 * Row kinds: section rows `tr.beratung` ("Öffentlicher Teil", "Nichtöffentlicher Teil") set the
 * publicity of the rows below them and are no items; every other body row is an item, sub-items
 * (3.1, 3.1.1 with `data-tt-parent-id`) included, in page order. The TOLFDNR comes from the ids
 * Wicket gives the row's links (`link_<TOLFDNR>`, `betreff_…`, `vo_…`, `to_…`), from `_r` ids
 * (`si1543top24115`) or from a `TOLFDNR=` link parameter.
 *
 * Quirks with a home here (tests in test/scrapers/allris4/to010.test.ts, …/allris3/to010-r.test.ts):
 * `_r` opens `<table><caption>` twice and leaves `<div>` in td.tobetreff unclosed; rows are read once.
 * Rows of tables nested inside an expanded TOP are not agenda rows.
 */
import type { AnyNode, Element } from 'domhandler';
import { LayoutChangedError } from '../errors';
import type { AgendaItemEntry } from '../records';
import { agendaItem, isSectionText, isSupplementRow, looksLikeTopNumber, publicFromSection, rowNote, subjectText } from './agenda-entry';
import { attr, attrContains, attrValue, byId, childElements, closest, findAll, findFirst, findUnder, hasAttribute, hasClass, hasId } from '../html/dom';
import { textValue } from '../html/text';
import { param } from '../html/param';
import { readDocumentLinks } from './head-fields';

const ID_PATTERNS = [/^link_(\d+)$/, /^betreff_(\d+)$/, /^vo_(\d+)$/, /^to_(\d+)$/, /^si\d+top(\d+)$/i];

/** The TOLFDNR of a row: from its links' ids, else from a TOLFDNR parameter in the TOP or subject cell. */
function rowSourceId(row: Element): string | null {
  for (const el of findAll(row, (e) => hasAttribute(e, 'id'))) {
    const id = el.attribs.id ?? '';
    for (const p of ID_PATTERNS) {
      const m = p.exec(id);
      if (m) return m[1];
    }
  }
  const links = findUnder(
    row,
    (el) => el.name === 'td' && (hasClass(el, 'tonr') || hasClass(el, 'tobetreff')),
    (el) => el.name === 'a' && hasAttribute(el, 'href'),
  );
  for (const a of links) {
    const id = param(attr(a, 'href'), 'TOLFDNR');
    if (id) return id;
  }
  return null;
}

/** The subject: the `betreff_` link where Wicket marks it, else the whole cell (its unclosed `<div>` too). */
function rowSubject(cell: Element): string | null {
  const link = findFirst(cell, (el) => el.name === 'a' && (attrValue(el, 'id')?.startsWith('betreff_') ?? false));
  return subjectText([link ?? cell]);
}

/** The Vorlage: a vo020 link's text and VOLFDNR. A to010 link (earlier meeting's minutes) is no paper. */
function rowPaper(cell: Element | undefined): { reference: string | null; sourceId: string | null } {
  const link = cell ? findFirst(cell, (el) => el.name === 'a' && attrContains(el, 'href', 'vo020')) : undefined;
  if (!link) return { reference: null, sourceId: null };
  return { reference: textValue([link]), sourceId: param(attr(link, 'href'), 'VOLFDNR') };
}

/** The agenda table inside `root`; throws LayoutChangedError naming the selector when there is none. */
export function findToTable(root: AnyNode, page: string): Element {
  const table = byId(root, 'toTable');
  if (table) return table;
  const bare = findFirst(root, isAgendaTable);
  if (bare) return bare;
  throw new LayoutChangedError(`${page}: no agenda table (#toTable / table.toTable)`, page, '#toTable table.toTable');
}

/** `table.toTable, table#toTreeTable` */
function isAgendaTable(el: Element): boolean {
  return el.name === 'table' && (hasClass(el, 'toTable') || hasId(el, 'toTreeTable'));
}

/** Reads every agenda row of `#toTable` (ALLRIS 4 and `_r`), in page order; `base`: what the rows' document links are read against. */
export function parseToTable(table: AnyNode, base: string | null = null): AgendaItemEntry[] {
  const items: AgendaItemEntry[] = [];
  let sectionPublic: boolean | null = null;
  for (const row of findAll(table, (el) => el.name === 'tr')) {
    const children = childElements(row);
    if (children.some((c) => c.name === 'th')) continue;
    const parent = row.parent;
    if (parent && parent.type === 'tag' && parent.name === 'thead') continue;
    // rows of tables nested in an expanded TOP (Word tables of a Beschluss text) are no agenda rows
    const own = closest(row, (el) => el.name === 'table');
    if (!own || !(isAgendaTable(own) || hasClass(own, 'dataTable'))) continue;
    const cell = (cls: string): Element | undefined => children.find((c) => c.name === 'td' && hasClass(c, cls));
    const betreff = cell('tobetreff');
    const tonr = cell('tonr');
    const sourceId = rowSourceId(row);
    const tonrText = textValue([tonr]);
    const numberText = looksLikeTopNumber(tonrText) ? tonrText : null;
    const beratung = hasClass(row, 'beratung');
    if (beratung || (!sourceId && !numberText)) {
      // A section row: "öffentlicher Teil (19:30 - 20:40 Uhr)" / "Nichtöffentlicher Teil"; other
      // headings leave the current section as it is. A row without number, id or subject is no item.
      const text = textValue([betreff ?? row]);
      if (beratung || isSectionText(text) || !text) {
        sectionPublic = publicFromSection(text) ?? sectionPublic;
        continue;
      }
    }
    const paper = rowPaper(cell('tovonr'));
    const docCell = cell('toDoc');
    items.push(
      agendaItem({
        numberText,
        sectionPublic,
        sourceId,
        name: rowSubject(betreff ?? row),
        paperReference: paper.reference,
        paperSourceId: paper.sourceId,
        resultText: textValue([cell('tobanr')]),
        // the "Zuständigkeit" column (td.tozunr), where the agenda has one
        ...(cell('tozunr') ? { roleText: textValue([cell('tozunr')]) } : {}),
        // the motion's documents the row links (td.toDoc: its "Sammeldokument öffentlich")
        files: docCell ? readDocumentLinks(docCell, base) : [],
        supplement: isSupplementRow(row),
        note: rowNote([betreff ?? row]),
      }),
    );
  }
  return items;
}
