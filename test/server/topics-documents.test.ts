/**
 * Topics over text sections and documents: a topic matches title and text sections always,
 * documents only where data/topics.json says so ("documents": true: Klima & Energie), and each row
 * says why it is on the topic. Documents come from test/helpers/documents.ts with text written here.
 */
import request from 'supertest';
import { importPapers } from '../../src/db/import';
import { addDocument } from '../helpers/documents';
import { paper } from '../helpers/records';
import { buildFixtureApp, NOW, type FixtureApp } from './fixture-app';

function refs(html: string): string[] {
  return [...html.matchAll(/<td data-label="Vorlage"><a href="\/papers\/\d+"><span class="ref">([^<]*)<\/span>/g)].map((m) => m[1]);
}

function reasons(html: string, reference: string): string[] {
  const rows = html.split('<tr>').filter((r) => r.includes(`<span class="ref">${reference}</span>`));
  expect(rows).toHaveLength(1);
  return [...rows[0].matchAll(/<small class="matched">([^<]*)<\/small>/g)].map((m) => m[1]);
}

/** Every row of a topic, across its pages. */
async function topicRefs(f: FixtureApp, id: string): Promise<string[]> {
  const out: string[] = [];
  for (let page = 1; page < 50; page++) {
    const html = (await request(f.app).get(`/?thema=${id}&seite=${page}`)).text;
    const found = refs(html);
    if (!found.length) break;
    out.push(...found);
  }
  return out;
}

describe('topics over text sections and documents', () => {
  let f: FixtureApp;
  beforeAll(() => {
    f = buildFixtureApp({
      extra: (opened) => {
        const res = importPapers(opened.sqlite, { key: 'thementest', name: 'Themenstadt' }, [
          paper({ sourceId: '1', reference: 'TH/2026/0001', name: 'Ausstattung der Grundschule Nord', text: [{ heading: 'Sachverhalt', text: 'Alle Klassen erhalten Tablets für den Unterricht.' }] }),
          paper({ sourceId: '2', reference: 'TH/2026/0002', name: 'Sanierung der Sporthalle' }),
          paper({ sourceId: '3', reference: 'TH/2026/0003', name: 'Umbau des Rathausplatzes' }),
        ], NOW);
        const [, hall, square] = res.papers.map((p) => p.id);
        addDocument(opened.sqlite, { paperId: hall, name: 'Beschlussvorlage', pages: ['Kosten', 'Auf dem Dach wird eine Photovoltaikanlage errichtet.'] });
        addDocument(opened.sqlite, { paperId: square, name: 'Anlage Verkehrskonzept', pages: ['Ein neuer Radweg führt über den Platz.'] });
      },
    });
  });
  afterAll(() => f.cleanup());

  test('a motion whose text section, not its title, holds the keyword is on the topic, and the row says so', async () => {
    const html = (await request(f.app).get('/?thema=digitalisierung').expect(200)).text;
    expect(refs(html)).toContain('TH/2026/0001');
    expect(reasons(html, 'TH/2026/0001')).toEqual(['Text enthält „Tablets“']);
  });

  test('documents count where the topic says so: Klima & Energie reads them, Mobilität does not', async () => {
    expect(await topicRefs(f, 'klima')).toContain('TH/2026/0002');
    const html = (await request(f.app).get('/?thema=klima&stadt=thementest').expect(200)).text;
    expect(refs(html)).toEqual(['TH/2026/0002']);
    expect(reasons(html, 'TH/2026/0002')).toEqual(['Dokument „Beschlussvorlage“ enthält „Photovoltaikanlage“']);
    expect(await topicRefs(f, 'mobilitaet')).not.toContain('TH/2026/0003');
  });

  test('a title hit is named as the title', async () => {
    const html = (await request(f.app).get('/').expect(200)).text;
    expect(reasons(html, 'DS/2026/0123')[0]).toBe('Titel enthält „Digitaltag“');
  });
});
