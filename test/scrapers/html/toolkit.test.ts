/**
 * The small pieces of the scraper toolkit (scrapers/html/): param(), publicFromStatus(), allrisVersion(),
 * recordBase() and the declared selectors. Table tests with values written for this test; the status
 * values are those the corpus shows (ALLRIS-NOTES §4.1, §4.2).
 */
import { LayoutChangedError } from '../../../scrapers/errors';
import { recordBase } from '../../../scrapers/html/context';
import { parseHtml } from '../../../scrapers/html/dom';
import { param } from '../../../scrapers/html/param';
import { publicFromStatus } from '../../../scrapers/html/public-status';
import { sel } from '../../../scrapers/html/selector';
import { allrisVersion } from '../../../scrapers/html/version';

describe('param', () => {
  test.each([
    ['to010.asp?SILFDNR=3712&amp;TOLFDNR=76116', 'TOLFDNR', {}, '76116'],
    ['to010.asp?silfdnr=3712', 'SILFDNR', {}, '3712'],
    ['vo020?VOLFDNR=123abc', 'VOLFDNR', {}, '123'],
    ['vo020?VOLFDNR=123abc', 'VOLFDNR', { value: 'text' as const }, '123abc'],
    ['to010.asp?topSelected=1056127#x', 'topSelected', { value: 'text' as const }, '1056127'],
    ['si010.asp?NAME=Bau%20und%20Verkehr', 'NAME', { value: 'text' as const }, 'Bau und Verkehr'],
    ['si010.asp?NAME=%E0%A4%A', 'NAME', { value: 'text' as const }, '%E0%A4%A'],
    ['vo020.asp?XVOLFDNR=5', 'VOLFDNR', {}, null],
    [null, 'VOLFDNR', {}, null],
  ])('%s %s %j → %s', (href, name, opts, expected) => expect(param(href, name, opts)).toBe(expected));
});

describe('publicFromStatus: one rule', () => {
  test.each([
    ['öffentlich', true],
    ['Öffentlich', true],
    ['oeffentlich', true],
    ['nichtöffentlich', false],
    ['nicht öffentlich', false],
    ['nicht-öffentlich', false],
    // a meeting with a public and a non-public part: neither (never "not public")
    ['öffentlich/nichtöffentlich', null],
    ['Sitzung eingeladen', null],
    ['', null],
    [null, null],
  ])('%s → %s', (status, expected) => expect(publicFromStatus(status)).toBe(expected));
});

describe('allrisVersion', () => {
  test.each([
    ['<meta name="description" content="ALLRIS net Version 4.1.7 (4170041) - 08.07.2026">', '4.1.7'],
    ['<meta content="ALLRIS net Version 3.9.4SP1 (210504m)" name="description">', '3.9.4SP1'],
    ['<meta name="description" content="Ratsinfo">', null],
  ])('%s → %s', (html, expected) => expect(allrisVersion(html)).toBe(expected));
});

describe('recordBase', () => {
  const ctx = { url: 'https://ris.example/bi/vo020.asp?VOLFDNR=1', systemVersion: '3.9.5' };
  test('the envelope in the order of CONTRACTS.md §2', () => {
    const base = recordBase(ctx, 'Paper', 'allris3', '1');
    expect(base).toEqual({ type: 'Paper', format: 1, system: 'allris3', systemVersion: '3.9.5', sourceId: '1', url: ctx.url });
    expect(Object.keys(base)).toEqual(['type', 'format', 'system', 'systemVersion', 'sourceId', 'url']);
  });
  test('a version or a URL of its own replaces the context’s, null included', () => {
    expect(recordBase(ctx, 'List', 'allris3', null, { url: null }).url).toBeNull();
    expect(recordBase({ url: null, systemVersion: null }, 'Meeting', 'allris4', 'x', { systemVersion: '4.1.7' })).toMatchObject({ systemVersion: '4.1.7', url: null });
  });
});

describe('declared selectors', () => {
  const doc = parseHtml('<div id="head"><td class="text1">Betreff</td><td class="text1">zweimal</td></div>');

  test('all(): the matches in page order', () => {
    expect(sel('paper title', 'td.text1').all(doc, null).map((e) => e.children.length)).toEqual([1, 1]);
  });

  test('too many or too few: a LayoutChangedError naming the selector, its CSS and the page', () => {
    const one = sel('paper title', 'td.text1', { min: 1, max: 1 });
    let error: unknown;
    try {
      one.all(doc, 'https://ris.example/bi/vo020.asp');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LayoutChangedError);
    expect((error as LayoutChangedError).message).toBe('https://ris.example/bi/vo020.asp: paper title (td.text1) 2 found, 1 expected');
    expect((error as LayoutChangedError).selector).toBe('td.text1');
    expect((error as LayoutChangedError).page).toBe('https://ris.example/bi/vo020.asp');
    expect(() => sel('Beratungsfolge', 'table.bfTable').one(doc, null)).toThrow('(no url): Beratungsfolge (table.bfTable) not found, at least 1 expected');
  });

  test('an optional part: min 0 reads as undefined, first() never throws', () => {
    expect(sel('room', '#siraum', { min: 0 }).one(doc, null)).toBeUndefined();
    expect(sel('room', '#siraum').first(doc)).toBeUndefined();
  });
});
