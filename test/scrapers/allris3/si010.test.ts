/**
 * ALLRIS 3 classic month calendars si010 / si010_e / si010_j → MeetingListRecord. Real pages are read in
 * place from ../shared/corpus (PROVENANCE.md); the expected records under test/expected/ were written by
 * reading each page. The small pages built below (calendarPage, row helpers) are hand-made for this test:
 * traps no recorded page shows on its own.
 */
import { LayoutChangedError } from '../../../scrapers/errors';
import { parsePage } from '../../../scrapers/parse';
import type { MeetingListRecord } from '../../../scrapers/records';
import { dayNumber, monthFromHeading, monthFromUrl, parseCalendarTime } from '../../../scrapers/shared/calendar';
import { caseOf, casesMatching, expectedOf, handMadeClassic, latin1, parseCase, withoutPageUrl } from '../../helpers/list-pages';

const CASES = casesMatching(/^allris3\/[^/]+\/si010[ej]?-[^/]*\.html$/);

describe('classic si010 on recorded pages (full record)', () => {
  test('every classic calendar page of the corpus has a case', () => {
    expect(CASES).toHaveLength(6);
  });

  test.each(CASES.map((c) => [c.page, c] as const))('%s', (_page, c) => {
    expect(parseCase(c, c.url)).toEqual(expectedOf(c));
  });

  test('without a URL: the month comes from the page itself (heading, month bar, form fields), url null', () => {
    for (const c of CASES.filter((x) => !x.page.includes('hohenhameln'))) {
      expect(parseCase(c, null)).toEqual(withoutPageUrl(expectedOf<MeetingListRecord>(c)));
    }
  });

  test('Hohenhameln excerpt states no month: without a URL the dates are unknown (null), nothing else changes', () => {
    const c = caseOf('hohenhameln/si010-calendar-excerpt.html');
    const expected = expectedOf<MeetingListRecord>(c);
    expect(parseCase(c, null)).toEqual({ ...withoutPageUrl(expected), meetings: withoutPageUrl(expected).meetings.map((m) => ({ ...m, date: null })) });
  });
});

describe('classic si010 quirks on recorded pages', () => {
  test('the day stands only in the first row of a day: later rows carry it forward', () => {
    const r = parseCase<MeetingListRecord>(caseOf('hamburg-nord/si010e-calendar.html'), null);
    expect(r.meetings.filter((m) => m.date === '2023-10-10').map((m) => m.sourceId)).toEqual(['1002823', '1002825', '1002827', '1002828', '1002826']);
    // 23.10.: the day is in a "Schulferien" row (tr.zl1m), the meeting in the next row without day cells
    expect(r.meetings.find((m) => m.sourceId === '1002572')?.date).toBe('2023-10-23');
  });

  test('holiday rows are no meetings: tr.zl1m "Schulferien", "Tag der Deutschen Einheit" and "Reformationstag" in tr.zl17', () => {
    const r = parseCase<MeetingListRecord>(caseOf('hamburg-nord/si010e-calendar.html'), null);
    expect(JSON.stringify(r)).not.toMatch(/Schulferien|Deutschen Einheit|Reformationstag/);
  });

  test('a meeting without link keeps the SILFDNR of its ICS form; without any form its sourceId is null', () => {
    const hh = parseCase<MeetingListRecord>(caseOf('hamburg-nord/si010e-calendar.html'), null);
    expect(hh.meetings.find((m) => m.name?.startsWith('ENTFÄLLT!'))).toEqual({
      sourceId: '1002587', name: 'ENTFÄLLT! Sitzung des Stadtentwicklungsausschusses', date: '2023-10-05', start: '18:00', end: null, room: 'Großer Sitzungssaal', cancelled: true,
    });
    const mz = parseCase<MeetingListRecord>(caseOf('mainz-bingen/si010e-calendar-2026-09.html'), null);
    expect(mz.meetings.find((m) => m.name?.includes('ABGESAGT'))).toEqual({
      sourceId: null, name: 'öffentliche Sitzung des Schulträgerausschusses (ABGESAGT!!)', date: '2026-09-17', start: '16:30', end: '18:00', room: 'Kreistagssaal (Raum 023, EG)', cancelled: true,
    });
    const hoh = caseOf('hohenhameln/si010-calendar-excerpt.html');
    expect(parseCase<MeetingListRecord>(hoh, hoh.url).meetings[0]).toMatchObject({ sourceId: '1293', name: 'Sitzung Kulturverein' });
  });

  test('si010 without a Raum column (Regensburg, Bitburg): room null; the Niederschrift form is no name', () => {
    for (const page of ['regensburg/si010-calendar-2026-09-excerpt.html', 'bitburg-pruem/si010-calendar-2026-09.html']) {
      const r = parseCase<MeetingListRecord>(caseOf(page), null);
      expect(r.meetings.every((m) => m.room === null && m.name !== null)).toBe(true);
    }
  });
});

