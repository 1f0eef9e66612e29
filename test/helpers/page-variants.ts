/**
 * Variants of real corpus pages, made in memory for the "parsers that generalise" tests (test/scrapers/generalise/):
 * the same page as another ALLRIS release or reader locale would print it. Nothing here is written to
 * disk and the corpus is never changed; each test says which structure it changes and why.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ALL_CASES, type CorpusCase } from './cases';
import { EXPECTED_DIR } from './list-pages';
import { CORPUS } from './tmp';

export function corpusCase(pageEnd: string): CorpusCase {
  const c = ALL_CASES.find((x) => x.page.endsWith(pageEnd));
  if (!c) throw new Error(`no corpus case for ${pageEnd}`);
  return c;
}

/**
 * The page as text and a way back to bytes of the same encoding: UTF-8 where the bytes are UTF-8 (ALLRIS 4,
 * and the transcribed ALLRIS 3 pages whatever they declare, corpus/PROVENANCE.md), else Latin-1.
 */
export function corpusText(c: CorpusCase): { text: string; bytes: (html: string) => Buffer } {
  const raw = fs.readFileSync(path.join(CORPUS, c.page));
  let utf8 = true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    utf8 = false;
  }
  const enc: BufferEncoding = utf8 ? 'utf8' : 'latin1';
  return { text: raw.toString(enc), bytes: (html: string) => Buffer.from(html, enc) };
}

export function expectedRecord<T>(c: CorpusCase): T {
  return JSON.parse(fs.readFileSync(path.join(EXPECTED_DIR, c.expected), 'utf8')) as T;
}

// ------------------------------------------------------------------------------------------------ dates

const DE_DOW = ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'];
const DE_DOW_LONG = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];
const EN_DOW = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const EN_DOW_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const EN_MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const EN_MON_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DE_MON = ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'];
const DE_MON_LONG = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

export interface DateParts {
  d: number;
  m: number;
  y: number;
  /** 0 = Sunday */
  dow: number;
}

