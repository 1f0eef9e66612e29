/**
 * Nothing changes state without the admin token. The routes are read from the app's own router,
 * so a state-changing route added later is probed too: every POST/PUT/PATCH/DELETE route (and those
 * methods on every other route) must refuse a request without the token, and nothing in the database
 * may change. Without RATSRADAR_ADMIN_TOKEN the admin side is off (404).
 */
import path from 'node:path';
import request from 'supertest';
import { openDb, type OpenedDb } from '../../src/db/connection';
import { loadDemo } from '../../src/ingest/demo';
import { createApp } from '../../src/server/app';
import { makeTmpDir } from '../helpers/tmp';
import { concreteUrl as concrete, listRoutes } from '../helpers/routes';

const TOKEN = 'test-admin-token-0123456789abcdef';
const TODAY = '2026-11-24';

const STATE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

describe('admin routes', () => {
  const tmp = makeTmpDir();
  let opened: OpenedDb;
  const saved = process.env.RATSRADAR_ADMIN_TOKEN;
  const appWith = (token: string | undefined) => {
    if (token === undefined) delete process.env.RATSRADAR_ADMIN_TOKEN;
    else process.env.RATSRADAR_ADMIN_TOKEN = token;
    try {
      return createApp(opened.sqlite, { today: () => TODAY });
    } finally {
      if (saved === undefined) delete process.env.RATSRADAR_ADMIN_TOKEN;
      else process.env.RATSRADAR_ADMIN_TOKEN = saved;
    }
  };
  const changes = () => opened.sqlite.prepare('SELECT total_changes()').pluck().get() as number;

  beforeAll(() => {
    opened = openDb(path.join(tmp.dir, 'admin.sqlite'));
    loadDemo(opened.sqlite, '2026-11-24T09:00:00Z', TODAY);
  });
  afterAll(() => {
    opened.close();
    tmp.cleanup();
  });

  test('the router lists the app routes, and POST /admin/ping is one of them', () => {
    const routes = listRoutes(appWith(TOKEN));
    expect(routes).toContainEqual({ path: '/admin/ping', methods: ['POST'] });
    expect(routes).toContainEqual({ path: '/papers/:id', methods: ['GET'] });
    expect(routes.length).toBeGreaterThan(10);
  });

  test.each([
    ['no token configured: the admin side is off', undefined, 404],
    ['a token shorter than 16 characters counts as none', 'short', 404],
    ['a token configured: the request without it is unauthorised', TOKEN, 401],
  ])('%s — every state-changing request is refused and nothing changes', async (_name, token, expected) => {
    const app = appWith(token);
    const routes = listRoutes(app);
    // every state-changing method on every route path (a route for other methods must not match them either)
    const probes = routes.flatMap((r) => STATE_METHODS.map((method) => ({ method, url: concrete(r.path), declared: r.methods.includes(method) || r.methods.includes('_ALL') })));
    const before = changes();
    const answers: string[] = [];
    for (const { method, url, declared } of probes) {
      const res = await request(app)[method.toLowerCase() as 'post'](url).send({ source: 'x' });
      // a declared state-changing route refuses as configured (404 off, 401 without the token);
      // anything else refuses too: no match (404/405) or the admin guard (401)
      if (declared) answers.push(`${method} ${url} ${res.status === expected ? 'refused' : res.status}`);
      else expect({ method, url, refused: [401, 404, 405].includes(res.status) }).toEqual({ method, url, refused: true });
    }
    expect(answers.length).toBeGreaterThanOrEqual(1);
    expect(answers.filter((a) => !a.endsWith('refused'))).toEqual([]);
    expect(changes()).toBe(before);
  });

  test('a wrong token is refused with 401 and a WWW-Authenticate header; the right one passes', async () => {
    const app = appWith(TOKEN);
    const wrong = await request(app).post('/admin/ping').set('Authorization', `Bearer ${TOKEN}x`);
    expect(wrong.status).toBe(401);
    expect(wrong.headers['www-authenticate']).toBe('Bearer realm="ratsradar admin"');
    expect(wrong.text).toContain('Anmeldung erforderlich.');
    const basic = await request(app).post('/admin/ping').set('Authorization', `Basic ${Buffer.from(`admin:${TOKEN}`).toString('base64')}`);
    expect(basic.status).toBe(401);
    const right = await request(app).post('/admin/ping').set('Authorization', `Bearer ${TOKEN}`);
    expect(right.status).toBe(204);
    const getPing = await request(app).get('/admin/ping').set('Authorization', `Bearer ${TOKEN}`);
    expect(getPing.status).toBe(404);
  });

  test('even with the token, an admin body over 16 kB is refused', async () => {
    const app = appWith(TOKEN);
    const res = await request(app).post('/admin/ping').set('Authorization', `Bearer ${TOKEN}`).send({ x: 'y'.repeat(20000) });
    expect(res.status).toBe(413);
  });
});
