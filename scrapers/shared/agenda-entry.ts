/**
 * One agenda item of a to010 page (CONTRACTS.md "Meeting" → agendaItem[]), whatever the ALLRIS
 * generation: the TOP number with its Ö/N marker, the publicity of section rows ("öffentlicher
 * Teil", "Nichtöffentlicher Teil"), the subject without its "Zusatzinfo" span, and the entry
 * itself with result text and code. Pure.
 */
import type { AnyNode, Element } from 'domhandler';
import type { AgendaItemEntry, FileRef } from '../records';
import { classifyResult, cleanResultText } from './codes';
import { attrValue, findAll, findFirst, hasClass } from '../html/dom';
import { isOrganisationName } from './persons';
import { cleanText } from './text';
import { textValue } from '../html/text';

/**
 * "Ö 1" → { number: "1", public: true }; "N 10" → { "10", false }; "Ö 2.1" → { "2.1", true };
 * "10.1" (no marker) → { "10.1", null }; "" → { null, null }. NBSP and spaces between marker and
 * number are optional ("Ö&nbsp;1", "Ö1"); "NÖ" (nicht öffentlich) is non-public.
 */
export function splitTopNumber(text: string | null | undefined): { number: string | null; public: boolean | null } {
  const t = cleanText(text);
  if (!t) return { number: null, public: null };
  const m = /^(NÖ|N|Ö)(?:\s+|(?=\d)|$)(.*)$/iu.exec(t);
  if (!m) return { number: t, public: null };
  return { number: cleanText(m[2]), public: !/^n/i.test(m[1]) };
}

/**
 * True for a TOP cell text that reads as a number with or without marker ("Ö 1", "N 10", "2.1",
 * "10a"); false for a heading that spans the TOP column ("Öffentlicher Teil") or an empty cell.
 */
export function looksLikeTopNumber(text: string | null | undefined): boolean {
  const { number } = splitTopNumber(text);
  if (number === null) return cleanText(text) !== null && /^(NÖ|N|Ö)$/i.test(cleanText(text) ?? '');
  return /\d/.test(number) && number.length <= 15;
}

/**
 * The publicity a section row states: "Nichtöffentlicher Teil", "nicht öffentliche Sitzung",
 * "vertraulicher Teil" → false; "öffentlicher Teil (19:30 - 20:40 Uhr)" → true; anything else
 * (a plain heading row) → null, i.e. it does not change the current section.
 */
export function publicFromSection(text: string | null | undefined): boolean | null {
  const t = cleanText(text)?.toLowerCase();
  if (!t) return null;
  if (/nicht[\s-]*(ö|oe)ffentlich|vertraulich|geheim/.test(t)) return false;
  if (/(ö|oe)ffentlich/.test(t)) return true;
  return null;
}

/** Row texts that only say the subject is hidden; they are no name (Hamburg N rows: "(nichtöffentlich)"). */
const HIDDEN_SUBJECT = /^\(?\s*nicht[\s-]*(ö|oe)ffentlich\s*\)?$/i;

/**
 * Elements inside a subject cell that are not part of the subject: `span[title="Zusatzinfo"]`,
 * `span.zusatzinfo`, `[hidden]`, `[data-wicket-placeholder]`, script, style, input, select, img.
 */
const NOT_SUBJECT_TAGS = new Set(['script', 'style', 'input', 'select', 'img']);

function hasAttribute(el: Element, name: string): boolean {
  return !!el.attribs && Object.prototype.hasOwnProperty.call(el.attribs, name) && el.attribs[name] != null;
}

/** The grey remark of an agenda row's subject: `span[title="Zusatzinfo"]` (ALLRIS 3), `span.zusatzinfo` (ALLRIS 4). */
const isRemark = (el: Element): boolean => el.name === 'span' && (attrValue(el, 'title') === 'Zusatzinfo' || hasClass(el, 'zusatzinfo'));

export function notSubject(el: Element): boolean {
  if (NOT_SUBJECT_TAGS.has(el.name)) return true;
  if (isRemark(el)) return true;
  return hasAttribute(el, 'hidden') || hasAttribute(el, 'data-wicket-placeholder');
}

/**
 * The subject (Betreff) as shown, on one line, without the "Zusatzinfo" span (referent, author or
 * a remark in grey: "(Referentin: …)", "(Verfasserin: CDU-Fraktion)"); null for "(nichtöffentlich)".
 */