/** A locale's way to print a date: the plain form and the form with a weekday. */
export interface LocaleFormat {
  name: string;
  plain: (p: DateParts) => string;
  withWeekday: (p: DateParts) => string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The forms ALLRIS 4 prints in the reader's locale. */
export const LOCALE_FORMATS: LocaleFormat[] = [
  { name: 'de 21.10.2026', plain: (p) => `${pad(p.d)}.${pad(p.m)}.${p.y}`, withWeekday: (p) => `${DE_DOW[p.dow]}., ${pad(p.d)}.${pad(p.m)}.${p.y}` },
  { name: 'en-US Oct 21, 2026', plain: (p) => `${EN_MON[p.m - 1]} ${p.d}, ${p.y}`, withWeekday: (p) => `${EN_DOW[p.dow]}, ${EN_MON[p.m - 1]} ${p.d}, ${p.y}` },
  { name: 'en-US long October 21, 2026', plain: (p) => `${EN_MON_LONG[p.m - 1]} ${p.d}, ${p.y}`, withWeekday: (p) => `${EN_DOW_LONG[p.dow]}, ${EN_MON_LONG[p.m - 1]} ${p.d}, ${p.y}` },
  { name: 'ISO-like 2026 Oct 21', plain: (p) => `${p.y} ${EN_MON[p.m - 1]} ${p.d}`, withWeekday: (p) => `${EN_DOW[p.dow]}, ${p.y} ${EN_MON[p.m - 1]} ${p.d}` },
  { name: 'en-GB 21 Oct 2026', plain: (p) => `${p.d} ${EN_MON[p.m - 1]} ${p.y}`, withWeekday: (p) => `${EN_DOW[p.dow]}, ${p.d} ${EN_MON[p.m - 1]} ${p.y}` },
  { name: 'en-US numeric 10/21/2026', plain: (p) => `${p.m}/${p.d}/${p.y}`, withWeekday: (p) => `${EN_DOW[p.dow]}, ${p.m}/${p.d}/${p.y}` },
  { name: 'de medium 21. Okt. 2026', plain: (p) => `${p.d}. ${DE_MON[p.m - 1]} ${p.y}`, withWeekday: (p) => `${DE_DOW[p.dow]}., ${p.d}. ${DE_MON[p.m - 1]} ${p.y}` },
  { name: 'de long 21. Oktober 2026', plain: (p) => `${p.d}. ${DE_MON_LONG[p.m - 1]} ${p.y}`, withWeekday: (p) => `${DE_DOW_LONG[p.dow]}, ${p.d}. ${DE_MON_LONG[p.m - 1]} ${p.y}` },
];

function partsOf(d: string, m: string, y: string): DateParts {
  const dd = Number(d);
  const mm = Number(m);
  const yy = Number(y);
  return { d: dd, m: mm, y: yy, dow: new Date(Date.UTC(yy, mm - 1, dd)).getUTCDay() };
}

/**
 * Prints every date of a page that stands as a field value in `format`: a text that is only a date
 * (">Mi., 21.10.2026<", ">25.08.2026<"), a title "Stadtrat - 21.10.2026" or "11.12.2025 - 3.1.12 …",
 * and the calendar tooltip " am Do., 01.10.2026 um …". Dates inside running text ("Protokoll vom
 * 25.01.2017") and the version line stay as they are. A date printed with a weekday keeps one.
 */
export function relocaleDates(html: string, format: LocaleFormat): string {
  const date = /(?:(Mo|Di|Mi|Do|Fr|Sa|So)\.?,\s*)?(\d{2})\.(\d{2})\.(\d{4})/;
  const print = (wd: string | undefined, d: string, m: string, y: string) => {
    const p = partsOf(d, m, y);
    return wd ? format.withWeekday(p) : format.plain(p);
  };
  const inText = new RegExp(`(>\\s*|\\s[-–]\\s)${date.source}(?=(?:\\s|&nbsp;)*<|\\s[-–]\\s)`, 'g');
  const inTooltip = new RegExp(`( am )${date.source}(?= um )`, 'g');
  // a date in running text links to the calendar ("Protokoll der Sitzung vom <a href="si010_r.asp?…">29.06.2026</a>"): text, not a field
  const inRunningText = (all: string, offset: number, whole: string) => />\s*$/.test(all.slice(0, 1)) && /[A-Za-zäöü,]\s*<a [^>]*si010[^>]*>$/.test(whole.slice(Math.max(0, offset - 200), offset + 1));
  return html
    .replace(inText, (all: string, before: string, wd: string | undefined, d: string, m: string, y: string, offset: number, whole: string) =>
      inRunningText(all, offset, whole) ? all : before + print(wd, d, m, y))
    .replace(inTooltip, (_all, before: string, wd: string | undefined, d: string, m: string, y: string) => before + print(wd, d, m, y));
}

// ------------------------------------------------------------------------------------------------ _r calendar headings

/**
 * A `table.calenderView` month as responsive releases print it with a date heading above each day
 * instead of `span.dow` + `span.dom` in the day's first row: style 'th' puts a row
 * `<tr><th colspan="4">Dienstag, 01.09.2026</th></tr>` before the day's rows; style 'h3' closes the
 * table and heads the day with `<h3>…</h3>` above a new `table.calenderView`. `noTooltips` drops the
 * ALLRIS 4 tooltip dates too, so the heading is the only source of the date.
 */
export function headingsForDays(
  html: string,
  month: { year: number; month: number },
  style: 'th' | 'h3',
  print: (p: DateParts) => string,
  noTooltips = false,
): string {
  const dayRow = /<tr([^>]*)>(\s*<td[^>]*>)<span class="dow">[^<]*<\/span><span class="dom">(\d+)<\/span>/g;
  let out = html.replace(dayRow, (_all, trAttrs: string, td: string, dom: string) => {
    const p = partsOf(dom, String(month.month), String(month.year));
    const heading = style === 'th' ? `<tr><th colspan="4">${print(p)}</th></tr>` : `</tbody></table><h3>${print(p)}</h3><table class="calenderView"><tbody>`;
    return `${heading}<tr${trAttrs}>${td}`;
  });
  if (noTooltips) out = out.replace(/ data-simpletooltip-text="[^"]*"/g, '');
  return out;
}

/** Long German weekday and date, as the responsive heading prints it: "Dienstag, 01.09.2026". */
export const germanHeading = (p: DateParts): string => `${DE_DOW_LONG[p.dow]}, ${pad(p.d)}.${pad(p.m)}.${p.y}`;
