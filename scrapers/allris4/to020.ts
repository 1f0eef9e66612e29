/**
 * ALLRIS 4 (Wicket) to020 ("Auszug", one agenda item) → AgendaItem record (CONTRACTS.md §2) with the
 * optional `vote`. Layout: ALLRIS-NOTES §4.3 "ALLRIS 4". Pure.
 *
 * Head: `#head .row dl > dt .label` + `dd` pairs, read by label (ids only as fallback): TOP
 * (`#toname` "Ö 3.1.12"), Sitzung (`#sibetreff` link `to010?SILFDNR=…`), Gremium, Datum, Vorlage
 * (`#vobetreff` link `vo020?VOLFDNR=…` "DRS. 25/161 Betreff…"), Status Beschluss (`#bvstatus` + `#bvztermin`,
 * the Beschlussverfolgung); the staff field Bearbeiter (`#vosb`) is never read. Result: `#mainContent .toBa` "Beschluss:" + `#toBeschlussart`. Text: the
 * `div.docPart` sections (Beschluss, Abstimmungsergebnis) under their panels.
 *
 * Vendor quirks with a home here (each has a test in test/scrapers/allris4/to020.test.ts):
 * - `h1.title` "11.12.2025 - 3.1.12 Entwurf der Haushaltssatzung der Stadt Taunusst..." cuts the name
 *   off: the Vorlage's full name is taken when it starts with the cut-off text;
 * - the panel heading `h2.expandedTitle` is empty: the section is named by its collapse tooltip
 *   ("Beschluss ausblenden");
 * - Word list numbers (`<ol start="2">`) and vote tables ("Abstimmung: | Dafür: | 25 | …") are kept.
 */
import type { AnyNode, Element } from 'domhandler';
import { LayoutChangedError } from '../errors';
import { pageId } from '../html/page-id';
import { recordBase, type ParseContext } from '../html/context';
import type { DecisionStatus, TextSection } from '../records';
import { classifyResult, cleanResultText } from '../shared/codes';
import { dateOnly, parseGermanDate } from '../shared/dates';
import { attr, attrContains, byId, documentOf, findAll, findFirst, findUnder, hasClass, nextElements, textContent } from '../html/dom';
import { panelName, partHeading } from './vo020';
import { findField, pageBase, paperFactsOf, readDocumentLinks, readHeadFields, textSection, type HeadField } from '../shared/head-fields';
import { listMarkers } from '../html/list-numbers';
import { cleanText, labelKey } from '../shared/text';
import { nameFromAllris4Title, splitPaperLink, splitTopNumber } from '../shared/to020-fields';
import { findVote, type AgendaItemWithVote } from '../shared/vote';
import { ROWS, textLines, textValue } from '../html/text';
import { param } from '../html/param';
import { allrisVersion } from '../html/version';

