/**
 * ALLRIS 3 au020 (committee) and pa020 (Rat / Bezirksversammlung) → OrganizationRecord. Real pages are
 * read in place from ../shared/corpus (PROVENANCE.md); the expected records under test/expected/allris3/
 * were written by reading each page. The small pages built with handMadeAllris3 are hand-made for
 * this test (traps no recorded page shows on its own).
 */
import { LayoutChangedError } from '../../../scrapers/errors';
import { parsePage } from '../../../scrapers/parse';
import type { OrganizationRecord } from '../../../scrapers/records';
import {
  casesOf, expectedOf, handMadeAllris3, handMadeMemberTable, latin1, pageText, parseCase,
} from '../../helpers/org-pages';

const CASES = casesOf('au020');
const ALTONA = CASES.find((c) => c.page.endsWith('au020-235.html'))!;
const MITTE = CASES.find((c) => c.page.endsWith('au020-13.html'))!;

describe('au020 on recorded pages (full record)', () => {
  test('every corpus au020 page has a case', () => {
    expect(CASES).toHaveLength(6);
  });

  test.each(CASES.map((c) => [c.page, c] as const))('%s', (_page, c) => {
    expect(parseCase(c, c.url)).toEqual(expectedOf(c));
  });

  test('without a URL: sourceId from the page (print form in #risnavi), url null, nothing else changes', () => {
    for (const c of CASES) {
      expect(parseCase(c, null)).toEqual({ ...expectedOf<OrganizationRecord>(c), url: null });
    }
  });
});

