/**
 * Parsers that generalise, class 2 (agendas): older ALLRIS 3 releases print the to010 agenda table with a header row
 * that names its columns differently or not at all, and may keep the meeting's SILFDNR only in hidden
 * form fields. Every classic to010 page of the corpus is changed in memory (header removed, emptied,
 * renamed, TOP label left out) and must parse to exactly its expected record; the columns are then found
 * by what the cells hold (a to010 link with TOLFDNR or a TOP number, the to020 links, vo020 links/forms
 * or a reference pattern). A 3.8-style agenda that no recorded page shows is the hand-written
 * test/fixtures/generalise/to010-3.8-agenda.html.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parsePage } from '../../../scrapers/parse';
import type { MeetingRecord } from '../../../scrapers/records';
import { inferAgendaColumns, REFERENCE_PATTERN } from '../../../scrapers/allris3/to010-columns';
import { tableRows } from '../../../scrapers/html/table';
import { findFirst, parseHtml } from '../../../scrapers/html/dom';
import { corpusCase, corpusText, expectedRecord } from '../../helpers/page-variants';

const PAGES = [
  'hamburg-altona/to010-1004086.html',
  'hamburg-bergedorf/to010-1002949.html',
  'hamburg-eimsbuettel/to010-1003114.html',
  'hamburg-mitte/to010-1002940.html',
  'hamburg-nord/to010-1003143.html',
  'hamburg-nord/to010-1003201.html',
  'hildesheim/to010-3712.html',
  'regensburg/to010-2667-excerpt.html',
];

const HEADER = /<tr class="zk1">[\s\S]*?<\/tr>/;

const VARIANTS: [string, (html: string) => string][] = [
  ['no header row', (h) => h.replace(HEADER, '')],
  ['a header row of empty cells', (h) => h.replace(HEADER, (tr) => tr.replace(/(<th[^>]*>)[^<]*(<\/th>)/g, '$1&nbsp;$2'))],
  [
    'a header naming the columns otherwise (Nr. | Gegenstand | Vorlagen-Nr.)',
    (h) => h.replace(HEADER, (tr) => tr.replace('>TOP<', '>Nr.<').replace('>Betreff<', '>Gegenstand<').replace(/>(Drucksache|Vorlage)</, '>Vorlagen-Nr.<')),
  ],
  ['a header naming Betreff but not TOP', (h) => h.replace(HEADER, (tr) => tr.replace('>TOP<', '>&nbsp;<'))],
  ['no header and no table class', (h) => h.replace(HEADER, '').replace(/(<table[^>]*?) class="tl1"/, '$1')],
];

describe('classic agendas without a usable header: columns by what the cells hold (full expected record)', () => {
  const cases = VARIANTS.flatMap(([name, change]) => PAGES.map((p) => [name, p, change] as const));
  test.each(cases)('%s: %s', (_name, page, change) => {
    const c = corpusCase(`allris3/${page}`);
    const { text, bytes } = corpusText(c);
    const variant = change(text);
    expect(variant).not.toEqual(text);
    expect(parsePage(bytes(variant), c.url)).toEqual(expectedRecord(c));
  });
});

describe('the meeting id only in hidden form fields (3.8: no objectID, no si016 forms, no TOP links)', () => {
  test('Regensburg without URL, meta and TOP links: SILFDNR from the hidden input of the page form', () => {
    const c = corpusCase('allris3/regensburg/to010-2667-excerpt.html');
    const { text, bytes } = corpusText(c);
    const stripped = text
      .replace(/<meta name="objectID"[^>]*>/i, '')
      .replace(/to010\.asp\?SILFDNR=2667&(amp;)?TOLFDNR=(\d+)#beschluss/g, 'to020.asp?TOLFDNR=$2')
      .replace(/<form[^>]*action="si01[679][^"]*"[\s\S]*?<\/form>/g, '')
      .replace(/<form[^>]*action="to010\.asp\?SILFDNR=2667[^"]*"[\s\S]*?<\/form>/g, '');
    const withHidden = stripped.replace('<table class="tl1"', '<form action="to010.asp" method="post"><input type="hidden" name="SILFDNR" value="2667" /><input type="submit" value="Drucken" /></form><table class="tl1"');
    expect(parsePage(bytes(stripped), null)).toMatchObject({ sourceId: null });
    const rec = parsePage(bytes(withHidden), null) as MeetingRecord;
    expect(rec).toEqual({ ...expectedRecord<MeetingRecord>(c), url: null });
  });
});

// ------------------------------------------------------------------------------------------------ hand-written fixture

// test/fixtures/generalise/to010-3.8-agenda.html: a 3.8-style agenda without header row (see its comment).
const FIXTURE = fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'generalise', 'to010-3.8-agenda.html'), 'utf8');
const item = (number: string, pub: boolean, name: string, paperReference: string | null = null, paperSourceId: string | null = null) => ({
  number, public: pub, sourceId: null, name, paperReference, paperSourceId, result: null, resultCode: 'open',
});

describe('a 3.8-style agenda without header (hand-written fixture)', () => {
  test('the full record: columns by content, sections, the meeting id from the hidden field of the print form', () => {
    expect(parsePage(Buffer.from(FIXTURE, 'utf8'), null)).toEqual({
      type: 'Meeting', format: 1, system: 'allris3', systemVersion: '3.8.8', sourceId: '4711', url: null,
      name: 'Sitzung des Bauausschusses', organization: 'Bauausschuss', organizationSourceId: '7', date: '2026-10-21',
      start: '18:00', end: '20:00', room: 'Ratssaal', location: null, statusText: null,
      agendaItem: [
        item('1', true, 'Eröffnung und Feststellung der Tagesordnung'),
        item('2', true, 'Bebauungsplan Nr. 12 "Am Markt", Satzungsbeschluss', '22-1940', '77'),
        item('3', true, 'Mitteilungen der Verwaltung'),
        item('4', false, 'Grundstücksangelegenheiten'),
      ],
    });
  });

  test('inferAgendaColumns: TOP by number pattern, subject by long text, paper by vo020 form/link and reference pattern', () => {
    const table = findFirst(parseHtml(FIXTURE), (el) => el.name === 'table' && !el.attribs.class)!;
    expect(inferAgendaColumns(tableRows(table))).toEqual(['top', 'other', 'subject', 'paper', 'paper']);
  });
});

describe('inferAgendaColumns and the reference pattern', () => {
  test('no TOP-like column: null', () => {
    const table = findFirst(parseHtml('<table><tr><td>Bauausschuss</td><td>Ratssaal</td></tr></table>'), (el) => el.name === 'table')!;
    expect(inferAgendaColumns(tableRows(table))).toBeNull();
  });

  // ALLRIS-NOTES §2c: Hamburg, Regensburg, Laatzen, Wolfsburg, Leipzig, Potsdam, Augsburg, and one more
  test.each(['22-1940', 'VO/26/23343/D2', 'DS/2026/0301', '2026/245', 'BV/2026/0012', 'K 2026/0725', 'VII-A-00777', 'VII-A-00777-ÄA-01',
    '26/SVV/0541', 'TVO-BSV/25/61736-2', 'DS-00029/14', 'VO/2026/181'])('%s reads as a reference', (t) => {
    expect(REFERENCE_PATTERN.test(t)).toBe(true);
  });
  test.each(['Ö 1', '2.1', 'Eröffnung', '18:00', 'N 10', '10.1.3', 'TOP 3', '3 a', 'Sachstand Digitaltag', 'Bauausschuss-Sitzung', 'ÄA-Liste'])('%s is no reference', (t) => {
    expect(REFERENCE_PATTERN.test(t)).toBe(false);
  });
});
