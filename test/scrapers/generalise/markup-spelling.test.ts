/**
 * Parsers that generalise, class 5: the same markup spelled otherwise, and the same page in another encoding. HTML does not tell apart upper- and
 * lower-case tag and attribute names, double and single quotes around attribute values, a character and
 * its entity (`ä`, `&auml;`, `&#228;`; `&nbsp;`, `&#160;`, U+00A0), CRLF and LF line ends, `<br />` and
 * `<br>`, attributes in any order, a table with or without `tbody`; releases, servers, portals and the
 * editors staff paste from differ in each, and add classes, comments, wrapping divs and cells without a
 * header at the end of a row. Every HTML and XML page of the
 * corpus is spelled each way in memory and must parse to exactly its expected record.
 *
 * Not here: white space added or removed between tags. That changes text where inline tags split a word
 * (Word-pasted Sachverhalte: `Mobilitä</span><span>tsausschuss`), so a text section may rightly differ.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import iconv from 'iconv-lite';
import { parsePage } from '../../../scrapers/parse';
import { ALL_CASES } from '../../helpers/cases';
import { corpusText, expectedRecord } from '../../helpers/page-variants';
import { CORPUS } from '../../helpers/tmp';

const ENTITY: Record<string, string> = { ä: '&auml;', ö: '&ouml;', ü: '&uuml;', Ä: '&Auml;', Ö: '&Ouml;', Ü: '&Uuml;', ß: '&szlig;' };
/** `f` over the text between tags only (never inside a tag or an attribute value) */
const inText = (html: string, f: (t: string) => string) => html.replace(/>([^<]+)</g, (_m, t: string) => `>${f(t)}<`);

