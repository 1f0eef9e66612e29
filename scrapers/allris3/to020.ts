/**
 * ALLRIS net 3.x classic and `_raw` to020 ("Auszug", one agenda item) → AgendaItem record
 * (CONTRACTS.md §2) with the optional `vote`. Layout: ALLRIS-NOTES §4.3. Pure.
 *
 * Head table (`td.kb1` labels, read by label): an unlabelled first row with the TO form and the
 * meeting link `to010.asp?SILFDNR=…`, then `TOP:` "Ö&nbsp;2.1", `Gremium:`, `Beschlussart:` (the
 * result), `Datum:`, `Status:`, `Zeit:`, …, and, when the item has a Vorlage, a row with the VO form
 * and the link `vo020.asp?VOLFDNR=…` "22-0621 Betreff…". The name is the heading "Auszug - <name>".
 * Text: the embedded Aspose documents after `a[name=allrisWP|allrisBS|allrisAE]` (vo020-text.ts);
 * empty ones (`<p><span>&nbsp;</span></p>`) are left out.
 *
 * Vendor quirks with a home here (each has a test in test/scrapers/allris3/to020.test.ts):
 * - city portal wrappers (Hildesheim NOLIS): only #rismain / #rismain_raw / #allriscontainer is read;
 * - the Beschlussart "(offen)" is no result;
 * - the page's own id (TOLFDNR) without a URL: meta objectID, the print form, or `topSelected=`.
 */
import type { AnyNode, Document, Element } from 'domhandler';
import { LayoutChangedError } from '../errors';
import { pageId } from '../html/page-id';
import { recordBase, type ParseContext } from '../html/context';
import { classifyResult, cleanResultText } from '../shared/codes';
import { parseGermanDate } from '../shared/dates';
import { attr, attrContains, attrValue, closest, documentOf, findAll, findFirst, findUnder, findUnderId, hasClass, textContent } from '../html/dom';
import { listMarkers } from '../html/list-numbers';
import { labelKey } from '../shared/text';
import { readMeetingHead } from '../shared/agenda-meeting-head';
import { nameFromAuszugTitle, splitPaperLink, splitTopNumber } from '../shared/to020-fields';
import { findVote, type AgendaItemWithVote } from '../shared/vote';
import { fieldForLabel, labelledPaperFacts, readLabelledFields, type LabelledField, type PaperField } from './vo020-labels';
import { parseTextSections } from './vo020-text';
import { findScope } from './scope';
import { ROWS, textValue } from '../html/text';
import { param } from '../html/param';


/** The head table: the table whose own rows hold the "TOP:" label. */
function headTable(scope: AnyNode): Element | null {
  const top = findFirst(scope, (td) => td.name === 'td' && hasClass(td, 'kb1') && labelKey(textValue([td], ROWS)) === 'top');
  const table = top ? closest(top, (el) => el.name === 'table') : undefined;
  return table && table.type === 'tag' ? table : null;
}

/**
 * What the page says of the item's motion, by the labels its own page uses ("Vorlage-Art", "Drucksache-Art",
 * "Federführend"): they stand in the motion's head table, apart from the item's (Bearbeiter/-in beside them is never read).
 */
function motionHeadFacts(scope: AnyNode): { paperType: string | null; underDirectionOf: string[] } {
  const wanted = (field: PaperField | null) => field === 'paperType' || field === 'underDirectionOf';
  const labels = findAll(scope, (td) => td.name === 'td' && hasClass(td, 'kb1') && wanted(fieldForLabel(textValue([td], ROWS))));
  const tables = [...new Set(labels.map((td) => closest(td, (el) => el.name === 'table')).filter((t): t is Element => !!t && t.type === 'tag'))];
  return labelledPaperFacts(tables.flatMap((t) => readLabelledFields(t)));
}

const isForm = (el: Element, part: string): boolean => el.name === 'form' && attrContains(el, 'action', part);
const isInput = (el: Element, name: string): boolean => el.name === 'input' && attrValue(el, 'name') === name;
const isLink = (el: Element, ...parts: string[]): boolean => el.name === 'a' && parts.every((p) => attrContains(el, 'href', p));

