/**
 * Which system and page kind a saved page is, from its bytes (and its URL when known). Pure.
 * Throws NotARisPageError for anything that is not a RIS page we can read: empty or binary files,
 * other sites, ALLRIS's error pages that come with status 200 (AllrisErrorPage, typed by kind), and
 * truncated pages (TruncatedPageError).
 */
import { AllrisErrorPage, NotARisPageError, TruncatedPageError, UnsupportedPageError, type AllrisErrorKind } from './errors';
import type { SystemName } from './records';
import { allrisVersion } from './html/version';
import { decodePage } from './shared/encoding';
import { MAX_CHILDREN, MAX_NESTING_DEPTH, measureTree } from './shared/html-bounds';
import { incompletePage } from './shared/page-end';

export { allrisVersion };

export type PageKind =
  | 'vo020' | 'vo040' | 'to010' | 'to020' | 'si010' | 'si010-ajax' | 'au020' | 'gr020' | 'fr010' | 'fr020'
  | 'pa020' | 'kp020' | 'start' | 'oparl';

export interface Detected {
  system: SystemName;
  kind: PageKind;
  /** "3.9.5", "4.1.7", "1.1" or null */
  systemVersion: string | null;
  /** the decoded text */
  text: string;
  encoding: string;
}

const PROGRAMS: Record<string, PageKind> = {
  vo020: 'vo020', vo040: 'vo040', to010: 'to010', to020: 'to020', si010: 'si010', au020: 'au020',
  gr020: 'gr020', fr010: 'fr010', fr020: 'fr020', pa020: 'pa020', kp020: 'kp020', 'allris.net': 'start',
};

