/**
 * ALLRIS 4 (Wicket) to010 → MeetingRecord. Real pages are read in place from ../shared/corpus
 * (PROVENANCE.md) through parsePage; the expected records were written by reading each page.
 * The small pages below are hand-made for this test and say so.
 */
import * as fs from 'fs';
import * as path from 'path';
import { LayoutChangedError } from '../../../scrapers/errors';
import { parsePage } from '../../../scrapers/parse';
import type { MeetingRecord } from '../../../scrapers/records';
import { CASES, type MeetingCase } from '../../helpers/cases/meetings';
import { CORPUS } from '../../helpers/tmp';
import { expectSameWithoutUrl } from '../../helpers/meeting-without-url';

const A4 = CASES.filter((c) => c.page.startsWith('allris4/'));
const byPage = (name: string) => A4.find((c) => c.page.includes(name))!;
const expected = (c: MeetingCase) =>
  JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../expected', c.expected), 'utf8')) as MeetingRecord;
const parseCase = (c: MeetingCase, url: string | null = c.url) =>
  parsePage(fs.readFileSync(path.join(CORPUS, c.page)), url) as MeetingRecord;

describe('parseAllris4Meeting on recorded pages (full record)', () => {
  test.each(A4.map((c) => [c.page, c] as const))('%s', (_, c) => {
    expect(parseCase(c)).toEqual(expected(c));
  });

  test.each(A4.map((c) => [c.page, c] as const))('%s without a URL: sourceId from the page, url null, the meeting\'s document links as the page writes them', (_, c) => {
    expectSameWithoutUrl(parseCase(c, null), expected(c));
  });

  test('Trier: sub-items (data-tt-parent-id) kept in page order; N items under "Nichtöffentlicher Teil"', () => {
    const items = parseCase(byPage('trier')).agendaItem;
    expect(items.map((a) => a.number)).toEqual([
      '1', '2', '2.1', '2.2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16', '17', '18',
      '18.1', '19', '20', '21',
    ]);
    expect(items.filter((a) => a.public === false).map((a) => [a.number, a.sourceId, a.name])).toEqual([
      ['20', '1008627', 'Grundstücksangelegenheit'],
      ['21', '1008628', 'Verschiedenes'],
    ]);
  });

  test('Taunusstein: Beschlussart column gives the result; a to010 link in the Vorlage column is no paper', () => {
    const items = parseCase(byPage('taunusstein')).agendaItem;
    expect(items.find((a) => a.number === '3.1.1')).toMatchObject({
      sourceId: '48526', paperReference: 'RS. 16/218-02', paperSourceId: '9918', result: 'zur Kenntnis genommen', resultCode: 'noted',
    });
    expect(items.find((a) => a.number === '2')).toMatchObject({ paperReference: null, paperSourceId: null, result: null, resultCode: 'open' });
  });

  test('Taunusstein portal wrapper: its own <div id="head"> and navigation do not leak in', () => {
    const r = parseCase(byPage('taunusstein'));
    expect(JSON.stringify(r)).not.toMatch(/Rathaus|Aarstraße|Öffnungszeiten|portal/);
    expect(r.organization).toBe('Ortsbeirat Bleidenstadt');
  });

  test('Taunusstein without a URL: SILFDNR 4021, never the earlier meeting 4019 of the minutes item', () => {
    expect(parseCase(byPage('taunusstein'), null).sourceId).toBe('4021');
  });

  test('Laatzen (no to020 links, scripts stripped): TOLFDNR from link_ ids, SILFDNR from own links', () => {
    const r = parseCase(byPage('laatzen'), null);
    expect(r.sourceId).toBe('1000073');
    expect(r.agendaItem.map((a) => a.sourceId)).toEqual(['1001057', '1001058', '1001059', '1001065']);
  });
});

/** A minimal ALLRIS 4 to010 page, hand-made for this test. */
function page(table: string): Uint8Array {
  return new TextEncoder().encode(`<!DOCTYPE html><html><head><title>ALLRIS - Sitzung</title>
<meta name="description" content="ALLRIS net Version 4.1.7 (4170041) - 08.07.2026"/></head><body>
<div id="allris"><h1 class="title">Bauausschuss - 01.10.2026</h1>
<div id="head"><div class="row"><dl><dt class="colTitle"><span class="label">Gremium:</span></dt>
<dd class="colEntry"><span id="sigremium"><a href="./gr020?GRLFDNR=4">Bauausschuss</a></span></dd></dl>
<dl><dt class="colTitle"><span class="label">Datum:</span></dt><dd class="colEntry"><span id="sidatum">Oct 1, 2026</span></dd></dl></div></div>
<div id="mainContent">${table}</div></div><script>Wicket.Ajax.baseUrl="to010";</script></body></html>`);
}

