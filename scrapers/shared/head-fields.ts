/**
 * The head of an ALLRIS 4 / ALLRIS 3 responsive (`_r`) page: `h1.title`, the label → value rows
 * (`#head .row dl > dt .label` + `dd`, or `.row > .label` + `.colEntry`), the document links of
 * `#dokumenteHeaderPanel` / `#anlagenHeaderPanel`, and the text helpers both vo020 parsers use.
 * Label-based (DESIGN.md habit 3): ids (#vobetreff, #voart, …) are only a fallback. Pure.
 */
import type { AnyNode, Element } from 'domhandler';
import { textLines, textValue } from '../html/text';
import { attr, attrContains, byId, closest, findAll, findFirst, findUnderId, hasAttribute, hasClass, nextElements, textContent } from '../html/dom';
import type { FileRef, PaperRecord, TextSection } from '../records';
import { parseGermanDate } from './dates';
import { cleanBlock, cleanText, labelKey, splitList, stripColon } from './text';
import { documentLinkUrl } from './document-url';
import { splitReferences } from './references';
import { isBareHeading } from './section-heading';
import { inDocumentList } from './document-lists';
import { param } from '../html/param';
import { pageId } from '../html/page-id';
import { publicFromStatus } from '../html/public-status';
import { sel } from '../html/selector';

/** The base for relative links: the page URL, through a <base href> when the page has one. */
export function pageBase(doc: AnyNode, url: string | null): string | null {
  const href = cleanText(attr(findFirst(doc, (el) => el.name === 'base' && hasAttribute(el, 'href')), 'href'));
  if (!url || !href) return url;
  try {
    return new URL(href, url).toString();
  } catch {
    return url;
  }
}

// ---------------------------------------------------------------- label → value rows

export interface HeadField {
  /** the label without its colon, as shown */
  label: string | null;
  /** labelKey(label): lower case, no colon, spaces, hyphens or slashes */
  key: string;
  /** the id of the value span (vobetreff, voart, …) or the label's aria-describedby */
  id: string | null;
  lines: string[];
  /** the value element (none when the label has no value element) */
  value: Element[];
}

/** Every label/value pair in the page head, in page order (`root`: the ALLRIS container or the document). */
export function readHeadFields(root: AnyNode): HeadField[] {
  const fields: HeadField[] = [];
  const push = (labelEl: Element, valueEl: Element | undefined): void => {
    const raw = cleanText(textContent(labelEl));
    const value = valueEl ? [valueEl] : [];
    const id =
      attr(findFirst(value, (el) => hasAttribute(el, 'id')), 'id') ?? attr(valueEl, 'id') ??
      attr(findFirst(labelEl, (el) => hasAttribute(el, 'aria-describedby')), 'aria-describedby') ?? null;
    fields.push({ label: raw ? stripColon(raw) : null, key: labelKey(raw), id, lines: textLines(value), value });
  };
  const isRow = (el: Element): boolean => hasClass(el, 'row');
  let rows = findUnderId(root, ['head'], isRow);
  if (rows.length === 0) rows = findAll(root, isRow);
  for (const row of rows) {
    const dts = findAll(row, (el) => el.name === 'dt');
    if (dts.length) {
      for (const dt of dts) push(dt, nextElements(dt).find((el) => el.name === 'dd'));
      continue;
    }
    for (const label of findAll(row, (el) => hasClass(el, 'label'))) {
      const siblings = nextElements(label);
      const value = siblings.find((el) => attrContains(el, 'class', 'colEntry')) ?? siblings[0];
      push(label, value);
    }
  }
  return fields;
}

/** Labels of staff persons: never read into a record, not even through an id fallback. */
const STAFF = /^(verfasser|bearbeiter|sachbearbeiter|vorstand|berichterstatter|ansprechpartner|autor)/;

/** The first field whose label key passes `labelTest`, else the first (non-staff) field with one of `ids`. */
export function findField(fields: HeadField[], labelTest: (key: string) => boolean, ids: string[] = []): HeadField | null {
  const byLabel = fields.find((f) => f.key !== '' && labelTest(f.key));
  if (byLabel) return byLabel;
  return fields.find((f) => f.id !== null && ids.includes(f.id) && !STAFF.test(f.key)) ?? null;
}

