/**
 * The request log (src/server/request-log.ts): one JSON line per request with method, route pattern,
 * status and ms — from the response cache and 304 answers too — and nothing personal: no query
 * string, no alert token, no form field, no header. A real app on a real SQLite file (the demo data).
 */
import type { Server } from 'node:http';
import request from 'supertest';
import { openDb } from '../../src/db/connection';
import { loadDemo } from '../../src/ingest/demo';
import { createApp } from '../../src/server/app';
import { requestLogLevel, type LogLevel } from '../../src/server/request-log';
import { makeTmpDir } from '../helpers/tmp';

const TODAY = '2026-11-24';
const tmp = makeTmpDir();
const opened = openDb(`${tmp.dir}/log.sqlite`);
loadDemo(opened.sqlite, `${TODAY}T09:00:00Z`, TODAY);
afterAll(() => {
  opened.close();
  tmp.cleanup();
});
const paperId = opened.sqlite.prepare('SELECT id FROM papers ORDER BY id LIMIT 1').pluck().get() as number;

async function loggedApp(level: LogLevel) {
  const written: string[] = [];
  const app = createApp(opened.sqlite, {
    today: () => TODAY,
    mail: { smtpUrl: 'smtp://127.0.0.1:9', from: 'alerts@ratsradar.test', baseUrl: 'http://127.0.0.1' },
    log: { level, destination: { write: (s: string) => void written.push(s) } },
  });
  const lines = () => written.map((l) => JSON.parse(l) as Record<string, unknown>);
  // one server for all requests of a test: the ETag names the host, port included
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return { http: request(server), lines, raw: () => written.join('') };
}
const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

const pick = (l: Record<string, unknown>) => ({ level: l.level, method: l.method, route: l.route, status: l.status });

test('one line per request: method, route pattern, status, ms and a readable message', async () => {
  const { http, lines } = await loggedApp('info');
  await http.get(`/papers/${paperId}`).expect(200);
  const again = await http.get(`/papers/${paperId}`).expect(200); // from the response cache
  await http.get(`/papers/${paperId}`).set('If-None-Match', again.headers.etag).expect(304);
  await http.get(`/papers/${paperId}.json`).expect(200);
  await http.get('/oparl/v1.1/system').expect(200);
  await http.get('/static/style.css').expect(200);
  await http.get('/nirgends').expect(404);
  expect(lines().map(pick)).toEqual([
    { level: 30, method: 'GET', route: '/papers/:id', status: 200 },
    { level: 30, method: 'GET', route: '/papers/:id', status: 200 },
    { level: 30, method: 'GET', route: '/papers/:id', status: 304 },
    { level: 30, method: 'GET', route: '/papers/:id', status: 200 }, // the .json variant is the same route
    { level: 30, method: 'GET', route: '/oparl/v1.1/system', status: 200 },
    { level: 30, method: 'GET', route: '/static/*', status: 200 },
    { level: 30, method: 'GET', route: '(no route)', status: 404 },
  ]);
  const first = lines()[0];
  expect(typeof first.ms).toBe('number');
  expect(first.msg).toBe(`GET /papers/:id 200 ${first.ms} ms`);
  expect(Object.keys(first).sort()).toEqual(['level', 'method', 'ms', 'msg', 'name', 'reqId', 'route', 'status', 'time']);
});

test('no query string, token, e-mail address or header reaches the log', async () => {
  const { http, lines, raw } = await loggedApp('info');
  await http.get('/suche?q=Geheimwort').set('Cookie', 'sitzung=keks').set('User-Agent', 'Agent-Neugier');
  await http.get('/benachrichtigen/bestaetigen/TOKENabc123xyz');
  await http.post('/benachrichtigen').type('form').send({ email: 'jemand@example.org', art: 'paper', ziel: String(paperId), token: 'x' });
  expect(lines().map((l) => l.route)).toEqual(['/suche', '/benachrichtigen/bestaetigen/:token', '/benachrichtigen']);
  for (const secret of ['Geheimwort', 'keks', 'Agent-Neugier', 'TOKENabc123xyz', 'jemand', 'example.org', '127.0.0.1']) expect(raw()).not.toContain(secret);
});

test('at level warn a page is not logged', async () => {
  const { http, lines } = await loggedApp('warn');
  await http.get(`/papers/${paperId}`).expect(200);
  expect(lines()).toEqual([]);
});

test.each([
  [{}, 'info'],
  [{ JEST_WORKER_ID: '1' }, 'silent'],
  [{ JEST_WORKER_ID: '1', LOG_LEVEL: 'debug' }, 'debug'],
  [{ LOG_LEVEL: ' WARN ' }, 'warn'],
  [{ LOG_LEVEL: '' }, 'info'],
])('the level for %j is %s', (env, level) => {
  expect(requestLogLevel(env)).toBe(level);
});

test('an unknown LOG_LEVEL is refused with one line', () => {
  expect(() => requestLogLevel({ LOG_LEVEL: 'loud' })).toThrow('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"');
});
