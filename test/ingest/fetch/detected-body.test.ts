/**
 * A fetched body is decoded and detected once (src/ingest/fetch/detected-body.ts): the fetcher's error
 * page check, the crawl's parse and its link planning read one detection. Real corpus pages and a
 * hand-made ALLRIS error page (the shape ALLRIS serves with status 200, ALLRIS-NOTES §7.8).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AllrisErrorPage } from '../../../scrapers/errors';
import { decodePage } from '../../../scrapers/shared/encoding';
import { bodyText, detectBody } from '../../../src/ingest/fetch/detected-body';
import { classifyErrorPage } from '../../../src/ingest/fetch/error-pages';
import { CORPUS } from '../../helpers/tmp';

const URL = 'https://sitzungsdienst-altona.hamburg.de/bi/vo020.asp?VOLFDNR=1018473';

describe('detectBody', () => {
  test('the same body at the same URL is detected once: the same detection comes back', () => {
    const body = fs.readFileSync(path.join(CORPUS, 'allris3/hamburg-altona/vo020-1018473.html'));
    const first = detectBody(body, URL);
    expect(first).not.toBeInstanceOf(Error);
    expect(detectBody(body, URL)).toBe(first);
    expect(classifyErrorPage(body, URL)).toBeNull();
    expect(detectBody(body, URL)).toBe(first);
    expect(bodyText(body, URL)).toBe(decodePage(body).text);
  });

  test('another URL (a redirect) detects again, with the kind that URL names', () => {
    const body = fs.readFileSync(path.join(CORPUS, 'allris3/hamburg-altona/vo020-1018473.html'));
    const a = detectBody(body, URL);
    const b = detectBody(body, 'https://sitzungsdienst-altona.hamburg.de/bi/to020.asp?TOLFDNR=1');
    expect(b).not.toBe(a);
    expect(!(a instanceof Error) && a.kind).toBe('vo020');
    expect(!(b instanceof Error) && b.kind).toBe('to020');
  });

  test('an ALLRIS error page: its typed kind, for the fetcher', () => {
    const body = Buffer.from('<html><head><title>ALLRIS - Fehler</title></head><body><div id="allris"><p>Zu viele Zugriffe aus Ihrem Netzwerk.</p></div></body></html>', 'utf8');
    const d = detectBody(body, URL);
    expect(d).toBeInstanceOf(AllrisErrorPage);
    expect((d as AllrisErrorPage).kind).toBe('rate-limited');
    expect(classifyErrorPage(body, URL)).toBe('rate-limited');
  });
});
