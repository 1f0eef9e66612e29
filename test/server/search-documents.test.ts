/**
 * Search everything: a word that stands only in a document page is found, with
 * the page named and an excerpt; the same search over the HTML text sections of the corpus's motions;
 * "gefunden in" counts; ranking reference > title > text > document. Documents are put into the shared
 * tables by test/helpers/documents.ts with text written here (as the extractor would leave them).
 */
import request from 'supertest';
import { importPapers } from '../../src/db/import';
import { toSearchBody } from '../../src/db/search-index';
import { addDocument } from '../helpers/documents';
import { paper } from '../helpers/records';
import { buildFixtureApp, NOW, type FixtureApp } from './fixture-app';

function refs(html: string): string[] {
  return [...html.matchAll(/<td data-label="Vorlage"><a href="\/papers\/\d+"><span class="ref">([^<]*)<\/span>/g)].map((m) => m[1]);
}

/** The "where it matched" list of one result row, by reference. */
function places(html: string, reference: string): string {
  const rows = html.split('<tr>').filter((r) => r.includes(`<span class="ref">${reference}</span>`));
  expect(rows).toHaveLength(1);
  const m = /<ul class="match-places">([\s\S]*?)<\/ul>/.exec(rows[0]);
  return m ? m[1].replace(/\s+/g, ' ').trim() : '';
}

const total = (html: string) => Number(/(\d+) Treffer/.exec(html)?.[1] ?? 'NaN');