/** A field's value as a list: one entry per line, lines split at ";". */
function listValue(field: HeadField | null): string[] {
  if (!field) return [];
  return field.lines.flatMap((l) => splitList(l));
}

// ---------------------------------------------------------------- the paper head

/** The fields of a paper record its head (the table above the Beratungsfolge) holds. */
export type PaperHead = Pick<PaperRecord, 'reference' | 'name' | 'paperType' | 'public' | 'statusText' | 'originator'
  | 'underDirectionOf' | 'date' | 'relatedReferences'>;

/** "Antrag - 2026/245" (ALLRIS 4: type first) or "VO/2026/181 - öffentliche Beschlussvorlage" (`_r`: number first). */
export type TitleOrder = 'type-reference' | 'reference-type';

export function splitPaperTitle(
  title: string | null,
  paperType: string | null,
  order: TitleOrder,
): { reference: string | null; paperType: string | null } {
  if (!title) return { reference: null, paperType: null };
  const parts = title.split(/\s+[-–]\s+/).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length < 2) return { reference: /\d/.test(title) ? title : null, paperType: null };
  const type = paperType?.toLowerCase();
  if (type && parts[0].toLowerCase() === type) return { reference: cleanText(parts.slice(1).join(' - ')), paperType: parts[0] };
  if (type && parts[parts.length - 1].toLowerCase() === type) {
    return { reference: cleanText(parts.slice(0, -1).join(' - ')), paperType: parts[parts.length - 1] };
  }
  return order === 'type-reference'
    ? { reference: cleanText(parts.slice(1).join(' - ')), paperType: parts[0] }
    : { reference: parts[0], paperType: cleanText(parts.slice(1).join(' - ')) };
}

const DATE_KEYS = new Set([
  'datum', 'vorlagedatum', 'datumdervorlage', 'erstellt', 'erstelltam', 'erstellungsdatum', 'angelegt', 'angelegtam',
  'drucksachedatum', 'eingangsdatum', 'eingangam',
]);

/** A paper page names itself in its title or its Betreff. */
const PAPER_HEAD = sel('paper title or Betreff', 'h1.title, #vobetreff', { min: 1 });

/**
 * What a head names of a paper beside its reference and title: its type ("Vorlageart", "Drucksache-Art") and its
 * lead office ("Federführend", one entry per line or ";") — a paper's own head, or an agenda item's page's.
 */
export function paperFactsOf(fields: HeadField[]): { paperType: string | null; underDirectionOf: string[] } {
  const typeField = findField(fields, (k) => /^(vorlage|vorlagen|drucksache|drucksachen)?art$/.test(k), ['voart']);
  return {
    paperType: typeField ? cleanText(typeField.lines.join(' ')) : null,
    underDirectionOf: listValue(findField(fields, (k) => k.startsWith('federführend'), ['vofamt'])),
  };
}

/** Reads the paper's head fields; throws LayoutChangedError when neither h1.title nor #vobetreff exists. */
export function readPaperHead(root: AnyNode, page: string, order: TitleOrder): PaperHead {
  const h1 = findFirst(root, (el) => el.name === 'h1' && hasClass(el, 'title'));
  const idList = (id: string): Element[] => {
    const el = byId(root, id);
    return el ? [el] : [];
  };
  if (!h1) PAPER_HEAD.one(root, page);
  const fields = readHeadFields(root);
  const nameField = findField(fields, (k) => k === 'betreff', ['vobetreff']);
  const name = nameField ? cleanText(nameField.lines.join(' ')) : textValue(idList('vobetreff'));
  const statusField = findField(fields, (k) => k === 'status', ['vostatus']);
  const statusText = statusField
    ? cleanText(statusField.lines.join(' '))
    : cleanText([textValue(idList('vostatus')), textValue(idList('vostat'))].join(' '));
  const { paperType: typeValue, underDirectionOf: lead } = paperFactsOf(fields);
  const fromTitle = splitPaperTitle(textValue([h1]), typeValue, order);
  const originator = listValue(findField(fields, (k) => /^(einreicher|antragsteller|initiator)/.test(k), ['anunterstuetzer']));
  const dateField = findField(fields, (k) => DATE_KEYS.has(k), ['vodatum']);
  const related = fields
    .filter((f) => f.key.startsWith('bezug'))
    .flatMap((f) => {
      const links = findAll(f.value, (el) => el.name === 'a').flatMap((a) => splitReferences(textValue([a])));
      return links.length ? links : f.lines.flatMap(splitReferences);
    });
  return {
    reference: fromTitle.reference,
    name,
    paperType: typeValue ?? fromTitle.paperType,
    public: publicFromStatus(statusText),
    statusText,
    originator,
    underDirectionOf: lead,
    date: dateField ? parseGermanDate(dateField.lines.join(' ')) : null,
    relatedReferences: [...new Set(related)],
  };
}

