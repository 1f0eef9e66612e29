/**
 * The agenda table of ALLRIS 4 and ALLRIS 3 responsive `_r` to010 pages (ALLRIS-NOTES §4.2):
 * `#toTable table.toTable` (ALLRIS 4: `table#toTreeTable`), columns marked by class — `td.tonr`
 * (TOP, "Ö 1"), `td.tobetreff` (subject + `span.zusatzinfo`), `td.tovonr` (Vorlage link, or a
 * to010 link to an earlier meeting's minutes), `td.tobanr` (Beschlussart, where shown).
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
import type { Cheerio, CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { LayoutChangedError } from '../errors';
import type { AgendaItemEntry } from '../records';
import { agendaItem, idParam, isSectionText, looksLikeTopNumber, publicFromSection, subjectText } from './agenda-entry';
import { elementText } from './head-fields';

const ID_PATTERNS = [/^link_(\d+)$/, /^betreff_(\d+)$/, /^vo_(\d+)$/, /^to_(\d+)$/, /^si\d+top(\d+)$/i];

/** The TOLFDNR of a row: from its links' ids, else from a TOLFDNR parameter in the TOP or subject cell. */
function rowSourceId($: CheerioAPI, row: Cheerio<Element>): string | null {
  for (const el of row.find('[id]').toArray()) {
    const id = el.attribs.id ?? '';
    for (const p of ID_PATTERNS) {
      const m = p.exec(id);
      if (m) return m[1];
    }
  }
  for (const a of row.find('td.tonr a[href], td.tobetreff a[href]').toArray()) {
    const id = idParam($(a).attr('href'), 'TOLFDNR');
    if (id) return id;
  }
  return null;
}

/** The subject: the `betreff_` link where Wicket marks it, else the whole cell (its unclosed `<div>` too). */
function rowSubject(cell: Cheerio<Element>): string | null {
  const link = cell.find('a[id^="betreff_"]').first();
  return subjectText(link.length ? link : cell);
}

/** The Vorlage: a vo020 link's text and VOLFDNR. A to010 link (earlier meeting's minutes) is no paper. */
function rowPaper($: CheerioAPI, cell: Cheerio<Element>): { reference: string | null; sourceId: string | null } {
  const link = cell.find('a[href*="vo020"]').first();
  if (!link.length) return { reference: null, sourceId: null };
  return { reference: elementText(link), sourceId: idParam(link.attr('href'), 'VOLFDNR') };
}

/** The agenda table inside `root`; throws LayoutChangedError naming the selector when there is none. */
export function findToTable(root: Cheerio<AnyNode>, page: string): Cheerio<AnyNode> {
  const table = root.find('#toTable').first();
  if (table.length) return table;
  const bare = root.find('table.toTable, table#toTreeTable').first();
  if (bare.length) return bare;
  throw new LayoutChangedError(`${page}: no agenda table (#toTable / table.toTable)`, page, '#toTable table.toTable');
}

/** Reads every agenda row of `#toTable` (ALLRIS 4 and `_r`), in page order. */
export function parseToTable($: CheerioAPI, table: Cheerio<AnyNode>): AgendaItemEntry[] {
  const items: AgendaItemEntry[] = [];
  let sectionPublic: boolean | null = null;
  table.find('tr').each((_, el) => {
    const row = $(el);
    if (row.children('th').length || row.parent('thead').length) return;
    // rows of tables nested in an expanded TOP (Word tables of a Beschluss text) are no agenda rows
    if (!row.closest('table').is('table.toTable, table#toTreeTable, table.dataTable')) return;
    const betreff = row.children('td.tobetreff').first();
    const tonr = row.children('td.tonr').first();
    const sourceId = rowSourceId($, row);
    const tonrText = elementText(tonr);
    const numberText = looksLikeTopNumber(tonrText) ? tonrText : null;
    if (row.hasClass('beratung') || (!sourceId && !numberText)) {
      // A section row: "öffentlicher Teil (19:30 - 20:40 Uhr)" / "Nichtöffentlicher Teil"; other
      // headings leave the current section as it is. A row without number, id or subject is no item.
      const text = elementText(betreff.length ? betreff : row);
      if (row.hasClass('beratung') || isSectionText(text) || !text) {
        sectionPublic = publicFromSection(text) ?? sectionPublic;
        return;
      }
    }
    const paper = rowPaper($, row.children('td.tovonr').first());
    items.push(
      agendaItem({
        numberText,
        sectionPublic,
        sourceId,
        name: rowSubject(betreff.length ? betreff : row),
        paperReference: paper.reference,
        paperSourceId: paper.sourceId,
        resultText: elementText(row.children('td.tobanr').first()),
      }),
    );
  });
  return items;
}
