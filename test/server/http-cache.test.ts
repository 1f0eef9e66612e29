import type { Server } from 'node:http';
import path from 'node:path';
import request from 'supertest';
import { openDb } from '../../src/db/connection';
import { importPapers } from '../../src/db/import';
import { createApp } from '../../src/server/app';
import { lastModifiedOf } from '../../src/server/http-cache';
import { paper } from '../helpers/records';
import { makeTmpDir } from '../helpers/tmp';
import { buildFixtureApp, NOW, TODAY, type FixtureApp } from './fixture-app';

describe('HTTP caching: ETag and Last-Modified on pages and feeds', () => {
  let f: FixtureApp;
  // one listening server, so every request carries the same Host (feeds hold absolute links; the ETag covers the host)
  let server: Server;
  beforeAll(async () => {
    f = buildFixtureApp({ corpus: false });
    server = await new Promise<Server>((resolve) => {
      const s = f.app.listen(0, '127.0.0.1', () => resolve(s));
    });
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    f.cleanup();
  });

  const urls = () => {
    const id = f.idOf('DS/2026/0123');
    return ['/', '/?thema=alle&sort=reference', '/suche?q=Digitaltag', `/papers/${id}`, `/papers/${id}/feed.atom`, `/papers/${id}/calendar.ics`, '/feed.atom', '/vorlagen.csv', '/calendar.ics'];
  };

  test('a conditional request for what does not exist, or for a bad query, gets its error, without validators; never a 304', async () => {
    const later = new Date(Date.now() + 86_400_000).toUTCString();
    for (const [url, status] of [['/papers/99999.json', 404], ['/papers/99999/feed.atom', 404], ['/meetings/99999/calendar.ics', 404], ['/staedte/nope.json', 404],
      ['/vorlagen.json?seite=0', 400], ['/feed.atom?state=bogus', 400]] as const) {
      for (const header of [{ 'If-None-Match': '*' }, { 'If-Modified-Since': later }]) {
        const res = await request(server).get(url).set(header);
        expect([url, res.status, res.headers.etag, res.headers['last-modified']]).toEqual([url, status, undefined, undefined]);
      }
    }
  });

  test('a page not answered before under its ETag is rendered for a conditional request, and then found not modified (304)', async () => {
    const url = `/papers/${f.idOf('DS/2026/0123')}?_r=conditional-first`;
    const later = new Date(Date.now() + 86_400_000).toUTCString();
    const res = await request(server).get(url).set('If-Modified-Since', later).expect(304);
    expect([res.text ?? '', typeof res.headers.etag]).toEqual(['', 'string']);
  });

  test('every page and feed has validators; a matching If-None-Match or If-Modified-Since gives 304 without a body', async () => {
    for (const url of urls()) {
      const first = await request(server).get(url).expect(200);
      const etag = first.headers.etag;
      const lastModified = first.headers['last-modified'];
      expect(etag).toMatch(/^W\/"[\w-]{10,}"$/);
      expect(Date.parse(lastModified)).not.toBeNaN();
      expect(first.headers['cache-control']).toBe('no-cache');
      const byTag = await request(server).get(url).set('If-None-Match', etag).expect(304);
      expect(byTag.text ?? '').toBe('');
      expect(byTag.headers.etag).toBe(etag);
      await request(server).get(url).set('If-None-Match', `"other", ${etag}`).expect(304);
      await request(server).get(url).set('If-Modified-Since', lastModified).expect(304);
      const later = new Date(Date.parse(lastModified) + 3600_000).toUTCString();
      await request(server).get(url).set('If-Modified-Since', later).expect(304);
      const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
      await request(server).get(url).set('If-Modified-Since', earlier).expect(200);
      await request(server).get(url).set('If-None-Match', 'W/"stale"').expect(200);
      // If-None-Match wins over If-Modified-Since
      await request(server).get(url).set('If-None-Match', 'W/"stale"').set('If-Modified-Since', later).expect(200);
    }
  });

  test('URLs differ in their ETag', async () => {
    const tags = await Promise.all(urls().map(async (u) => (await request(server).get(u)).headers.etag));
    expect(new Set(tags).size).toBe(tags.length);
    // the same URL under another host name: other absolute links in the feed, another ETag
    const a = await request(server).get('/feed.atom').set('Host', 'a.example');
    const b = await request(server).get('/feed.atom').set('Host', 'b.example').set('If-None-Match', a.headers.etag).expect(200);
    expect(a.text).toContain('href="http://a.example/papers/');
    expect(b.text).toContain('href="http://b.example/papers/');
    await request(server).get('/feed.atom').set('Host', 'a.example').set('If-None-Match', a.headers.etag).expect(304);
  });

  test('a change in the database changes ETag and Last-Modified, so the old validators get a fresh 200', async () => {
    const before = await request(server).get('/').expect(200);
    await new Promise((r) => setTimeout(r, 1100)); // Last-Modified has whole seconds
    importPapers(f.opened.sqlite, { key: 'demo-musterstadt', name: 'Musterstadt (Demo)', isDemo: true }, [
      paper({ sourceId: 'neu-1', reference: 'DS/2026/0999', name: 'Neues Glasfasernetz für Gewerbegebiete' }),
    ], NOW);
    const after = await request(server).get('/').set('If-None-Match', before.headers.etag).expect(200);
    expect(after.text).toContain('DS/2026/0999');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(Date.parse(after.headers['last-modified'])).toBeGreaterThan(Date.parse(before.headers['last-modified']));
    await request(server).get('/').set('If-Modified-Since', before.headers['last-modified']).expect(200);
    await request(server).get('/').set('If-None-Match', after.headers.etag).expect(304);
  });

  test('a new day changes the validators (states are derived per day)', async () => {
    const own = buildFixtureApp({ corpus: false }); // its own database: the new day re-derives the stored states
    let today = TODAY;
    const app = createApp(own.opened.sqlite, { today: () => today });
    // the motion's feed: its subtitle says the next step (list feeds are its events, the same on any day)
    const get = () => request(app).get(`/papers/${own.idOf('DS/2026/0123')}/feed.atom`).set('Host', 'ratsradar.test');
    const a = await get().expect(200);
    await get().set('If-None-Match', a.headers.etag).expect(304);
    today = '2026-12-04';
    const b = await get().set('If-None-Match', a.headers.etag).expect(200);
    expect(b.headers.etag).not.toBe(a.headers.etag);
    // on 2026-12-04 the Hauptausschuss meeting of 03.12. lies behind DS/2026/0123
    expect(b.text).not.toContain('Hauptausschuss am 03.12.2026 (Vorberatung)');
    expect(a.text).toContain('Hauptausschuss am 03.12.2026 (Vorberatung)');
    own.cleanup();
  });

  test('static files keep their own caching; errors still come through', async () => {
    const css = await request(server).get('/static/style.css').expect(200);
    expect(css.headers['cache-control']).toBe('public, max-age=3600');
    const missing = await request(server).get('/papers/999999').expect(404);
    expect(missing.text).toContain('Diese Vorlage gibt es nicht.');
  });
});