/** A link or form of this page instance (ALLRIS 4's Wicket listeners, `vo020?0-1.-menu-…&VOLFDNR=…`): always this Vorlage. */
const OWN_PAPER_LINK = /vo020\?\d+-[^"'\s<>]*?(?:&amp;|&)VOLFDNR=(\d+)/i;

/**
 * VOLFDNR from the page URL, else from the page's own links and forms (Wicket keeps it in every action). A page
 * whose own Wicket links name another Vorlage than its URL is not read (MismatchedPageError).
 */
export function paperSourceId(url: string | null, text: string): string | null {
  const own = OWN_PAPER_LINK.exec(text)?.[1] ?? null;
  return pageId('Vorlage', 'VOLFDNR', param(url, 'VOLFDNR'), own) ?? (/[?&](?:amp;)?VOLFDNR=(\d+)/i.exec(text)?.[1] ?? null);
}

// ---------------------------------------------------------------- documents

/** The quoted name of a tooltip like "Öffnet PDF-Datei 'Sammeldokument öffentlich' in neuem Fenster". */
function tooltipName(a: Element): string | null {
  const tip = attr(a, 'data-simpletooltip-text') ?? attr(a, 'title') ?? '';
  return cleanText(/'([^']+)'/.exec(tip)?.[1] ?? null);
}

/**
 * Every document the page offers, in page order: `a.doclink` (Vorlage, Sammeldokument; not the
 * in-page `a.doclink.anchor`), `a.attlink` attachments and `do027.asp?DOLFDNR=` links. The
 * attachment table repeats the head's attachment list, so a name already listed there is skipped.
 */
export function readDocumentLinks(root: AnyNode, base: string | null): FileRef[] {
  const files: FileRef[] = [];
  const seenUrls = new Set<string>();
  const seenNames = new Set<string>();
  for (const a of findAll(root, (el) => el.name === 'a' && hasAttribute(el, 'href'))) {
    const href = attr(a, 'href') ?? '';
    const isDoc =
      (hasClass(a, 'doclink') && !hasClass(a, 'anchor')) || hasClass(a, 'attlink') || /do027\w*\.asp\?/i.test(href) || inDocumentList(a);
    if (!isDoc || /^\s*#/.test(href)) continue;
    const name = textValue([a]) ?? tooltipName(a) ?? 'Dokument';
    const url = documentLinkUrl(href, base);
    if (url && seenUrls.has(url)) continue;
    if (closest(a, (el) => el.name === 'table' && hasClass(el, 'attachmentTable')) && seenNames.has(name)) continue;
    if (url) seenUrls.add(url);
    seenNames.add(name);
    files.push({ name, url });
  }
  return files;
}

// ---------------------------------------------------------------- text sections

/** A short line ending with a colon ("Antrag:", "Beschluss:") that heads a Word-converted section. */
function looksLikeHeading(line: string): boolean {
  return (/:$/.test(line) && line.length <= 60 && line.split(' ').length <= 5) || isBareHeading(line);
}

/**
 * One text section from its lines: the heading is the given one (h2), else an inline first line like
 * "Antrag:", else the fallback; the heading line is not repeated in the text. Null when no text remains.
 */
export function textSection(lines: string[], heading: string | null, fallback: string | null): TextSection | null {
  let h = heading ? cleanText(stripColon(heading)) : null;
  const body = [...lines];
  if (body.length && looksLikeHeading(body[0])) {
    const inline = stripColon(body[0]);
    if (!h) {
      h = inline;
      body.shift();
    } else if (inline.toLowerCase() === h.toLowerCase()) body.shift();
  }
  const text = cleanBlock(body.join('\n'));
  return text ? { heading: h ?? fallback, text } : null;
}
