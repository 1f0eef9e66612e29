/**
 * ALLRIS 3 responsive si010_r month calendar → MeetingListRecord. The real page is read in place from
 * ../shared/corpus (PROVENANCE.md); its expected record under test/expected/ was written by reading the page.
 * The small pages built with rPage are hand-made for this test (traps the recorded excerpt does not show).
 */
import { LayoutChangedError } from '../../../scrapers/errors';
import { parsePage } from '../../../scrapers/parse';
import type { MeetingListRecord } from '../../../scrapers/records';
import { caseOf, expectedOf, latin1, parseCase, withoutPageUrl } from '../../helpers/list-pages';

const LKOS = caseOf('landkreis-osnabrueck/si010r-calendar-2026-09-excerpt.html');

describe('si010_r on the recorded page (full record)', () => {
  test('Landkreis Osnabrück, September 2026', () => {
    expect(parseCase(LKOS, LKOS.url)).toEqual(expectedOf(LKOS));
  });

  test('without a URL: the month lies between the links "August" and "Oktober"; url null, nothing else changes', () => {
    expect(parseCase(LKOS, null)).toEqual(withoutPageUrl(expectedOf<MeetingListRecord>(LKOS)));
  });

  test('same-day rows carry the day; unpublished meetings (plain text) are kept with sourceId null', () => {
    const r = parseCase<MeetingListRecord>(LKOS, LKOS.url);
    expect(r.meetings.filter((m) => m.date === '2026-09-02').map((m) => [m.sourceId, m.start])).toEqual([
      [null, '09:00'], ['1561', '15:04'], [null, '18:00'],
    ]);
    expect(r.meetings.some((m) => m.date === '2026-09-05')).toBe(false); // tr.emptyRow
  });
});

/** A hand-made si010_r page: optional portal markup around `<div id="allris" class="si010 normal">`. */
function rPage(rows: string, opts: { outside?: string; nav?: string } = {}): string {
  return `<!DOCTYPE HTML><html lang="de"><head><meta charset="ISO-8859-15"><title>Kalender</title></head><body>
${opts.outside ?? ''}<div id="allris" class="si010 normal">${opts.nav ?? ''}
<table class="calenderView hoverRow stickyHeader"><caption>Kalender</caption><tbody>${rows}</tbody></table></div></body></html>`;
}
const row = (dow: string, dom: string, time: string, text: string, room = '') =>
  `<tr class="x even"><td class="nowrapContent"><span class="dow">${dow}</span><span class="dom">${dom}</span></td><td class="time"><div>${time}</div></td><td class="textCol">${text}</td><td class="raum"><div>${room}</div></td></tr>`;
const parse = (html: string, url: string | null) => parsePage(latin1(html), url) as MeetingListRecord;

describe('si010_r quirks on hand-made pages', () => {
  test('a city portal around the calendar (Giesen, Mering): its navigation never leaks in; absolute-path links resolve against the page', () => {
    const outside = '<nav><a href="/bi/to010_r.asp?SILFDNR=999">Portal</a><h2>Januar 2020</h2></nav>';
    const rows = row('Mi', '2', '19:00', '<a href="/buergerinformationssystem/to010_r.asp?SILFDNR=2160">Sitzung des Ortsrates Giesen</a>', 'Rathaus Giesen');
    const r = parse(rPage(rows, { outside }), 'https://www.giesen.de/buergerinformationssystem/si010_r.asp?MM=9&YY=2026');
    expect(r.meetings).toEqual([{
      sourceId: '2160', name: 'Sitzung des Ortsrates Giesen', date: '2026-09-02', start: '19:00', end: null, room: 'Rathaus Giesen',
      url: 'https://www.giesen.de/buergerinformationssystem/to010_r.asp?SILFDNR=2160',
    }]);
  });

  test('one neighbour link alone does not say the month: without URL the dates stay null', () => {
    const r = parse(rPage(row('Mi', '2', '19:00', 'Sitzung'), { nav: '<a href="si010_r.asp?MM=8&amp;YY=2026">August</a>' }), null);
    expect(r.meetings.map((m) => m.date)).toEqual([null]);
  });

  test('a time range in td.time gives start and end', () => {
    const r = parse(rPage(row('Di', '1', '17:00 - 19:30', 'Sitzung')), 'https://kis.lkos.de/bi/si010_r.asp?MM=9&YY=2026');
    expect(r.meetings[0]).toMatchObject({ start: '17:00', end: '19:30', date: '2026-09-01', room: null });
  });

  test('no table.calenderView: LayoutChangedError', () => {
    const html = rPage('').replace(/<table[\s\S]*<\/table>/, '<p>Keine Daten</p>').replace('</div>', '<a href="si010_r.asp">x</a></div>');
    expect(() => parse(html, 'https://kis.lkos.de/bi/si010_r.asp?MM=9&YY=2026')).toThrow(LayoutChangedError);
  });

  test('an honestly empty month is an empty list', () => {
    const empty = '<tr class="tue odd emptyRow"><td class="nowrapContent"><span class="dow">Di</span><span class="dom">1</span></td><td colspan="3" class="emptyCol"><div> </div></td></tr>';
    expect(parse(rPage(empty), 'https://kis.lkos.de/bi/si010_r.asp?MM=9&YY=2026').meetings).toEqual([]);
  });
});
