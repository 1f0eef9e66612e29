/**
 * Parsers that generalise, class 2 (calendars): older ALLRIS 3 releases (3.8.x, 3.9.0–3.9.4) print the classic month
 * calendar with a header row that names its columns differently or not at all; day numbers stand only in
 * a day's first row; holiday rows are no meetings; cancelled meetings ("AUSFALL", "entfällt", "abgesagt")
 * stay meetings with `cancelled: true`; a meeting's SILFDNR may stand only in a hidden form field.
 *
 * Every classic calendar page of the corpus is changed in memory (header removed, emptied, renamed, table
 * class dropped) and must parse to exactly its expected record. A 3.8-style month with "AUSFALL" rows
 * and hidden-field ids, which no recorded page has, is the hand-written test/fixtures/generalise/si010-3.8-month.html.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parsePage } from '../../../scrapers/parse';
import type { MeetingListRecord } from '../../../scrapers/records';
import { calendarColumnOf } from '../../../scrapers/shared/calendar-columns';
import { isCancelledText, isOnlyCancelMark } from '../../../scrapers/shared/cancelled';
import { corpusCase, corpusText, expectedRecord } from '../../helpers/page-variants';
import { withoutPageUrl } from '../../helpers/list-pages';

const PAGES = [
  'bitburg-pruem/si010-calendar-2026-09.html',
  'hamburg-nord/si010e-calendar.html',
  'hohenhameln/si010-calendar-excerpt.html',
  'mainz-bingen/si010e-calendar-2026-09.html',
  'regensburg/si010-calendar-2026-09-excerpt.html',
  'winnweiler/si010j-calendar-2026-08.html',
];

const HEADER = /<tr class="zw1">[\s\S]*?<\/tr>/;

/** How older releases print (or do not print) the calendar's header row. */
const VARIANTS: [string, (html: string) => string][] = [
  ['no header row at all', (h) => h.replace(HEADER, '')],
  ['a header row of empty cells', (h) => h.replace(HEADER, (tr) => tr.replace(/(<th[^>]*>)[^<]*(<\/th>)/g, '$1&nbsp;$2'))],
  [
    'a header naming the columns otherwise (Tag | Beginn | Gremium | Sitzungsort)',
    (h) => h.replace(HEADER, (tr) => tr.replace('>Datum<', '>Tag<').replace('>Uhrzeit<', '>Beginn<').replace('>Sitzung<', '>Gremium<').replace('>Raum<', '>Sitzungsort<')),
  ],
  ['a header in td cells that says nothing usable ("Kalender")', (h) => h.replace(HEADER, '<tr><td colspan="9">Kalender</td></tr>')],
  ['no header and no table class', (h) => h.replace(HEADER, '').replace('<table class="tl1"', '<table')],
];

describe('classic calendars without a usable header: columns by what the cells hold (full expected record)', () => {
  const cases = VARIANTS.flatMap(([name, change]) => PAGES.map((p) => [name, p, change] as const));
  test.each(cases)('%s: %s', (_name, page, change) => {
    const c = corpusCase(`allris3/${page}`);
    const { text, bytes } = corpusText(c);
    const variant = change(text);
    expect(variant).not.toEqual(text);
    expect(parsePage(bytes(variant), c.url)).toEqual(expectedRecord(c));
  });
});

/** The day-number cells printed as full dates ("&nbsp;&nbsp;1" → "01.09.2026"), as some releases do. */
function fullDates(html: string, year: number, month: number): string {
  const pad = (n: number | string) => String(n).padStart(2, '0');
  return html.replace(/(<td class="text2"[^>]*>)(?:&nbsp;|\s)*(\d{1,2})<\/td>/g, (_all, td: string, d: string) => `${td}${pad(d)}.${pad(month)}.${year}</td>`);
}

describe('classic calendars that print the full date in the date column', () => {
  test.each(PAGES.flatMap((p) => [[p, false], [p, true]] as const))('%s (header removed: %s): every row dated without URL or month heading', (page, noHeader) => {
    const c = corpusCase(`allris3/${page}`);
    const { text, bytes } = corpusText(c);
    const expected = expectedRecord<MeetingListRecord>(c);
    const first = expected.meetings[0].date!;
    let variant = fullDates(text, Number(first.slice(0, 4)), Number(first.slice(5, 7)));
    if (noHeader) variant = variant.replace(HEADER, '');
    expect(variant).toMatch(/>\d{2}\.\d{2}\.\d{4}<\/td>/);
    expect(parsePage(bytes(variant), null)).toEqual(withoutPageUrl(expected));
  });
});

