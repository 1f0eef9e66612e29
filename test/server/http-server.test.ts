/**
 * The server `ratsradar serve` runs (src/server/http-server.ts) over real HTTP on 127.0.0.1: its requests
 * and responses arrive with the prototypes Express gives them (so Express's per-request prototype change
 * has nothing to change), and every kind of answer — HTML page, JSON, OParl, redirect, 404, HEAD, 304 —
 * is the same, header for header and byte for byte, as from the same app behind Express's own
 * `app.listen` server.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpServer } from '../../src/server/http-server';
import { rawRequest } from '../helpers/raw-http';
import { buildFixtureApp, type FixtureApp } from './fixture-app';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const get = async (port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> => {
  const { body, ...rest } = await rawRequest(port, path, headers, method);
  return { ...rest, body: body.toString('utf8') };
};

const listening = async (server: http.Server): Promise<number> => {
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  return (server.address() as AddressInfo).port;
};

/** Headers that name the moment or the connection, not the answer (Last-Modified: when each app first saw its own database). */
const sameAnswer = ({ status, headers, body }: Answer) => {
  const { date: _date, 'last-modified': _seen, 'keep-alive': _keepAlive, connection: _connection, ...rest } = headers;
  return { status, headers: rest, body };
};

describe('the server of `ratsradar serve`', () => {
  let ours: FixtureApp;
  let plain: FixtureApp;
  let ourServer: http.Server;
  let plainServer: http.Server;
  let ourPort: number;
  let plainPort: number;
  const arrived: { request: boolean; response: boolean; url: string }[] = [];

  beforeAll(async () => {
    ours = buildFixtureApp({ corpus: false });
    plain = buildFixtureApp({ corpus: false });
    const expressRequest = Object.getPrototypeOf(ours.app.request) as object;
    const expressResponse = Object.getPrototypeOf(ours.app.response) as object;
    ourServer = createHttpServer(ours.app);
    // ahead of Express's own listener: the objects as node:http made them
    ourServer.prependListener('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      arrived.push({ request: Object.getPrototypeOf(req) === ours.app.request, response: Object.getPrototypeOf(res) === ours.app.response, url: req.url ?? '' });
    });
    // the app's request and response prototypes keep Express's methods and req.app
    expect(Object.getPrototypeOf(ours.app.request)).toBe(expressRequest);
    expect(Object.getPrototypeOf(ours.app.response)).toBe(expressResponse);
    expect((ours.app.request as { app?: unknown }).app).toBe(ours.app);
    ourServer.listen(0, '127.0.0.1');
    plainServer = plain.app.listen(0, '127.0.0.1');
    ourPort = await listening(ourServer);
    plainPort = await listening(plainServer);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([ourServer, plainServer].map((s) => new Promise((resolve) => s.close(resolve))));
    ours?.cleanup();
    plain?.cleanup();
  });

  it('gets requests and responses that already have the app\'s prototypes', async () => {
    arrived.length = 0;
    const answer = await get(ourPort, '/');
    expect(answer.status).toBe(200);
    expect(arrived).toEqual([{ request: true, response: true, url: '/' }]);
    // and node:http's own classes are still on the chain
    const req = Object.create(ours.app.request) as object;
    expect(req instanceof http.IncomingMessage).toBe(true);
    expect(Object.create(ours.app.response) instanceof http.ServerResponse).toBe(true);
  });

  it('answers every kind of request exactly as Express\'s own server does', async () => {
    const db = ours.opened.sqlite;
    const paper = db.prepare('SELECT id FROM papers ORDER BY id LIMIT 1').pluck().get() as number;
    const body = db.prepare('SELECT s.key FROM sources s JOIN papers p ON p.source_id = s.id GROUP BY s.id ORDER BY COUNT(*) DESC LIMIT 1').pluck().get() as string;
    const cases: [string, Record<string, string>, string][] = [
      ['/', {}, 'GET'],
      [`/papers/${paper}`, {}, 'GET'],
      [`/papers/${paper}`, { accept: 'application/json' }, 'GET'],
      ['/vorlagen.json?sort=neu', {}, 'GET'],
      ['/suche.json?q=digital', {}, 'GET'],
      [`/oparl/v1.1/bodies/${encodeURIComponent(body)}/papers`, {}, 'GET'],
      ['/vorlagen.csv', {}, 'HEAD'],
      ['/organizations', {}, 'GET'],
      ['/diese-seite-gibt-es-nicht', {}, 'GET'],
      ['/papers/abc', {}, 'GET'],
    ];
    const statuses: number[] = [];
    for (const [path, headers, method] of cases) {
      const [a, b] = await Promise.all([get(ourPort, path, headers, method), get(plainPort, path, headers, method)]);
      statuses.push(a.status);
      // the ETag names the process's start (BOOT_ID is one per process) and the URL, so both servers' agree
      expect(sameAnswer(a)).toEqual(sameAnswer(b));
    }
    expect(statuses).toEqual([200, 200, 200, 400, 200, 200, 200, 301, 404, 404]);
    // a conditional request: 304 from both
    const first = await get(ourPort, '/');
    const again = await get(ourPort, '/', { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
  });
});
