/**
 * How the JSON is asked for and answered beside the pages: `.json`, ?format=json and Accept:
 * application/json (a browser's Accept gets HTML); errors of JSON requests as JSON (400/404, one line,
 * valid against the Error schema); the caching headers of the HTML routes, with an ETag per format
 * (Vary: Accept) so a kept HTML answer is never sent for JSON; absolute links from RATSRADAR_BASE_URL,
 * else the validated Host; and a committee's queue walked by its links.next.
 */
import type { Server } from 'node:http';
import path from 'node:path';
import request from 'supertest';
import { openDb, type OpenedDb } from '../../src/db/connection';
import { importPapers, importRecords } from '../../src/db/import';
import { refreshDerived } from '../../src/db/derive';
import { createApp } from '../../src/server/app';
import { isRateLimitedRequest } from '../../src/server/security/rate-limit';
import { QUEUE_PAGE_SIZE } from '../../src/server/views/committee-view';
import type { OrganizationRecord } from '../../scrapers/records';
import { loadOpenApiValidator, type OpenApiValidator } from '../helpers/openapi-validator';
import { paper, station } from '../helpers/records';
import { makeTmpDir } from '../helpers/tmp';
import { buildFixtureApp, NOW, TODAY, type FixtureApp } from './fixture-app';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('JSON beside the pages: negotiation, errors, caching, links', () => {
  let f: FixtureApp;
  let server: Server;
  let v: OpenApiValidator;
  const get = (url: string) => request(server).get(url);
  const one = (sql: string) => f.opened.sqlite.prepare(sql).pluck().get() as number;
  beforeAll(async () => {
    f = buildFixtureApp({ corpus: false });
    server = await new Promise<Server>((resolve) => {
      const s = f.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    v = await loadOpenApiValidator(f.app);
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    f.cleanup();
  });

  test('Accept: application/json gets the JSON of every page; a browser, */* and no Accept get HTML', async () => {
    const paperId = f.idOf('DS/2026/0123');
    const meetingId = one('SELECT MIN(id) FROM meetings');
    const orgId = one("SELECT id FROM organizations WHERE name = 'Hauptausschuss'");
    const pairs = [['/', '/vorlagen.json'], ['/suche?q=Digitaltag', '/suche.json?q=Digitaltag'], [`/papers/${paperId}`, `/papers/${paperId}.json`],
      [`/meetings/${meetingId}`, `/meetings/${meetingId}.json`], [`/organizations/${orgId}`, `/organizations/${orgId}.json`]];
    for (const [page, json] of pairs) {
      const byAccept = await get(page).set('Accept', 'application/json').expect(200).expect('Content-Type', /^application\/json/);
      const byPath = await get(json).expect(200).expect('Content-Type', /^application\/json/);
      expect([page, byAccept.body]).toEqual([page, byPath.body]);
      for (const accept of [BROWSER_ACCEPT, '*/*', undefined]) {
        const req = get(page);
        if (accept) req.set('Accept', accept);
        const html = await req.expect(200);
        expect([page, accept, html.headers['content-type']]).toEqual([page, accept, 'text/html; charset=utf-8']);
      }
    }
    // ?format=json wins over a browser's Accept; ?format=html over Accept: application/json
    await get(`/meetings/${meetingId}?format=json`).set('Accept', BROWSER_ACCEPT).expect(200).expect('Content-Type', /^application\/json/);
    await get(`/organizations/${orgId}?format=html`).set('Accept', 'application/json').expect(200).expect('Content-Type', /^text\/html/);
  });

  test('every page names its JSON in <head> (rel="alternate") and in its export links, and that address answers the page’s JSON', async () => {
    const pages = ['/?stadt=demo-musterstadt', '/suche?q=Digitaltag', `/papers/${f.idOf('DS/2026/0123')}`, `/meetings/${one('SELECT MIN(id) FROM meetings')}`,
      `/organizations/${one("SELECT id FROM organizations WHERE name = 'Hauptausschuss'")}`];
    for (const page of pages) {
      const html = (await get(page).expect(200)).text;
      const m = /<link rel="alternate" type="application\/json" href="([^"]+)"/.exec(html);
      expect([page, m !== null]).toEqual([page, true]);
      const href = m![1].replace(/&amp;/g, '&').replace(/&#x3D;/g, '=');
      expect(html).toContain(`<a href="${m![1]}" type="application/json">`);
      const json = await get(href).expect(200).expect('Content-Type', /^application\/json/);
      const byAccept = await get(page).set('Accept', 'application/json').expect(200);
      expect([page, json.body]).toEqual([page, byAccept.body]);
    }
  });

  test('errors of JSON requests are JSON: one line, the status, valid against the Error schema', async () => {
    const cases: [string, string | null, number, string][] = [
      ['/papers/99999.json', null, 404, '/papers/{id}.json'],
      ['/papers/99999', 'application/json', 404, '/papers/{id}.json'],
      ['/meetings/abc.json', null, 404, '/meetings/{id}.json'],
      ['/organizations/99999.json', null, 404, '/organizations/{id}.json'],
      ['/vorlagen.json?state=unbekannt', null, 400, '/vorlagen.json'],
      ['/vorlagen.json?seite=0', null, 400, '/vorlagen.json'],
      ['/vorlagen.json?thema=gibtsnicht', null, 404, '/vorlagen.json'],
      ['/vorlagen.json?thema=alle&seite=999', null, 404, '/vorlagen.json'],
      ['/?format=json&sort=relevance', null, 400, '/'],
      ['/?format=xml', 'application/json', 400, '/'],
      ['/suche.json', null, 400, '/suche.json'],
      ['/suche.json?q=%20', null, 400, '/suche.json'],
      ['/gibtsnicht.json', null, 404, '/papers/{id}.json'],
      ['/gibtsnicht', 'application/json', 404, '/papers/{id}.json'],
      ['/organizations/1.json?seite=x', null, 400, '/organizations/{id}.json'],
    ];
    for (const [url, accept, status, docPath] of cases) {
      const req = get(url);
      if (accept) req.set('Accept', accept);
      const res = await req;
      expect([url, res.status, res.headers['content-type']]).toEqual([url, status, 'application/json; charset=utf-8']);
      expect([url, v.check(docPath, status, res.body)]).toEqual([url, '']);
      expect(res.body.status).toBe(status);
      expect(res.body.error).toMatch(/^[^\n]{5,200}$/);
      expect(res.text).not.toMatch(/\bat \w+ \(|node_modules|\/src\//);
    }
    // the same errors of a page stay HTML
    await get('/papers/99999').expect(404).expect('Content-Type', /^text\/html/);
  });

  test('JSON has the caching headers of the pages; the ETag and the kept answer differ by format (Vary: Accept)', async () => {
    const html = await get('/').expect(200);
    const json = await get('/').set('Accept', 'application/json').expect(200);
    for (const res of [html, json]) {
      expect(res.headers.etag).toMatch(/^W\/"[\w-]{10,}"$/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(Date.parse(res.headers['last-modified'])).not.toBeNaN();
      expect(res.headers.vary).toMatch(/\bAccept\b/);
    }
    expect(json.headers.etag).not.toBe(html.headers.etag);
    // the HTML answer is kept under its ETag; the JSON one under its own, each sent again as itself
    for (let i = 0; i < 2; i++) {
      expect((await get('/').set('Accept', 'application/json').expect(200)).headers['content-type']).toMatch(/^application\/json/);
      expect((await get('/').expect(200)).headers['content-type']).toMatch(/^text\/html/);
    }
    await get('/').set('Accept', 'application/json').set('If-None-Match', json.headers.etag).expect(304);
    await get('/').set('If-None-Match', json.headers.etag).expect(200);
    const list = await get('/vorlagen.json').expect(200);
    await get('/vorlagen.json').set('If-None-Match', list.headers.etag).expect(304);
    await get('/vorlagen.json').set('If-Modified-Since', list.headers['last-modified']).expect(304);
  });

  test('links are absolute: from RATSRADAR_BASE_URL when set, else the request’s Host, which must be a valid host', async () => {
    const byHost = await get('/vorlagen.json?thema=alle&sort=reference').set('Host', 'rr.example:8080').expect(200);
    expect([byHost.body.links.self, byHost.body.links.html]).toEqual(['http://rr.example:8080/vorlagen.json?thema=alle&sort=reference', 'http://rr.example:8080/?thema=alle&sort=reference']);
    expect(byHost.body.items[0].links.html).toMatch(/^http:\/\/rr\.example:8080\/papers\/\d+$/);
    const orgId = one('SELECT MIN(id) FROM organizations');
    for (const url of ['/vorlagen.json', '/suche.json?q=Digitaltag', `/papers/${f.idOf('DS/2026/0123')}.json`, `/meetings/${one('SELECT MIN(id) FROM meetings')}.json`,
      `/organizations/${orgId}.json`, `/organizations/${orgId}/meetings.json`, '/openapi.json']) {
      const bad = await get(url).set('Host', 'rr.example:99999');
      expect([url, bad.status, bad.headers['content-type'], bad.body]).toEqual([url, 400, 'application/json; charset=utf-8', { error: 'Ungültige Host-Angabe in der Anfrage.', status: 400 }]);
    }
    const saved = process.env.RATSRADAR_BASE_URL;
    process.env.RATSRADAR_BASE_URL = 'https://ratsradar.example.org/';
    try {
      const res = await get('/vorlagen.json?thema=alle&stadt=demo-musterstadt').set('Host', 'other.example').expect(200);
      expect(res.body.links.self).toBe('https://ratsradar.example.org/vorlagen.json?thema=alle&stadt=demo-musterstadt');
      expect(res.body.links.csv).toBe('https://ratsradar.example.org/vorlagen.csv?thema=alle&stadt=demo-musterstadt');
      expect(res.body.items[0].links.self).toMatch(/^https:\/\/ratsradar\.example\.org\/papers\/\d+\.json$/);
      const doc = await get('/openapi.json').expect(200);
      expect(doc.body.servers).toEqual([{ url: 'https://ratsradar.example.org' }]);
    } finally {
      if (saved === undefined) delete process.env.RATSRADAR_BASE_URL;
      else process.env.RATSRADAR_BASE_URL = saved;
    }
  });
});

test('the rate limit counts a page’s JSON as the page (the search stays limited, CSV too)', () => {
  expect(isRateLimitedRequest({ path: '/', query: { format: 'json' } })).toBe(false);
  expect(isRateLimitedRequest({ path: '/vorlagen.json', query: {} })).toBe(false);
  expect(isRateLimitedRequest({ path: '/suche.json', query: { q: 'x' } })).toBe(true);
  expect(isRateLimitedRequest({ path: '/suche', query: { q: 'x', format: 'json' } })).toBe(true);
  expect(isRateLimitedRequest({ path: '/', query: { format: 'csv' } })).toBe(true);
});

describe('a committee’s queue in JSON, walked by links.next', () => {
  const tmp = makeTmpDir();
  let opened: OpenedDb;
  const ALPHA = 'Ausschuss Alpha';
  afterAll(() => {
    opened.close();
    tmp.cleanup();
  });

  test(`a queue of 130 motions in pages of ${QUEUE_PAGE_SIZE}: every page valid, every motion once, in the order of the HTML page`, async () => {
    opened = openDb(path.join(tmp.dir, 'queue.sqlite'));
    const org: OrganizationRecord = {
      type: 'Organization', format: 1, system: 'allris3', systemVersion: null, sourceId: 'au1', url: 'https://ris.example/au020.asp?AULFDNR=1', name: ALPHA, members: [],
    };
    const source = { key: 'queue', name: 'Queuestadt' };
    importRecords(opened.sqlite, source, [org], NOW);
    importPapers(opened.sqlite, source, Array.from({ length: 130 }, (_, i) => paper({
      sourceId: String(100 + i), url: `https://ris.example/vo020.asp?VOLFDNR=${100 + i}`, reference: `Q/${String(i).padStart(3, '0')}`, name: `Vorlage ${i}`,
      consultation: [station(ALPHA, 'Entscheidung')],
    })), NOW);
    refreshDerived(opened.sqlite, TODAY);
    const app = createApp(opened.sqlite, { today: () => TODAY });
    const v = await loadOpenApiValidator(app);
    const orgId = opened.sqlite.prepare('SELECT id FROM organizations').pluck().get() as number;
    const ids: number[] = [];
    let next: string | null = `/organizations/${orgId}.json`;
    let pages = 0;
    while (next) {
      const res: request.Response = await request(app).get(next).set('Host', 'q.example').expect(200);
      expect(v.check('/organizations/{id}.json', 200, res.body)).toBe('');
      pages += 1;
      expect(res.body.queue.pagination).toEqual({ page: pages, pageSize: QUEUE_PAGE_SIZE, total: 130, pages: 3 });
      ids.push(...res.body.queue.items.map((q: { id: number; next: { organization: string } }) => {
        expect(q.next.organization).toBe(ALPHA);
        return q.id;
      }));
      next = res.body.queue.links.next ? res.body.queue.links.next.replace('http://q.example', '') : null;
    }
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(130);
    const html = await request(app).get(`/organizations/${orgId}?seite=2`).expect(200);
    const htmlIds = [...html.text.matchAll(/href="\/papers\/(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids.slice(QUEUE_PAGE_SIZE, 2 * QUEUE_PAGE_SIZE)).toEqual([...new Set(htmlIds)]);
    await request(app).get(`/organizations/${orgId}.json?seite=4`).expect(404).expect('Content-Type', /json/);
  });
});
