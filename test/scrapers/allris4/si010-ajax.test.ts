/**
 * ALLRIS 4 calendar month (Wicket AJAX answer) → MeetingListRecord. The real answer is read in place from
 * ../shared/corpus (PROVENANCE.md); its expected record under test/expected/ was written by reading it.
 * The small answers built with ajax() are hand-made for this test (traps the recorded answer does not show).
 */
import { LayoutChangedError, StaleSessionError } from '../../../scrapers/errors';
import { parsePage } from '../../../scrapers/parse';
import type { MeetingListRecord } from '../../../scrapers/records';
import { ajaxComponents } from '../../../scrapers/allris4/si010-ajax';
import { caseOf, expectedOf, pageBytes, parseCase, withoutPageUrl } from '../../helpers/list-pages';

const TRIER = caseOf('trier/si010-ajax-calendar-2026-10.xml');

describe('ALLRIS 4 si010 AJAX on the recorded answer (full record)', () => {
  test('Trier, October 2026', () => {
    expect(parseCase(TRIER, TRIER.url)).toEqual(expectedOf(TRIER));
  });

  test('attribute names in upper case (HTML does not tell them apart): the same record', () => {
    const text = pageBytes(TRIER.page).toString('utf8');
    const upper = text.replace(/(<[a-zA-Z][a-zA-Z0-9]*\s[^<>]*?)>/g, (tag) => tag.replace(/(\s)([a-zA-Z-]+)=/g, (_m, sp: string, a: string) => `${sp}${a.toUpperCase()}=`));
    expect(upper).toContain('CLASS="calenderView');
    expect(parsePage(Buffer.from(upper, 'utf8'), TRIER.url)).toEqual(expectedOf(TRIER));
  });

  test('without a URL: every date still comes from the page (tooltips " am Do., 01.10.2026 um 17:00 Uhr.")', () => {
    expect(parseCase(TRIER, null)).toEqual(withoutPageUrl(expectedOf<MeetingListRecord>(TRIER)));
  });

  test('holiday rows ("Tag der Deutschen Einheit", "Herbstferien") are no meetings; meetings on holidays are', () => {
    const r = parseCase<MeetingListRecord>(TRIER, TRIER.url);
    expect(JSON.stringify(r)).not.toMatch(/Herbstferien|Deutschen Einheit/);
    expect(r.meetings.filter((m) => m.date! >= '2026-10-05' && m.date! <= '2026-10-16').map((m) => m.sourceId)).toEqual([
      '1000378', '1000467', '1000649', '1000455', '1000390',
    ]);
  });

  test('unpublished meetings (<a id="si_…"> without href, no tooltip) are kept; SILFDNR from the anchor id, date carried', () => {
    const r = parseCase<MeetingListRecord>(TRIER, TRIER.url);
    expect(r.meetings.find((m) => m.sourceId === '1000649')).toEqual({
      sourceId: '1000649', name: 'Sitzung des Ortsbeirates Nord', date: '2026-10-14', start: '20:00', end: null, room: null,
    });
    expect(r.meetings.find((m) => m.sourceId === '1000205')).toMatchObject({ date: '2026-10-27', start: null });
  });
});

/** A hand-made Wicket AJAX answer around the given calendar rows; `version` goes into the header contribution. */
function ajax(rows: string, version = 'ALLRIS net Version 4.1.7 (4170041) - 08.07.2026'): string {
  return `<?xml version="1.0" encoding="UTF-8"?><ajax-response><component id="id2a" ><![CDATA[<div id="id2a">` +
    `<table id="id2d" class="calenderView hoverRow stickyHeader"><caption>Kalender</caption><tbody>${rows}</tbody></table></div>]]></component>` +
    `<header-contribution><![CDATA[<head><meta name="description" content="${version}" /></head>]]></header-contribution></ajax-response>`;
}
const row = (dom: string, time: string, anchor: string, room = 'Ratssaal', cls = 'thu odd') =>
  `<tr class="${cls}"><td class="nowrapContent">${dom ? `<span class="dow">Thu</span><span class="dom">${dom}</span>` : ''}</td>` +
  `<td class="time"><div>${time}</div></td><td class="textCol"><div>${anchor}</div></td><td class="raum"><div>${room}</div></td></tr>`;
const parse = (xml: string, url: string | null) => parsePage(Buffer.from(xml, 'utf8'), url) as MeetingListRecord;

