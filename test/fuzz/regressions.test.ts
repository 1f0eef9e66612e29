/**
 * Every failure the parser fuzzer found, as a named test. The hostile pages are built here from
 * corpus pages (they are megabytes large; the recipe is the fixture). Each test names the run that
 * found it (FUZZ_SEED / iteration, see test/fuzz/run-long.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parsePage } from '../../scrapers/parse';
import { NotARisPageError } from '../../scrapers/errors';
import { MAX_CHILDREN, MAX_NESTING_DEPTH } from '../../scrapers/shared/html-bounds';
import { CORPUS } from '../helpers/tmp';

const read = (page: string) => fs.readFileSync(path.join(CORPUS, page), 'latin1');
const bytes = (s: string) => Buffer.from(s, 'latin1');

/** The page with `piece` inserted right after the first match of `after`. */
function insertAfter(page: string, after: RegExp, piece: string): string {
  const m = after.exec(page);
  if (!m) throw new Error(`${after} not found`);
  const at = m.index + m[0].length;
  return page.slice(0, at) + piece + page.slice(at);
}

function parseError(input: Buffer, url: string | null): Error {
  try {
    parsePage(input, url);
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the parse to fail');
}

const HH_MITTE_TO010 = 'allris3/hamburg-mitte/to010-1002940.html';
const HH_MITTE_TO010_URL = 'https://sitzungsdienst-hamburg-mitte.hamburg.de/bi/to010.asp?SILFDNR=1002940';
const HH_NORD_VO020 = 'allris3/hamburg-nord/vo020-1016851.html';
const HH_NORD_VO020_URL = 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/vo020.asp?VOLFDNR=1016851';

describe('fuzz regressions', () => {
  // FUZZ_SEED=2, iteration 480 (tenMegabytes): a million unclosed <b> tags hung htmlparser2 for hours
  // (its open-element stack grows by unshift: quadratic in the depth).
  test('hang: a 10 MB page of a million nested <b> tags is refused before parsing (seed 2 #480)', () => {
    const page = insertAfter(read(HH_MITTE_TO010), /<body[^>]*>/i, '<b>'.repeat(1_000_000) + '</b>'.repeat(1_000_000));
    const err = parseError(bytes(page), HH_MITTE_TO010_URL);
    expect(err).toBeInstanceOf(NotARisPageError);
    expect(err.message).toBe(`elements nested more than ${MAX_NESTING_DEPTH} levels deep: not a RIS page ratsradar can read`);
  });

  // FUZZ_SEED=2, iteration 2424 (deepNesting): the depth check skipped CDATA, where ALLRIS 4 AJAX answers carry their HTML.
  test('hang: deep nesting inside the CDATA of an ALLRIS 4 calendar AJAX answer is refused (seed 2 #2424)', () => {
    const xml = read('allris4/trier/si010-ajax-calendar-2026-10.xml');
    const page = insertAfter(xml, /<!\[CDATA\[/, '<table><tr><td>'.repeat(20_000) + '</td></tr></table>'.repeat(20_000));
    const err = parseError(bytes(page), 'https://ratsinfo.trier.de/public/si010?MM=10&YY=2026');
    expect(err).toBeInstanceOf(NotARisPageError);
    expect(err.message).toMatch(/nested more than \d+ levels deep/);
  });

  // FUZZ_SEED=3, iteration 4199 (tenMegabytes): 9 MB of table cells as children of the content container; cheerio's
  // .find() passes them to css-select's removeSubsets(), quadratic in their number (20 000 children: 40 s; this page: hours).
  test('hang: an element with hundreds of thousands of children is refused before parsing (seed 3 #4199)', () => {
    const page = insertAfter(read(HH_NORD_VO020), /<div id="rismain">/, '<td>x</td>'.repeat(300_000));
    const err = parseError(bytes(page), HH_NORD_VO020_URL);
    expect(err).toBeInstanceOf(NotARisPageError);
    expect(err.message).toBe(`an element with more than ${MAX_CHILDREN} child elements: not a RIS page ratsradar can read`);
  });

  // FUZZ_SEED=11, iteration 335 (tenMegabytes + duplicateTags): 10 MB of stray close tags "</a></p></div>…</html>"; each
  // stray </p> becomes an empty <p> at the document root (130 000 of them), and every $(selector) paid removeSubsets() over them: 90 s.
  test('hang: 10 MB of stray close tags (each </p> an element at the root) is refused before parsing (seed 11 #335)', () => {
    const page = read('allris3/hamburg-altona/vo020-1018473.html');
    const err = parseError(bytes(page + '</a></p></div></div>\r\n</body>\r\n</html>'.repeat(250_000)), 'https://sitzungsdienst-altona.hamburg.de/bi/vo020.asp?VOLFDNR=1018473');
    expect(err).toBeInstanceOf(NotARisPageError);
    expect(err.message).toBe(`an element with more than ${MAX_CHILDREN} child elements: not a RIS page ratsradar can read`);
  });

  test('the bounds leave room: a page with 1 000 extra children in its container and 200 extra levels still parses', () => {
    let page = insertAfter(read(HH_NORD_VO020), /<div id="rismain">/, '<p>x</p>'.repeat(1000));
    page = insertAfter(page, /<\/table>/, '<div>'.repeat(200) + '</div>'.repeat(200));
    const record = parsePage(bytes(page), HH_NORD_VO020_URL);
    expect(record.type).toBe('Paper');
    expect(record.type === 'Paper' && record.reference).toBe('22-2402');
  });
});
