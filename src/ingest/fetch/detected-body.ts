/**
 * A fetched body is decoded and detected once: the fetcher asks whether it is one of
 * ALLRIS's error pages, the crawl parses it and plans its links, all from one detection kept with the
 * body (a WeakMap keyed by the body's buffer: it goes when the body goes). Asked again with another
 * URL (a redirect), the page is detected again from the text decoded the first time.
 */
import { detectPage, type Detected } from '../../../scrapers/detect';
import { NotARisPageError } from '../../../scrapers/errors';
import { decodePage } from '../../../scrapers/shared/encoding';

interface Seen {
  decoded: { text: string; encoding: string };
  url: string;
  result: Detected | NotARisPageError;
}

const SEEN = new WeakMap<Uint8Array, Seen>();

/** The detection of a body at a URL, or the NotARisPageError (AllrisErrorPage, TruncatedPageError, …) it ended in. */
export function detectBody(body: Uint8Array, url: string): Detected | NotARisPageError {
  const seen = SEEN.get(body);
  if (seen && seen.url === url) return seen.result;
  const decoded = seen?.decoded ?? (body.length > 0 ? decodePage(body) : { text: '', encoding: 'utf-8' });
  let result: Detected | NotARisPageError;
  try {
    result = detectPage(body, url, decoded);
  } catch (err) {
    if (!(err instanceof NotARisPageError)) throw err;
    result = err;
  }
  SEEN.set(body, { decoded, url, result });
  return result;
}

/** The body's text as decoded for its detection (decoded now when it was not detected yet). */
export function bodyText(body: Uint8Array, url: string): string {
  const seen = SEEN.get(body);
  if (seen) return seen.decoded.text;
  detectBody(body, url);
  return SEEN.get(body)!.decoded.text;
}
