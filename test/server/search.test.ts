import request from 'supertest';
import { searchMatchExpression } from '../../src/db/fts-query';
import { importPapers } from '../../src/db/import';
import { paper } from '../helpers/records';
import { buildFixtureApp, NOW, unescapeHref, type FixtureApp } from './fixture-app';

function refs(html: string): string[] {
  return [...html.matchAll(/<td data-label="Vorlage"><a href="\/papers\/\d+"><span class="ref">([^<]*)<\/span>/g)].map((m) => m[1]);
}

describe('searchMatchExpression', () => {
  test.each<[string, string | null]>([
    ['Digital', '"digital"*'],
    ['Bürger', '("bürger"* OR "buerger"*)'],
    ['Straße', '("straße"* OR "strasse"*)'],
    ['Mueller', '("mueller"* OR "müller"*)'],
    ['Gemüsesteuer', '("gemüsesteuer"* OR "gemuesesteuer"* OR "gemuesesteür"* OR "gemüsesteür"*)'],
    ['Weiße Gasse', '("weiße"* OR "weisse"*) AND ("gasse"* OR "gaße"*)'],
    ['VII-A-00777', '"vii a 00777"*'],
    ['Open Data', '"open"* AND "data"*'],
    ['a', '"a"'],
    ['"', null],
    ['*', null],
    ['-', null],
    ['NEAR(', '"near"*'],
    ['AND', '"and"*'],
    ['x" OR "y', '"x" AND "or"* AND "y"'],
    ['col:val^', '"col val"*'],
  ])('%s → %s', (query, expression) => {
    expect(searchMatchExpression(query)).toBe(expression);
  });

  test.each<[string, 'titel' | 'text' | 'dokumente', string]>([
    ['Digital', 'titel', '{reference name} : ("digital"*)'],
    ['Open Data', 'text', 'body : ("open"* AND "data"*)'],
    ['Bürger', 'dokumente', 'doc : (("bürger"* OR "buerger"*))'],
  ])('%s in %s → %s', (query, scope, expression) => {
    expect(searchMatchExpression(query, scope)).toBe(expression);
  });

  test('long queries are cut to 8 parts', () => {
    expect(searchMatchExpression('a1 b2 c3 d4 e5 f6 g7 h8 i9 j10')!.split(' AND ')).toHaveLength(8);
  });
});

