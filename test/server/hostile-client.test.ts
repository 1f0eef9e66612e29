/**
 * One client cannot stall or bypass: the rate limit counts a route however it is spelt
 * (case, trailing slash, `?format=csv`); a Host header that is not a valid host gets a 400 on every
 * route that builds absolute links, never a 500; and a stored record with a huge title (one stored
 * before the parse-time caps, written here straight through importRecords) gives a feed of bounded
 * size — the feed writer's work is linear in what it writes.
 */
import path from 'node:path';
import request from 'supertest';
import { openDb, type OpenedDb } from '../../src/db/connection';
import { importRecords } from '../../src/db/import';
import { loadDemo } from '../../src/ingest/demo';
import { createApp } from '../../src/server/app';
import { FEED_TEXT_MAX } from '../../src/server/atom';
import { isRateLimitedPath, isRateLimitedRequest } from '../../src/server/security/rate-limit';
import { paper, station } from '../helpers/records';
import { makeTmpDir } from '../helpers/tmp';

const TODAY = '2026-11-24';
const tmp = makeTmpDir();
let opened: OpenedDb;
let hugeId: number;
const HUGE_TITLE = `Radweg ${'sehr lang '.repeat(100_000)}`; // 1 MB

const saved = { RATSRADAR_RATE_LIMIT: process.env.RATSRADAR_RATE_LIMIT, RATSRADAR_BASE_URL: process.env.RATSRADAR_BASE_URL };
function appWith(limit: string) {
  process.env.RATSRADAR_RATE_LIMIT = limit;
  delete process.env.RATSRADAR_BASE_URL;
  try {
    return createApp(opened.sqlite, { today: () => TODAY });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

beforeAll(() => {
  opened = openDb(path.join(tmp.dir, 'hostile.sqlite'));
  loadDemo(opened.sqlite, '2026-11-24T09:00:00Z', TODAY);
  const meetings = Array.from({ length: 40 }, (_v, i) => ({
    date: `${2026 + Math.floor(i / 20)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, name: 'Sitzung', meetingSourceId: null,
    agendaItemSourceId: null, result: null, resultCode: 'unclassified' as const,
  }));
  const res = importRecords(opened.sqlite, { key: 'riesig', name: 'Riesig' }, [
    paper({ sourceId: '77', reference: 'R-1', name: HUGE_TITLE, date: '2026-01-05', consultation: [station('Rat', 'Entscheidung', meetings)] }),
  ], '2026-11-24T09:00:00Z');
  hugeId = res.papers[0].id;
});
afterAll(() => {
  opened.close();
  tmp.cleanup();
});

describe('the rate limit counts the route, not the spelling', () => {
  test.each([
    ['/SUCHE', true], ['/Suche', true], ['/suche/', true], ['/Suche/Feed.Atom', true], ['/feed.atom/', true], ['/FEED.ATOM', true],
    ['/calendar.ics/', true], ['/vorlagen.csv/', true], ['/Vorlagen.CSV//', true], ['/papers/1/feed.atom/', true],
    ['/organizations/2/calendar.ics/', true], ['/meetings/3/agenda.csv/', true], ['/', false], ['/papers/1/', false],
  ])('%s → %s', (p, limited) => {
    expect(isRateLimitedPath(p)).toBe(limited);
  });

  test('?format=csv (and any other format than html or json) is limited like /vorlagen.csv', () => {
    expect(isRateLimitedRequest({ path: '/', query: { format: 'csv' } })).toBe(true);
    expect(isRateLimitedRequest({ path: '/', query: { format: ['csv', 'csv'] } })).toBe(true);
    expect(isRateLimitedRequest({ path: '/', query: { format: 'html' } })).toBe(false);
    expect(isRateLimitedRequest({ path: '/', query: {} })).toBe(false);
  });

  test('in the app: every spelling is served and counted, and the limit then refuses all of them', async () => {
    const spellings = ['/SUCHE?q=Radweg', '/Suche?q=Radweg', '/suche/?q=Radweg', '/feed.atom/', '/calendar.ics/', '/vorlagen.csv/',
      '/?format=csv', `/papers/${hugeId}/feed.atom/`, '/suche.csv/?q=Radweg'];
    const app = appWith(String(spellings.length));
    for (const url of spellings) expect({ url, status: (await request(app).get(url)).status }).toEqual({ url, status: 200 });
    for (const url of [...spellings, '/suche?q=Radweg']) expect({ url, status: (await request(app).get(url)).status }).toEqual({ url, status: 429 });
    expect((await request(app).get('/')).status).toBe(200);
  });
});

describe('a Host header that is not a valid host', () => {
  const ROUTES = () => ['/feed.atom', '/suche/feed.atom?q=Radweg', `/papers/${hugeId}/feed.atom`, '/organizations/1/feed.atom', '/calendar.ics',
    `/papers/${hugeId}/calendar.ics`, '/organizations/1/calendar.ics', '/vorlagen.csv', '/suche.csv?q=Radweg', '/?format=csv',
    '/organizations/1/meetings.csv', '/meetings/1/agenda.csv'];
  test.each(['evil.example:99999', '[::1::]', '999.999.999.999', 'a..b:0x1'])('%s: a 400 on every feed, calendar and CSV, never a 500', async (host) => {
    const app = appWith('0');
    for (const url of ROUTES()) {
      const res = await request(app).get(url).set('Host', host);
      expect({ url, status: res.status }).toEqual({ url, status: 400 });
      expect(res.text).not.toContain(host);
    }
    expect((await request(app).get('/').set('Host', host)).status).toBe(200);
  });

  test('a valid host (name, port, IPv6) is used for the links', async () => {
    const app = appWith('0');
    for (const host of ['ratsradar.example:8080', '[::1]:3000', '127.0.0.1']) {
      const res = await request(app).get(`/papers/${hugeId}/feed.atom`).set('Host', host);
      expect(res.status).toBe(200);
      expect(res.text).toContain(`href="http://${host}/papers/${hugeId}"`);
    }
  });
});

describe('a stored record with a 1 MB title', () => {
  test.each(['feed.atom', 'calendar.ics'])('its %s is of bounded size, with the title clipped', async (what) => {
    const app = appWith('0');
    const res = await request(app).get(`/papers/${hugeId}/${what}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('Radweg sehr lang');
    // 40 entries, each naming the motion: unclipped that is 40 MB
    expect(res.text.length).toBeLessThan(40 * FEED_TEXT_MAX + 50_000);
  });

  test('/health answers beside it', async () => {
    const app = appWith('0');
    const res = await request(app).get('/health');
    expect(res.status).toBe(200);
    expect(res.body.database.ok).toBe(true);
  });
});
