/**
 * ALLRIS net 3.x classic and `_raw` to010 (Sitzung / Tagesordnung) → MeetingRecord (CONTRACTS.md §2
 * "Meeting", ALLRIS-NOTES §4.2). Head: `#risname(_raw) h1` "Tagesordnung - <Sitzungsname>" and the
 * `td.kb1` label rows (Bezeichnung, Gremium → au020 AULFDNR / pa020 PALFDNR, Datum, Status, Zeit,
 * Raum, Ort; Anlass/Zusatz ignored); agenda: `table.tl1` (to010-agenda.ts). Pure.
 *
 * Quirks with a home here (tests in test/scrapers/allris3/to010.test.ts):
 * - city portal wrappers (Hildesheim NOLIS): everything is read inside #rismain / #rismain_raw /
 *   #allriscontainer only, so portal navigation and footers cannot leak in;
 * - pages without a "Bezeichnung:" row (Regensburg): the name is the h1 without "Tagesordnung - ";
 * - the meeting's own SILFDNR without a URL: meta objectID, the si016/si017 forms or this agenda's
 *   TOP links — never the TO form / to010 link of an earlier meeting inside the agenda.
 */
import type { AnyNode, Document, Element } from 'domhandler';
import { LayoutChangedError } from '../errors';
import { pageId } from '../html/page-id';
import { recordBase, type ParseContext } from '../html/context';
import type { MeetingRecord } from '../records';
import { nameFromTitle, readMeetingHead, type MeetingField } from '../shared/agenda-meeting-head';
import { attr, attrContains, attrValue, closest, documentOf, findAll, findFirst, findUnder, findUnderId, hasClass } from '../html/dom';
import { cleanText, labelKey } from '../shared/text';
import { findAgendaTable, parseClassicAgenda } from './to010-agenda';
import { readLabelledFields } from './vo020-labels';
import { findScope } from './scope';
import { cancelledField, meetingHeadCancelled } from '../shared/cancelled';
import { documentFormsAndLinks, filesField } from '../shared/document-forms';
import { textValue } from '../html/text';
import { param } from '../html/param';


/** The label rows of the head table (the table around the first `td.kb1`), as label key → value cells. */
function headFields(scope: AnyNode): MeetingField[] {
  const kb1 = findFirst(scope, (el) => el.name === 'td' && hasClass(el, 'kb1'));
  const table = kb1 ? closest(kb1, (el) => el.name === 'table') : undefined;
  if (!table || table.type !== 'tag') return [];
  return readLabelledFields(table).map((f) => ({ key: labelKey(f.label), value: f.cells }));
}

const isForm = (el: Element, part: string): boolean => el.name === 'form' && attrContains(el, 'action', part);
const isInput = (el: Element, name: string): boolean => el.name === 'input' && attrValue(el, 'name') === name;

/**
 * SILFDNR: from the URL, else from the page's own meta, forms and TOP links (never an earlier meeting's). A page
 * that states another meeting than its URL asks for is not read (MismatchedPageError): under the URL's id it
 * would overwrite that meeting with another's head and agenda.
 */
function meetingSourceId(doc: Document, scope: AnyNode, url: string | null): string | null {
  return pageId('the meeting', 'SILFDNR', param(url, 'SILFDNR'), pageMeetingId(doc, scope));
}

/** The SILFDNR the page states of itself: its meta, its si016/si017/si019 forms, its TOP links, its own form, a hidden field. */
function pageMeetingId(doc: Document, scope: AnyNode): string | null {
  const meta = cleanText(attr(findFirst(doc, (el) => el.name === 'meta' && attrValue(el, 'name') === 'objectID'), 'content'));
  if (meta && /^\d+$/.test(meta)) return meta;
  const forms = findAll(doc, (el) => isForm(el, 'si016') || isForm(el, 'si017') || isForm(el, 'si019'));
  const form = cleanText(attr(findFirst(forms, (el) => isInput(el, 'SILFDNR')), 'value'));
  if (form && /^\d+$/.test(form)) return form;
  const topLinks = findUnder(
    scope,
    (el) => el.name === 'td' && hasClass(el, 'text4'),
    (el) => el.name === 'a' && attrContains(el, 'href', 'to010') && attrContains(el, 'href', 'TOLFDNR='),
  );
  for (const a of topLinks) {
    const id = param(a.attribs.href, 'SILFDNR');
    if (id) return id;
  }
  const self = findAll(doc, (el) => isForm(el, 'to010.asp?SILFDNR=')).filter((f) => findFirst(f, (el) => isInput(el, 'selfAction')) !== undefined);
  return param(attr(self[0], 'action'), 'SILFDNR') ?? hiddenMeetingId(scope);
}

/**
 * Older releases (3.8): the id only in a hidden `SILFDNR` field of the page's own forms (print, ICS
 * export). Fields inside the agenda rows name earlier meetings (minutes to approve) and are not read;
 * the id counts only when all other fields agree on it.
 */
function hiddenMeetingId(scope: AnyNode): string | null {
  const agenda = findAgendaTable(scope)?.table;
  const ids = new Set<string>();
  for (const input of findAll(scope, (el) => isInput(el, 'SILFDNR') && attrValue(el, 'type')?.toLowerCase() === 'hidden')) {
    if (agenda && closest(input, (el) => el === agenda)) continue;
    const v = cleanText(attr(input, 'value'));
    if (v && /^\d+$/.test(v)) ids.add(v);
  }
  return ids.size === 1 ? [...ids][0] : null;
}

export function parseAllris3Meeting(ctx: ParseContext): MeetingRecord {
  const doc = documentOf(ctx);
  const scope = findScope(doc);
  const page = ctx.url ?? 'ALLRIS 3 to010 page';
  const h1El = findUnderId(doc, ['risname', 'risname_raw'], (el) => el.name === 'h1', 1)[0];
  const h1 = textValue([h1El]);
  const fields = headFields(scope);
  if (!h1 && fields.length === 0) {
    throw new LayoutChangedError(`${page}: neither a Tagesordnung heading nor head labels`, page, '#risname h1, td.kb1');
  }
  const agenda = findAgendaTable(scope);
  if (!agenda) {
    throw new LayoutChangedError(`${page}: no agenda table with a Betreff column`, page, 'table.tl1 tr.zk1 th "Betreff"');
  }
  const head = readMeetingHead(fields, null);
  const cancelled = meetingHeadCancelled(fields.map((f) => ({ key: f.key, text: textValue(f.value) })), [h1, head.name, head.statusText]);
  return {
    ...recordBase(ctx, 'Meeting', 'allris3', meetingSourceId(doc, scope, ctx.url)),
    ...head,
    name: head.name ?? nameFromTitle(h1, head.date),
    agendaItem: parseClassicAgenda(agenda.table, agenda.header, page),
    ...cancelledField(cancelled),
    // the meeting's own documents (Bekanntmachung, Protokoll) in its head; those in the agenda rows are the items'
    ...filesField(documentFormsAndLinks(scope, ctx.url, (el) => closest(el, (t) => t === agenda.table) !== undefined)),
  };
}