describe('/suche over references and titles', () => {
  let f: FixtureApp;
  beforeAll(() => {
    f = buildFixtureApp({
      extra: (opened) => {
        importPapers(opened.sqlite, { key: 'suchtest', name: 'Suchstadt' }, [
          paper({ sourceId: '1', reference: 'ST/2026/0001', name: 'Straßenbeleuchtung in der Weißen Gasse' }),
          paper({ sourceId: '2', reference: 'ST/2026/0001-ÄA-01', name: 'Änderungsantrag zur Straßenbeleuchtung' }),
          paper({ sourceId: '3', reference: 'ST/2026/0100', name: 'Bericht zu ST/2026/0001' }),
        ], NOW);
      },
    });
  });
  afterAll(() => f.cleanup());

  const search = async (q: string, extra = '') => (await request(f.app).get(`/suche?q=${encodeURIComponent(q)}${extra}`).expect(200)).text;

  test('umlauts and ß: typed, folded and without dots find the same papers', async () => {
    const a = refs(await search('Bürger')).sort();
    expect(a).toContain('DS/2026/0078');
    expect(a).toContain('DS/2025/0512');
    expect(refs(await search('buerger')).sort()).toEqual(a);
    expect(refs(await search('BÜRGER')).sort()).toEqual(a);
    expect(refs(await search('burger')).sort()).toEqual(a);
    const s = refs(await search('Straßenbeleuchtung')).sort();
    expect(s).toEqual(['412/2026', 'ST/2026/0001', 'ST/2026/0001-ÄA-01']); // 412/2026: Trier, "(Straßenbeleuchtung)"
    expect(refs(await search('strassenbeleuchtung')).sort()).toEqual(s);
    expect(refs(await search('Weiße')).sort()).toEqual(['ST/2026/0001']);
    expect(refs(await search('weisse')).sort()).toEqual(['ST/2026/0001']);
  });

  test('prefixes: a word\'s beginning is enough; several words must all occur', async () => {
    const digit = refs(await search('Digit'));
    expect(digit).toContain('DS/2026/0123');
    expect(digit).toContain('VII-A-00777');
    expect(refs(await search('Digitaltag Musterstadt'))).toEqual(['DS/2026/0123']);
    expect(refs(await search('Glasf Schul'))).toEqual(['DS/2025/0390']);
  });

  test('an exact reference comes first, then the papers that name it', async () => {
    const res = await search('ST/2026/0001');
    const found = refs(res);
    expect(found[0]).toBe('ST/2026/0001');
    expect(found).toEqual(expect.arrayContaining(['ST/2026/0001-ÄA-01', 'ST/2026/0100']));
    expect(refs(await search('st/2026/0001'))[0]).toBe('ST/2026/0001');
    expect(refs(await search('VII-A-00777'))).toEqual(['VII-A-00777']);
    expect(refs(await search('22-1441'))[0]).toBe('22-1441');
    expect(refs(await search('22-1441'))).toContain('22-1441.1');
  });

  test('the same facets and sorts as the start page (searching titles: ?in=titel)', async () => {
    const res = await search('Bürger', '&in=titel');
    expect(res).toContain('<input type="hidden" name="q" value="Bürger">');
    expect(res).toContain('<input type="hidden" name="in" value="titel">');
    expect(res).toContain('<option value="demo-musterstadt">Musterstadt (Demo) (4)</option>');
    expect(res).toContain('<option value="relevance" selected>Relevanz</option>');
    expect(res).toMatch(/<p class="count" role="status">5 Treffer für „Bürger“ \(gefiltert\)/);
    expect(refs(await search('Bürger', '&in=titel&stadt=hamburg-nord'))).toHaveLength(1);
    expect(refs(await search('Bürger', '&in=titel&state=rejected'))).toEqual(['DS/2026/0078']);
    const byRef = refs(await search('Bürger', '&in=titel&sort=reference'));
    expect(byRef).toEqual([...byRef].sort());
    expect(await search('Bürger', '&in=titel&sort=reference')).toContain('<option value="reference" selected>');
  });

  test('pages keep the query', async () => {
    const res = await search('2026', '&sort=reference');
    const total = Number(/(\d+) Treffer/.exec(res)![1]);
    expect(total).toBeGreaterThan(25);
    const next = unescapeHref(/<a rel="next" href="([^"]+)"/.exec(res)![1]);
    expect(next).toBe('/suche?q=2026&sort=reference&seite=2');
    const second = (await request(f.app).get(next).expect(200)).text;
    expect(refs(second).length).toBe(Math.min(25, total - 25));
  });

  test.each(['"', '*', 'NEAR(', '-', 'AND', 'OR', 'NOT', '"a" OR', '(', ')', ':', '^', 'name:x', "'", '\\', '""""', 'a*b', '-Digital', 'NEAR(digital, 5)', '{reference}: x', '\u0000'])(
    'hostile query %j never breaks the FTS5 syntax',
    async (q) => {
      const res = await request(f.app).get(`/suche?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(res.text).toContain('<h1>Suche</h1>');
      expect(res.text).not.toContain('<script');
    },
  );

  test('hostile queries that hold words still search for those words', async () => {
    // titles only: the demo motion's text sections hold words beginning with "and" and "near"
    expect(refs(await search('NEAR(digitaltag', '&in=titel'))).toEqual([]);
    expect(refs(await search('"Digitaltag" AND', '&in=titel'))).toEqual([]);
    expect(refs(await search('-Digitaltag 2027', '&in=titel'))).toEqual(['DS/2026/0123']);
    expect(refs(await search('Digitaltag*2027', '&in=titel'))).toEqual(['DS/2026/0123']);
  });

  test('empty and over-long queries', async () => {
    const empty = (await request(f.app).get('/suche').expect(200)).text;
    expect(empty).toContain('<input id="search-q" name="q" type="search" value=""');
    expect(empty).not.toContain('Treffer');
    expect(await search('***')).toContain('Bitte mindestens einen Buchstaben oder eine Ziffer eingeben.');
    expect((await request(f.app).get(`/suche?q=${'x'.repeat(300)}`).expect(400)).text).toContain('zu lang');
    expect((await request(f.app).get('/suche?q=Bürger&seite=9').expect(404)).text).toContain('Diese Seite gibt es nicht.');
  });

  test('the query is escaped where it is shown', async () => {
    const res = await search('<script>alert(1)</script>');
    expect(res).not.toContain('<script>alert');
    expect(res).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  test('the start page links to the search, the search to its feed and CSV', async () => {
    const home = (await request(f.app).get('/').expect(200)).text;
    expect(home).toMatch(/<form class="search-box" role="search" method="get" action="\/suche">/);
    const res = await search('Bürger');
    expect(res).toContain('<link rel="alternate" type="application/atom+xml" href="/suche/feed.atom?q&#x3D;B%C3%BCrger"');
    expect(res).toContain('href="/suche.csv?q&#x3D;B%C3%BCrger"');
  });
});
