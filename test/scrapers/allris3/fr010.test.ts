/**
 * ALLRIS 3 fr010 (faction list) → ListRecord of OrganizationRecords. The real page is read in place from
 * ../shared/corpus (PROVENANCE.md); its expected record under test/expected/allris3/ was written by
 * reading the page. The small pages built with handMadeAllris3 are hand-made for this test.
 */
import { LayoutChangedError } from '../../../scrapers/errors';
import { parsePage } from '../../../scrapers/parse';
import type { ListRecord, OrganizationRecord } from '../../../scrapers/records';
import { casesOf, expectedOf, handMadeAllris3, latin1, pageText, parseCase } from '../../helpers/org-pages';

const CASES = casesOf('fr010');
const NORD = CASES[0];

const list = (html: string, url: string | null = 'https://ris.example.de/bi/fr010.asp?SELECT=1') =>
  parsePage(latin1(handMadeAllris3('fr010', 'Fraktionen', html)), url) as ListRecord;

describe('fr010 on the recorded page (full record)', () => {
  test('every corpus fr010 page has a case', () => {
    expect(CASES).toHaveLength(1);
  });

  test.each(CASES.map((c) => [c.page, c] as const))('%s', (_page, c) => {
    expect(parseCase(c, c.url)).toEqual(expectedOf(c));
  });

  test('without a URL: the fr020 links stay relative, url null', () => {
    const r = parseCase(NORD, null) as ListRecord;
    const e = expectedOf<ListRecord>(NORD);
    expect(r).toEqual({
      ...e,
      url: null,
      items: e.items.map((i) => ({ ...i, url: (i as OrganizationRecord).url!.replace(/^https:\/\/[^/]+\/bi\//, '') })),
    });
    expect((r.items[0] as OrganizationRecord).url).toBe('fr020.asp?FRLFDNR=1120&altoption=Fraktion/Gruppe');
  });
});

describe('fr010 quirks', () => {
  test('former factions after the spacer row ("(bis 28.05.2019)") are listed too, in page order, with the day they ended', () => {
    expect(pageText(NORD.page)).toMatch(/<tr class="zl11"><td colspan="8">&nbsp;<\/td><\/tr>/);
    const r = parseCase(NORD, NORD.url) as ListRecord;
    const items = r.items as OrganizationRecord[];
    expect(items.map((i) => i.sourceId)).toEqual(
      ['1120', '1122', '1116', '1117', '1118', '1133', '1132', '1128', '1129', '1130'],
    );
    expect(items[9].name).toBe('Gruppe Piraten');
    // a current faction's row gives its number of members there: no endDate
    expect(items.map((i) => i.endDate ?? null)).toEqual([null, null, null, null, null, null, null, '2019-05-28', '2024-07-03', '2019-06-19']);
  });

  test('a row with only the FR form (hand-made): sourceId from the form, name from td.text1, url null', () => {
    const r = list(`<table class="tl1"><tr class="zk1"><th>&nbsp;</th></tr>
<tr class="zl12"><td><form action="fr020.asp" method="post"><input type="hidden" name="FRLFDNR" value="41" /><input type="submit" class="il1_fr" value="FR" /></form></td>
<td class="text1">Gruppe Ohne Link</td><td class="text5">2</td></tr></table>`);
    expect(r.items).toEqual([
      { type: 'Organization', format: 1, system: 'allris3', systemVersion: '3.9.5', sourceId: '41', url: null, name: 'Gruppe Ohne Link', members: [] },
    ]);
  });

  test('an empty faction table (hand-made) is an honestly empty list', () => {
    const r = list('<table class="tl1"><tr class="zk1"><th>&nbsp;</th><th>Mitglieder</th></tr><tr><td colspan="2"><hr /></td></tr></table>');
    expect(r).toEqual({
      type: 'List', format: 1, system: 'allris3', systemVersion: '3.9.5', sourceId: null,
      url: 'https://ris.example.de/bi/fr010.asp?SELECT=1', itemType: 'Organization', items: [], next: null,
    });
  });
});

describe('fr010 LayoutChangedError', () => {
  test('no table.tl1 at all', () => {
    expect(() => list('<p>Fraktionen</p>')).toThrow(LayoutChangedError);
  });

  test('rows with links, but none to fr020 (hand-made)', () => {
    expect(() => list('<table class="tl1"><tr class="zl12"><td><a href="fr030.asp?ID=1">SPD</a></td></tr></table>')).toThrow(LayoutChangedError);
  });
});
