/**
 * ALLRIS 3 fr020 (faction) → OrganizationRecord. Real pages are read in place from ../shared/corpus
 * (PROVENANCE.md); the expected records under test/expected/allris3/ were written by reading each page.
 * The small pages built with handMadeAllris3 are hand-made for this test.
 */
import { LayoutChangedError } from '../../../scrapers/errors';
import { parsePage } from '../../../scrapers/parse';
import type { OrganizationRecord } from '../../../scrapers/records';
import { casesOf, expectedOf, handMadeAllris3, latin1, pageText, parseCase } from '../../helpers/org-pages';

const CASES = casesOf('fr020');
const byPage = (part: string) => CASES.find((c) => c.page.includes(part))!;
const MITTE = byPage('hamburg-mitte/');
const NORD = byPage('hamburg-nord/');
const BERGEDORF = byPage('hamburg-bergedorf/');

const members = (c: (typeof CASES)[number]) => (parseCase(c, c.url) as OrganizationRecord).members;

describe('fr020 on recorded pages (full record)', () => {
  test('every corpus fr020 page has a case', () => {
    expect(CASES).toHaveLength(5);
  });

  test.each(CASES.map((c) => [c.page, c] as const))('%s', (_page, c) => {
    expect(parseCase(c, c.url)).toEqual(expectedOf(c));
  });

  test('without a URL: sourceId FRLFDNR from the page, url null, nothing else changes', () => {
    for (const c of CASES) {
      expect(parseCase(c, null)).toEqual({ ...expectedOf<OrganizationRecord>(c), url: null });
    }
  });
});

describe('fr020 quirks', () => {
  test('the <title> is empty: the name comes from the heading', () => {
    expect(pageText(NORD.page)).toMatch(/<title><\/title>/);
    expect((parseCase(NORD, NORD.url) as OrganizationRecord).name).toBe('Fraktion Bündnis 90/DIE GRÜNEN');
  });

  test('a row whose person link has no text (hidden name) is left out', () => {
    expect(pageText(MITTE.page)).toMatch(/<a href="kp020\.asp\?KPLFDNR=1000744"><\/a>/);
    const m = members(MITTE);
    expect(m).toHaveLength(8); // "Anzahl: 9" on the page
    expect(m.every((x) => x.name.length > 0)).toBe(true);
  });

  test('a vacant seat "N. N." (no person link) is left out', () => {
    expect(pageText(NORD.page)).toMatch(/<td>N\. N\.<\/td>/);
    const m = members(NORD);
    expect(m).toHaveLength(51); // "Anzahl: 53": one hidden name, one N. N.
    expect(m.some((x) => /^N\.\s*N\.$/.test(x.name))).toBe(false);
  });

  test('members without a person link (no kp020 form) are kept with their name as shown', () => {
    expect(pageText(BERGEDORF.page)).toMatch(/<td>Ursula Schilakowski<\/td>/);
    expect(members(BERGEDORF)).toContainEqual({ name: 'Ursula Schilakowski', role: 'zubenannte/r Bürger/in', group: 'CDU-Fraktion' });
  });

  test('an empty Funktion cell is a null group', () => {
    expect(members(MITTE)).toContainEqual({ name: 'Matthias Lloyd', role: 'zubenannte/r Bürger/in', group: null });
  });

  test('numeric character references outside Latin-1 are decoded ("Dr. An&#305;l Kaputano&#287;lu")', () => {
    expect(members(NORD)).toContainEqual({ name: 'Dr. Anıl Kaputanoğlu', role: 'Fraktionsmitglied', group: 'GRÜNE-Fraktion' });
  });

  test('the "Anschrift" block (address, phone, mail) never reaches the record', () => {
    const json = JSON.stringify(parseCase(NORD, NORD.url));
    expect(json).not.toMatch(/Bussestra|22299|5117919|@|gruene-nord\.de/);
  });

  test('placeholder rules (hand-made): "N.N." and "NN" are vacant seats, a name containing "nn" is not', () => {
    const rows = ['N.N.', 'NN', 'Anna Nn-Berg'].map(
      (n) => `<tr class="zl11"><td></td><td></td><td>${n}</td><td class="text1">Fraktionsmitglied</td><td class="text4">SPD-Fraktion</td></tr>`,
    );
    const html = handMadeAllris3(
      'fr020',
      'SPD-Fraktion',
      `<h3>Mitglieder</h3><table class="tl1"><tr class="zk1"><th></th><th></th><th>Name</th><th>Art der Mitarbeit</th><th>Funktion</th></tr>${rows.join('')}</table>`,
    );
    const r = parsePage(latin1(html), 'https://ris.example.de/bi/fr020.asp?FRLFDNR=3') as OrganizationRecord;
    expect(r.sourceId).toBe('3');
    expect(r.members).toEqual([{ name: 'Anna Nn-Berg', role: 'Fraktionsmitglied', group: 'SPD-Fraktion' }]);
  });
});

describe('fr020 LayoutChangedError', () => {
  test('a recorded page without its member table', () => {
    const broken = pageText(MITTE.page).replace(/<table class="tl1"[\s\S]*?<\/table>/, '');
    expect(() => parsePage(latin1(broken), MITTE.url)).toThrow(LayoutChangedError);
  });
});
