/** The search text of a document's pages (src/ingest/documents/normalise.ts), table-tested. */
import { hasTextLayer, joinHyphenation, repeatedEdgeLines, toSearchText } from '../../../src/ingest/documents/normalise';

describe('joinHyphenation', () => {
  test.each([
    ['Straßen-\nbeleuchtung', 'Straßenbeleuchtung'],
    ['Grün-  \n  flächenpflege', 'Grünflächenpflege'],
    ['Über-\r\nörtliche', 'Überörtliche'],
    // a hyphen before a capital is a compound's: kept, the line end dropped
    ['Nord-\nSüd-Achse', 'Nord-Süd-Achse'],
    // a dash between words, or a hyphen not at a line end, stays
    ['2026 -\n2027', '2026 -\n2027'],
    ['E-Mail und Ober- und Unterlauf', 'E-Mail und Ober- und Unterlauf'],
  ])('%j → %j', (input, expected) => {
    expect(joinHyphenation(input)).toBe(expected);
  });
});

describe('repeated headers and footers', () => {
  test.each<[string, string[], string[]]>([
    ['a footer with page numbers on every page', ['Text eins\nStadt X – Seite 1 von 2', 'Text zwei\nStadt X – Seite 2 von 2'], ['Stadt X – Seite # von #']],
    ['a header on every page', ['Drucksache 22-1\nAlpha', 'Drucksache 22-1\nBeta', 'Drucksache 22-1\nGamma'], ['Drucksache #-#']],
    ['a line on only some pages', ['Kopf\nA', 'Kopf\nB', 'C'], []],
    ['one page: nothing repeats', ['Kopf\nA\nFuß'], []],
    ['empty pages (a scan) do not count', ['Kopf\nA', '', 'Kopf\nB'], ['Kopf']],
  ])('%s', (_, pages, expected) => {
    expect([...repeatedEdgeLines(pages)].sort()).toEqual(expected.sort());
  });
});

describe('toSearchText', () => {
  test('drops the repeated footer, joins hyphenation, folds spaces; keeps the same words in the body', () => {
    const pages = [
      'Der Zuwendungs-\nbescheid liegt vor.\nStadt X · Seite 1 von 2',
      'Stadt X bittet um   Zustimmung.\nStadt X · Seite 2 von 2',
    ];
    expect(toSearchText(pages)).toEqual(['Der Zuwendungsbescheid liegt vor.', 'Stadt X bittet um Zustimmung.']);
  });

  test('a text layer is letters; a scan has none', () => {
    expect(hasTextLayer(toSearchText(['', '']))).toBe(false);
    expect(hasTextLayer(toSearchText([' . 1 ', '']))).toBe(false);
    expect(hasTextLayer(toSearchText(['', 'Ja']))).toBe(true);
  });
});
