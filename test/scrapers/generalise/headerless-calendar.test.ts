/**
 * Issue 17 §6, class 2 (calendars): older ALLRIS 3 releases (3.8.x, 3.9.0–3.9.4) print the classic month
 * calendar with a header row that names its columns differently or not at all; day numbers stand only in
 * a day's first row; holiday rows are no meetings; cancelled meetings ("AUSFALL", "entfällt", "abgesagt")
 * stay meetings with `cancelled: true`; a meeting's SILFDNR may stand only in a hidden form field.
 *
 * Every classic calendar page of the corpus is changed in memory (header removed, emptied, renamed, table
 * class dropped) and must parse to exactly its expected record. The small rows written below are
 * hand-made for this test (no recorded page has an "AUSFALL" row or a meeting without link and time).
 */
import { parsePage } from '../../../scrapers/parse';
import type { MeetingListRecord } from '../../../scrapers/records';
import { calendarColumnOf } from '../../../scrapers/shared/calendar-columns';
import { isCancelledText, isOnlyCancelMark } from '../../../scrapers/shared/cancelled';
import { handMadeClassic, latin1 } from '../../helpers/list-pages';
import { corpusCase, corpusText, expectedRecord } from '../../helpers/page-variants';

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

describe('the label rules of the calendar header (shared/calendar-columns.ts)', () => {
  test.each([
    ['Datum', 'datum'], ['Tag', 'datum'], ['Sitzungstag', 'datum'], ['Uhrzeit', 'uhrzeit'], ['Zeit', 'uhrzeit'],
    ['Beginn', 'uhrzeit'], ['Sitzung', 'sitzung'], ['Gremium', 'sitzung'], ['Bezeichnung', 'sitzung'],
    ['Raum', 'raum'], ['Ort', 'raum'], ['Sitzungsort', 'raum'], ['Sitzungsraum', 'raum'], ['Tagesordnung', null], ['', null],
  ])('%s → %s', (label, column) => {
    expect(calendarColumnOf(label)).toBe(column);
  });
});

// ------------------------------------------------------------------------------------------------ hand-made

const dayCells = (dow: string, d: number) => `<td class="text2">${dow}</td><td class="text2">&nbsp;&nbsp;${d}</td>`;
const noDay = '<td>&nbsp;</td><td>&nbsp;</td>';
const hidden = (id: string) => `<form action="to010.asp" method="post"><input type="hidden" name="SILFDNR" value="${id}" /><input type="submit" class="il1_to" value="TO" /></form>`;
const row = (cls: string, cells: string) => `<tr class="${cls}">${cells}</tr>`;

// A 3.8-style month without header: weekday + day only in a day's first row, a holiday row with a day,
// a school-holiday row, an AUSFALL meeting (mark in its own cell), a meeting without link whose id is
// only in a hidden TO form, a cancelled meeting without time and link ("entfällt"), a room column.
const MONTH = [
  row('zl12', `${dayCells('Do', 1)}<td class="text2">17:00 - 18:30&nbsp;</td><td>&nbsp;</td><td><a href="to010.asp?SILFDNR=501">Bauausschuss</a></td><td class="text4">Ratssaal</td>`),
  row('zl11', `${noDay}<td class="text2">19:00&nbsp;</td><td>${hidden('502')}</td><td>Sitzung des Ortsrates Nord</td><td class="text4">Dorfgemeinschaftshaus</td>`),
  row('zl17', `${dayCells('Sa', 3)}<td colspan="4">Tag der Deutschen Einheit</td>`),
  row('zl1m', `${noDay}<td colspan="4">Herbstferien</td>`),
  row('zl12', `${dayCells('Mo', 5)}<td class="text2">18:00&nbsp;</td><td>AUSFALL</td><td><a href="to010.asp?SILFDNR=503">Finanzausschuss</a></td><td class="text4">Ratssaal</td>`),
  row('zl11', `${noDay}<td class="text2">&nbsp;</td><td>${hidden('504')}</td><td>Sitzung des Schulausschusses entfällt</td><td class="text4">&nbsp;</td>`),
  row('zl12', `${dayCells('Di', 6)}<td colspan="4">&nbsp;</td>`),
  row('zl11', `${dayCells('Mi', 7)}<td class="text2">16:00 - 17:00&nbsp;</td><td>&nbsp;</td><td>Jugendhilfeausschuss (abgesagt)</td><td class="text4">Saal 2</td>`),
].join('\n');

const EXPECTED_MONTH = [
  { sourceId: '501', name: 'Bauausschuss', date: '2026-10-01', start: '17:00', end: '18:30', room: 'Ratssaal' },
  { sourceId: '502', name: 'Sitzung des Ortsrates Nord', date: '2026-10-01', start: '19:00', end: null, room: 'Dorfgemeinschaftshaus' },
  { sourceId: '503', name: 'Finanzausschuss', date: '2026-10-05', start: '18:00', end: null, room: 'Ratssaal', cancelled: true },
  { sourceId: '504', name: 'Sitzung des Schulausschusses entfällt', date: '2026-10-05', start: null, end: null, room: null, cancelled: true },
  { sourceId: null, name: 'Jugendhilfeausschuss (abgesagt)', date: '2026-10-07', start: '16:00', end: '17:00', room: 'Saal 2', cancelled: true },
];

const parse = (html: string, url: string | null) => parsePage(latin1(html), url) as MeetingListRecord;

describe('a 3.8-style month without header (hand-made rows)', () => {
  const url = 'https://ris.example/bi/si010.asp?MM=10&YY=2026';

  test('meetings with carried-forward days, hidden-field ids, cancelled flags; holiday rows left out', () => {
    const r = parse(handMadeClassic('si010', `<table class="tl1">${MONTH}</table>`), url);
    expect(r.meetings).toEqual(EXPECTED_MONTH);
  });

  test('the same rows under a header that names the columns (Datum | Uhrzeit | | Sitzung | Raum) give the same meetings', () => {
    const head = '<tr class="zw1"><th colspan="2">Datum</th><th>Uhrzeit</th><th>&nbsp;</th><th>Sitzung</th><th>Raum</th></tr>';
    expect(parse(handMadeClassic('si010', `<table class="tl1">${head}${MONTH}</table>`), url).meetings).toEqual(EXPECTED_MONTH);
  });

  test('without a month anywhere the dates are null, the meetings stay', () => {
    const r = parse(handMadeClassic('si010', `<table class="tl1">${MONTH}</table>`), null);
    expect(r.meetings).toEqual(EXPECTED_MONTH.map((m) => ({ ...m, date: null })));
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