describe('/health', () => {
  test('reports the database and each source\'s last sync; never cached', async () => {
    const f = buildFixtureApp({ corpus: false });
    try {
      f.opened.sqlite.prepare("UPDATE sources SET last_sync_at = '2026-11-24T03:00:00Z' WHERE key = 'demo-leipzig'").run();
      const res = await request(f.app).get('/health').expect(200).expect('Content-Type', /json/);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body.status).toBe('ok');
      expect(res.body.today).toBe(TODAY);
      expect(res.body.database).toEqual({ ok: true, papers: 13, meetings: 27 }); // the demo's (data/demo)
      const byKey = Object.fromEntries((res.body.sources as { key: string }[]).map((s) => [s.key, s]));
      expect(byKey['demo-leipzig']).toMatchObject({ key: 'demo-leipzig', name: 'Leipzig (Demo)', demo: true, lastSyncAt: '2026-11-24T03:00:00Z' });
      expect(byKey['demo-musterstadt']).toMatchObject({ demo: true, lastSyncAt: null });
      // with the crawler's source_sync table: when it last succeeded and failed, but not the failure's
      // message (/health is public; an errno with a full path is for `ratsradar sources`)
      const hasSync = f.opened.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'source_sync'").pluck().get() === 1;
      expect(hasSync).toBe(true);
      f.opened.sqlite.prepare(`INSERT INTO source_sync (source_id, last_failure_at, last_failure)
        SELECT id, '2026-11-23T02:00:00Z', 'ENOTDIR: not a directory, mkdir ''/srv/ratsradar/data/store/objects/ab''' FROM sources WHERE key = 'demo-musterstadt'`).run();
      const again = await request(f.app).get('/health').expect(200);
      const m = (again.body.sources as { key: string }[]).find((s) => s.key === 'demo-musterstadt');
      expect(m).toEqual({ key: 'demo-musterstadt', name: expect.any(String), demo: true, lastSyncAt: null, lastSuccessAt: null, lastFailureAt: '2026-11-23T02:00:00Z' });
      expect(again.text).not.toMatch(/ENOTDIR|\/srv\/|not a directory/);
    } finally {
      f.cleanup();
    }
  });

  test('503 with database ok: false when the database does not answer', async () => {
    const tmp = makeTmpDir();
    const broken = openDb(path.join(tmp.dir, 'broken.sqlite'));
    const app = createApp(broken.sqlite, { today: () => TODAY });
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      broken.sqlite.exec('DROP TABLE papers_fts; DROP TABLE papers');
      const res = await request(app).get('/health').expect(503);
      expect(res.body).toEqual({ status: 'error', today: TODAY, database: { ok: false, error: 'Die Datenbank antwortet nicht.' }, sources: [] });
    } finally {
      spy.mockRestore();
      broken.close();
      tmp.cleanup();
    }
  });
});

describe('Last-Modified', () => {
  const seen = new Date('2026-11-24T09:00:00Z');
  test.each([
    ['the day the data was seen: when it was seen', '2026-11-24', '2026-11-24T12:00:00Z', '2026-11-24T09:00:00.000Z'],
    ['a later day: its start (the answers changed with the day)', '2026-11-25', '2026-11-25T08:00:00Z', '2026-11-25T00:00:00.000Z'],
    ['a day set ahead of now: never later than now', '2027-01-01', '2026-11-25T08:00:00Z', '2026-11-25T08:00:00.000Z'],
    ['a day set back: when the data was seen', '2026-10-05', '2026-11-25T08:00:00Z', '2026-11-24T09:00:00.000Z'],
  ])('%s', (_name, today, now, expected) => {
    expect(lastModifiedOf(seen, today, new Date(now)).toISOString()).toBe(expected);
  });
});
