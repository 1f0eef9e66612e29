/**
 * A motion known from agendas and its agenda item's page only gets what that page says of it: its type and its lead
 * office (audit: Taunusstein's DRS. 25/161, Hildesheim's 25/085 and Altona's 22-0621 showed neither, JSON paperType
 * null). A motion whose own page was read keeps what that page says.
 */
import request from 'supertest';
import * as cheerio from 'cheerio';
import { importRecords } from '../../src/db/import';
import { buildFixtureApp, type FixtureApp } from './fixture-app';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const idIn = (f: FixtureApp, source: string, reference: string) => f.opened.sqlite.prepare(
  'SELECT p.id FROM papers p JOIN sources s ON s.id = p.source_id WHERE s.key = ? AND p.reference = ?',
).pluck().get(source, reference) as number;

describe('what an agenda item\'s page says of its motion', () => {
  let f: FixtureApp;
  beforeAll(() => {
    f = buildFixtureApp();
  });
  afterAll(() => f.cleanup());

  test.each([
    ['taunusstein', 'DRS. 25/161', 'Beschlussvorlage', ['Fachbereich 3', 'Finanzmanagement 3.3']],
    ['hildesheim', '25/085', 'Beschlussvorlage', ['10 Büro des Oberbürgermeisters']],
    ['hamburg-altona', '22-0621', 'Sitzungsvorlage öffentlich', ['Geschäftsstelle der Bezirksversammlung']],
  ])('%s %s: type and lead office on the page and in the JSON', async (source, reference, type, lead) => {
    const id = idIn(f, source, reference);
    const { record: json } = (await request(f.app).get(`/papers/${id}.json`).expect(200)).body as { record: { paperType: string | null; underDirectionOf: string[] } };
    expect([json.paperType, json.underDirectionOf]).toEqual([type, lead]);
    const $ = cheerio.load((await request(f.app).get(`/papers/${id}`).expect(200)).text);
    expect(squash($('p:contains("Federführend:")').first().text())).toBe(`Federführend: ${lead.join('; ')}`);
    // the type in the head's facts line
    expect(squash($('p.facts').first().text())).toContain(type);
  });

  test('the motion\'s own page wins over its item\'s page', async () => {
    const id = idIn(f, 'hildesheim', '25/085');
    importRecords(f.opened.sqlite, { key: 'hildesheim', name: 'Hildesheim' }, [{
      type: 'Paper', format: 1, system: 'allris3', systemVersion: null, sourceId: '8931', url: 'https://www.stadt-hildesheim.de/allris/vo020.asp?VOLFDNR=8931',
      reference: '25/085', name: 'Annahme von Zuwendungen durch den Rat', paperType: 'Mitteilungsvorlage', public: true, statusText: null, originator: [],
      underDirectionOf: ['20 Finanzen'], date: '2025-03-01', relatedReferences: [], consultation: [], files: [], text: [],
    }], '2026-10-05T09:00:00Z');
    const { record: json } = (await request(f.app).get(`/papers/${id}.json?_r=1`).expect(200)).body as { record: { paperType: string | null; underDirectionOf: string[] } };
    expect([json.paperType, json.underDirectionOf]).toEqual(['Mitteilungsvorlage', ['20 Finanzen']]);
  });
});