/**
 * TOLFDNR: the URL, else the page's own marks (meta objectID, print form, `topSelected=` of its forms). A page
 * whose marks name another agenda item than its URL is not read (MismatchedPageError).
 */
function sourceIdOf(doc: Document, url: string | null): string | null {
  const own = (v: string | undefined) => (v && /^\d+$/.test(v.trim()) ? v.trim() : null);
  const stated =
    own(attr(findFirst(doc, (el) => el.name === 'meta' && attrValue(el, 'name') === 'objectID'), 'content')) ??
    own(attr(findUnder(doc, (el) => isForm(el, 'to020'), (el) => isInput(el, 'TOLFDNR'), 1)[0], 'value')) ??
    param(attr(findFirst(doc, (el) => isForm(el, 'topSelected=')), 'action'), 'topSelected');
  return pageId('the agenda item', 'TOLFDNR', param(url, 'TOLFDNR'), stated);
}

function fieldValue(fields: LabelledField[], key: string): string | null {
  const field = fields.find((f) => labelKey(f.label) === key);
  return field ? textValue(field.cells, ROWS) : null;
}

export function parseAllris3AgendaItem(ctx: ParseContext): AgendaItemWithVote {
  const doc = documentOf(ctx);
  const scope = findScope(doc);
  const page = ctx.url;

  const table = headTable(scope);
  if (!table) {
    throw new LayoutChangedError(
      `to020 ${page ?? '(no url)'}: no head table with a "TOP:" label`,
      page,
      'td.kb1 "TOP:"',
    );
  }
  const fields = readLabelledFields(table);
  const top = splitTopNumber(fieldValue(fields, 'top'));
  const result = cleanResultText(fieldValue(fields, 'beschlussart'));

  const meetingLink = findFirst(table, (el) => isLink(el, 'to010', 'SILFDNR='));
  const meetingForm = findUnder(table, (el) => isForm(el, 'to010'), (el) => isInput(el, 'SILFDNR'), 1)[0];
  const paperLink = findFirst(table, (el) => isLink(el, 'vo020', 'VOLFDNR='));
  const paperForm = findUnder(table, (el) => isForm(el, 'vo020'), (el) => isInput(el, 'VOLFDNR'), 1)[0];
  const paper = splitPaperLink(paperLink ? textValue([paperLink], ROWS) : null);

  const heading = findUnderId(doc, ['risname', 'risname_raw'], (el) => el.name === 'h1', 1)[0];
  const titleEl = findFirst(doc, (el) => el.name === 'title');
  const name =
    nameFromAuszugTitle(heading ? textValue([heading], ROWS) : null) ??
    nameFromAuszugTitle(titleEl ? textContent(titleEl) : '') ??
    paper.name;

  const markers = listMarkers(scope);
  const text = parseTextSections(scope, markers);
  // the meeting's time and place, as its own head says them (the same labels: Zeit, Raum, Ort)
  const head = readMeetingHead(fields.map((f) => ({ key: labelKey(f.label), value: f.cells })), null);
  const { paperType, underDirectionOf: lead } = motionHeadFacts(scope);

  return {
    ...recordBase(ctx, 'AgendaItem', 'allris3', sourceIdOf(doc, ctx.url)),
    number: top.number,
    public: top.public,
    name,
    meetingSourceId: param(attr(meetingLink, 'href'), 'SILFDNR') ?? (attr(meetingForm, 'value')?.trim() || null),
    meetingName: meetingLink ? textValue([meetingLink], ROWS) : null,
    organization: fieldValue(fields, 'gremium'),
    date: parseGermanDate(fieldValue(fields, 'datum')),
    paperReference: paper.reference,
    paperSourceId: param(attr(paperLink, 'href'), 'VOLFDNR') ?? (attr(paperForm, 'value')?.trim() || null),
    result,
    resultCode: classifyResult(result),
    text,
    vote: findVote(text),
    // optional fields: absent where the page does not say them
    ...(head.start ? { meetingStart: head.start } : {}),
    ...(head.end ? { meetingEnd: head.end } : {}),
    ...(head.room ? { meetingRoom: head.room } : {}),
    ...(head.location ? { meetingLocation: head.location } : {}),
    ...(paperType ? { paperType } : {}),
    ...(lead.length ? { paperUnderDirectionOf: lead } : {}),
  };
}
