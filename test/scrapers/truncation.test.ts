/**
 * Truncated answers: every corpus page cut at every 1 % of its length either parses to
 * the very record of the whole page, or is refused with a typed error — never a different record.
 * The cut pages are made here from the corpus pages; nothing is written to disk.
 */
import { parsePage } from '../../scrapers/parse';
import { LayoutChangedError, NotARisPageError } from '../../scrapers/errors';
import { loadFuzzPages } from '../fuzz/fuzz-core';

const pages = loadFuzzPages();

describe('a truncated page never parses to a different record', () => {
  test('the corpus gives every page kind to cut', () => {
    expect(pages.length).toBeGreaterThanOrEqual(60);
  });

  test.each(pages.map((p) => [p.page, p] as const))('%s cut at every 1 %%', (_name, page) => {
    const whole = JSON.stringify(parsePage(page.bytes, page.url));
    const wrong: string[] = [];
    let refused = 0;
    for (let pct = 1; pct < 100; pct++) {
      const cut = page.bytes.subarray(0, Math.floor((page.bytes.length * pct) / 100));
      try {
        const got = JSON.stringify(parsePage(cut, page.url));
        if (got !== whole) wrong.push(`${pct} %`);
      } catch (err) {
        if (!(err instanceof NotARisPageError || err instanceof LayoutChangedError)) throw err;
        refused++;
      }
    }
    expect(wrong).toEqual([]);
    // a cut page is never the whole page: almost every cut is refused (the last percent may lose only white space)
    expect(refused).toBeGreaterThanOrEqual(98);
  });
});
