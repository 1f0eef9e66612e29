/**
 * ALLRIS 4 gr020 (Gremium) → OrganizationRecord. No gr020 page is recorded in ../shared/corpus, so
 * every page here is HAND-MADE for this test, after the ALLRIS 4 markup the recorded to010/vo020 pages
 * show (Laatzen: `#head .row dl > dt.colTitle span.label` + `dd.colEntry span`, `h1.title`,
 * `table.dataTable` with `thead th`); the Laatzen to010 page links `./gr020?GRLFDNR=33` "Schulausschuss".
 */
import { LayoutChangedError } from '../../../scrapers/errors';
import { parsePage } from '../../../scrapers/parse';
import type { OrganizationRecord } from '../../../scrapers/records';

const URL = 'https://ratsinfo.laatzen.de/public/gr020?GRLFDNR=33';

interface PageParts {
  head?: string;
  table?: string;
  extra?: string;
}

/** A hand-made ALLRIS 4.1.5 gr020 page. */
function handMadeGr020({ head, table, extra }: PageParts = {}): Buffer {
  const html = `<!DOCTYPE html>
<html lang="de"><head><meta charset="UTF-8"/>
<meta name="description" content="ALLRIS net Version 4.1.5 (4150026) - 02.02.2026"/>
<title>ALLRIS - Gremium</title></head>
<body><nav><a href="./gr010?menu=Ausschüsse">Ausschüsse</a></nav>
<div id="allris" class="gr020"><main id="pageContent"><div id="readOut">
<div class="header"><h1 class="title">Schulausschuss</h1></div>
<div id="head"><div id="headLeft"><div class="headLeftInner roundedBorder">
${head ?? `<div class="row"><dl><dt class="colTitle"><span class="label">Gremium:</span></dt>
<dd class="colEntry3"><span class="text1" id="grname">Schulausschuss</span></dd></dl></div>
<div class="row"><dl><dt class="colTitle"><span class="label">Geschäftsführung:</span></dt>
<dd class="colEntry"><span class="text4" id="grgf">Frau Sachbearbeiterin Beispiel</span></dd></dl></div>
<div class="row"><dl><dt class="colTitle"><span class="label">E-Mail:</span></dt>
<dd class="colEntry"><span class="text4"><a href="mailto:schule@laatzen.example">schule@laatzen.example</a></span></dd></dl></div>`}
</div></div></div>
<div id="mainContent">
<a href="./si018?GRLFDNR=33">Sitzungen</a>
${table ?? `<table class="dataTable captionVisible" id="mgTable"><caption>Mitglieder</caption>
<thead><tr><th scope="col"><span>Name</span></th><th scope="col"><span>Art der Mitarbeit</span></th><th scope="col"><span>Fraktion</span></th><th scope="col"><span>Von</span></th></tr></thead>
<tbody>
<tr class="group"><td colspan="4">Stimmberechtigte Mitglieder</td></tr>
<tr><th scope="row"><a href="./kp020?KPLFDNR=1000101">Müller, Anna</a></th><td>Vorsitz</td><td>SPD-Fraktion</td><td>01.11.2021</td></tr>
<tr><td><a href="./kp020?KPLFDNR=1000102">Yılmaz, Deniz</a></td><td>Mitglied</td><td>Fraktion B&#252;ndnis 90/Die Gr&#252;nen</td><td>01.11.2021</td></tr>
<tr><td><a href="./kp020?KPLFDNR=1000103"></a></td><td>Mitglied</td><td>CDU-Fraktion</td><td></td></tr>
<tr><td>N.&nbsp;N.</td><td>Mitglied</td><td>CDU-Fraktion</td><td></td></tr>
<tr><td>Schmidt, Jan</td><td>Verwaltung</td><td>Fachdienst Schule</td><td></td></tr>
<tr><td>Becker, Lea</td><td>beratendes Mitglied</td><td></td><td>15.03.2024</td></tr>
</tbody></table>`}
${extra ?? ''}
</div></div></main></div></body></html>
`;
  return Buffer.from(html, 'utf8');
}

const EXPECTED: OrganizationRecord = {
  type: 'Organization',
  format: 1,
  system: 'allris4',
  systemVersion: '4.1.5',
  sourceId: '33',
  url: URL,
  name: 'Schulausschuss',
  members: [
    { name: 'Müller, Anna', role: 'Vorsitz', group: 'SPD-Fraktion' },
    { name: 'Yılmaz, Deniz', role: 'Mitglied', group: 'Fraktion Bündnis 90/Die Grünen' },
    { name: 'Becker, Lea', role: 'beratendes Mitglied', group: null },
  ],
};

describe('gr020 (hand-made ALLRIS 4 page)', () => {
  test('full record through parsePage', () => {
    expect(parsePage(handMadeGr020(), URL)).toEqual(EXPECTED);
  });

  test('without a URL: detected by <div id="allris" class="gr020">, sourceId from the page links (all GRLFDNR=33)', () => {
    expect(parsePage(handMadeGr020(), null)).toEqual({ ...EXPECTED, url: null });
  });

  test('head fields of staff (Geschäftsführung, E-Mail) never reach the record', () => {
    expect(JSON.stringify(parsePage(handMadeGr020(), URL))).not.toMatch(/Sachbearbeiterin|@|mailto/);
  });

  test('left out: section rows (colspan), hidden names, "N. N." seats, administration staff ("Verwaltung")', () => {
    const r = parsePage(handMadeGr020(), URL) as OrganizationRecord;
    expect(r.members.map((m) => m.name)).toEqual(['Müller, Anna', 'Yılmaz, Deniz', 'Becker, Lea']);
  });

  test('without the "Gremium:" field the name comes from h1.title', () => {
    expect((parsePage(handMadeGr020({ head: '' }), URL) as OrganizationRecord).name).toBe('Schulausschuss');
  });

  test('sourceId without a URL is null when the page links several committees', () => {
    const r = parsePage(handMadeGr020({ extra: '<a href="./gr020?GRLFDNR=34">Sportausschuss</a>' }), null) as OrganizationRecord;
    expect(r.sourceId).toBeNull();
  });

  test('"Funktion" next to a "Fraktion" column is the role', () => {
    const table = `<table class="dataTable"><thead><tr><th>Name</th><th>Funktion</th><th>Fraktion</th></tr></thead>
<tbody><tr><td>Müller, Anna</td><td>Vorsitz</td><td>SPD</td></tr></tbody></table>`;
    expect((parsePage(handMadeGr020({ table }), URL) as OrganizationRecord).members).toEqual([
      { name: 'Müller, Anna', role: 'Vorsitz', group: 'SPD' },
    ]);
  });

  test('an empty member table is an honestly empty list', () => {
    const table = '<table class="dataTable"><thead><tr><th>Name</th><th>Art der Mitarbeit</th></tr></thead><tbody></tbody></table>';
    expect((parsePage(handMadeGr020({ table }), URL) as OrganizationRecord).members).toEqual([]);
  });

  test('LayoutChangedError when no table names a "Name" column', () => {
    const table = '<table class="dataTable"><thead><tr><th>Datum</th><th>Sitzung</th></tr></thead><tbody></tbody></table>';
    let error: unknown;
    try {
      parsePage(handMadeGr020({ table }), URL);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LayoutChangedError);
    expect((error as LayoutChangedError).page).toBe(URL);
    expect((error as LayoutChangedError).selector).toMatch(/dataTable/);
  });
});
