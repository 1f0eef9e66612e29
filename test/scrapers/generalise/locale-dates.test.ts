/**
 * Parsers that generalise, class 1: ALLRIS 4 (and the ALLRIS-4-like `_r` programs) print dates in the reader's locale.
 * The real corpus pages are printed again in memory in every locale form (test/helpers/page-variants.ts):
 * every date that stands as a field value — Beratungsfolge rows, meeting head, agenda item head, title,
 * calendar tooltip — changes, nothing else. Each variant must parse to exactly the expected record of
 * the original page (test/expected/…): same dates, same everything.
 */
import { LayoutChangedError } from '../../../scrapers/errors';
import { parsePage } from '../../../scrapers/parse';
import type { MeetingRecord, PaperRecord } from '../../../scrapers/records';
import { looksLikeDate, parseDate, slashOrderOf, splitLeadingDate } from '../../../scrapers/shared/dates';
import { corpusCase, corpusText, expectedRecord, LOCALE_FORMATS, relocaleDates } from '../../helpers/page-variants';

const PAGES = [
  'allris4/laatzen/vo020-1000238.html',
  'allris4/laatzen/to010-1000073.html',
  'allris4/taunusstein/to010-4021.html',
  'allris4/taunusstein/to020-1026743.html',
  'allris4/trier/to010-1000264.html',
  'allris4/trier/si010-ajax-calendar-2026-10.xml',
  'allris3/landkreis-osnabrueck/vo020r-4010-excerpt.html',
  'allris3/landkreis-osnabrueck/to010r-1543-excerpt.html',
];

describe('locale dates on generated variants of corpus pages: the full expected record', () => {
  const cases = LOCALE_FORMATS.flatMap((f) => PAGES.map((p) => [f.name, p, f] as const));
  test.each(cases)('%s: %s', (_name, page, format) => {
    const c = corpusCase(page);
    const { text, bytes } = corpusText(c);
    const variant = relocaleDates(text, format);
    if (format.name !== 'de 21.10.2026') expect(variant).not.toEqual(text); // the variant really differs
    expect(parsePage(bytes(variant), c.url)).toEqual(expectedRecord(c));
  });

  test('the variants change the field dates: e.g. Laatzen Beratungsfolge and Trier head as en-US', () => {
    const en = LOCALE_FORMATS.find((f) => f.name.startsWith('en-US Oct'))!;
    const laatzen = relocaleDates(corpusText(corpusCase('laatzen/vo020-1000238.html')).text, en);
    expect(laatzen).toContain('>Aug 25, 2026<');
    const trier = relocaleDates(corpusText(corpusCase('trier/to010-1000264.html')).text, en);
    expect(trier).toContain('>Wed, Oct 21, 2026<');
    expect(trier).toContain('>Stadtrat - Oct 21, 2026<');
    const cal = relocaleDates(corpusText(corpusCase('trier/si010-ajax-calendar-2026-10.xml')).text, en);
    expect(cal).toContain(' am Thu, Oct 1, 2026 um 17:00');
  });
});

describe('an undecidable date is null, never a guess', () => {
  test('a meeting head and title "9/1/2026" without weekday: no date can be read, so the page is refused (a meeting page cannot lack its date), never a guess', () => {
    const c = corpusCase('laatzen/to010-1000073.html');
    const { text, bytes } = corpusText(c);
    const variant = text.replace('>Di., 01.09.2026<', '>9/1/2026<').replace('>Schulausschuss - 01.09.2026<', '>Schulausschuss - 9/1/2026<');
    expect(variant).not.toEqual(text);
    expect(() => parsePage(bytes(variant), c.url)).toThrow(LayoutChangedError);
    expect(() => parsePage(bytes(variant), c.url)).toThrow(/Datum/);
    // with the weekday the page prints in that locale, the same date is read
    const withDay = text.replace('>Di., 01.09.2026<', '>Tue, 9/1/2026<').replace('>Schulausschuss - 01.09.2026<', '>Schulausschuss - 9/1/2026<');
    expect(parsePage(bytes(withDay), c.url)).toEqual(expectedRecord<MeetingRecord>(c));
  });

  test('a Beratungsfolge whose only dates are "9/1/2026"-like: dates null; one date above 12 decides them all', () => {
    const c = corpusCase('laatzen/vo020-1000238.html');
    const { text, bytes } = corpusText(c);
    const expected = expectedRecord<PaperRecord>(c);
    const onlyLow = text
      .replaceAll('>25.08.2026<', '>8/2/2026<')
      .replaceAll('>29.06.2026<', '>6/2/2026<')
      .replaceAll('>01.09.2026<', '>9/1/2026<')
      .replaceAll('>03.09.2026<', '>9/3/2026<');
    const rec = parsePage(bytes(onlyLow), c.url) as PaperRecord;
    expect(rec.consultation.flatMap((s) => s.meetings.map((m) => m.date))).toEqual(
      expected.consultation.flatMap((s) => s.meetings.map(() => null)),
    );
    expect({ ...rec, consultation: expected.consultation }).toEqual(expected);
    // one date whose day is above 12 (8/25/2026) tells the order of the whole table
    const decided = parsePage(bytes(onlyLow.replace('>8/2/2026<', '>8/25/2026<').replace('>6/2/2026<', '>6/29/2026<')), c.url);
    expect(decided).toEqual(expected);
  });
});