describe('the label rules of the calendar header (shared/calendar-columns.ts)', () => {
  test.each([
    ['Datum', 'datum'], ['Tag', 'datum'], ['Sitzungstag', 'datum'], ['Uhrzeit', 'uhrzeit'], ['Zeit', 'uhrzeit'],
    ['Beginn', 'uhrzeit'], ['Sitzung', 'sitzung'], ['Gremium', 'sitzung'], ['Bezeichnung', 'sitzung'],
    ['Raum', 'raum'], ['Ort', 'raum'], ['Sitzungsort', 'raum'], ['Sitzungsraum', 'raum'], ['Tagesordnung', null], ['', null],
  ])('%s → %s', (label, column) => {
    expect(calendarColumnOf(label)).toBe(column);
  });
});

// ------------------------------------------------------------------------------------------------ hand-written fixture

// test/fixtures/generalise/si010-3.8-month.html: a 3.8-style month without header row (see its comment).
const FIXTURE = fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'generalise', 'si010-3.8-month.html'), 'utf8');

// rows with a to010 link name their meeting page (url); the others have their SILFDNR only in a form, or none
const EXPECTED_MONTH = [
  { sourceId: '501', name: 'Bauausschuss', date: '2026-10-01', start: '17:00', end: '18:30', room: 'Ratssaal', url: 'https://ris.example/bi/to010.asp?SILFDNR=501' },
  { sourceId: '502', name: 'Sitzung des Ortsrates Nord', date: '2026-10-01', start: '19:00', end: null, room: 'Dorfgemeinschaftshaus' },
  { sourceId: '503', name: 'Finanzausschuss', date: '2026-10-05', start: '18:00', end: null, room: 'Ratssaal', url: 'https://ris.example/bi/to010.asp?SILFDNR=503', cancelled: true },
  { sourceId: '504', name: 'Sitzung des Schulausschusses entfällt', date: '2026-10-05', start: null, end: null, room: null, cancelled: true },
  { sourceId: null, name: 'Jugendhilfeausschuss (abgesagt)', date: '2026-10-07', start: '16:00', end: '17:00', room: 'Saal 2', cancelled: true },
];

const parse = (html: string, url: string | null) => parsePage(Buffer.from(html, 'utf8'), url) as MeetingListRecord;

describe('a 3.8-style month without header (hand-written fixture)', () => {
  const url = 'https://ris.example/bi/si010.asp?MM=10&YY=2026';

  test('the full record: carried-forward days, hidden-field ids, cancelled flags; holiday rows left out', () => {
    expect(parse(FIXTURE, url)).toEqual({
      type: 'MeetingList', format: 1, system: 'allris3', systemVersion: '3.8.8', sourceId: null, url, meetings: EXPECTED_MONTH,
    });
  });

  test('the same rows under a header that names the columns (Datum | Uhrzeit | | Sitzung | Raum) give the same meetings', () => {
    const head = '<tr class="zw1"><th colspan="2">Datum</th><th>Uhrzeit</th><th>&nbsp;</th><th>Sitzung</th><th>Raum</th></tr>';
    const html = FIXTURE.replace('<table cellspacing="0" cellpadding="1" border="0">', `<table class="tl1">${head}`);
    expect(html).not.toEqual(FIXTURE);
    expect(parse(html, url).meetings).toEqual(EXPECTED_MONTH);
  });

  test('without a month anywhere (no heading, no URL) the dates are null, the meetings stay (without their pages\' addresses)', () => {
    const html = FIXTURE.replace('<h2>Oktober 2026</h2>', '');
    expect(html).not.toEqual(FIXTURE);
    expect(parse(html, null).meetings).toEqual(EXPECTED_MONTH.map(({ url: _url, ...m }) => ({ ...m, date: null })));
  });
});

describe('cancel marks (shared/cancelled.ts)', () => {
  test.each(['AUSFALL', 'ENTFÄLLT! Sitzung des Bauausschusses', 'Sitzung entfällt', '(ABGESAGT!!)', 'abgesagt', 'Die Sitzung fällt aus', 'ausgefallen', 'Sitzung storniert'])(
    '%s is cancelled',
    (t) => expect(isCancelledText(t)).toBe(true),
  );
  test.each(['Ausfallbürgschaft der Stadtwerke', 'verschoben auf den 12.10.', 'Sitzung des Bauausschusses', 'Absage', ''])('%s is not cancelled', (t) =>
    expect(isCancelledText(t)).toBe(false),
  );
  test('only a mark, or a mark and a name', () => {
    expect(['AUSFALL', '- entfällt -', 'Sitzung entfällt', '(abgesagt!)'].map(isOnlyCancelMark)).toEqual([true, true, true, true]);
    expect(['ENTFÄLLT! Sitzung des Bauausschusses', 'Bauausschuss'].map(isOnlyCancelMark)).toEqual([false, false]);
  });
});
