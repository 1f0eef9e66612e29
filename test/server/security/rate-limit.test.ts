/**
 * The per-client rate limit on the search and on every feed, calendar and CSV download (by path
 * pattern, so routes added later are covered): over the limit a client gets 429 with Retry-After and
 * a German message; other clients and the ordinary pages are not affected.
 */
import path from 'node:path';
import request from 'supertest';
import { openDb, type OpenedDb } from '../../../src/db/connection';
import { loadDemo } from '../../../src/ingest/demo';
import { createApp } from '../../../src/server/app';
import { DEFAULT_RATE_LIMIT, isRateLimitedPath, rateLimitFromEnv } from '../../../src/server/security/rate-limit';
import { makeTmpDir } from '../../helpers/tmp';

const TODAY = '2026-11-24';

describe('which paths are limited', () => {
  test.each([
    ['/suche', true], ['/suche.csv', true], ['/suche/feed.atom', true], ['/feed.atom', true], ['/calendar.ics', true],
    ['/vorlagen.csv', true], ['/papers/12/feed.atom', true], ['/organizations/3/calendar.ics', true], ['/meetings/9/agenda.csv', true],
    ['/some/future/export.CSV', true], ['/', false], ['/papers/12', false], ['/papers/12.json', false], ['/static/style.css', false],
    ['/suchen', false],
  ])('%s → %s', (p, limited) => {
    expect(isRateLimitedPath(p)).toBe(limited);
  });

  test('RATSRADAR_RATE_LIMIT sets requests per minute; unset or nonsense gives the default', () => {
    expect(rateLimitFromEnv({})).toBe(DEFAULT_RATE_LIMIT);
    expect(rateLimitFromEnv({ RATSRADAR_RATE_LIMIT: '5' })).toBe(5);
    expect(rateLimitFromEnv({ RATSRADAR_RATE_LIMIT: '0' })).toBe(0);
    expect(rateLimitFromEnv({ RATSRADAR_RATE_LIMIT: 'many' })).toBe(DEFAULT_RATE_LIMIT);
  });
});

describe('the limit in the app', () => {
  const tmp = makeTmpDir();
  let opened: OpenedDb;
  const env = { RATSRADAR_RATE_LIMIT: process.env.RATSRADAR_RATE_LIMIT, RATSRADAR_TRUST_PROXY: process.env.RATSRADAR_TRUST_PROXY };
  const appWith = (vars: Record<string, string>) => {
    Object.assign(process.env, vars);
    try {
      return createApp(opened.sqlite, { today: () => TODAY });
    } finally {
      for (const [k, v] of Object.entries(env)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  };

  beforeAll(() => {
    opened = openDb(path.join(tmp.dir, 'limit.sqlite'));
    loadDemo(opened.sqlite, '2026-11-24T09:00:00Z', TODAY);
  });
  afterAll(() => {
    opened.close();
    tmp.cleanup();
  });

  test('over the limit: 429 with Retry-After on search, feeds, calendars and CSV; pages stay open', async () => {
    const app = appWith({ RATSRADAR_RATE_LIMIT: '4' });
    const urls = ['/suche?q=Radweg', '/feed.atom', '/calendar.ics', '/vorlagen.csv'];
    for (const url of urls) {
      const res = await request(app).get(url);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      expect(res.headers.ratelimit).toMatch(/r=\d+/);
    }
    for (const url of [...urls, '/papers/1/feed.atom']) {
      const res = await request(app).get(url);
      expect({ url, status: res.status }).toEqual({ url, status: 429 });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    const html = await request(app).get('/suche?q=Radweg');
    expect(html.text).toContain('Zu viele Anfragen in kurzer Zeit.');
    expect((await request(app).get('/')).status).toBe(200);
    expect((await request(app).get('/papers/1')).status).toBe(200);
  });

  test('the limit is per client (behind a trusted proxy, per forwarded address)', async () => {
    const app = appWith({ RATSRADAR_RATE_LIMIT: '2', RATSRADAR_TRUST_PROXY: '1' });
    const as = (ip: string) => request(app).get('/feed.atom').set('X-Forwarded-For', ip);
    expect((await as('198.51.100.1')).status).toBe(200);
    expect((await as('198.51.100.1')).status).toBe(200);
    expect((await as('198.51.100.1')).status).toBe(429);
    expect((await as('198.51.100.2')).status).toBe(200);
  });

  test('RATSRADAR_RATE_LIMIT=0 switches it off', async () => {
    const app = appWith({ RATSRADAR_RATE_LIMIT: '0' });
    for (let i = 0; i < 5; i++) expect((await request(app).get('/feed.atom')).status).toBe(200);
  });
});