// ------------------------------------------------------------------------------------------------ hand-made

const HEAD = '<tr class="zw1"><th colspan="2">Datum</th><th>Uhrzeit</th><th>&nbsp;</th><th colspan="4">Sitzung</th><th>Raum</th></tr>';
const day = (dow: string, d: number, cls = 'zl11') => `<tr class="${cls}"><td class="text2">${dow}</td><td class="text2">&nbsp;&nbsp;${d}</td><td colspan="8">&nbsp;</td></tr>`;
const ics = (id: string) => `<form action="to010.asp" method="post"><input type="hidden" name="SILFDNR" value="${id}" /><input type="hidden" name="template" value="ics" /><input type="image" class="il1" src="images/calexp.gif" /></form>`;
const to = (id: string) => `<form action="to010.asp" method="post"><input type="hidden" name="SILFDNR" value="${id}" /><input type="submit" class="il1_to" value="TO" /></form>`;
function meeting(o: { dow?: string; d?: number; time: string; id?: string; name: string; link?: boolean; room?: string; cls?: string }): string {
  const date = o.d ? `<td class="text2">${o.dow}</td><td class="text2">&nbsp;&nbsp;${o.d}</td>` : '<td>&nbsp;</td><td>&nbsp;</td>';
  const name = o.link && o.id ? `<a href="to010.asp?SILFDNR=${o.id}">${o.name}</a>` : o.name;
  return `<tr class="${o.cls ?? 'zl12'}" valign="top">${date}<td class="text2">${o.time}&nbsp;</td><td>${o.id ? ics(o.id) : '&nbsp;'}</td>` +
    `<td>${o.id && o.link ? to(o.id) : '&nbsp;'}</td><td>${name}</td><td>&nbsp;</td><td>&nbsp;</td><td class="text4">${o.room ?? '&nbsp;'}</td></tr>`;
}
const calendar = (rows: string, extra = '') => handMadeClassic('si010', `${extra}<table class="tl1">${HEAD}${rows}</table>`);
const parse = (html: string, url: string | null = null) => parsePage(latin1(html), url) as MeetingListRecord;
const ROWS = day('Di', 1) + meeting({ dow: 'Mi', d: 2, time: '18:00 - 19:00', id: '11', name: 'Sitzung A', link: true, room: 'Saal' });

