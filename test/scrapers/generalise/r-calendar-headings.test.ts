/**
 * Parsers that generalise, class 3: responsive (`_r`) calendars that print the date in a heading above a day's rows
 * (`<h3>Dienstag, 01.09.2026</h3>`, or a row `<tr><th colspan="4">…</th></tr>`) instead of
 * `span.dow` + `span.dom` in the day's first row. The corpus calendars (Landkreis Osnabrück si010_r,
 * Trier ALLRIS 4 AJAX, its tooltips removed) are changed in memory that way, in German and in the
 * reader-locale forms, and must parse to exactly their expected records.
 */
import { parsePage } from '../../../scrapers/parse';
import type { MeetingListRecord } from '../../../scrapers/records';
import { corpusCase, corpusText, expectedRecord, germanHeading, headingsForDays, LOCALE_FORMATS } from '../../helpers/page-variants';
import { withoutPageUrl } from '../../helpers/list-pages';

const PAGES = [
  { page: 'allris3/landkreis-osnabrueck/si010r-calendar-2026-09-excerpt.html', month: { year: 2026, month: 9 } },
  { page: 'allris4/trier/si010-ajax-calendar-2026-10.xml', month: { year: 2026, month: 10 } },
];

const PRINTS = [
  ['Dienstag, 01.09.2026', germanHeading] as const,
  ...LOCALE_FORMATS.map((f) => [f.name, f.withWeekday] as const),
];

describe('date headings above the rows: the full expected record', () => {
  const cases = PAGES.flatMap((p) => (['th', 'h3'] as const).flatMap((style) => PRINTS.map(([name, print]) => [p.page, style, name, p, print] as const)));
  test.each(cases)('%s, %s heading, %s', (_page, style, _name, p, print) => {
    const c = corpusCase(p.page);
    const { text, bytes } = corpusText(c);
    const variant = headingsForDays(text, p.month, style, print, true);
    expect(variant).not.toMatch(/class="dom"|data-simpletooltip-text/);
    // without its URL the page states no month any more: the headings alone date the rows
    expect(parsePage(bytes(variant), null)).toEqual(withoutPageUrl(expectedRecord<MeetingListRecord>(c)));
  });

  test('the generated page really has the headings (Osnabrück, h3)', () => {
    const c = corpusCase(PAGES[0].page);
    const variant = headingsForDays(corpusText(c).text, PAGES[0].month, 'h3', germanHeading);
    expect(variant).toContain('<h3>Dienstag, 01.09.2026</h3><table class="calenderView"><tbody><tr class="tue odd">');
    expect(variant).toContain('<h3>Montag, 28.09.2026</h3>');
  });

  test('a heading that is no date ("Kalender", "Stand: 01.09.2026") dates nothing', () => {
    const c = corpusCase(PAGES[0].page);
    const { text, bytes } = corpusText(c);
    const variant = headingsForDays(text, PAGES[0].month, 'h3', () => 'Stand: 01.09.2026');
    const rec = parsePage(bytes(variant), null) as MeetingListRecord;
    expect(rec.meetings.map((m) => m.date)).toEqual(expectedRecord<MeetingListRecord>(c).meetings.map(() => null));
  });
});

describe('holiday rows that write their name in the text column', () => {
  test('Trier: "Tag der Deutschen Einheit" and "Herbstferien" as time / textCol / raum cells are no meetings', () => {
    const c = corpusCase(PAGES[1].page);
    const { text, bytes } = corpusText(c);
    const variant = text.replace(
      /<td colspan="3">\s*<div>(Tag der Deutschen Einheit|Herbstferien)<\/div>\s*<\/td>/g,
      '<td class="time"><div></div></td><td class="textCol"><div>$1</div></td><td class="raum"><div></div></td>',
    );
    expect(variant.match(/<td class="textCol"><div>(Tag der Deutschen Einheit|Herbstferien)<\/div>/g)?.length).toBeGreaterThan(3);
    expect(parsePage(bytes(variant), c.url)).toEqual(expectedRecord(c));
  });
});

describe('the full date in the row\'s first cell instead of span.dow + span.dom', () => {
  test.each(PRINTS.map(([name, print]) => [name, print] as const))('Osnabrück si010_r, %s', (_name, print) => {
    const c = corpusCase(PAGES[0].page);
    const { text, bytes } = corpusText(c);
    const variant = text.replace(/<span class="dow">[^<]*<\/span><span class="dom">(\d+)<\/span>/g, (_all, d: string) =>
      print({ d: Number(d), m: 9, y: 2026, dow: new Date(Date.UTC(2026, 8, Number(d))).getUTCDay() }),
    );
    expect(variant).not.toMatch(/class="dom"/);
    expect(parsePage(bytes(variant), null)).toEqual(withoutPageUrl(expectedRecord<MeetingListRecord>(c)));
  });
});
