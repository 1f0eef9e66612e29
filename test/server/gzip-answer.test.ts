/**
 * Content-Encoding: gzip over real HTTP on 127.0.0.1 (src/server/gzip-answer.ts, response-cache.ts): a
 * client that accepts gzip gets a body that gunzips to exactly the bytes an identity client gets, with
 * the same type, the same weak ETag and Vary: Accept, Accept-Encoding — whether its request rendered the
 * answer or found it kept; HEAD has the headers of its GET; 304 works with either encoding; answers under
 * 1 KiB, and clients that refuse gzip, get identity. Requests go through node:http, which (unlike fetch or
 * supertest) neither adds an Accept-Encoding nor decompresses, so the bytes on the wire are what is compared.
 */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import express from 'express';
import { acceptsGzip, compressible, GZIP_MIN_BYTES } from '../../src/server/gzip-answer';
import { rawRequest } from '../helpers/raw-http';
import { buildFixtureApp, type FixtureApp } from './fixture-app';

const rawGet = rawRequest;

const GZ = { 'accept-encoding': 'gzip, deflate' };
const IDENTITY = { 'accept-encoding': 'identity' };

describe('gzip for clients that accept it', () => {
  let fx: FixtureApp;
  let server: http.Server;
  let port: number;
  let urls: string[];
  beforeAll(async () => {
    fx = buildFixtureApp();
    server = fx.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
    const paper = fx.idOf('DS/2026/0123');
    const db = fx.opened.sqlite;
    const organization = db.prepare("SELECT id FROM organizations WHERE kind = 'committee' ORDER BY id LIMIT 1").pluck().get() as number;
    const meeting = db.prepare('SELECT id FROM meetings ORDER BY id LIMIT 1').pluck().get() as number;
    const body = db.prepare("SELECT s.key FROM sources s JOIN papers p ON p.source_id = s.id GROUP BY s.id ORDER BY COUNT(*) DESC LIMIT 1").pluck().get() as string;
    const paperKey = db.prepare("SELECT p.entity_key FROM papers p JOIN sources s ON s.id = p.source_id WHERE s.key = ? ORDER BY p.id LIMIT 1").pluck().get(body) as string;
    const oparl = `/oparl/v1.1/bodies/${encodeURIComponent(body)}`;
    urls = [
      `${oparl}/papers`, `${oparl}/papers?omit_internal=true`, `${oparl}/papers/${encodeURIComponent(paperKey)}`, `${oparl}/meetings`,
      '/', `/papers/${paper}`, `/organizations/${organization}`, `/meetings/${meeting}`, '/vorlagen.json', '/vorlagen.csv', '/feed.atom', `/papers/${paper}.json`,
    ];
  }, 120_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fx.cleanup();
  });

  /** Asks `url` in `order` (gzip or identity first: the first request renders, the others find it kept) and compares. */
  async function compare(url: string, order: 'gzip-first' | 'identity-first'): Promise<void> {
    const plainFirst = order === 'identity-first' ? await rawGet(port, url, IDENTITY) : null;
    const zipped = await rawGet(port, url, GZ);
    const plain = plainFirst ?? (await rawGet(port, url, IDENTITY));
    const again = await rawGet(port, url, GZ);
    const none = await rawGet(port, url); // no Accept-Encoding at all: identity
    expect([plain.status, zipped.status, again.status, none.status]).toEqual([200, 200, 200, 200]);
    expect(plain.body.length).toBeGreaterThanOrEqual(GZIP_MIN_BYTES);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body.equals(plain.body)).toBe(true);
    for (const z of [zipped, again]) {
      expect(z.headers['content-encoding']).toBe('gzip');
      expect(Number(z.headers['content-length'])).toBe(z.body.length);
      expect(z.body.length).toBeLessThan(plain.body.length);
      expect(zlib.gunzipSync(z.body).equals(plain.body)).toBe(true);
      expect(z.headers['content-type']).toBe(plain.headers['content-type']);
      expect(z.headers['content-disposition']).toBe(plain.headers['content-disposition']);
      expect(z.headers.etag).toBe(plain.headers.etag);
    }
    expect(again.body.equals(zipped.body)).toBe(true);
    expect(Number(plain.headers['content-length'])).toBe(plain.body.length);
    for (const r of [plain, zipped, none]) expect(r.headers.vary).toBe('Accept, Accept-Encoding');
    expect(plain.headers.etag).toMatch(/^W\/"/);
  }

  test('OParl lists and objects, pages, JSON, CSV and feeds: the gzip body is exactly the identity body', async () => {
    for (const [i, url] of urls.entries()) await compare(url, i % 2 === 0 ? 'gzip-first' : 'identity-first');
  });

  test('HEAD answers with the headers of its GET, in either encoding, and no body', async () => {
    for (const url of [urls[0], urls[5]]) {
      for (const enc of [GZ, IDENTITY]) {
        const fresh = `${url}${url.includes('?') ? '&' : '?'}head=${enc === GZ ? 'gz' : 'id'}`;
        const head = await rawGet(port, fresh, enc, 'HEAD'); // renders: HEAD first
        const get = await rawGet(port, fresh, enc);
        const headAgain = await rawGet(port, fresh, enc, 'HEAD'); // kept
        for (const h of [head, headAgain]) {
          expect(h.status).toBe(200);
          expect(h.body.length).toBe(0);
          for (const name of ['content-type', 'content-length', 'content-encoding', 'etag', 'vary']) expect(h.headers[name]).toBe(get.headers[name]);
        }
        expect(Number(get.headers['content-length'])).toBe(get.body.length);
        expect(get.headers['content-encoding']).toBe(enc === GZ ? 'gzip' : undefined);
      }
    }
  });

  test('a matching If-None-Match is a 304 without a body in either encoding', async () => {
    const url = urls[0];
    const zipped = await rawGet(port, url, GZ);
    for (const enc of [GZ, IDENTITY, {}]) {
      const r = await rawGet(port, url, { ...enc, 'if-none-match': zipped.headers.etag as string });
      expect(r.status).toBe(304);
      expect(r.body.length).toBe(0);
      expect(r.headers['content-encoding']).toBeUndefined();
    }
  });

  test('answers under 1 KiB and clients that refuse gzip get identity', async () => {
    const small = await rawGet(port, '/oparl/v1.1/system', GZ);
    expect(small.status).toBe(200);
    expect(small.body.length).toBeLessThan(GZIP_MIN_BYTES);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString('utf8')).oparlVersion).toBe('https://schema.oparl.org/1.1/');
    const plain = await rawGet(port, urls[0], IDENTITY);
    for (const refuses of ['gzip;q=0', 'br', 'deflate', 'identity', 'gzip;q=0, identity']) {
      const r = await rawGet(port, urls[0], { 'accept-encoding': refuses });
      expect([refuses, r.headers['content-encoding']]).toEqual([refuses, undefined]);
      expect(r.body.equals(plain.body)).toBe(true);
    }
    for (const takes of ['gzip', '*', 'br, gzip;q=0.5', 'identity;q=0, gzip', 'GZIP']) {
      const r = await rawGet(port, urls[0], { 'accept-encoding': takes });
      expect([takes, r.headers['content-encoding']]).toEqual([takes, 'gzip']);
      expect(zlib.gunzipSync(r.body).equals(plain.body)).toBe(true);
    }
    const error = await rawGet(port, '/oparl/v1.1/bodies/gibt-es-nicht/papers', GZ);
    expect([error.status, error.headers['content-encoding']]).toEqual([404, undefined]);
  });
});