describe('classic si010 quirks on hand-made pages', () => {
  test('the month comes from the page: heading "September 2026"', () => {
    const r = parse(calendar(ROWS, '<h2 align="center">September&nbsp;2026</h2>'));
    expect(r.meetings).toEqual([{ sourceId: '11', name: 'Sitzung A', date: '2026-09-02', start: '18:00', end: '19:00', room: 'Saal' }]);
  });

  test('the month comes from the page: month bar (current cells td.zl17 without link)', () => {
    const bar = '<table><tr><td class="zl17">2026</td><td><a href="si010.asp?MM=2&amp;YY=2026" title="Februar 2026">Feb</a></td><td class="zl17">Mar</td></tr></table>';
    expect(parse(calendar(ROWS, bar)).meetings[0].date).toBe('2026-03-02');
  });

  test('the month comes from the page: hidden MM/YY fields (si010_j), or the period field kaldatvon', () => {
    expect(parse(calendar(ROWS, '<form><input type="hidden" name="MM" value="8" /><input type="hidden" name="YY" value="2026" /></form>')).meetings[0].date).toBe('2026-08-02');
    expect(parse(calendar(ROWS, '<form><input type="text" name="kaldatvon" value="01.11.2025" /></form>')).meetings[0].date).toBe('2025-11-02');
  });

  test('the month comes from the links to the previous / next month when nothing else says it', () => {
    expect(parse(calendar(ROWS, '<a href="si010.asp?MM=12&amp;YY=2025" title="Vorheriger Monat">&lt;</a>')).meetings[0].date).toBe('2026-01-02');
    expect(parse(calendar(ROWS, '<a href="si010.asp?MM=1&amp;YY=2026" title="Nächster Monat">&gt;</a>')).meetings[0].date).toBe('2025-12-02');
  });

  test('the URL gives the month when the page does not; the page wins over the URL', () => {
    expect(parse(calendar(ROWS), 'https://ris.example/bi/si010.asp?MM=5&YY=2026').meetings[0].date).toBe('2026-05-02');
    expect(parse(calendar(ROWS, '<h2>Juni 2026</h2>'), 'https://ris.example/bi/si010.asp?MM=5&YY=2026').meetings[0].date).toBe('2026-06-02');
  });

  test('no month anywhere: dates null, never the date of a version line or any other date on the page', () => {
    const html = calendar(ROWS, '<p>Stand: 08.07.2026</p>').replace('(221117m)', '(221117m) - 08.07.2026');
    expect(parse(html).meetings[0].date).toBeNull();
  });

  test('a holiday text with dates in it is no meeting and gives no time', () => {
    const holiday = '<tr class="zl17" valign="top"><td class="text2">Mo</td><td class="text2">&nbsp;&nbsp;5</td><td class="text2">&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>Herbstferien 12.10.-23.10.</td><td>&nbsp;</td><td>&nbsp;</td><td class="text4">&nbsp;</td></tr>';
    const r = parse(calendar(holiday + meeting({ time: '9:00', id: '12', name: 'Sitzung B', link: true }), '<h2>Oktober 2026</h2>'));
    expect(r.meetings).toEqual([{ sourceId: '12', name: 'Sitzung B', date: '2026-10-05', start: '09:00', end: null, room: null }]);
  });

  test('a row of the weekend/holiday colour tr.zl17 with a meeting is a meeting', () => {
    const r = parse(calendar(meeting({ dow: 'So', d: 4, time: '11:00', id: '13', name: 'Sitzung am Sonntag', link: true, cls: 'zl17' }), '<h2>Oktober 2026</h2>'));
    expect(r.meetings.map((m) => [m.sourceId, m.date])).toEqual([['13', '2026-10-04']]);
  });

  test('columns are read by header label: Raum before Sitzung, no ICS column', () => {
    const head = '<tr class="zw1"><th colspan="2">Datum</th><th>Uhrzeit</th><th>Raum</th><th colspan="2">Sitzung</th></tr>';
    const row = '<tr class="zl11"><td class="text2">Do</td><td class="text2">17</td><td class="text2">16:00 - 17:11&nbsp;</td><td>Ratssaal</td><td>&nbsp;</td><td>Sitzung ohne Link</td></tr>';
    const r = parse(handMadeClassic('si010', `<h2>September 2026</h2><table class="tl1">${head}${row}</table>`));
    expect(r.meetings).toEqual([{ sourceId: null, name: 'Sitzung ohne Link', date: '2026-09-17', start: '16:00', end: '17:11', room: 'Ratssaal' }]);
  });

  test('a period over two months: a smaller day number starts the next month', () => {
    const rows = meeting({ dow: 'Mi', d: 30, time: '18:00', id: '21', name: 'A', link: true }) + meeting({ dow: 'Do', d: 1, time: '18:00', id: '22', name: 'B', link: true });
    expect(parse(calendar(rows, '<h2>Dezember 2026</h2>')).meetings.map((m) => m.date)).toEqual(['2026-12-30', '2027-01-01']);
  });

  test('a row that links its meeting page gives the entry that page (url), with the SILFDNR as its only parameter', () => {
    const url = 'https://ris.example/bi/si010.asp?MM=9&YY=2026';
    const linked = meeting({ dow: 'Mi', d: 2, time: '18:00', id: '11', name: 'Sitzung A', link: true })
      .replace('href="to010.asp?SILFDNR=11"', 'href="to010.asp?SILFDNR=11&amp;sid=ab12cd&amp;options=4"');
    // the ICS form alone (it posts to to010.asp too) and a TO form alone link no page: no url, no guess
    const icsOnly = meeting({ time: '19:00', id: '12', name: 'Fraktionssitzung' });
    const toOnly = meeting({ time: '20:00', name: 'Sitzung C' }).replace('<td>&nbsp;</td><td>Sitzung C', `<td>${to('13')}</td><td>Sitzung C`);
    const r = parse(calendar(linked + icsOnly + toOnly, '<h2>September 2026</h2>'), url);
    expect(r.meetings.map((m) => [m.sourceId, m.url])).toEqual([
      ['11', 'https://ris.example/bi/to010.asp?SILFDNR=11'],
      ['12', undefined],
      ['13', undefined],
    ]);
    expect(r.meetings.map((m) => 'url' in m)).toEqual([true, false, false]);
    // without the calendar's own URL a relative link is no address: the field stays absent
    expect(parse(calendar(linked, '<h2>September 2026</h2>')).meetings[0]).not.toHaveProperty('url');
  });

  test('a link to another program with a SILFDNR (Niederschrift si016) is not the meeting page', () => {
    const row = meeting({ dow: 'Mi', d: 2, time: '18:00', id: '11', name: 'Sitzung A' }).replace('<td>&nbsp;</td><td>&nbsp;</td><td class="text4">', '<td><a href="si016.asp?SILFDNR=11">Pro</a></td><td>&nbsp;</td><td class="text4">');
    const r = parse(calendar(row, '<h2>September 2026</h2>'), 'https://ris.example/bi/si010.asp?MM=9&YY=2026');
    expect(r.meetings).toHaveLength(1);
    expect(r.meetings[0]).toMatchObject({ sourceId: '11' });
    expect(r.meetings[0]).not.toHaveProperty('url');
  });

  test('an honestly empty month is an empty list', () => {
    expect(parse(calendar(day('Di', 1) + day('Mi', 2), '<h2>August 2026</h2>')).meetings).toEqual([]);
  });

  test('a portal around the calendar: only the ALLRIS container is read', () => {
    const outside = '<div id="nolis_nav"><h2>Januar 2020</h2><a href="to010.asp?SILFDNR=999">Portal-Sitzung</a></div>';
    const html = handMadeClassic('si010', `<h2>September 2026</h2><table class="tl1">${HEAD}${ROWS}</table>`, { outside });
    expect(parse(html).meetings.map((m) => [m.sourceId, m.date])).toEqual([['11', '2026-09-02']]);
  });

  test('no calendar table: LayoutChangedError naming the page and the selector', () => {
    const url = 'https://ris.example/bi/si010.asp?MM=9&YY=2026';
    const html = handMadeClassic('si010', '<table class="tl1"><tr><td>nichts</td></tr></table>');
    expect(() => parse(html, url)).toThrow(LayoutChangedError);
    try {
      parse(html, url);
    } catch (e) {
      expect((e as LayoutChangedError).page).toBe(url);
      expect((e as LayoutChangedError).selector).toMatch(/table\.tl1/);
    }
  });
});

