/**
 * Parsers that generalise, class 4: separators and decorations that differ by release — reference lists
 * ("| 22-1940", "Bezug: 22-1940;"), section headings ("Sachverhalt:" / "Sachverhalt" / <b>Sachverhalt</b>,
 * "Anlagen:" / "Anlage(n)") and document lists whose links carry no `doclink` / `attlink` class.
 * Corpus Vorlagen (Hamburg-Nord and Hildesheim classic, Laatzen ALLRIS 4, Landkreis Osnabrück `_r`) are
 * changed in memory and must parse to their expected records (plus exactly the field the change adds).
 */
import { parsePage } from '../../../scrapers/parse';
import type { PaperRecord } from '../../../scrapers/records';
import { splitReferences } from '../../../scrapers/shared/references';
import { headingOfLine, isBareHeading } from '../../../scrapers/shared/section-heading';
import { corpusCase, corpusText, expectedRecord } from '../../helpers/page-variants';

function variant(page: string, change: (html: string) => string): { record: PaperRecord; expected: PaperRecord } {
  const c = corpusCase(page);
  const { text, bytes } = corpusText(c);
  const html = change(text);
  expect(html).not.toEqual(text);
  return { record: parsePage(bytes(html), c.url) as PaperRecord, expected: expectedRecord<PaperRecord>(c) };
}

describe('reference lists with separators and decorations', () => {
  const classicRow = (value: string) => (h: string) =>
    h.replace('<tr><td class="kb1">Verfasser:</td>', `<tr><td class="kb1">Bezugsdrucksache:</td><td class="text4">${value}</td></tr>\n<tr><td class="kb1">Verfasser:</td>`);

  test.each([
    ['| 22-1940', ['22-1940']],
    ['| 22-1940 | <a href="vo020.asp?VOLFDNR=1015000">22-1941</a>', ['22-1940', '22-1941']],
    ['Bezug: 22-1940;', ['22-1940']],
    ['Bezug: 22-1940; 22-1941.', ['22-1940', '22-1941']],
    ['22-1940<br />22-1941', ['22-1940', '22-1941']],
    ['22-1940 22-1941', ['22-1940', '22-1941']],
    ['siehe 22-1940, vgl. 22-1941', ['22-1940', '22-1941']],
  ])('classic Hamburg-Nord Bezugsdrucksache %s', (value, refs) => {
    const { record, expected } = variant('allris3/hamburg-nord/vo020-1016851.html', classicRow(value));
    expect(record).toEqual({ ...expected, relatedReferences: refs });
  });

  test('ALLRIS 4 Laatzen: a "Bezugsdrucksache:" row whose value reads "Bezug: 2026/235;"', () => {
    const row = `<div class="row"><dl><dt class="colTitle"><span class="label"><a aria-describedby="vobezug">Bezugsdrucksache:</a></span></dt><dd class="colEntry3"><span class="text4" id="vobezug">Bezug: 2026/235;</span></dd></dl></div>`;
    const { record, expected } = variant('allris4/laatzen/vo020-1000238.html', (h) => h.replace('<div class="row" id="id11">', `${row}\n<div class="row" id="id11">`));
    expect(record).toEqual({ ...expected, relatedReferences: ['2026/235'] });
  });

  test.each([
    ['| 22-1940', ['22-1940']],
    ['Bezug: 22-1940;', ['22-1940']],
    ['Bezugsvorlage: VO/26/23343/D2 | VO/26/23344/63', ['VO/26/23343/D2', 'VO/26/23344/63']],
    ['DRS. 25/161', ['DRS. 25/161']],
    ['K 2026/0725', ['K 2026/0725']],
    ['VII-A-00889, VII-A-00890', ['VII-A-00889', 'VII-A-00890']],
    ['22-1940; 22-1940', ['22-1940']],
    ['Bezug:', []],
    ['', []],
  ])('splitReferences(%s)', (text, refs) => {
    expect(splitReferences(text)).toEqual(refs);
  });
});

describe('text-section headings as each release prints them', () => {
  const PAGE = 'allris3/hildesheim/vo020-8000.html';
  const SV = '<span style="font-family:Arial; font-weight:bold">Sachverhalt:</span>';
  const AN = '<span style="font-family:Arial; font-weight:bold">Anlagen:</span>';

  test.each([
    ['Sachverhalt (no colon)', '<span style="font-family:Arial; font-weight:bold">Sachverhalt</span>'],
    ['<b>Sachverhalt</b>', '<b>Sachverhalt</b>'],
    ['Sachverhalt : (space before the colon)', '<span>Sachverhalt :</span>'],
  ])('classic Hildesheim: %s gives the same sections', (_name, heading) => {
    const { record, expected } = variant(PAGE, (h) => h.replace(SV, heading));
    expect(record).toEqual(expected);
  });

  test('classic Hildesheim: "Anlage(n)" instead of "Anlagen:" heads the attachment section by its own name', () => {
    const { record, expected } = variant(PAGE, (h) => h.replace(AN, '<b>Anlage(n)</b>'));
    expect(record).toEqual({ ...expected, text: expected.text.map((s) => (s.heading === 'Anlagen' ? { ...s, heading: 'Anlage(n)' } : s)) });
  });

  test('ALLRIS 4 Laatzen: the section\'s own first line "Antrag" without colon still heads it', () => {
    const { record, expected } = variant('allris4/laatzen/vo020-1000238.html', (h) => h.replace('>Antrag:</span>', '>Antrag</span>'));
    expect(record).toEqual(expected);
  });

  test('bare headings: known heading words only', () => {
    expect(['Sachverhalt', 'Anlage(n)', 'Finanzielle Auswirkungen', 'Petitum/Beschluss', 'Sachverhalt und Begründung'].map(isBareHeading)).toEqual([true, true, true, true, true]);
    expect(['Antrag der CDU-Fraktion', 'Anlage 1', 'Beschluss.', 'Die Verwaltung berichtet', ''].map(isBareHeading)).toEqual([false, false, false, false, false]);
    expect(headingOfLine('Anlagen: -')).toEqual({ heading: 'Anlagen', rest: '-' });
    expect(headingOfLine('Anlage(n)')).toEqual({ heading: 'Anlage(n)', rest: '' });
    expect(headingOfLine('Der Sachverhalt ist klar.')).toBeNull();
  });
});

describe('document lists whose links carry no doclink / attlink class', () => {
  test('ALLRIS 4 Laatzen without the classes: the same files', () => {
    const { record, expected } = variant('allris4/laatzen/vo020-1000238.html', (h) => h.replace(/ (doclink|attlink) pdf"/g, ' pdf"'));
    expect(record).toEqual(expected);
  });

  test('`_r` Landkreis Osnabrück without the classes: the same files', () => {
    const { record, expected } = variant('allris3/landkreis-osnabrueck/vo020r-4010-excerpt.html', (h) => h.replace(/class="([^"]*)\bdoclink\b([^"]*)"/g, 'class="$1$2"'));
    expect(record).toEqual(expected);
  });
});