const URL = 'https://ris.example/public/to010?SILFDNR=8';

describe('parseAllris4Meeting quirks (hand-made pages)', () => {
  test('no Betreff label: name from h1.title without its date (also English-locale dates)', () => {
    const r = parsePage(page('<div id="toTable"><table class="toTable"><tbody></tbody></table></div>'), URL) as MeetingRecord;
    expect(r).toMatchObject({ name: 'Bauausschuss', organization: 'Bauausschuss', organizationSourceId: '4', date: '2026-10-01', agendaItem: [] });
  });

  test('unmarked numbers take the publicity of their section; a plain heading row keeps the section', () => {
    const rows = `<tr class="beratung"><td class="tonr"></td><td class="tobetreff"><div><p>Nichtöffentlicher Teil</p></div></td></tr>
<tr class="beratung"><td class="tonr"></td><td class="tobetreff"><div><p>Personalangelegenheiten</p></div></td></tr>
<tr data-tt-id="1"><td class="tonr"><div><a href="#" id="link_81">12</a></div></td><td class="tobetreff"><div><a id="betreff_81">Stellenbesetzung</a></div></td><td class="tovonr"><div><a id="vo_81"></a></div></td></tr>`;
    const r = parsePage(page(`<div id="toTable"><table id="toTreeTable" class="toTable"><tbody>${rows}</tbody></table></div>`), URL) as MeetingRecord;
    expect(r.agendaItem).toEqual([
      { number: '12', public: false, sourceId: '81', name: 'Stellenbesetzung', paperReference: null, paperSourceId: null, result: null, resultCode: 'open' },
    ]);
  });

  test('a row with the class "nachtrag" (the legend\'s "Nachtrag", "Nachtrag unautorisiert") is an item added later', () => {
    const rows = `<tr data-tt-id="1"><td class="tonr"><div><a href="#" id="link_81">Ö 1</a></div></td><td class="tobetreff"><div><a id="betreff_81">Haushalt</a></div></td></tr>
<tr data-tt-id="2" class="nachtrag"><td class="tonr"><div><a href="#" id="link_82">Ö 1.1</a></div></td><td class="tobetreff"><div><a id="betreff_82">Eilantrag</a></div></td></tr>
<tr data-tt-id="3"><td class="tonr nachtrag unauth"><div><a href="#" id="link_83">Ö 2</a></div></td><td class="tobetreff"><div><a id="betreff_83">Anfrage</a></div></td></tr>`;
    const r = parsePage(page(`<div id="toTable"><table id="toTreeTable" class="toTable"><tbody>${rows}</tbody></table></div>`), URL) as MeetingRecord;
    expect(r.agendaItem.map((a) => [a.number, a.supplement ?? null])).toEqual([['1', null], ['1.1', true], ['2', true]]);
  });

  test('rows of a Word table nested in an expanded TOP are no agenda rows', () => {
    const rows = `<tr data-tt-id="1"><td class="tonr"><div><a href="#" id="link_91">Ö 1</a></div></td><td class="tobetreff"><div><a id="betreff_91">Haushalt</a>
<div class="docPart"><table><tr><td>Dafür</td><td>12</td></tr><tr><td>Dagegen</td><td>3</td></tr></table></div></div></td></tr>`;
    const r = parsePage(page(`<div id="toTable"><table id="toTreeTable" class="toTable"><tbody>${rows}</tbody></table></div>`), URL) as MeetingRecord;
    expect(r.agendaItem.map((a) => [a.number, a.sourceId])).toEqual([['1', '91']]);
  });

  test('LayoutChangedError naming #toTable when the agenda table is missing', () => {
    let error: unknown;
    try {
      parsePage(page('<p>Keine Tagesordnung</p>'), URL);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LayoutChangedError);
    expect((error as LayoutChangedError).selector).toMatch(/#toTable/);
    expect((error as LayoutChangedError).page).toBe(URL);
  });
});