describe('calendar helpers (shared/calendar.ts)', () => {
  test('monthFromHeading reads only a whole "<Monat> <Jahr>" text', () => {
    expect(monthFromHeading('September\u00a02026')).toEqual({ year: 2026, month: 9 });
    expect(monthFromHeading('März 2027')).toEqual({ year: 2027, month: 3 });
    expect(monthFromHeading('ALLRIS net Version 4.1.7 (4170041) - 08.07.2026')).toBeNull();
    expect(monthFromHeading('Sitzungskalender')).toBeNull();
  });

  test('monthFromUrl reads MM and YY, also behind a Wicket page version', () => {
    expect(monthFromUrl('https://x/bi/si010_e.asp?MM=9&YY=2026')).toEqual({ year: 2026, month: 9 });
    expect(monthFromUrl('https://x/public/si010?3-1.0-&MM=10&YY=2026')).toEqual({ year: 2026, month: 10 });
    expect(monthFromUrl('https://x/bi/si010.asp')).toBeNull();
  });

  test('dayNumber: "&nbsp;&nbsp;4", "04", "Mi 4" → 4; weekday alone or text → null', () => {
    expect(['\u00a0\u00a04', '04', 'Mi 4', 'Mi., 04.'].map(dayNumber)).toEqual([4, 4, 4, 4]);
    expect(['Mi', 'Schulferien', '', '123'].map(dayNumber)).toEqual([null, null, null, null]);
  });

  test('parseCalendarTime takes only a cell that starts with a time', () => {
    expect(parseCalendarTime('18:00 - 18:38\u00a0')).toEqual({ start: '18:00', end: '18:38' });
    expect(parseCalendarTime('9:00')).toEqual({ start: '09:00', end: null });
    expect(parseCalendarTime('Herbstferien 12.10.-23.10.')).toEqual({ start: null, end: null });
  });
});
