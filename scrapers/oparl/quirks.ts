/**
 * CC e-gov's (ALLRIS) OParl quirks, each with a name and a test (ALLRIS-NOTES §2d, §7.11):
 * "N/A" and blank strings mean nothing; raw control characters are junk inside a text (with an old field's
 * binary tail and DOS letters: repairOldField); `web` can be
 * "N/Avo020.asp?…"; single objects stand where arrays belong (`auxiliaryFile`); arrays hold nulls
 * (`originatorPerson: [null]`); `mimeType` is a file extension ("pdf"); `size: 0` and `downloadUrl: ""`
 * mean unknown. Pure.
 */
import { cleanBlock, cleanText } from '../shared/text';

export type OparlObject = Record<string, unknown>;

export function isObject(v: unknown): v is OparlObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** ALLRIS writes "N/A" where it has no value. */
const NOT_AVAILABLE = /^n\/a$/i;

/** A control character no text holds (not tab, line and page breaks: Word writes a manual line break as U+000B). */
const BINARY = /[\u0000-\u0008\u000e-\u001f]/;

/**
 * ALLRIS 3's OParl 1.0 reads some texts from old database fields (Braunschweig 1664/99, ALLRIS-NOTES §3):
 * the text, then binary junk from the field's end (" @ \u0004\u0001  A | … ÿ"), and letters of the DOS code page
 * read as Windows-1252 ("beschr„nkter": CP850 0x84 is "ä", Windows-1252 0x84 "„"). The junk goes from the line its
 * first binary control character stands on — only where no word (three letters in a row) follows it there: a
 * stray control character inside a text loses nothing. In such a text „ between small letters becomes ä, ” between
 * them or before them at a word's start ö — where no German text has that quotation mark. U+0081 (CP850 "ü", a control character in
 * Windows-1252, never text) is always ü. A text without binary controls is kept as it is.
 */
export function repairOldField(v: string): string {
  const text = v.replace(/\u0081/g, 'ü');
  const at = text.search(BINARY);
  if (at < 0) return text;
  const lineStart = Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('\r', at)) + 1;
  if (/\p{L}{3}/u.test(text.slice(at)) || !text.slice(0, lineStart).trim()) return text;
  // „ between small letters is ä; ” there or at a word's start ("”ffentlich") is ö — a closing quotation mark never
  // stands before a word, an opening one („vertagt“) may, so „ at a word's start stays
  return text.slice(0, lineStart)
    .replace(/(?<=\p{Ll})„(?=\p{Ll})/gu, 'ä')
    .replace(/(?<=\p{Ll}|^|[\s(])”(?=\p{Ll})/gu, 'ö');
}

/**
 * A string value as the record keeps it: an old field's junk and code page repaired (repairOldField), the
 * control characters left (from the broken ALLRIS 1.0 JSON) become spaces, white space collapses, and "N/A" /
 * blank / non-strings become null. Numbers are written as text (a reference may come as a number).
 */
export function oparlString(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  const s = cleanText(repairOldField(v).replace(/[\u0000-\u001f\u007f]/g, ' '));
  return s === null || NOT_AVAILABLE.test(s) ? null : s;
}

/** Like oparlString, but a longer text keeps its paragraph breaks. */
export function oparlBlock(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = cleanBlock(repairOldField(v).replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/g, ' '));
  return s === null || NOT_AVAILABLE.test(s) ? null : s;
}

/** An absolute http(s) URL, or null ("N/Avo020.asp?VOLFDNR=1000030", relative paths and junk are no URL). */
export function oparlUrl(v: unknown): string | null {
  const s = oparlString(v);
  if (!s || !/^https?:\/\/[^\s/?#]+/i.test(s) || /\s/.test(s)) return null;
  try {
    new URL(s);
    return s;
  } catch {
    return null;
  }
}

/** A field that should be an array: a single value counts as a one-element array, null/undefined as none; null entries go. */
export function asList(v: unknown): unknown[] {
  if (v === null || v === undefined) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.filter((x) => x !== null && x !== undefined);
}

/** The embedded objects of a field (strings — references by URL — are left out). */
export function embeddedList(v: unknown): OparlObject[] {
  return asList(v).filter(isObject);
}

/** The first embedded object of a field, or null. */
export function embedded(v: unknown): OparlObject | null {
  return embeddedList(v)[0] ?? null;
}

/** The id of a referenced object: the URL itself, or an embedded object's `id`. */
export function idOf(v: unknown): string | null {
  if (isObject(v)) return oparlString(v.id);
  return oparlString(v);
}

/** The id of the first entry of a field that may be a URL, an object or an array of them. */
export function firstId(v: unknown): string | null {
  for (const x of asList(v)) {
    const id = idOf(x);
    if (id) return id;
  }
  return null;
}

/** The name of the first embedded object of a field that has one, or null. */
export function firstName(v: unknown): string | null {
  for (const o of embeddedList(v)) {
    const n = oparlString(o.name);
    if (n) return n;
  }
  return null;
}

/** The names of all embedded objects of a field, without repeats. */
export function names(v: unknown, key = 'name'): string[] {
  const out: string[] = [];
  for (const o of embeddedList(v)) {
    const n = oparlString(o[key]);
    if (n && !out.includes(n)) out.push(n);
  }
  return out;
}

/** A boolean, or null for anything else. */
export function oparlBoolean(v: unknown): boolean | null {
  return typeof v === 'boolean' ? v : null;
}

const EXTENSION_MIME: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  rtf: 'application/rtf',
  txt: 'text/plain',
  htm: 'text/html',
  html: 'text/html',
  xml: 'application/xml',
  csv: 'text/csv',
  zip: 'application/zip',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  tif: 'image/tiff',
  tiff: 'image/tiff',
};

/** A MIME type: "application/pdf" as given, ALLRIS's bare extensions ("pdf", "docx") mapped, anything else null. */
export function oparlMimeType(v: unknown): string | null {
  const s = oparlString(v)?.toLowerCase() ?? null;
  if (!s) return null;
  if (/^[a-z]+\/[a-z0-9.+-]+(;.*)?$/.test(s)) return s;
  return EXTENSION_MIME[s.replace(/^\./, '')] ?? null;
}

/** A file size in bytes; 0 (ALLRIS's "unknown"), negatives and non-numbers are null. */
export function oparlSize(v: unknown): number | null {
  const n = typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v.trim()) : v;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null;
}

/** Where a file can be fetched: accessUrl (required by OParl), else a non-empty downloadUrl. */
export function fileUrl(file: OparlObject): string | null {
  return oparlUrl(file.accessUrl) ?? oparlUrl(file.downloadUrl);
}
