/**
 * Rendered answers kept by ETag (src/server/response-cache.ts): sent again unchanged while the data
 * and the day stay, rendered anew as soon as a row changes; errors and redirects are never kept; a kept answer is gzipped for a gzip client once, without a new render.
 */
import express from 'express';
import request from 'supertest';
import { acceptsGzip } from '../../src/server/gzip-answer';
import { createResponseCache } from '../../src/server/response-cache';
import { buildFixtureApp, type FixtureApp } from './fixture-app';

describe('the response cache on its own', () => {
  function appWith(generation: { value: string }) {
    const cache = createResponseCache(3, 1024 * 1024);
    const calls = { n: 0 };
    const app = express();
    app.use((req, res, next) => {
      if (!cache.serve(res, req.originalUrl, generation.value, acceptsGzip(req))) next();
    });
    app.get('/page/:n', (req, res) => {
      calls.n++;
      res.type('html').send(`<p>page ${req.params.n}, call ${calls.n}</p>`);
    });
    app.get('/file.csv', (_req, res) => {
      calls.n++;
      res.setHeader('Content-Disposition', 'attachment; filename="x.csv"');
      res.type('text/csv').send('a;b\n');
    });
    app.get('/long/:n', (req, res) => {
      calls.n++;
      res.type('html').send(`<p>long page ${req.params.n}, call ${calls.n}</p>\n`.repeat(100));
    });
    app.get('/missing', (_req, res) => {
      calls.n++;
      res.status(404).send('nope');
    });
    return { app, calls };
  }

  test('keeps 200 answers with their type and disposition, per generation, least recently used out first', async () => {
    const generation = { value: 'g1' };
    const { app, calls } = appWith(generation);
    const first = await request(app).get('/page/1').expect(200);
    const again = await request(app).get('/page/1').expect(200);
    expect(again.text).toBe(first.text);
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(calls.n).toBe(1);

    const csv = await request(app).get('/file.csv').expect(200);
    const csvAgain = await request(app).get('/file.csv').expect(200);
    expect(csvAgain.headers['content-disposition']).toBe('attachment; filename="x.csv"');
    expect(csvAgain.headers['content-type']).toBe(csv.headers['content-type']);
    expect(csvAgain.text).toBe('a;b\n');
    expect(calls.n).toBe(2);

    await request(app).get('/missing').expect(404);
    await request(app).get('/missing').expect(404);
    expect(calls.n).toBe(4);

    // three entries at most: /page/2 and /page/3 push /file.csv out (/page/1 was used more recently)
    await request(app).get('/page/1');
    await request(app).get('/page/2');
    await request(app).get('/page/3');
    expect(calls.n).toBe(6);
    await request(app).get('/page/1');
    expect(calls.n).toBe(6);
    await request(app).get('/file.csv');
    expect(calls.n).toBe(7);

    generation.value = 'g2';
    const fresh = await request(app).get('/page/1').expect(200);
    expect(fresh.text).toBe('<p>page 1, call 8</p>');
  });

  test('a kept answer is gzipped for the first gzip client without a new render, and stays identity for the others', async () => {
    const generation = { value: 'g1' };
    const { app, calls } = appWith(generation);
    const plain = await request(app).get('/long/1').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text.length).toBeGreaterThan(2000);
    // supertest asks for gzip and gunzips: the same text, and no second render
    const zipped = await request(app).get('/long/1').set('Accept-Encoding', 'gzip').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(Number(zipped.headers['content-length'])).toBeLessThan(plain.text.length / 5);
    expect(zipped.text).toBe(plain.text);
    expect(zipped.headers['content-type']).toBe(plain.headers['content-type']);
    const plainAgain = await request(app).get('/long/1').set('Accept-Encoding', 'identity').expect(200);
    expect(plainAgain.headers['content-encoding']).toBeUndefined();
    expect(plainAgain.text).toBe(plain.text);
    expect(calls.n).toBe(1);
    // a short answer and an error stay as they are
    const short = await request(app).get('/page/1').set('Accept-Encoding', 'gzip').expect(200);
    expect([short.headers['content-encoding'], short.text]).toEqual([undefined, '<p>page 1, call 2</p>']);
    const missing = await request(app).get('/missing').set('Accept-Encoding', 'gzip').expect(404);
    expect(missing.headers['content-encoding']).toBeUndefined();
  });
});

describe('the response cache in the app', () => {
  let fx: FixtureApp;
  beforeAll(() => {
    fx = buildFixtureApp({ corpus: false });
  });
  afterAll(() => fx.cleanup());

  // (supertest serves every request on a new port, so the Host is fixed here: the ETag, the key, holds it)
  test('a page is the same when asked again, and new as soon as its row changes', async () => {
    const id = fx.opened.sqlite.prepare('SELECT id FROM papers ORDER BY id LIMIT 1').pluck().get() as number;
    const a = await request(fx.app).get(`/papers/${id}`).set('Host', 'ratsradar.example').expect(200);
    const b = await request(fx.app).get(`/papers/${id}`).set('Host', 'ratsradar.example').expect(200);
    expect(b.text).toBe(a.text);
    expect(b.headers.etag).toBe(a.headers.etag);
    fx.opened.sqlite.prepare("UPDATE papers SET name = 'Ein ganz neuer Betreff' WHERE id = ?").run(id);
    const c = await request(fx.app).get(`/papers/${id}`).set('Host', 'ratsradar.example').expect(200);
    expect(c.headers.etag).not.toBe(a.headers.etag);
    expect(c.text).toContain('Ein ganz neuer Betreff');
    expect(a.text).not.toContain('Ein ganz neuer Betreff');
  });

  test('feeds hold the host they were asked under, not the one of an earlier request', async () => {
    const one = await request(fx.app).get('/feed.atom').set('Host', 'one.example').expect(200);
    const two = await request(fx.app).get('/feed.atom').set('Host', 'two.example').expect(200);
    expect(one.text).toContain('http://one.example/');
    expect(two.text).toContain('http://two.example/');
    expect(two.text).not.toContain('one.example');
  });
});
