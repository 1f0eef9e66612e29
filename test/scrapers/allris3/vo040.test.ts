/**
 * ALLRIS 3 vo040 (Drucksachen / Vorlagen list) → ListRecord of PaperRecords. The real page is read in place
 * from ../shared/corpus (PROVENANCE.md); its expected record under test/expected/ was written by reading the
 * page. The small pages built with listPage are hand-made for this test (traps the recorded page does not show).
 */
import { LayoutChangedError } from '../../../scrapers/errors';
import { parsePage } from '../../../scrapers/parse';
import { splitReference } from '../../../scrapers/allris3/vo040';
import type { ListRecord, PaperRecord } from '../../../scrapers/records';
import { caseOf, expectedOf, handMadeClassic, latin1, parseCase } from '../../helpers/list-pages';

const NORD = caseOf('hamburg-nord/vo040-list.html');

describe('vo040 on the recorded page (full record)', () => {
  test('Hamburg-Nord, first 50 of about 19200', () => {
    const r = parseCase<ListRecord>(NORD, NORD.url);
    expect(r).toEqual(expectedOf(NORD));
    expect(r.items).toHaveLength(50);
  });

  test('without a URL: links stay relative, url null, nothing else changes', () => {
    const expected = expectedOf<ListRecord>(NORD);
    const base = 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/';
    expect(parseCase(NORD, null)).toEqual({
      ...expected,
      url: null,
      next: 'vo040.asp?shownext=true',
      items: expected.items.map((i) => ({ ...i, url: (i as PaperRecord).url!.replace(base, '') })),
    });
  });

  test('number and subject share one link, split at the NBSP; a subject over several lines becomes one line', () => {
    const r = parseCase<ListRecord>(NORD, NORD.url);
    expect(r.items[0]).toMatchObject({ reference: '22-2402', name: 'Bezirkliche Sondermittel Antrag der GRÜNE-Fraktion', sourceId: '1016851' });
    const dotted = (r.items as PaperRecord[]).find((i) => i.sourceId === '1016804');
    expect(dotted).toMatchObject({ reference: '22-0593.0.5', name: 'Liste der aktuell offenen Beschlüsse 06/2026 - RegA BUHD' });
    // windows-1252 0x96 (en dash) in a subject
    expect((r.items as PaperRecord[]).find((i) => i.sourceId === '1016814')?.name).toMatch(/^Woche des Gedenkens – Gedenken/);
  });

  test('the Beschlüsse (vo021) and VO forms of a row add nothing; the list shows no status, people or texts', () => {
    const r = parseCase<ListRecord>(NORD, NORD.url);
    for (const i of r.items as PaperRecord[]) {
      expect(i).toMatchObject({ public: null, statusText: null, originator: [], underDirectionOf: [], consultation: [], files: [], text: [] });
    }
  });
});

const HEAD = '<tr class="zk1"><th colspan="3">Vorlage&nbsp;</th><th>Datum</th><th>V.-Art</th></tr>';
const item = (id: string, text: string, date: string, type: string) =>
  `<tr class="zl12"><td><form action="vo020.asp"><input type="hidden" name="VOLFDNR" value="${id}" /></form></td><td><a href="vo020.asp?VOLFDNR=${id}">${text}</a></td><td>&nbsp;</td><td class="text2">${date}</td><td class="text2">${type}</td></tr>`;
const listPage = (rows: string, footer = '') => handMadeClassic('vo040', `<table class="tl1"><thead>${HEAD}</thead><tbody>${rows}${footer}</tbody></table>`, { title: 'Vorlagen - Übersicht' });
const parse = (html: string, url: string | null) => parsePage(latin1(html), url) as ListRecord;
const URL = 'https://ris.example/bi/vo040.asp';

describe('vo040 quirks on hand-made pages', () => {
  test('other labels (Vorlage | Datum | V.-Art); the last page has no "nächste >" link: next null', () => {
    const r = parse(listPage(item('22820', 'VO/26/23343/D2&nbsp;Förderprojekt "KlaR"', '01.09.2026', 'Beschlussvorlage'), '<tr><td colspan="5">&lt; <a href="vo040.asp?showprev=true">vorherige</a> | nächste &gt;</td></tr>'), URL);
    expect(r.next).toBeNull();
    expect(r.items).toEqual([
      {
        type: 'Paper', format: 1, system: 'allris3', systemVersion: '3.9.5', sourceId: '22820',
        url: 'https://ris.example/bi/vo020.asp?VOLFDNR=22820', reference: 'VO/26/23343/D2', name: 'Förderprojekt "KlaR"',
        paperType: 'Beschlussvorlage', public: null, statusText: null, originator: [], underDirectionOf: [], date: '2026-09-01',
        relatedReferences: [], consultation: [], files: [], text: [],
      },
    ]);
  });

  test('a link without NBSP: the first word holding a digit is the reference', () => {
    expect(splitReference('22-2402 Bezirkliche Sondermittel')).toEqual({ reference: '22-2402', name: 'Bezirkliche Sondermittel' });
    expect(splitReference('22-2402\u00a0Betreff\r\nzweite Zeile ')).toEqual({ reference: '22-2402', name: 'Betreff zweite Zeile' });
    expect(splitReference('Betreff ohne Nummer')).toEqual({ reference: 'Betreff ohne Nummer', name: null });
  });

  test('a filter that matches nothing: an empty list, not an error', () => {
    const r = parse(listPage('<tr class="zl11"><td class="kb1" colspan="5">Keine Ergebnisse</td></tr>'), URL);
    expect(r).toMatchObject({ type: 'List', itemType: 'Paper', items: [], next: null, url: URL, sourceId: null });
  });

  test('no list table: LayoutChangedError naming the page and the selector', () => {
    const html = handMadeClassic('vo040', '<table class="tl1"><tr><td>nichts</td></tr></table>', { title: 'Vorlagen' });
    expect(() => parse(html, URL)).toThrow(LayoutChangedError);
    try {
      parse(html, URL);
    } catch (e) {
      expect((e as LayoutChangedError).page).toBe(URL);
      expect((e as LayoutChangedError).selector).toMatch(/table\.tl1/);
    }
  });
});
