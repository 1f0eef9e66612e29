/**
 * The server's protections: security headers with a strict CSP on every answer, pages without any
 * script or inline style, request size limits, and error answers without stack traces, file paths
 * or internal messages (forced errors).
 */
import request from 'supertest';
import express from 'express';
import { buildFixtureApp, type FixtureApp, TODAY } from './fixture-app';
import { createApp } from '../../src/server/app';
import { openDb } from '../../src/db/connection';
import { loadDemo } from '../../src/ingest/demo';
import { lastResortErrors } from '../../src/server/security/errors';
import { helmetHeaders, securityHeaders } from '../../src/server/security/headers';
import { MAX_BODY_BYTES } from '../../src/server/security/limits';
import { makeTmpDir } from '../helpers/tmp';
import path from 'node:path';

const CSP = "default-src 'none';script-src 'none';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'none';object-src 'none';form-action 'self';base-uri 'none';frame-ancestors 'none'";

let fx: FixtureApp;
beforeAll(() => {
  fx = buildFixtureApp();
});
afterAll(() => fx.cleanup());

/** No stack frame, no file path, no internal error text. */
function expectNothingInternal(body: string): void {
  expect(body).not.toMatch(/\n\s+at |\bat [\w.<>]+ \(|\/work\/|node_modules|\.ts:\d+|\.js:\d+|Error:|SqliteError|TypeError|ReferenceError/);
}

describe('security headers', () => {
  test.each(['/', '/static/style.css', `/papers/${1}.json`, '/nirgendwo', '/suche?q=Radweg', '/feed.atom'])('%s carries the strict CSP and the helmet headers', async (url) => {
    const res = await request(fx.app).get(url);
    expect(res.headers['content-security-policy']).toBe(CSP);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

test('the recorded security headers are exactly those helmet sets on a request', async () => {
  const answer = async (headers: express.RequestHandler) => {
    const app = express();
    app.use((_req, res, next) => {
      res.setHeader('X-Powered-By', 'something'); // helmet removes it; so must the recorded list
      next();
    });
    app.use(headers);
    app.get('/x', (_req, res) => res.type('text').send('x'));
    const res = await request(app).get('/x');
    const { date: _date, ...rest } = res.headers;
    return rest;
  };
  const helmets = await answer(helmetHeaders());
  expect(helmets['content-security-policy']).toBe(CSP);
  expect(helmets['x-powered-by']).toBeUndefined();
  expect(await answer(securityHeaders())).toEqual(helmets);
});

describe('pages carry no script and no inline style (the CSP forbids both)', () => {
  test('every page reachable from the start page within four clicks (up to 150 pages)', async () => {
    const seen = new Set<string>(['/']);
    let frontier = ['/'];
    const checked: string[] = [];
    for (let depth = 0; depth < 4 && checked.length < 150; depth++) {
      const next: string[] = [];
      for (const url of frontier) {
        if (checked.length >= 150) break;
        const res = await request(fx.app).get(url);
        if (!/text\/html/.test(res.headers['content-type'] ?? '')) continue;
        checked.push(url);
        const html = res.text;
        expect({ url, script: /<script\b/i.test(html), style: /<style\b|\sstyle\s*=/i.test(html), handler: /\son[a-z]+\s*=/i.test(html), js: /(href|src|action)\s*=\s*["']?\s*javascript:/i.test(html) })
          .toEqual({ url, script: false, style: false, handler: false, js: false });
        for (const m of html.matchAll(/href="(\/[^"]*)"/g)) {
          const link = m[1].replace(/&#x([0-9a-f]+);/gi, (_e, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/&amp;/g, '&').split('#')[0];
          if (!seen.has(link) && !link.startsWith('/static/')) {
            seen.add(link);
            next.push(link);
          }
        }
      }
      frontier = next;
    }
    expect(checked.length).toBeGreaterThan(30);
    expect(checked.some((u) => u.startsWith('/papers/'))).toBe(true);
    expect(checked.some((u) => u.startsWith('/meetings/'))).toBe(true);
  });
});

describe('request limits', () => {
  test(`a request body over ${MAX_BODY_BYTES} bytes is refused before it is read (413)`, async () => {
    const res = await request(fx.app).get('/').set('Content-Length', String(MAX_BODY_BYTES + 1)).send('x'.repeat(MAX_BODY_BYTES + 1));
    expect(res.status).toBe(413);
    expect(res.text).toContain('Diese Anfrage ist zu groß.');
  });

  test('a URL over 2 kB is refused (414)', async () => {
    const res = await request(fx.app).get(`/suche?q=${'a'.repeat(3000)}`);
    expect(res.status).toBe(414);
    expect(res.text).toContain('Diese Adresse ist zu lang.');
  });

  test('a small body on a page is harmless (the public app reads none)', async () => {
    const res = await request(fx.app).get('/').send('x=1');
    expect(res.status).toBe(200);
  });
});

describe('error answers show nothing internal', () => {
  test('a broken database: 500 with a German message as HTML and as JSON, no stack, no path, no SQL error', async () => {
    const tmp = makeTmpDir();
    const opened = openDb(path.join(tmp.dir, 'broken.sqlite'));
    loadDemo(opened.sqlite, '2026-11-24T09:00:00Z', TODAY);
    const app = createApp(opened.sqlite, { today: () => TODAY });
    opened.close(); // every query now throws "The database connection is not open"
    const quiet = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      for (const url of ['/', '/papers/1', '/meetings/1', '/suche?q=Rad', '/feed.atom', '/vorlagen.csv', '/calendar.ics']) {
        const res = await request(app).get(url);
        expect({ url, status: res.status }).toEqual({ url, status: 500 });
        expectNothingInternal(res.text);
        expect(res.text).not.toContain('database connection');
      }
      const json = await request(app).get('/papers/1.json');
      expect(json.status).toBe(500);
      expect(json.body).toEqual({ error: 'Ein interner Fehler ist aufgetreten. Bitte später erneut versuchen.', status: 500 });
      // the operator still learns what happened, on stderr
      expect(quiet.mock.calls.map((c) => String(c[0])).join('')).toMatch(/database connection is not open/);
    } finally {
      quiet.mockRestore();
      tmp.cleanup();
    }
  });

  test('a malformed URL is a 400, not a 500 and not a stack trace', async () => {
    const res = await request(fx.app).get('/papers/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.text).toContain('Diese Anfrage ist fehlerhaft.');
    expectNothingInternal(res.text);
  });

  test('when the error page itself fails, one plain German line', async () => {
    const app = express();
    app.get('/', () => {
      throw new Error('boom at /work/main/src/x.ts:1');
    });
    app.use((err: unknown, _req: express.Request, _res: express.Response, next: express.NextFunction) => next(new Error(`template failed: ${String(err)}`)));
    app.use(lastResortErrors);
    const quiet = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const res = await request(app).get('/');
    quiet.mockRestore();
    expect(res.status).toBe(500);
    expect(res.text).toBe('Ein interner Fehler ist aufgetreten.\n');
  });
});
