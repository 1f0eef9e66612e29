/**
 * Two clicks from the start page: a crawler walks the real app on 127.0.0.1 (the demo data set, as
 * `ratsradar serve` shows it on an empty database) from `/`, following every link of the pages it
 * reaches, and counts the clicks to every city page, every committee page (the organization's page
 * where the committee has one, else /gremien/:source/:name), every meeting page and the dashboard.
 * A link that redirects (/gremien/:source/:name of a committee with an organization row) counts as the
 * page it leads to. /dashboard arrives with another branch: it is a target here, not fetched.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import * as cheerio from 'cheerio';
import { openDb, type OpenedDb } from '../../src/db/connection';
import { loadDemo } from '../../src/ingest/demo';
import { createApp } from '../../src/server/app';
import { PAGE_ROUTES, pageUrl } from '../helpers/page-urls';
import { listRoutes } from '../helpers/routes';
import { makeTmpDir } from '../helpers/tmp';

const TODAY = '2026-11-24';
const NOT_PAGES = /\.(ics|csv|atom|json)$/;

describe('every city, committee, meeting and the dashboard within two clicks of /', () => {
  const tmp = makeTmpDir();
  let opened: OpenedDb;
  let server: Server;
  let base: string;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    opened = openDb(`${tmp.dir}/demo.sqlite`);
    loadDemo(opened.sqlite, '2026-11-24T09:00:00Z', TODAY);
    app = createApp(opened.sqlite, { today: () => TODAY });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    opened.close();
    tmp.cleanup();
  });

  /** the targets, from SQL over the same data */
  function targets(): Map<string, string> {
    const all = (sql: string, ...p: unknown[]) => opened.sqlite.prepare(sql).all(...p) as Record<string, unknown>[];
    const out = new Map<string, string>([[pageUrl('dashboard'), 'dashboard']]);
    for (const s of all('SELECT id, key FROM sources')) {
      out.set(pageUrl('city', { key: String(s.key) }), `city ${s.key}`);
      const names = all(`SELECT name FROM organizations WHERE source_id = ? AND name IS NOT NULL
        UNION SELECT c.organization FROM consultations c JOIN papers p ON p.id = c.paper_id WHERE p.source_id = ? AND c.organization IS NOT NULL
        UNION SELECT organization FROM meetings WHERE source_id = ? AND organization IS NOT NULL`, s.id, s.id, s.id);
      for (const { name } of names) {
        const org = all('SELECT id FROM organizations WHERE source_id = ? AND name = ? ORDER BY id LIMIT 1', s.id, name)[0];
        const path = org ? pageUrl('organization', { id: Number(org.id) }) : pageUrl('committee', { source: String(s.key), name: String(name) });
        out.set(path, `committee ${name} (${s.key})`);
      }
    }
    for (const m of all('SELECT id FROM meetings')) out.set(pageUrl('meeting', { id: Number(m.id) }), `meeting ${m.id}`);
    return out;
  }

  const redirects = new Map<string, string>();
  /** the page a link leads to: its path, with the query, after redirects */
  async function resolve(path: string): Promise<string> {
    if (!path.startsWith('/gremien/') && !path.startsWith('/meetings?') && path !== '/meetings' && path !== '/organizations') return path;
    if (!redirects.has(path)) {
      const res = await fetch(base + path, { redirect: 'manual' });
      const to = res.status >= 300 && res.status < 400 ? new URL(res.headers.get('location')!, base) : null;
      redirects.set(path, to ? to.pathname + to.search : path);
    }
    return redirects.get(path)!;
  }

  async function linksOf(path: string): Promise<string[]> {
    const res = await fetch(base + path);
    expect(`${path} ${res.status}`).toBe(`${path} 200`);
    const $ = cheerio.load(await res.text());
    const out: string[] = [];
    for (const a of $('a[href]').toArray()) {
      const href = $(a).attr('href')!;
      const url = new URL(href, base + path);
      if (url.origin !== base || NOT_PAGES.test(url.pathname)) continue;
      out.push(await resolve(url.pathname + url.search));
    }
    return [...new Set(out)];
  }

  test('a crawl from / reaches each target in at most two clicks', async () => {
    const want = targets();
    // the demo: 2 cities, 14 committees (10 of Musterstadt with organization rows, 4 of Leipzig by name), 27 meetings, the dashboard
    expect([...want.values()].filter((v) => v.startsWith('city')).length).toBe(2);
    expect([...want.values()].filter((v) => v.startsWith('committee')).length).toBe(14);
    expect([...want.values()].filter((v) => v.startsWith('meeting')).length).toBe(27);
    const clicks = new Map<string, number>([['/', 0]]);
    const level1 = await linksOf('/');
    for (const l of level1) if (!clicks.has(l)) clicks.set(l, 1);
    for (const page of level1) {
      if (page === '/dashboard') continue; // another branch's page
      for (const l of await linksOf(page)) if (!clicks.has(l)) clicks.set(l, 2);
    }
    const byPath = (p: string) => clicks.get(p.split('#')[0]) ?? clicks.get(p);
    const far = [...want].filter(([path]) => byPath(path) === undefined).map(([, what]) => what);
    expect(far).toEqual([]);
    // what is one click away: the dashboard, the cities, the committee list and the calendar
    const oneClick = [pageUrl('dashboard'), pageUrl('cities'), pageUrl('committees'), pageUrl('calendar'), pageUrl('city', { key: 'demo-musterstadt' }), pageUrl('city', { key: 'demo-leipzig' })];
    expect(oneClick).toEqual(['/dashboard', '/staedte', '/gremien', '/sitzungen', '/staedte/demo-musterstadt', '/staedte/demo-leipzig']);
    expect(oneClick.map((p) => [p, clicks.get(p)])).toEqual(oneClick.map((p) => [p, 1]));
  });

  test('every page kind of the shared page table (test/helpers/page-urls.ts) is a GET route of the app', () => {
    const gets = new Set(listRoutes(app).filter((r) => r.methods.includes('GET')).map((r) => r.path));
    expect(Object.values(PAGE_ROUTES).filter((pattern) => !gets.has(pattern))).toEqual([]);
  });

  test('the English list paths lead to the new pages', async () => {
    for (const [from, to] of [['/meetings', '/sitzungen'], ['/organizations', '/gremien'], ['/gremien/demo-musterstadt', '/gremien?stadt=demo-musterstadt']]) {
      const res = await fetch(base + from, { redirect: 'manual' });
      expect([from, res.status, res.headers.get('location')]).toEqual([from, 301, to]);
    }
  });
});