describe('what is compressed', () => {
  test.each([
    ['text/html; charset=utf-8', 5000, true],
    ['application/json; charset=utf-8', 5000, true],
    ['application/atom+xml; charset=utf-8', 5000, true],
    ['text/csv; charset=utf-8', 5000, true],
    ['text/calendar; charset=utf-8', 5000, true],
    ['image/svg+xml', 5000, true],
    ['application/json', GZIP_MIN_BYTES - 1, false],
    ['application/pdf', 5000, false],
    ['image/png', 5000, false],
    ['application/octet-stream', 5000, false],
    ['application/jsonx', 5000, false],
  ])('%s of %d bytes: %s', (type, length, expected) => {
    expect(compressible(type, undefined, length)).toBe(expected);
  });

  test('an answer that already has an encoding, or no type, is left alone', () => {
    expect(compressible('text/html', 'br', 5000)).toBe(false);
    expect(compressible(undefined, undefined, 5000)).toBe(false);
  });

  test('Accept-Encoding as a client writes it', async () => {
    const app = express();
    app.get('/', (req, res) => {
      res.send(String(acceptsGzip(req)));
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const cases: [string | null, string][] = [
        [null, 'false'], ['', 'false'], ['gzip', 'true'], ['gzip, deflate, br', 'true'], ['*', 'true'], ['*;q=0', 'false'],
        ['gzip;q=0', 'false'], ['gzip;q=0.001', 'true'], ['deflate', 'false'], ['identity;q=0, gzip', 'true'],
        ['gzip;q=0, *', 'false'], ['*, gzip;q=0.0', 'false'], ['deflate, gzip ; q=1.0', 'true'], ['x-gzip, br;q=1', 'false'],
      ];
      for (const [header, expected] of cases) {
        const r = await rawGet(port, '/', header === null ? {} : { 'accept-encoding': header });
        expect([header, r.body.toString()]).toEqual([header, expected]);
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