export function subjectText(cells: readonly AnyNode[]): string | null {
  const text = textValue(cells, { skip: notSubject });
  return text && HIDDEN_SUBJECT.test(text) ? null : text;
}

/** A remark that names a person by role ("Referent: Dr. …", "Referentin Claudia …", "Verfasserin: …"): the role and what follows. */
const ROLE_NOTE = /^\(?\s*(referent(?:in)?|berichterstatter(?:in)?|(?:sach)?bearbeiter(?:in)?|verfasser(?:in)?|vortragende[rn]?)\b\s*:?\s*(.*?)\s*\)?$/iu;
/** A remark that names a person: "Herr …", "Frau …", "Dr. …". */
const NAMES_PERSON = /(?<!\p{L})(?:Herrn?|Frau|Dr\.|Prof\.)\s+\p{Lu}/u;

/**
 * The row's remark (its "Zusatzinfo") without its parentheses: "Nach eingegangener Stellungnahme des
 * Mobilitätsausschusses wird die Beratung … fortgesetzt", "Verfasserin: CDU-Fraktion"; null where there is none
 * or where it names a person — a Referent/-in or Berichterstatter/-in, a Verfasser/-in who is no faction or office,
 * "Herr …" (staff names stay out: DESIGN, personal data).
 */
export function rowNote(cells: readonly AnyNode[]): string | null {
  const text = cleanText(findAll([...cells], isRemark).map((el) => textValue([el])).join(' '));
  if (!text) return null;
  const role = ROLE_NOTE.exec(text);
  if (role && !(/^verfasser/i.test(role[1]) && isOrganisationName(role[2]))) return null;
  if (NAMES_PERSON.test(text)) return null;
  return cleanText(text.replace(/^\((.*)\)$/su, '$1'));
}

/** True when a row text reads as a section heading about publicity ("öffentlicher Teil"). */
export function isSectionText(text: string | null): boolean {
  return publicFromSection(text) !== null && (cleanText(text) ?? '').length <= 120;
}

export interface AgendaItemParts {
  numberText: string | null;
  /** the publicity of the section the row stands in; the row's own Ö/N marker wins */
  sectionPublic: boolean | null;
  sourceId: string | null;
  name: string | null;
  paperReference: string | null;
  paperSourceId: string | null;
  /** the result as shown ("(offen)" and blanks become null) */
  resultText: string | null;
  /** the "Zuständigkeit" cell where the agenda has that column (undefined: it has none) */
  roleText?: string | null;
  /** the documents the row links (ALLRIS 4's toDoc cell) */
  files?: FileRef[];
  /** the agenda marks the item as added later (isSupplementRow) */
  supplement?: boolean;
  /** the row's remark (rowNote) */
  note?: string | null;
}

/** A "Nachtrags-TOP" title (ALLRIS 3: on the TOP number's span and link). */
const SUPPLEMENT_TITLE = /\bNachtrags?-?TOP\b/iu;

/**
 * The agenda marks the row's item as added later, a "Nachtrag": ALLRIS 3 titles its TOP number "Nachtrags-TOP"
 * (a green background), ALLRIS 4 gives the row or a cell the class `nachtrag` (its legend: "Nachtrag",
 * "Nachtrag unautorisiert").
 */
export function isSupplementRow(row: Element): boolean {
  if (hasClass(row, 'nachtrag')) return true;
  return findFirst(row, (el) => hasClass(el, 'nachtrag') || SUPPLEMENT_TITLE.test(attrValue(el, 'title') ?? '')) !== undefined;
}

/** Builds one entry: number without marker, publicity, cleaned strings, result and its code. */
export function agendaItem(p: AgendaItemParts): AgendaItemEntry {
  const top = splitTopNumber(p.numberText);
  const result = cleanResultText(cleanText(p.resultText));
  return {
    number: top.number,
    public: top.public ?? p.sectionPublic,
    sourceId: cleanText(p.sourceId),
    name: cleanText(p.name),
    paperReference: cleanText(p.paperReference),
    paperSourceId: cleanText(p.paperSourceId),
    result,
    resultCode: classifyResult(result),
    ...(p.roleText === undefined ? {} : { role: cleanText(p.roleText) }),
    ...(p.files?.length ? { files: p.files } : {}),
    ...(p.supplement ? { supplement: true as const } : {}),
    ...(p.note ? { note: p.note } : {}),
  };
}