describe('/suche over text sections and documents', () => {
  let f: FixtureApp;
  const ids: Record<string, number> = {};
  beforeAll(() => {
    f = buildFixtureApp({
      extra: (opened) => {
        const res = importPapers(opened.sqlite, { key: 'doktest', name: 'Dokumentstadt' }, [
          paper({ sourceId: '1', reference: 'DOK/2026/0001', name: 'Haushaltsplan 2027' }),
          paper({ sourceId: '2', reference: 'DOK/2026/0002', name: 'Bericht der Verwaltung' }),
          // ranking: the same word in a reference, a title, a text section and a document
          paper({ sourceId: '3', reference: 'Zebrafink-7', name: 'Vogelschutz an Schulen' }),
          paper({ sourceId: '4', reference: 'DOK/2026/0004', name: 'Nistkästen für den Zebrafink und andere Vögel in den städtischen Parkanlagen' }),
          paper({ sourceId: '5', reference: 'DOK/2026/0005', name: 'Artenschutz', text: [{ heading: 'Begründung', text: 'Der Zebrafink braucht Hecken.' }] }),
          paper({ sourceId: '6', reference: 'DOK/2026/0006', name: 'Grünflächenpflege' }),
          // "gefunden in": one word in a title, a text section and a document of three motions
          paper({ sourceId: '7', reference: 'DOK/2026/0007', name: 'Quellwasserleitung am Markt' }),
          paper({ sourceId: '8', reference: 'DOK/2026/0008', name: 'Brunnen', text: [{ heading: null, text: 'Die alte Quellwasserleitung wird saniert.' }] }),
          paper({ sourceId: '9', reference: 'DOK/2026/0009', name: 'Tiefbau' }),
        ], NOW);
        res.papers.forEach((p, i) => (ids[`DOK${i + 1}`] = p.id));
      },
    });
    const sqlite = f.opened.sqlite;
    addDocument(sqlite, {
      paperId: ids.DOK1,
      name: 'Beschlussvorlage',
      url: 'https://ris.example/bi/do027.asp?DOLFDNR=42',
      pages: [
        'Beschlussvorlage der Verwaltung\nBearbeiterin: Erika Musterfrau, Tel. 0511 1234',
        'Finanzielle Auswirkungen: siehe Anlage',
        'Der Ladepunktbescheid des Landes liegt seit März vor; der Pilotbetrieb beginnt <script>alert(1)</script> im Mai. Fahrradbügelplan folgt.',
      ],
    });
    addDocument(sqlite, { paperId: ids.DOK6, name: 'Stellungnahme', pages: ['Zebrafink Zebrafink Zebrafink: der Zebrafink ist kein heimischer Vogel, Zebrafink.'] });
    addDocument(sqlite, { paperId: ids.DOK9, name: 'Anlage 1 Lageplan', pages: ['Trasse der Quellwasserleitung'] });
  });
  afterAll(() => f.cleanup());

  const search = async (q: string, extra = '') => (await request(f.app).get(`/suche?q=${encodeURIComponent(q)}${extra}`).expect(200)).text;

  test('a word that stands only in a document page: found, the page named, an excerpt with the word marked and a link to that page', async () => {
    const inRows = f.opened.sqlite.prepare("SELECT COUNT(*) FROM papers WHERE name LIKE '%Ladepunktbescheid%' OR text LIKE '%Ladepunktbescheid%'").pluck().get();
    expect(inRows).toBe(0);
    const html = await search('Ladepunktbescheid');
    expect(refs(html)).toEqual(['DOK/2026/0001']);
    expect(places(html, 'DOK/2026/0001')).toBe(
      '<li>in Dokument <a href="https://ris.example/bi/do027.asp?DOLFDNR&#x3D;42#page&#x3D;3" rel="noopener noreferrer">„Beschlussvorlage“, Seite 3</a>: ' +
        '<q>Der <mark>Ladepunktbescheid</mark> des Landes liegt seit März vor; der Pilotbetrieb beginnt &lt;script&gt;alert(1)&lt;/script&gt; im Mai. Fahrradbügelplan folgt.</q></li>',
    );
  });

  test('umlauts either way and word beginnings in documents; several words on one page', async () => {
    expect(refs(await search('Fahrradbuegelplan'))).toEqual(['DOK/2026/0001']);
    expect(refs(await search('fahrradbügel'))).toEqual(['DOK/2026/0001']);
    expect(refs(await search('Pilotbetrieb Ladepunkt'))).toEqual(['DOK/2026/0001']);
    expect(places(await search('Maerz'), 'DOK/2026/0001')).toContain('<mark>März</mark>');
  });

  test('staff persons named in a document stay out of the excerpt', async () => {
    const html = await search('Beschlussvorlage Verwaltung');
    expect(refs(html)).toContain('DOK/2026/0001');
    expect(places(html, 'DOK/2026/0001')).toContain('Seite 1');
    expect(html).not.toContain('Musterfrau');
    expect(html).not.toContain('1234');
  });

  test('the same search over the HTML text sections of every corpus motion with text', async () => {
    const rows = f.opened.sqlite
      .prepare("SELECT p.id, p.reference, p.name, p.text FROM papers p JOIN sources s ON s.id = p.source_id WHERE s.is_demo = 0 AND p.text <> '[]'")
      .all() as { id: number; reference: string; name: string; text: string }[];
    const all = f.opened.sqlite.prepare('SELECT reference, name, text FROM papers').all() as { reference: string | null; name: string | null; text: string }[];
    const words = (s: string) => s.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 7);
    const counts = new Map<string, number>();
    for (const p of all) for (const w of new Set(words(`${p.reference ?? ''} ${p.name ?? ''} ${toSearchBody(JSON.parse(p.text))}`))) counts.set(w, (counts.get(w) ?? 0) + 1);
    expect(rows.length).toBeGreaterThanOrEqual(7);
    for (const r of rows) {
      // its rarest word of 7 letters or more that its title does not hold
      const candidates = words(toSearchBody(JSON.parse(r.text))).filter((w) => !r.name.toLowerCase().includes(w));
      const word = candidates.sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0))[0];
      expect([r.reference, counts.get(word)]).toEqual([r.reference, expect.any(Number)]);
      expect(counts.get(word)).toBeLessThanOrEqual(3);
      const html = await search(word!);
      expect([word, refs(html)]).toEqual([word, expect.arrayContaining([r.reference])]);
      expect(places(html, r.reference)).toMatch(new RegExp(`^<li>im Text: <q>.*<mark>${word}</mark>.*</q></li>$`, 'i'));
    }
  });

  test('"gefunden in": Titel / Text / Dokumente with counts, each a filter', async () => {
    const html = await search('Quellwasserleitung');
    expect(refs(html).sort()).toEqual(['DOK/2026/0007', 'DOK/2026/0008', 'DOK/2026/0009']);
    expect(html).toContain('<a href="/suche?q&#x3D;Quellwasserleitung&amp;in&#x3D;titel">Titel (1)</a>');
    expect(html).toContain('<a href="/suche?q&#x3D;Quellwasserleitung&amp;in&#x3D;text">Text (1)</a>');
    expect(html).toContain('<a href="/suche?q&#x3D;Quellwasserleitung&amp;in&#x3D;dokumente">Dokumente (1)</a>');
    expect(places(html, 'DOK/2026/0007')).toBe('<li>im Titel</li>');
    expect(places(html, 'DOK/2026/0008')).toBe('<li>im Text: <q>Die alte <mark>Quellwasserleitung</mark> wird saniert.</q></li>');
    expect(places(html, 'DOK/2026/0009')).toContain('„Anlage 1 Lageplan“, Seite 1</a>: <q>Trasse der <mark>Quellwasserleitung</mark></q>');
    expect(refs(await search('Quellwasserleitung', '&in=titel'))).toEqual(['DOK/2026/0007']);
    expect(refs(await search('Quellwasserleitung', '&in=text'))).toEqual(['DOK/2026/0008']);
    const docs = await search('Quellwasserleitung', '&in=dokumente');
    expect(refs(docs)).toEqual(['DOK/2026/0009']);
    expect(docs).toContain('<strong aria-current="true">Dokumente (1)</strong>');
    expect(docs).toContain('<input type="hidden" name="in" value="dokumente">');
    expect((await request(f.app).get('/suche?q=x&in=anhang').expect(400)).text).toContain('Unbekannter Fundort');
  });

  test('ranking: a reference hit beats a title hit beats a text hit beats a document hit', async () => {
    const html = await search('Zebrafink');
    expect(refs(html)).toEqual(['Zebrafink-7', 'DOK/2026/0004', 'DOK/2026/0005', 'DOK/2026/0006']);
    expect(places(html, 'Zebrafink-7')).toBe('<li>in der Vorlagen-Nummer</li>');
  });

  test('a document extracted later is searchable without importing its motion again; removed, it is not', async () => {
    expect(refs(await search('Regenrückhaltebecken'))).toEqual([]);
    const hash = addDocument(f.opened.sqlite, { paperId: ids.DOK2, name: 'Niederschrift', pages: ['Seite 1', 'Das Regenrückhaltebecken wird erweitert.'] });
    const html = await search('Regenrueckhaltebecken');
    expect(refs(html)).toEqual(['DOK/2026/0002']);
    expect(places(html, 'DOK/2026/0002')).toContain('„Niederschrift“, Seite 2');
    // the same file linked from a second motion: both are found
    addDocument(f.opened.sqlite, { paperId: ids.DOK1, name: 'Niederschrift', pages: [], hash });
    expect(refs(await search('Regenrückhaltebecken')).sort()).toEqual(['DOK/2026/0001', 'DOK/2026/0002']);
    // re-extracted with other text (the triggers re-index the page), then removed
    f.opened.sqlite.prepare("UPDATE document_pages SET search_text = 'Das Becken wird erweitert.' WHERE hash = ? AND page = 2").run(hash);
    expect(refs(await search('Regenrückhaltebecken'))).toEqual([]);
    expect(refs(await search('Becken erweitert')).sort()).toEqual(['DOK/2026/0001', 'DOK/2026/0002']);
    f.opened.sqlite.prepare('DELETE FROM documents WHERE hash = ?').run(hash);
    expect(refs(await search('Becken erweitert'))).toEqual([]);
    expect(f.opened.sqlite.prepare('SELECT COUNT(*) FROM document_search_rows WHERE hash = ?').pluck().get(hash)).toBe(0);
  });

  test('re-importing a motion keeps its documents searchable and its text indexed once', async () => {
    importPapers(f.opened.sqlite, { key: 'doktest', name: 'Dokumentstadt' }, [
      paper({ sourceId: '8', reference: 'DOK/2026/0008', name: 'Brunnen', text: [{ heading: null, text: 'Die neue Quellwasserleitung ist fertig.' }] }),
    ], NOW);
    const html = await search('Quellwasserleitung');
    expect(total(html)).toBe(3);
    expect(places(html, 'DOK/2026/0008')).toBe('<li>im Text: <q>Die neue <mark>Quellwasserleitung</mark> ist fertig.</q></li>');
    expect(refs(await search('Ladepunktbescheid'))).toEqual(['DOK/2026/0001']);
  });
});
