/**
 * Sources are shown by their names from data/sources.json, never by their keys: the start page's
 * facets, a motion's breadcrumbs, the CSV and /health, on the corpus imported without a manifest.
 */
import request from 'supertest';
import { buildFixtureApp, type FixtureApp } from './fixture-app';

let f: FixtureApp;
beforeAll(() => {
  f = buildFixtureApp();
});
afterAll(() => f.cleanup());

const NORD = 'Hamburg-Nord (Bezirksversammlung)';
/** the key as a word of its own (not inside a host name like sitzungsdienst-hamburg-nord.hamburg.de) */
const RAW_KEY = /(^|[\s>("',;])hamburg-nord([\s<)"',;]|$)/;
/** what a reader sees: the key may stay in form values and links (`?stadt=hamburg-nord`), it identifies */
const shown = (html: string) => html.replace(/\b(value|href)="[^"]*"/g, '');

describe('source names', () => {
  test('the start page names the source in its facets and list, not its key', async () => {
    const html = (await request(f.app).get('/').expect(200)).text;
    expect(html).toContain(`>${NORD} (`);
    expect(shown(html)).not.toMatch(RAW_KEY);
  });

  test('a motion page\'s breadcrumbs name the source', async () => {
    const html = (await request(f.app).get(`/papers/${f.idOf('22-2402')}`).expect(200)).text;
    expect(html).toContain(NORD);
    expect(shown(html)).not.toMatch(RAW_KEY);
  });

  test('the CSV and /health say the name', async () => {
    const csv = (await request(f.app).get('/vorlagen.csv').expect(200)).text;
    expect(csv).toContain(NORD);
    expect(csv).not.toMatch(RAW_KEY);
    const health = (await request(f.app).get('/health').expect(200)).body as { sources: { key: string; name: string }[] };
    const nord = health.sources.find((s) => s.key === 'hamburg-nord')!;
    expect(nord.name).toBe(NORD);
    for (const s of health.sources.filter((x) => x.key !== 'oparl-spec-example')) expect(s.name).not.toBe(s.key);
  });
});