describe('parseDate: every form, every weekday form, the ambiguity rule', () => {
  test.each([
    ['21.10.2026', '2026-10-21'],
    ['Mi., 21.10.2026', '2026-10-21'],
    ['Mi, 21.10.2026', '2026-10-21'],
    ['Mittwoch, 21.10.2026', '2026-10-21'],
    ['21.10.26', '2026-10-21'],
    ['Oct 21, 2026', '2026-10-21'],
    ['Wed, Oct 21, 2026', '2026-10-21'],
    ['Wednesday, October 21, 2026', '2026-10-21'],
    ['October 21st, 2026', '2026-10-21'],
    ['2026 Oct 21', '2026-10-21'],
    ['Wed, 2026 Oct 21', '2026-10-21'],
    ['21 Oct 2026', '2026-10-21'],
    ['Wed, 21 Oct 2026', '2026-10-21'],
    ['21 October 2026', '2026-10-21'],
    ['21-Oct-2026', '2026-10-21'],
    ['10/21/2026', '2026-10-21'],
    ['21/10/2026', '2026-10-21'],
    ['Wed, 10/21/2026', '2026-10-21'],
    ['21. Okt. 2026', '2026-10-21'],
    ['Mi., 21. Okt. 2026', '2026-10-21'],
    ['21. Oktober 2026', '2026-10-21'],
    ['Mittwoch, 21. Oktober 2026', '2026-10-21'],
    ['3. März 2026', '2026-03-03'],
    ['3. Mrz. 2026', '2026-03-03'],
    ['1. Sept. 2026', '2026-09-01'],
    ['May 1, 2026', '2026-05-01'],
    ['1. Mai 2026', '2026-05-01'],
    ['2026-10-21', '2026-10-21'],
    ['21.10.2026 11:11:27', '2026-10-21'],
    ['Oct 21, 2026, 5:00 PM', '2026-10-21'],
    ['5/5/2026', '2026-05-05'],
    ['Tue, 9/1/2026', '2026-09-01'],
    ['Fri, 9/1/2026', '2026-01-09'],
    [' am Do., 01.10.2026 um 17:00 Uhr.', '2026-10-01'],
    [' on Thu, Oct 1, 2026 at 5:00 PM.', '2026-10-01'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  test.each([
    ['9/1/2026', 'day and month ≤ 12, no hint: undecidable'],
    ['Wed, 9/1/2026', 'a weekday that fits neither reading'],
    ['Do., 21.10.2026', 'the weekday contradicts the date'],
    ['Thu, Oct 21, 2026', 'the weekday contradicts the date'],
    ['31.02.2026', 'no such day'],
    ['13/13/2026', 'no such month'],
    ['Mittwoch', 'a weekday alone'],
    ['Oct 2026', 'no day'],
    ['10/21/26', 'a slash date with a two-digit year: M/D/Y or Y/M/D, no page says which'],
    ['22-1940', 'a reference, not a date'],
    ['', 'empty'],
  ])('%s → null (%s)', (text) => {
    expect(parseDate(text)).toBeNull();
  });

  test('the order of a page decides "a/b/yyyy": from a date above 12 (slashOrderOf)', () => {
    expect(slashOrderOf(['8/25/2026', '9/1/2026'])).toBe('mdy');
    expect(slashOrderOf(['25/8/2026', '1/9/2026'])).toBe('dmy');
    expect(slashOrderOf(['9/1/2026'])).toBeNull();
    expect(slashOrderOf(['25/8/2026', '8/25/2026'])).toBeNull(); // a page that says both says nothing
    expect(parseDate('9/1/2026', { order: 'mdy' })).toBe('2026-09-01');
    expect(parseDate('9/1/2026', { order: 'dmy' })).toBe('2026-01-09');
  });

  test('looksLikeDate knows an undecidable date as a date; splitLeadingDate strips it from a title', () => {
    expect(looksLikeDate('9/1/2026')).toBe(true);
    expect(looksLikeDate('Sitzung')).toBe(false);
    expect(splitLeadingDate('12/11/2025 - 3.1.12 Entwurf')).toEqual({ date: null, rest: '3.1.12 Entwurf' });
    expect(splitLeadingDate('Thu, Dec 11, 2025 - 3.1.12 Entwurf')).toEqual({ date: '2025-12-11', rest: '3.1.12 Entwurf' });
    expect(splitLeadingDate('Sitzung vom 11.12.2025 - Entwurf')).toBeNull();
  });
});

describe('a meeting head without a Datum field: the date of the title "Stadtrat - 21.10.2026", in every locale form', () => {
  const WITHOUT_DATUM: [string, RegExp][] = [
    ['allris4/trier/to010-1000264.html', /<dl>\s*<dt class="colTitle">\s*<span class="label">Datum:<\/span>[\s\S]*?<\/dl>/],
    ['allris3/landkreis-osnabrueck/to010r-1543-excerpt.html', /<a aria-describedby="sidatum">Datum:<\/a> <span class="text4" id="sidatum">[\s\S]*?<\/a><\/span>/],
  ];
  const cases = LOCALE_FORMATS.flatMap((f) => WITHOUT_DATUM.map(([page, datum]) => [f.name, page, datum, f] as const));
  test.each(cases)('%s: %s', (_name, page, datum, format) => {
    const c = corpusCase(page);
    const { text, bytes } = corpusText(c);
    const variant = relocaleDates(text.replace(datum, ''), format);
    expect(variant).not.toMatch(/id="sidatum"/);
    expect(parsePage(bytes(variant), c.url)).toEqual(expectedRecord(c));
  });
});
