/**
 * The head of an ALLRIS 4 / ALLRIS 3 responsive (`_r`) page: `h1.title`, the label → value rows
 * (`#head .row dl > dt .label` + `dd`, or `.row > .label` + `.colEntry`), the document links of
 * `#dokumenteHeaderPanel` / `#anlagenHeaderPanel`, and the text helpers both vo020 parsers use.
 * Label-based (DESIGN.md habit 3): ids (#vobetreff, #voart, …) are only a fallback. Pure.
 */
import type { Cheerio, CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element, Text } from 'domhandler';
import { LayoutChangedError } from '../errors';
import type { FileRef, TextSection } from '../records';
import { parseGermanDate } from './dates';
import { cleanBlock, cleanText, labelKey, resolveUrl, splitList, stripColon } from './text';

// ---------------------------------------------------------------- element text

const SKIP = new Set(['script', 'style', 'title', 'head', 'noscript', 'template', 'meta', 'link']);
const BLOCK = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'tr', 'table', 'tbody', 'thead', 'tfoot', 'caption', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'dl', 'dt', 'dd', 'section', 'article', 'aside', 'header', 'footer', 'blockquote', 'pre',
  'body', 'html', 'form', 'hr',
]);

function collect(node: AnyNode, out: string[]): void {
  if (node.type === 'text') {
    out.push((node as Text).data.replace(/[\r\n\t]+/g, ' '));
    return;
  }
  if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style' && node.type !== 'root') return;
  const el = node as Element;
  const name = (el.name ?? '').toLowerCase();
  if (SKIP.has(name)) return;
  if (name === 'br') {
    out.push('\n');
    return;
  }
  if (name === 'td' || name === 'th') out.push(' ');
  const block = BLOCK.has(name);
  if (block) out.push('\n');
  for (const child of el.children ?? []) collect(child, out);
  if (block) out.push('\n');
}

/** The visible lines of an element: <br> and block elements break lines, each line cleaned, empty lines dropped. */
export function elementLines<T extends AnyNode>(sel: Cheerio<T>): string[] {
  const out: string[] = [];
  sel.each((_, node) => collect(node, out));
  return out
    .join('')
    .split('\n')
    .map((l) => cleanText(l))
    .filter((l): l is string => l !== null);
}

/** The element's text on one line (line breaks become spaces), cleaned; null when empty. */
export function elementText<T extends AnyNode>(sel: Cheerio<T>): string | null {
  return cleanText(elementLines(sel).join(' '));
}

/** A numeric URL parameter (SILFDNR, TOLFDNR, VOLFDNR, …), case-insensitive; null if absent. */
export function urlParam(href: string | null | undefined, name: string): string | null {
  if (!href) return null;
  const m = new RegExp(`[?&;]${name}=(\\d+)`, 'i').exec(href);
  return m ? m[1] : null;
}

/**
 * The version the page states in `<meta name="description" content="ALLRIS net Version 4.1.5 (…)">`,
 * whatever the attribute order (re-serialised pages put `content` first); null if none.
 */
export function metaVersion($: CheerioAPI): string | null {
  const content = $('meta[name="description"]').first().attr('content') ?? '';
  return /ALLRIS net Version ([\d.]+\w*)/i.exec(content)?.[1] ?? null;
}

/** The base for relative links: the page URL, through a <base href> when the page has one. */
export function pageBase($: CheerioAPI, url: string | null): string | null {
  const href = cleanText($('base[href]').first().attr('href'));
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
  value: Cheerio<Element>;
}