const SPELLINGS: [string, (html: string) => string][] = [
  ['tag names in upper case', (h) => h.replace(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)/g, (_m, slash: string, name: string) => `<${slash}${name.toUpperCase()}`)],
  [
    'attribute names in upper case',
    (h) => h.replace(/(<[a-zA-Z][a-zA-Z0-9]*\s[^<>]*?)>/g, (tag) => tag.replace(/(\s)([a-zA-Z-]+)=/g, (_m, sp: string, a: string) => `${sp}${a.toUpperCase()}=`)),
  ],
  ['attribute values in single quotes', (h) => h.replace(/="([^"'<>]*)"/g, "='$1'")],
  ['umlauts and ß as named entities', (h) => inText(h, (t) => t.replace(/[äöüÄÖÜß]/g, (c) => ENTITY[c]))],
  ['umlauts and ß as numeric entities', (h) => inText(h, (t) => t.replace(/[äöüÄÖÜß]/g, (c) => `&#${c.charCodeAt(0)};`))],
  ['CRLF line ends', (h) => h.replace(/\r?\n/g, '\r\n')],
  ['LF line ends', (h) => h.replace(/\r\n/g, '\n')],
  ['<br> for <br />', (h) => h.replace(/<br\s*\/>/gi, '<br>')],
  ['&#160; for &nbsp;', (h) => h.replace(/&nbsp;/g, '&#160;')],
  ['a raw no-break space for &nbsp;', (h) => h.replace(/&nbsp;/g, '\u00a0')],
  // what later releases and portals add without changing what a page says
  ['one more class on every element that has one (last)', (h) => h.replace(/class="([^"]*)"/g, 'class="$1 portal-x"')],
  ['one more class on every element that has one (first)', (h) => h.replace(/class="([^"]*)"/g, 'class="portal-x $1"')],
  ['attributes in reverse order', (h) => h.replace(/<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+="[^"]*")+)\s*(\/?)>/g, (_m, name: string, attrs: string, slash: string) => `<${name} ${(attrs.match(/[a-zA-Z-]+="[^"]*"/g) ?? []).reverse().join(' ')}${slash ? ' /' : ''}>`)],
  ['comments between table rows', (h) => h.replace(/<\/tr>/gi, '</tr><!-- Zeile -->')],
  ['comments between table cells', (h) => h.replace(/<\/td>/gi, '</td><!-- Zelle -->')],
  ['tbody around the rows of a table', (h) => h.replace(/(<table\b[^>]*>)(\s*<tr)/gi, '$1<tbody>$2').replace(/(<\/tr>\s*)(<\/table>)/gi, '$1</tbody>$2')],
  // a portal's layout around the whole page (the last </body>: ALLRIS 3 text sections nest whole documents)
  ['two portal divs around the body', (h) => h.replace(/(<body[^>]*>)/i, '$1<div class="portal"><div class="inner">').replace(/<\/body>(?![\s\S]*<\/body>)/i, '</div></div></body>')],
  // a column without a header cell after the others (an icon or spacer column): member tables lost every
  // member to it, and text tables ended their rows in " |"
  ['one more empty cell at the end of every data row', (h) => h.replace(/<\/td>(\s*)<\/tr>/gi, '</td>$1<td></td></tr>')],
];

const PAGES = ALL_CASES.filter((c) => !c.page.endsWith('.json'));

describe('markup spelled otherwise parses to the same record', () => {
  test('the corpus has HTML and XML pages of every kind to spell', () => {
    expect(new Set(PAGES.map((c) => c.type))).toEqual(new Set(['Paper', 'Meeting', 'AgendaItem', 'MeetingList', 'List', 'System', 'Organization']));
  });

  test.each(SPELLINGS)('%s', (_name, spell) => {
    const differing: string[] = [];
    let changed = 0;
    for (const c of PAGES) {
      const { text, bytes } = corpusText(c);
      const variant = spell(text);
      if (variant === text) continue;
      changed++;
      let got: unknown;
      try {
        got = parsePage(bytes(variant), c.url);
      } catch (err) {
        got = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      }
      if (!isDeepStrictEqual(got, expectedRecord(c))) differing.push(`${c.page}${typeof got === 'string' ? ` (${got})` : ''}`);
    }
    expect(changed).toBeGreaterThan(0);
    expect(differing).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------------ encodings

/** The page's text as ALLRIS means it: UTF-8 where the bytes are, else windows-1252 (what ISO-8859-1 declarations mean in practice). */
function pageText(page: string): string {
  const raw = fs.readFileSync(path.join(CORPUS, page));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return iconv.decode(raw, 'windows-1252');
  }
}

/** The XML prolog's and the meta tags' charset set to `charset`. */
const declare = (html: string, charset: string) =>
  html.replace(/(<\?xml[^>]*encoding=")[^"]*(")/i, `$1${charset}$2`).replace(/(charset=)["']?[\w-]+/gi, `$1${charset}`);

const ENCODINGS: [string, (html: string) => Buffer | null][] = [
  ['UTF-8, declared so', (h) => Buffer.from(declare(h, 'utf-8'), 'utf8')],
  ['UTF-8 with a byte order mark', (h) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(declare(h, 'utf-8'), 'utf8')])],
  ['UTF-8 without any declaration', (h) => Buffer.from(h.replace(/<meta[^>]*charset[^>]*>/gi, '').replace(/(<\?xml[^>]*?)\s+encoding="[^"]*"/i, '$1'), 'utf8')],
  // only pages whose every character the encoding has
  ['windows-1252, declared so', (h) => (iconv.decode(iconv.encode(h, 'windows-1252'), 'windows-1252') === h ? iconv.encode(declare(h, 'windows-1252'), 'windows-1252') : null)],
  ['ISO-8859-1, declared so', (h) => (iconv.decode(iconv.encode(h, 'latin1'), 'latin1') === h ? iconv.encode(declare(h, 'iso-8859-1'), 'latin1') : null)],
];

describe('the same page in another encoding parses to the same record', () => {
  test.each(ENCODINGS)('%s', (_name, encode) => {
    const differing: string[] = [];
    let encoded = 0;
    for (const c of PAGES) {
      const bytes = encode(pageText(c.page));
      if (!bytes) continue;
      encoded++;
      let got: unknown;
      try {
        got = parsePage(bytes, c.url);
      } catch (err) {
        got = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      }
      if (!isDeepStrictEqual(got, expectedRecord(c))) differing.push(`${c.page}${typeof got === 'string' ? ` (${got})` : ''}`);
    }
    expect(encoded).toBeGreaterThan(PAGES.length / 2);
    expect(differing).toEqual([]);
  });
});