/** A link or form of this page instance (Wicket listeners, `to020?0-1.-menu-…&TOLFDNR=…`): always this agenda item. */
const OWN_ITEM_LINK = /to020\?\d+-[^"'\s<>]*?(?:&amp;|&)TOLFDNR=(\d+)/i;

/**
 * TOLFDNR: the URL, else the page's own links and forms (`Wicket.Ajax.baseUrl="to020?TOLFDNR=…"`, print link). A
 * page whose own Wicket links name another agenda item than its URL is not read (MismatchedPageError).
 */
function sourceIdOf(url: string | null, text: string): string | null {
  const own = OWN_ITEM_LINK.exec(text)?.[1] ?? null;
  return pageId('the agenda item', 'TOLFDNR', param(url, 'TOLFDNR'), own) ?? (/to020\?(?:[^"'\s<>]*?(?:&amp;|&))?TOLFDNR=(\d+)/i.exec(text)?.[1] ?? null);
}

function fieldText(field: HeadField | null): string | null {
  return field ? cleanText(field.lines.join(' ')) : null;
}

/**
 * The docPart sections in page order. Heading: the panel's h2; when that is empty, the document's
 * own first line ("Beschluss:"); else the panel's name from its collapse tooltip. Word tables keep
 * one line per row, cells joined by " | ".
 */
function readSections(root: AnyNode, markers: Map<Element, string>): TextSection[] {
  const sections: TextSection[] = [];
  for (const part of findAll(root, (el) => el.name === 'div' && hasClass(el, 'docPart'))) {
    const section = textSection(textLines([part], { ...ROWS, markers }), textValue([partHeading(part)]), panelName(part));
    if (section) sections.push(section);
  }
  return sections;
}

/** The result: the "Beschluss:" / "Beschlussart:" row of `#mainContent .toBa`, else `#toBeschlussart`. */
function resultOf(root: AnyNode): string | null {
  let value: string | null = null;
  // .toBa dt
  for (const dt of findUnder(root, (el) => hasClass(el, 'toBa'), (el) => el.name === 'dt')) {
    if (value === null && /^beschluss(art)?$/.test(labelKey(textContent(dt)))) {
      value = textValue([nextElements(dt).find((el) => el.name === 'dd')]);
    }
  }
  return cleanResultText(value ?? textValue([byId(root, 'toBeschlussart')]));
}

/**
 * "Status Beschluss:" (ALLRIS's Beschlussverfolgung: `#bvstatus` "Beschlussumsetzung erwünscht", `#bvztermin`
 * "22.12.2025"): the status as written and the day beside it — the value's last part when it is a date and
 * nothing else, in whatever form the page writes dates. Null without one.
 */
function decisionStatusOf(fields: HeadField[]): DecisionStatus | null {
  const field = findField(fields, (k) => k === 'statusbeschluss' || k === 'beschlussstatus', ['bvstatus']);
  if (!field) return null;
  const spans = field.value.flatMap((v) => v.children.filter((c): c is Element => c.type === 'tag'));
  const parts = (spans.length ? spans.map((el) => textValue([el])) : field.lines).filter((t): t is string => !!t);
  const date = parts.length > 1 ? dateOnly(parts[parts.length - 1]) : null;
  const text = cleanText((date ? parts.slice(0, -1) : parts).join(' '));
  return text ? { text, date } : null;
}

export function parseAllris4AgendaItem(ctx: ParseContext): AgendaItemWithVote {
  const doc = documentOf(ctx);
  const page = ctx.url;
  const rootNode: AnyNode = byId(doc, 'allris') ?? doc;

  const fields = readHeadFields(rootNode);
  const topField = findField(fields, (k) => k === 'top', ['toname']);
  if (!topField) {
    throw new LayoutChangedError(
      `to020 ${page ?? '(no url)'}: no "TOP:" field in the page head`,
      page,
      '#head .row dt .label "TOP:", #toname',
    );
  }
  const top = splitTopNumber(fieldText(topField));
  const meetingField = findField(fields, (k) => k === 'sitzung', ['sibetreff']);
  const meetingLink = meetingField ? findFirst(meetingField.value, (el) => el.name === 'a' && attrContains(el, 'href', 'SILFDNR=')) : undefined;
  const paperField = findField(fields, (k) => k === 'vorlage', ['vobetreff']);
  const paperLink = paperField ? findFirst(paperField.value, (el) => el.name === 'a' && attrContains(el, 'href', 'VOLFDNR=')) : undefined;
  const paper = splitPaperLink(fieldText(paperField));
  const result = resultOf(rootNode);

  const decisionStatus = decisionStatusOf(fields);
  const markers = listMarkers(rootNode);
  const text = readSections(rootNode, markers);
  // the documents the page offers: the item's Niederschriftsauszug, the motion's Sammeldokument, its attachments
  const files = readDocumentLinks(rootNode, pageBase(doc, ctx.url));
  // what the head says of the motion: "Vorlageart", "Federführend" (never the Bearbeiter beside them)
  const facts = paperFactsOf(fields);

  return {
    ...recordBase(ctx, 'AgendaItem', 'allris4', sourceIdOf(ctx.url, ctx.text), { systemVersion: ctx.systemVersion ?? allrisVersion(ctx.text) }),
    number: top.number,
    public: top.public,
    name: nameFromAllris4Title(textValue([findFirst(rootNode, (el) => el.name === 'h1' && hasClass(el, 'title'))]), top.number, paper.name),
    meetingSourceId: param(attr(meetingLink, 'href'), 'SILFDNR'),
    meetingName: fieldText(meetingField),
    organization: fieldText(findField(fields, (k) => k === 'gremium', ['sigremium'])),
    date: parseGermanDate(fieldText(findField(fields, (k) => k === 'datum', ['sidatum']))),
    paperReference: paper.reference,
    paperSourceId: param(attr(paperLink, 'href'), 'VOLFDNR'),
    result,
    resultCode: classifyResult(result),
    text,
    vote: findVote(text),
    ...(decisionStatus ? { decisionStatus } : {}),
    ...(files.length ? { files } : {}),
    ...(facts.paperType ? { paperType: facts.paperType } : {}),
    ...(facts.underDirectionOf.length ? { paperUnderDirectionOf: facts.underDirectionOf } : {}),
  };
}