/** Every label/value pair in the page head, in page order. */
export function readHeadFields($: CheerioAPI, root: Cheerio<AnyNode>): HeadField[] {
  const fields: HeadField[] = [];
  const push = (labelEl: Cheerio<Element>, valueEl: Cheerio<Element>): void => {
    const raw = cleanText(labelEl.text());
    const id =
      valueEl.find('[id]').first().attr('id') ?? valueEl.attr('id') ??
      labelEl.find('[aria-describedby]').first().attr('aria-describedby') ?? null;
    fields.push({ label: raw ? stripColon(raw) : null, key: labelKey(raw), id, lines: elementLines(valueEl), value: valueEl });
  };
  let rows = root.find('#head .row');
  if (rows.length === 0) rows = root.find('.row');
  rows.each((_, row) => {
    const r = $(row);
    const dts = r.find('dt');
    if (dts.length) {
      dts.each((__, dt) => push($(dt), $(dt).nextAll('dd').first()));
      return;
    }
    r.find('.label').each((__, l) => {
      const label = $(l);
      let value = label.nextAll('[class*="colEntry"]').first();
      if (!value.length) value = label.next();
      push(label, value);
    });
  });
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

export interface PaperHead {
  reference: string | null;
  name: string | null;
  paperType: string | null;
  public: boolean | null;
  statusText: string | null;
  originator: string[];
  underDirectionOf: string[];
  date: string | null;
  relatedReferences: string[];
}

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

/** true for "öffentlich", false for "nichtöffentlich" / "nicht öffentlich", null otherwise. */
export function publicFromStatus(status: string | null): boolean | null {
  if (!status) return null;
  if (/nicht[\s-]*öffentlich/i.test(status)) return false;
  if (/öffentlich/i.test(status)) return true;
  return null;
}

const DATE_KEYS = new Set([
  'datum', 'vorlagedatum', 'datumdervorlage', 'erstellt', 'erstelltam', 'erstellungsdatum', 'angelegt', 'angelegtam',
  'drucksachedatum', 'eingangsdatum', 'eingangam',
]);

/** Reads the paper's head fields; throws LayoutChangedError when neither h1.title nor #vobetreff exists. */
export function readPaperHead($: CheerioAPI, root: Cheerio<AnyNode>, page: string, order: TitleOrder): PaperHead {
  const h1 = root.find('h1.title').first();
  if (h1.length === 0 && root.find('#vobetreff').length === 0) {
    throw new LayoutChangedError(`${page}: neither h1.title nor #vobetreff found`, page, 'h1.title, #vobetreff');
  }
  const fields = readHeadFields($, root);
  const nameField = findField(fields, (k) => k === 'betreff', ['vobetreff']);
  const name = nameField ? cleanText(nameField.lines.join(' ')) : elementText(root.find('#vobetreff').first());
  const statusField = findField(fields, (k) => k === 'status', ['vostatus']);
  const statusText = statusField
    ? cleanText(statusField.lines.join(' '))
    : cleanText([elementText(root.find('#vostatus').first()), elementText(root.find('#vostat').first())].join(' '));
  const typeField = findField(fields, (k) => /^(vorlage|vorlagen|drucksache|drucksachen)?art$/.test(k), ['voart']);
  const typeValue = typeField ? cleanText(typeField.lines.join(' ')) : null;
  const fromTitle = splitPaperTitle(elementText(h1), typeValue, order);
  const originator = listValue(findField(fields, (k) => /^(einreicher|antragsteller|initiator)/.test(k), ['anunterstuetzer']));
  const lead = listValue(findField(fields, (k) => k.startsWith('federführend'), ['vofamt']));
  const dateField = findField(fields, (k) => DATE_KEYS.has(k), ['vodatum']);
  const related = fields
    .filter((f) => f.key.startsWith('bezug'))
    .flatMap((f) => {
      const links = f.value.find('a').toArray().map((a) => elementText($(a))).filter((t): t is string => t !== null);
      return links.length ? links : f.lines.flatMap((l) => splitList(l, /\s*[;,]\s*/));
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

/** VOLFDNR from the page URL, else from the page's own links and forms (Wicket keeps it in every action). */
export function paperSourceId(url: string | null, text: string): string | null {
  return urlParam(url, 'VOLFDNR') ?? (/[?&](?:amp;)?VOLFDNR=(\d+)/i.exec(text)?.[1] ?? null);
}

// ---------------------------------------------------------------- documents

/** The quoted name of a tooltip like "Öffnet PDF-Datei 'Sammeldokument öffentlich' in neuem Fenster". */
function tooltipName(a: Cheerio<Element>): string | null {
  const tip = a.attr('data-simpletooltip-text') ?? a.attr('title') ?? '';
  return cleanText(/'([^']+)'/.exec(tip)?.[1] ?? null);
}

/**
 * Every document the page offers, in page order: `a.doclink` (Vorlage, Sammeldokument; not the
 * in-page `a.doclink.anchor`), `a.attlink` attachments and `do027.asp?DOLFDNR=` links. The
 * attachment table repeats the head's attachment list, so a name already listed there is skipped.
 */
export function readDocumentLinks($: CheerioAPI, root: Cheerio<AnyNode>, base: string | null): FileRef[] {
  const files: FileRef[] = [];
  const seenUrls = new Set<string>();
  const seenNames = new Set<string>();
  root.find('a[href]').each((_, el) => {
    const a = $(el);
    const href = a.attr('href') ?? '';
    const isDoc = (a.hasClass('doclink') && !a.hasClass('anchor')) || a.hasClass('attlink') || /do027\w*\.asp\?/i.test(href);
    if (!isDoc || /^\s*#/.test(href)) return;
    const name = elementText(a) ?? tooltipName(a) ?? 'Dokument';
    const url = resolveUrl(href, base);
    if (url && seenUrls.has(url)) return;
    if (a.closest('table.attachmentTable').length && seenNames.has(name)) return;
    if (url) seenUrls.add(url);
    seenNames.add(name);
    files.push({ name, url });
  });
  return files;
}

// ---------------------------------------------------------------- text sections

/** A short line ending with a colon ("Antrag:", "Beschluss:") that heads a Word-converted section. */
function looksLikeHeading(line: string): boolean {
  return /:$/.test(line) && line.length <= 60 && line.split(' ').length <= 5;
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