/** ALLRIS answers these with status 200; they are not content. */
const ERROR_PAGES: [RegExp, AllrisErrorKind, string][] = [
  [/Zu viele Zugriffe/i, 'rate-limited', 'ALLRIS rate-limit page ("Zu viele Zugriffe"), not content'],
  [/Zugriff verweigert/i, 'denied', 'ALLRIS "Zugriff verweigert" page (program disabled or not public), not content'],
  [/Keine Information verf(ü|&uuml;)gbar/i, 'not-public', 'ALLRIS "Keine Information verfügbar" page (not public), not content'],
  [/noauth\.asp/i, 'not-public', 'ALLRIS login redirect (noauth.asp): the page is not public'],
  // ALLRIS 4's page for every other failure (the rate limit comes in the same frame, and is matched first)
  [/class=["']?message_header\b[^>]*>\s*Es ist ein Fehler aufgetreten/i, 'server-error', 'ALLRIS error page ("Es ist ein Fehler aufgetreten"), not content'],
];

/** Any of ERROR_PAGES' marks: one scan of the page instead of one per mark. */
const ANY_ERROR_PAGE = new RegExp(ERROR_PAGES.map(([re]) => `(?:${re.source})`).join('|'), 'i');

/** The program name in a URL path: "…/bi/vo020.asp?…" → vo020, "…/public/to010?…" → to010, "vo020_r.asp" → vo020. */
export function programFromUrl(url: string | null | undefined): PageKind | null {
  if (!url) return null;
  const m = /\/((?:[a-z]{2}\d{3})|allris\.net)(?:_[a-z]+)?(?:\.asp)?(?:[?#]|$)/i.exec(url);
  return m ? (PROGRAMS[m[1].toLowerCase()] ?? null) : null;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 2048);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) ctrl++;
  }
  return ctrl > n / 20;
}

function kindFromTitle(title: string): PageKind | null {
  const t = title.toLowerCase();
  if (/^(allris - )?(vorlage|drucksache|beschlussvorlage)/.test(t)) return 'vo020';
  if (/^(allris - )?(tagesordnung|sitzung\b)/.test(t)) return 'to010';
  if (/^(allris - )?auszug/.test(t)) return 'to020';
  if (/^(allris - )?(sitzungskalender|kalender)/.test(t)) return 'si010';
  if (/^(allris - )?(vorlagen|drucksachen)/.test(t)) return 'vo040';
  if (/^(allris - )?fraktionen/.test(t)) return 'fr010';
  return null;
}

/**
 * `text.toLowerCase().lastIndexOf('</html>')` without lower-casing a copy of the page: an ASCII
 * case-insensitive search from the end. Lower-casing keeps every index except after U+0130 (İ → i̇,
 * two code units), where the copy is searched as before.
 */
export function lastHtmlClose(text: string): number {
  if (text.includes('\u0130')) return text.toLowerCase().lastIndexOf('</html>');
  for (let at = text.lastIndexOf('</'); at >= 0; at = at === 0 ? -1 : text.lastIndexOf('</', at - 1)) {
    if (at + 7 <= text.length && text.slice(at + 2, at + 7).toLowerCase() === 'html>') return at;
  }
  return -1;
}

/**
 * Another vendor's RIS, by what its pages say of themselves: SessionNet (Somacos) names itself and its
 * version in `<meta name="author">` ("…, SessionNet Version 5.4.6 KP2 bi (Layout 6)") and in the title
 * ("SessionNet | …"). A page that only mentions the word is no SessionNet page.
 */
function otherVendor(head: string): string | null {
  const version = /\bSessionNet Version (\d+(?:\.\d+)*)/.exec(head);
  if (version) return `SessionNet ${version[1]} (Somacos)`;
  return /<title>\s*SessionNet\s*\|/i.test(head) ? 'SessionNet (Somacos)' : null;
}

/** The ALLRIS program in a page address ("…/bi/pa000.asp?…" → "pa000"), else null. */
function programOfUrl(url: string | null | undefined): string | null {
  return url ? (/\/([a-z]{2}\d{3})(?:_[a-z])?(?:\.asp)?(?:[?#]|$)/i.exec(url)?.[1].toLowerCase() ?? null) : null;
}

/** ": pa000 „Räte“": an ALLRIS page not read, named by its program and first title, where it has them. */
function unreadName(program: string | null, text: string): string {
  const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1].replace(/\s+/g, ' ').trim().slice(0, 80) || null;
  const named = [program, title ? `„${title}“` : null].filter(Boolean).join(' ');
  return named ? `: ${named}` : '';
}

/**
 * The system and page kind of a page. `decoded`: the bytes already decoded by decodePage (a caller that
 * holds them, so that a fetched body is decoded once).
 */
export function detectPage(bytes: Uint8Array, url: string | null = null, decoded?: { text: string; encoding: string }): Detected {
  if (bytes.length === 0) throw new NotARisPageError('empty file');
  // OParl JSON from ALLRIS 3 can carry raw control characters inside strings: never "binary" when it starts like JSON.
  const firstByte = bytes.find((b) => b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0xef && b !== 0xbb && b !== 0xbf);
  const jsonLike = firstByte === 0x7b || firstByte === 0x5b;
  if (!jsonLike && looksBinary(bytes)) throw new NotARisPageError('binary data, not a RIS page');
  const { text, encoding } = decoded ?? decodePage(bytes);
  const trimmed = text.replace(/^\ufeff/, '').trimStart();
  if (trimmed === '') throw new NotARisPageError('file holds only white space');

  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    if (!/"(type|data)"\s*:/.test(trimmed.slice(0, 200000)) || !/oparl/i.test(trimmed.slice(0, 200000))) {
      throw new NotARisPageError('JSON, but not an OParl object');
    }
    const v = /schema\.oparl\.org\/(1\.[01])\//.exec(trimmed);
    return { system: 'oparl', kind: 'oparl', systemVersion: v ? v[1] : null, text, encoding };
  }

  // ALLRIS 3 answers a switched-off program with this one line and no markup at all (ALLRIS-NOTES §1, §8)
  if (trimmed.length < 500 && /^Zugriff verweigert \(Programm [\w.]+\)\.?\s*(?:<br\s*\/?>)?\s*$/i.test(trimmed)) {
    throw new AllrisErrorPage('ALLRIS "Zugriff verweigert" page (program disabled or not public), not content', 'denied');
  }
  if (!/<(html|ajax-response|body|div|table)\b/i.test(trimmed.slice(0, 100000))) {
    throw new NotARisPageError('not an HTML page');
  }

  const systemVersion = allrisVersion(text);
  const isAjax = /^(<\?xml[^>]*>\s*)?<ajax-response/i.test(trimmed);
  const hasAllrisMarkers =
    systemVersion !== null ||
    /id=["']?(allriscontainer|risname(_raw)?|rismain(_raw)?|allris)["'\s>]/i.test(text) ||
    /<title>\s*ALLRIS\b/i.test(text) ||
    // an empty Wicket answer (or a redirect) to a calendar month carries no mark at all; only ALLRIS 4 answers so
    (isAjax && programFromUrl(url) === 'si010');
  if (!hasAllrisMarkers) {
    const other = otherVendor(text.slice(0, 200000));
    if (other) throw new UnsupportedPageError(`a ${other} page: ratsradar reads ALLRIS and OParl, not this system`, 'other-ris');
    throw new NotARisPageError('an HTML page, but not from ALLRIS (no ALLRIS markers found)');
  }

  // Error pages that ALLRIS serves with status 200: only where no content container carries data.
  const head = text.slice(0, 200000);
  // (the length test first: it costs nothing, and a page of 60 000 characters or more is never an error page)
  if (text.length < 60000 && ANY_ERROR_PAGE.test(head)) {
    for (const [re, kind, message] of ERROR_PAGES) {
      if (re.test(head) && !/Beratungsfolge|Tagesordnung|Betreff/i.test(head.replace(/<title>[^<]*<\/title>/i, ''))) {
        throw new AllrisErrorPage(message, kind);
      }
    }
  }

  if (isAjax) {
    if (!/<\/ajax-response>\s*$/i.test(text)) throw new TruncatedPageError('truncated ALLRIS AJAX answer (no closing </ajax-response>)');
  } else {
    const end = lastHtmlClose(text);
    if (end < 0 || text.length - end > 4000) throw new TruncatedPageError('truncated page: it does not end with </html>');
  }

  // Parsing slows down faster than the page grows with nesting depth and with children per element
  // (shared/html-bounds.ts): refuse hostile trees before parsing.
  const tree = measureTree(text);
  if (tree.depth > MAX_NESTING_DEPTH) {
    throw new NotARisPageError(`elements nested more than ${MAX_NESTING_DEPTH} levels deep: not a RIS page ratsradar can read`);
  }
  if (tree.children > MAX_CHILDREN) {
    throw new NotARisPageError(`an element with more than ${MAX_CHILDREN} child elements: not a RIS page ratsradar can read`);
  }

  if (!isAjax) {
    const cut = incompletePage(text);
    if (cut) throw new TruncatedPageError(cut);
  }

  let system: SystemName;
  if (systemVersion) system = systemVersion.startsWith('3') ? 'allris3' : 'allris4';
  else if (isAjax) system = 'allris4'; // Wicket AJAX answers exist only in ALLRIS 4
  else if (/wicket/i.test(text) || /(href|action)=["']\.?\/?(vo|to|si|gr)0\d\d\?/i.test(text)) system = 'allris4';
  else system = 'allris3';

  let kind: PageKind | null = isAjax ? 'si010-ajax' : programFromUrl(url);
  // the ALLRIS program the page's container names ("vo020", "pa000"), for the kind and to name a page not read
  const program = (/<div[^>]+id=["']?(?:allriscontainer|allris)["']?[^>]*class=["']?([a-z]{2}\d{3})/i.exec(text) ??
    /<div[^>]+class=["']?([a-z]{2}\d{3})[^"'>]*["']?[^>]*id=["']?(?:allriscontainer|allris)["'\s>]/i.exec(text))?.[1].toLowerCase() ?? null;
  if (!kind && program) kind = PROGRAMS[program] ?? null;
  if (!kind) {
    // City portals wrap ALLRIS and bring their own <title> first (Taunusstein): try every title.
    for (const m of text.matchAll(/<title>([^<]*)<\/title>/gi)) {
      kind = kindFromTitle(m[1].trim());
      if (kind) break;
    }
  }
  if (!kind && /allris\.net\.asp|id=["']?menu/i.test(text) && /<title>\s*ALLRIS net/i.test(text)) kind = 'start';
  if (!kind) throw new NotARisPageError(`an ALLRIS program ratsradar does not know${unreadName(program ?? programOfUrl(url), text)}`);
  if (kind === 'si010' && isAjax) kind = 'si010-ajax';
  return { system, kind, systemVersion, text, encoding };
}

/** ALLRIS 3 responsive `_r` programs use ALLRIS-4-like markup inside <div id="allris">. */
export function isResponsive(text: string): boolean {
  return /<div[^>]+id=["']?allris["'\s>]/i.test(text) && /id=["']?(bfTable|toTable)|class=["']?calenderView|_r\.asp/i.test(text);
}
