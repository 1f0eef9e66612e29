/**
 * ALLRIS net 3.x classic and `_raw` vo020 (Vorlage / Drucksache) → PaperRecord (CONTRACTS.md §2).
 * Layout: ALLRIS-NOTES §4.1. Pure: the page text and its URL in, one record out.
 *
 * Vendor quirks with a home here (each has a test in test/scrapers/allris3/vo020.test.ts):
 * - city portal wrappers (Hildesheim NOLIS): everything is read inside #rismain / #rismain_raw /
 *   #allriscontainer only, so portal navigation cannot leak in;
 * - the inline `<script>checkClickResult…</script>` inside the Betreff cell is dropped;
 * - labels vary per city and ignored labels (Verfasser …) still end the previous field (vo020-labels.ts);
 * - attachments are listed twice (right column and the table under the text): one file per URL.
 */
import type { AnyNode, Document, Element } from 'domhandler';
import { isOrganisationName } from '../shared/persons';
import { LayoutChangedError } from '../errors';
import { pageId } from '../html/page-id';
import { recordBase, type ParseContext } from '../html/context';
import type { ConsultationRecord, PaperRecord } from '../records';
import { parseGermanDate } from '../shared/dates';
import { attr, attrContains, attrValue, closest, documentOf, findFirst, findUnder, findUnderId, hasClass, nextElements, textContent } from '../html/dom';
import { cleanText } from '../shared/text';
import { documentFormsAndLinks } from '../shared/document-forms';
import { parseConsultationTable } from './vo020-consultation';
import { labelledPaperFacts, readLabelledFields, type LabelledField, type PaperField } from './vo020-labels';
import { tableRows } from '../html/table';
import { parseTextSections } from './vo020-text';
import { listMarkers } from '../html/list-numbers';
import { findScope } from './scope';
import { splitReferences } from '../shared/references';
import { ROWS, textLines, textValue } from '../html/text';
import { param } from '../html/param';
import { publicFromStatus } from '../html/public-status';


/** "Drucksache - 22-2402" → "22-2402"; "Vorlage - 23/224 - Betreff…" (a <title>) → "23/224". */
function referenceFrom(text: string | null): string | null {
  if (!text) return null;
  const parts = text.split(/\s+-\s+/);
  return parts.length >= 2 ? cleanText(parts[1]) : null;
}

/** The VOLFDNR the page states of itself: its vo021 form, its meta objectID, its own menu link (never a link to another Vorlage). */
function pageIdOf(doc: Document): string | null {
  return (
    cleanText(attr(findUnder(doc, (el) => el.name === 'form' && attrContains(el, 'action', 'vo021'), (el) => el.name === 'input' && attrValue(el, 'name') === 'VOLFDNR', 1)[0], 'value')) ??
    cleanText(attr(findFirst(doc, (el) => el.name === 'meta' && attrValue(el, 'name') === 'objectID'), 'content')) ??
    param(attr(findFirst(doc, (el) => el.name === 'a' && attrContains(el, 'href', 'vo020.asp?VOLFDNR=') && attrContains(el, 'href', 'toggleMenu')), 'href'), 'VOLFDNR', { value: 'text' })
  );
}

/**
 * VOLFDNR: from the URL, else what the page states of itself. A page that states another Vorlage than its
 * URL asks for is not read (MismatchedPageError): under the URL's id it would overwrite that motion.
 */
function sourceIdOf(doc: Document, url: string | null): string | null {
  return pageId('Vorlage', 'VOLFDNR', param(url, 'VOLFDNR', { value: 'text' }), pageIdOf(doc));
}

/** The head table: the table around the Betreff label, else around the first label of the data column. */
function headTable(scope: AnyNode): Element | null {
  const isLabel = (el: Element): boolean => el.name === 'td' && hasClass(el, 'kb1');
  const betreff = findFirst(scope, (td) => isLabel(td) && /^betreff\s*:?$/i.test(textValue([td], ROWS) ?? ''));
  const anchor = betreff ?? findUnder(scope, (el) => el.name === 'td' && hasClass(el, 'ko1'), isLabel, 1)[0];
  const table = anchor ? closest(anchor, (el) => el.name === 'table') : undefined;
  return table && table.type === 'tag' ? (table as Element) : null;
}

function valueLines(f: LabelledField | undefined): string[] {
  return f ? textLines(f.cells, ROWS) : [];
}

function consultationOf(field: LabelledField, page: string | null): ConsultationRecord[] {
  const isTable = (el: Element): boolean => el.name === 'table';
  let table = findFirst(field.cells, isTable);
  if (!table) {
    const row = nextElements(field.row).find((el) => el.name === 'tr');
    table = row ? findFirst(row, isTable) : undefined;
  }
  if (!table || tableRows(table).length === 0) {
    throw new LayoutChangedError(
      `vo020 ${page ?? '(no url)'}: "Beratungsfolge:" label without a readable table in the next row`,
      page,
      'td.kb1 "Beratungsfolge:" + tr table',
    );
  }
  return parseConsultationTable(table, page);
}

export function parseAllris3Paper(ctx: ParseContext): PaperRecord {
  const doc = documentOf(ctx);
  const scope = findScope(doc);
  const page = ctx.url;

  const h1 = findUnderId(doc, ['risname', 'risname_raw'], (el) => el.name === 'h1', 1)[0];
  const title = findFirst(doc, (el) => el.name === 'title');
  const reference = referenceFrom(h1 ? textValue([h1], ROWS) : null) ?? referenceFrom(cleanText(title ? textContent(title) : ''));

  const table = headTable(scope);
  const fields = table ? readLabelledFields(table) : [];
  const first = (f: PaperField) => fields.find((x) => x.field === f);
  const all = (f: PaperField) => fields.filter((x) => x.field === f);
  const facts = labelledPaperFacts(fields);

  const betreff = first('name');
  if (!h1 && !betreff) {
    throw new LayoutChangedError(
      `vo020 ${page ?? '(no url)'}: neither a reference heading nor a Betreff label`,
      page,
      '#risname h1, #risname_raw h1, td.kb1 "Betreff:"',
    );
  }

  const statusText = first('status') ? textValue(first('status')!.cells, ROWS) : null;
  const dateField = first('date');
  const consultationField = first('consultation');

  return {
    ...recordBase(ctx, 'Paper', 'allris3', sourceIdOf(doc, ctx.url)),
    reference,
    name: betreff ? textValue(betreff.cells, ROWS) : null,
    paperType: facts.paperType,
    public: publicFromStatus(statusText),
    statusText,
    originator: [...all('originator').flatMap(valueLines), ...all('author').flatMap(valueLines).filter(isOrganisationName)],
    underDirectionOf: facts.underDirectionOf,
    date: dateField ? parseGermanDate(textValue(dateField.cells, ROWS)) : null,
    relatedReferences: [...new Set(all('relatedReferences').flatMap(valueLines).flatMap(splitReferences))],
    consultation: consultationField ? consultationOf(consultationField, page) : [],
    files: documentFormsAndLinks(scope, ctx.url),
    // numbered lists keep the numbers a browser shows ("10. Inwiefern …"; <ol start="10">)
    text: parseTextSections(scope, listMarkers(scope)),
  };
}
