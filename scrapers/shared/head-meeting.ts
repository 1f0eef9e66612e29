/**
 * The to010 page of ALLRIS 4 and of ALLRIS 3's responsive `_r` programs → MeetingRecord: both have the
 * `h1.title` ("Stadtrat - 21.10.2026") + `#head` fields and the `#toTable` agenda inside
 * `<div id="allris">`; they differ in the system, how the head pairs labels with values and where the
 * meeting's own SILFDNR stands when the URL does not say it. The one meeting-head reader. Pure.
 */
import type { AnyNode, Element } from 'domhandler';
import { LayoutChangedError } from '../errors';
import { pageId } from '../html/page-id';
import { param } from '../html/param';
import { recordBase, type ParseContext } from '../html/context';
import { attr, byId, documentOf, findAll, findFirst, hasClass } from '../html/dom';
import { textValue } from '../html/text';
import { allrisVersion } from '../html/version';
import type { FileRef, MeetingRecord, SystemName } from '../records';
import { dateFromTitle, nameFromTitle, readMeetingHead, type MeetingField } from './agenda-meeting-head';
import { findToTable, parseToTable } from './agenda-totable';
import { cancelledField, meetingHeadCancelled } from './cancelled';
import { filesField } from './document-forms';
import { pageBase } from './head-fields';
import { documentLinkUrl } from './document-url';

export interface HeadMeetingLayout {
  system: SystemName;
  /** names the page in errors when there is no URL */
  pageName: string;
  /** the selector named in the LayoutChangedError when neither title nor fields are found */
  headSelector: string;
  /** the head's label → value pairs, inside `root` (the `#allris` container or the document) */
  readFields: (root: AnyNode) => MeetingField[];
  /** the SILFDNR the page states of itself (its own links and forms), or null */
  ownId: (root: AnyNode) => string | null;
}

/**
 * The documents of the "Dokumente" panel: its `a.doclink` links to files (Einladung, Bekanntmachung,
 * Niederschrift …), one per URL; not the panel's other links (Anwesenheit si019, Realisierungen to035)
 * nor "Sammeldokument individuell", a dialog behind `href="#"`.
 */
function panelDocuments(panel: Element, base: string | null): FileRef[] {
  const files: FileRef[] = [];
  const seen = new Set<string>();
  for (const a of findAll(panel, (el) => el.name === 'a' && hasClass(el, 'doclink') && !hasClass(el, 'anchor'))) {
    const url = documentLinkUrl(attr(a, 'href'), base);
    const name = textValue([a]);
    if (!url || !name || /^#/.test(attr(a, 'href') ?? '') || seen.has(url)) continue;
    seen.add(url);
    files.push({ name, url });
  }
  return files;
}

/**
 * SILFDNR: from the URL, else what the page states of itself. A page that states another meeting than its URL
 * asks for is not read (MismatchedPageError): under the URL's id it would mix two meetings' heads and agendas.
 */
function meetingId(root: AnyNode, url: string | null, layout: HeadMeetingLayout): string | null {
  return pageId('the meeting', 'SILFDNR', param(url, 'SILFDNR'), layout.ownId(root));
}

export function parseHeadMeeting(ctx: ParseContext, layout: HeadMeetingLayout): MeetingRecord {
  const doc = documentOf(ctx);
  const page = ctx.url ?? layout.pageName;
  const root: AnyNode = byId(doc, 'allris') ?? doc;
  const title = textValue([findFirst(root, (el) => el.name === 'h1' && hasClass(el, 'title'))]);
  const fields = layout.readFields(root);
  if (!title && fields.length === 0) {
    throw new LayoutChangedError(`${page}: neither h1.title nor #head fields found`, page, layout.headSelector);
  }
  const head = readMeetingHead(fields, root);
  const cancelled = meetingHeadCancelled(fields.map((f) => ({ key: f.key, text: textValue(f.value) })), [title, head.name, head.statusText]);
  const date = head.date ?? dateFromTitle(title);
  const panel = byId(root, 'dokumenteHeaderPanel') ?? byId(doc, 'dokumenteHeaderPanel');
  return {
    ...recordBase(ctx, 'Meeting', layout.system, meetingId(root, ctx.url, layout), { systemVersion: ctx.systemVersion ?? allrisVersion(ctx.text) }),
    ...head,
    date,
    name: head.name ?? nameFromTitle(title, date),
    agendaItem: parseToTable(findToTable(root, page), pageBase(doc, ctx.url)),
    ...cancelledField(cancelled),
    // the meeting's own documents: the "Dokumente" panel beside its head (Einladung, Bekanntmachung, Niederschrift)
    ...filesField(panel ? panelDocuments(panel, pageBase(doc, ctx.url)) : []),
  };
}