describe('au020 quirks', () => {
  test('the "Anschrift" block (address, phone, obfuscated mail address, homepage) never reaches the record', () => {
    const text = pageText(ALTONA.page);
    expect(text).toMatch(/<h3>Anschrift<\/h3>/);
    const json = JSON.stringify(parseCase(ALTONA, ALTONA.url));
    expect(json).not.toMatch(/Platz der Republik|22765|428 11|@|&#|mailto|bezirksversammlung-altona|Foto fehlt/i);
  });

  test('administration staff listed with the committee (Art der Mitarbeit "Verwaltung") are left out', () => {
    expect(pageText(MITTE.page)).toMatch(/<div>Verwaltung<\/div>[\s\S]*Bezirksamt/);
    const r = parseCase(MITTE, MITTE.url) as OrganizationRecord;
    expect(r.members).toHaveLength(53); // "Anzahl: 58" on the page, five of them Verwaltung
    expect(r.members.some((m) => m.role === 'Verwaltung' || m.group === 'Bezirksamt')).toBe(false);
    expect(JSON.stringify(r)).not.toMatch(/Kerner|Klahn|Brall|Czettritz|Rietz/);
  });

  test('names are kept as shown: "Nachname, Vorname" (Altona) and "Vorname Nachname" (Bergedorf)', () => {
    const altona = parseCase(ALTONA, ALTONA.url) as OrganizationRecord;
    expect(altona.members[0]).toEqual({ name: 'Strate, Henrik', role: 'Vorsitzendes Mitglied', group: 'SPD-Fraktion' });
    const bergedorf = CASES.find((c) => c.page.includes('bergedorf'))!;
    const b = parseCase(bergedorf, bergedorf.url) as OrganizationRecord;
    expect(b.members[0]).toEqual({ name: 'Lars Dietrich', role: 'Stellvert. Vorsitz', group: 'CDU-Fraktion' });
    // "AfD  - Fraktion" (two spaces) as cleaned text
    expect(b.members.filter((m) => m.group === 'AfD - Fraktion')).toHaveLength(3);
  });

  test('sourceId falls back to the sort links of the member table, then to meta objectID', () => {
    const noNavi = pageText(ALTONA.page).replace(/<div id="risnavi">[\s\S]*?<\/div>/, '<div id="risnavi"></div>');
    const noNaviNoMeta = noNavi.replace(/<meta name="objectID"[^>]*>/, '');
    expect(noNaviNoMeta).toMatch(/<th[^>]*>Name&nbsp;<a href="\/bi\/au020\.asp\?AULFDNR=235&amp;SORT=/);
    expect((parsePage(latin1(noNaviNoMeta), null) as OrganizationRecord).sourceId).toBe('235');
    const onlyMeta = noNavi.replace(/AULFDNR=235/g, 'x=1');
    expect(onlyMeta).toMatch(/objectID" content="235"/);
    expect((parsePage(latin1(onlyMeta), null) as OrganizationRecord).sourceId).toBe('235');
  });

  test('the URL id wins over the page', () => {
    const r = parseCase(ALTONA, 'https://sitzungsdienst-altona.hamburg.de/bi/au020.asp?AULFDNR=999') as OrganizationRecord;
    expect(r.sourceId).toBe('999');
  });

  test('pa020 (hand-made): dispatched here, sourceId PALFDNR, a "Fraktion" column is the group', () => {
    const html = handMadeAllris3(
      'pa020',
      'Bezirksversammlung',
      handMadeMemberTable([['<a href="kp020.asp?KPLFDNR=1">Meyer, Anna</a>', 'Vorsitzende', 'SPD-Fraktion']], 'Fraktion'),
      '<li><form action="pa020.asp?PALFDNR=7" method="post"><input type="hidden" name="PALFDNR" value="7" /></form></li>',
    );
    const expected: OrganizationRecord = {
      type: 'Organization', format: 1, system: 'allris3', systemVersion: '3.9.5', sourceId: '7',
      url: 'https://ris.example.de/bi/pa020.asp?PALFDNR=7', name: 'Bezirksversammlung',
      members: [{ name: 'Meyer, Anna', role: 'Vorsitzende', group: 'SPD-Fraktion' }],
    };
    expect(parsePage(latin1(html), 'https://ris.example.de/bi/pa020.asp?PALFDNR=7')).toEqual(expected);
    expect(parsePage(latin1(html), null)).toEqual({ ...expected, url: null });
  });

  test('city portal wrapper (hand-made): a portal table with a "Name" column outside #rismain is not read', () => {
    const portal = '<table><tr><th>Name</th><th>Funktion</th></tr><tr><td>Portal Person</td><td>Webmaster</td></tr></table>';
    const html = handMadeAllris3('au020', 'Bauausschuss', handMadeMemberTable([['Adam, Eva', 'Mitglied', 'CDU']]), '', portal);
    const r = parsePage(latin1(html), 'https://ris.example.de/bi/au020.asp?AULFDNR=5') as OrganizationRecord;
    expect(r.members).toEqual([{ name: 'Adam, Eva', role: 'Mitglied', group: 'CDU' }]);
  });

  test('an empty member table is an honestly empty list', () => {
    const html = handMadeAllris3('au020', 'Neuer Ausschuss', handMadeMemberTable([]));
    const r = parsePage(latin1(html), 'https://ris.example.de/bi/au020.asp?AULFDNR=5') as OrganizationRecord;
    expect(r.name).toBe('Neuer Ausschuss');
    expect(r.members).toEqual([]);
  });
});

describe('au020 LayoutChangedError', () => {
  test('a recorded page whose member table lost its header', () => {
    const broken = pageText(ALTONA.page).replace(/<tr class="zk1">[\s\S]*?<\/tr>/, '');
    expect(() => parsePage(latin1(broken), ALTONA.url)).toThrow(LayoutChangedError);
  });

  test('a hand-made page with a "Mitglieder" heading but no table names the page and the selector', () => {
    const html = handMadeAllris3('au020', 'Bauausschuss', '<h3>Mitglieder</h3><p>Keine Angaben</p>');
    const url = 'https://ris.example.de/bi/au020.asp?AULFDNR=5';
    let error: unknown;
    try {
      parsePage(latin1(html), url);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LayoutChangedError);
    expect((error as LayoutChangedError).page).toBe(url);
    expect((error as LayoutChangedError).selector).toMatch(/Mitglieder.*table\.tl1/);
  });
});