describe('ALLRIS 4 si010 AJAX quirks on hand-made answers', () => {
  test('no tooltip and no URL: dates null — never the date of the version line "- 08.07.2026"', () => {
    const r = parse(ajax(row('01', '17:00', '<a id="si_5">Sitzung</a>')), null);
    expect(r.meetings).toEqual([{ sourceId: '5', name: 'Sitzung', date: null, start: '17:00', end: null, room: 'Ratssaal' }]);
  });

  test('no tooltip: the month comes from the URL (…&MM=10&YY=2026)', () => {
    const r = parse(ajax(row('01', '17:00', '<a id="si_5">Sitzung</a>')), 'https://ratsinfo.trier.de/public/si010?3-1.0-&MM=10&YY=2026');
    expect(r.meetings[0].date).toBe('2026-10-01');
  });

  test('the tooltip date wins over the URL month', () => {
    const a = '<a href="./to010?SILFDNR=7&amp;refresh=false" id="si_7" data-simpletooltip-text=" am Mo., 02.11.2026 um 18:00 Uhr.">Rat</a>';
    const b = '<a href="./to010?SILFDNR=6&amp;refresh=false" id="si_6" data-simpletooltip-text=" am Fr., 30.10.2026 um 18:00 Uhr.">Bauausschuss</a>';
    const r = parse(ajax(row('30', '18:00', b) + row('02', '18:00', a)), 'https://ratsinfo.trier.de/public/si010?MM=10&YY=2026');
    expect(r.meetings.map((m) => [m.sourceId, m.date])).toEqual([['6', '2026-10-30'], ['7', '2026-11-02']]);
  });

  test('an answer whose meetings all lie in another month than the one asked for: StaleSessionError, no meeting read', () => {
    const a = '<a href="./to010?SILFDNR=7&amp;refresh=false" id="si_7" data-simpletooltip-text=" am Mo., 02.11.2026 um 18:00 Uhr.">Rat</a>';
    expect(() => parse(ajax(row('02', '18:00', a)), 'https://ratsinfo.trier.de/public/si010?MM=10&YY=2026')).toThrow(
      new StaleSessionError('si010 AJAX https://ratsinfo.trier.de/public/si010?MM=10&YY=2026: asked for the month 10/2026, the calendar answered with 11/2026'),
    );
  });

  test('an empty answer (a page version used before) or a redirect (the session gone): StaleSessionError, not a layout change', () => {
    const url = 'https://ratsinfo.trier.de/public/si010?1-1.0-&MM=10&YY=2026';
    const empty = () => parse('<?xml version="1.0" encoding="UTF-8"?><ajax-response></ajax-response>', url);
    expect(empty).toThrow(StaleSessionError);
    expect(empty).toThrow(/answered with nothing/);
    const redirect = () => parse('<?xml version="1.0" encoding="UTF-8"?><ajax-response><redirect><![CDATA[./si010?7]]></redirect></ajax-response>', url);
    expect(redirect).toThrow(StaleSessionError);
    expect(redirect).toThrow(/answered with a redirect/);
  });

  test('a month without meetings is read as such (no tooltip, nothing to compare)', () => {
    const r = parse(ajax(row('01', '', '')), 'https://ratsinfo.trier.de/public/si010?MM=8&YY=2026');
    expect(r.meetings).toEqual([]);
  });

  test('German day names ("Do.") and English ones ("Thu") are both ignored; the day number counts', () => {
    const r = parse(ajax(row('15', '9:30', '<a id="si_8">X</a>').replace('>Thu<', '>Do.<')), 'https://x.example/public/si010?MM=1&YY=2027');
    expect(r.meetings[0]).toMatchObject({ date: '2027-01-15', start: '09:30' });
  });

  test('a "]]>" inside the component comes split as "]]]]><![CDATA[>" and is joined again', () => {
    const xml = '<ajax-response><component id="a"><![CDATA[<p>a]]]]><![CDATA[>b</p>]]></component></ajax-response>';
    expect(ajaxComponents(xml)).toEqual(['<p>a]]>b</p>']);
  });

  test('an answer without a calendar table: LayoutChangedError naming the page', () => {
    const url = 'https://ratsinfo.trier.de/public/si010?MM=10&YY=2026';
    const xml = '<?xml version="1.0" encoding="UTF-8"?><ajax-response><component id="x"><![CDATA[<div id="allris">leer</div>]]></component>' +
      '<header-contribution><![CDATA[<head><meta name="description" content="ALLRIS net Version 4.1.7 (4170041) - 08.07.2026" /></head>]]></header-contribution></ajax-response>';
    expect(() => parse(xml, url)).toThrow(LayoutChangedError);
    try {
      parse(xml, url);
    } catch (e) {
      expect((e as LayoutChangedError).page).toBe(url);
    }
  });

  test('an honestly empty month is an empty list', () => {
    const empty = '<tr class="fri even emptyRow"><td class="nowrapContent"><span class="dow">Fri</span><span class="dom">02</span></td><td colspan="3"><div> </div></td></tr>';
    expect(parse(ajax(empty), 'https://ratsinfo.trier.de/public/si010?MM=10&YY=2026').meetings).toEqual([]);
  });
});
