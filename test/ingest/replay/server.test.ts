/** The replay server: corpus pages at their original URLs over loopback HTTP, and each fault it injects. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { ALL_CASES } from '../../helpers/cases';
import { CORPUS } from '../../helpers/tmp';
import { CORPUS_MANIFEST, corpusPages, startCorpusReplay } from '../../helpers/replay';
import type { ReplayServer } from '../../../src/ingest/replay/server';
import { urlKey } from '../../../src/ingest/replay/url-key';

interface Got { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

/** A plain GET to the replay server for an original URL (Host header = the original host). */
function get(via: string, url: string, headers: Record<string, string> = {}, timeoutMs = 3000): Promise<Got> {
  const u = new URL(url);
  const v = new URL(via);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: v.hostname, port: v.port, path: `${u.pathname}${u.search}`, headers: { host: u.host, ...headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(timeoutMs, () => req.destroy(new Error('client timeout')));
    req.end();
  });
}

const VO020 = 'https://srv19.regensburg.de/bi/vo020.asp?VOLFDNR=22820';
const VO020_FILE = path.join(CORPUS, 'allris3/regensburg/vo020-VO-26-23343-D2-excerpt.html');

describe('the corpus manifest', () => {
  test('names every corpus page, with the URL its test case was served at', () => {
    const manifest = JSON.parse(fs.readFileSync(CORPUS_MANIFEST, 'utf8')) as { pages: { url: string; file: string }[]; unserved: { file: string }[] };
    const all = fs.readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
      .filter((f) => fs.statSync(path.join(CORPUS, f)).isFile() && f !== 'PROVENANCE.md').sort();
    expect([...manifest.pages.map((p) => p.file), ...manifest.unserved.map((u) => u.file)].sort()).toEqual(all);
    for (const c of ALL_CASES.filter((x) => x.url)) expect(manifest.pages.find((p) => p.file === c.page)?.url).toBe(c.url);
    // no two pages share a URL
    expect(new Set(manifest.pages.map((p) => urlKey(p.url))).size).toBe(manifest.pages.length);
  });
});

describe('replay server', () => {
  let server: ReplayServer;
  let via: string;
  beforeAll(async () => {
    ({ server, via } = await startCorpusReplay({ faults: { robots: { 'srv19.regensburg.de': 'User-agent: *\nDisallow: /bi/to020.asp\n' } } }));
  });
  afterAll(() => server.close());
  afterEach(() => server.faults.clear());

  test('listens on 127.0.0.1 only', () => {
    expect((server['server'].address() as AddressInfo).address).toBe('127.0.0.1');
  });

  test('serves every page of the manifest byte for byte at its URL', async () => {
    for (const p of corpusPages()) {
      const r = await get(via, p.url, p.ajax ? { 'wicket-ajax': 'true', cookie: 'JSESSIONID=x' } : {});
      expect([p.file, r.status]).toEqual([p.file, 200]);
      expect(r.body.equals(fs.readFileSync(p.absFile))).toBe(true);
    }
  });

  test('finds a page whatever the parameter order, the name case and the refresh / Wicket tokens', async () => {
    const a = await get(via, 'https://ratsinfo.laatzen.de/public/vo020?refresh=false&volfdnr=1000238');
    const b = await get(via, 'https://ratsinfo.laatzen.de/PUBLIC/VO020?12-1.0-&VOLFDNR=1000238');
    expect(a.status).toBe(200);
    expect(a.body.equals(b.body)).toBe(true);
    expect((await get(via, 'https://ratsinfo.laatzen.de/public/vo020?VOLFDNR=1')).status).toBe(404);
  });

  test('ALLRIS 4 calendar months come only to a Wicket AJAX request with the session cookie the calendar shell sets', async () => {
    const month = 'https://ratsinfo.trier.de/public/si010?MM=10&YY=2026';
    const shell = await get(via, 'https://ratsinfo.trier.de/public/si010');
    expect(shell.status).toBe(200);
    expect(shell.headers['set-cookie']?.[0]).toMatch(/^JSESSIONID=replay\d+; Path=\//);
    expect(shell.body.toString()).toContain('Wicket.Ajax.baseUrl="si010?0"');
    const without = await get(via, month);
    expect(without.body.toString()).toBe('<?xml version="1.0" encoding="UTF-8"?><ajax-response></ajax-response>');
    const cookie = shell.headers['set-cookie']![0].split(';')[0];
    const withSession = await get(via, 'https://ratsinfo.trier.de/public/si010?0-1.0-&MM=10&YY=2026', { 'wicket-ajax': 'true', cookie });
    expect(withSession.body.toString()).toContain('calenderView');
    // the page moved on when it showed the month: its version answers nothing now, the next shell names a new one
    const again = await get(via, 'https://ratsinfo.trier.de/public/si010?0-1.0-&MM=10&YY=2026', { 'wicket-ajax': 'true', cookie });
    expect(again.body.toString()).toBe('<?xml version="1.0" encoding="UTF-8"?><ajax-response></ajax-response>');
    const notYet = await get(via, 'https://ratsinfo.trier.de/public/si010?1-1.0-&MM=10&YY=2026', { 'wicket-ajax': 'true', cookie });
    expect(notYet.body.toString()).toBe('<?xml version="1.0" encoding="UTF-8"?><ajax-response></ajax-response>');
    const shell2 = await get(via, 'https://ratsinfo.trier.de/public/si010');
    expect(shell2.body.toString()).toContain('Wicket.Ajax.baseUrl="si010?1"');
    const cookie2 = shell2.headers['set-cookie']![0].split(';')[0];
    expect((await get(via, 'https://ratsinfo.trier.de/public/si010?1-1.0-&MM=10&YY=2026', { 'wicket-ajax': 'true', cookie: cookie2 })).body.toString()).toContain('calenderView');
  });

  test('compresses for a client that accepts gzip, and answers conditional requests with 304', async () => {
    const first = await get(via, VO020, { 'accept-encoding': 'gzip' });
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(first.headers.etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect((await get(via, VO020, { 'if-none-match': first.headers.etag! })).status).toBe(304);
    expect((await get(via, VO020, { 'if-modified-since': first.headers['last-modified']! })).status).toBe(304);
    expect((await get(via, VO020, { 'if-none-match': '"other"' })).status).toBe(200);
  });

  test('serves robots.txt rules per host, and 404 where a host has none', async () => {
    const r = await get(via, 'https://srv19.regensburg.de/robots.txt');
    expect([r.status, r.body.toString()]).toEqual([200, 'User-agent: *\nDisallow: /bi/to020.asp\n']);
    expect((await get(via, 'https://kis.lkos.de/robots.txt')).status).toBe(404);
  });

  test('a changed page is served from then on', async () => {
    server.setPage('https://kis.lkos.de/bi/new.asp?X=1', Buffer.from('<html>neu</html>'));
    expect((await get(via, 'https://kis.lkos.de/bi/new.asp?X=1')).body.toString()).toBe('<html>neu</html>');
    server.removePage('https://kis.lkos.de/bi/new.asp?X=1');
    expect((await get(via, 'https://kis.lkos.de/bi/new.asp?X=1')).status).toBe(404);
  });

  describe('faults', () => {
    test('status: 500 the given number of times, then the page', async () => {
      server.faults.add({ match: 'VOLFDNR=22820', fault: 'status', status: 500, times: 2 });
      expect((await get(via, VO020)).status).toBe(500);
      expect((await get(via, VO020)).status).toBe(500);
      expect((await get(via, VO020)).status).toBe(200);
    });

    test('too-many: 429 with Retry-After', async () => {
      server.faults.add({ match: 'VOLFDNR=22820', fault: 'too-many', retryAfter: 7, times: 1 });
      const r = await get(via, VO020);
      expect([r.status, r.headers['retry-after']]).toEqual([429, '7']);
    });

    test('slow: the page, after the delay', async () => {
      server.faults.add({ match: 'VOLFDNR=22820', fault: 'slow', delayMs: 150, times: 1 });
      const t0 = Date.now();
      const r = await get(via, VO020);
      expect(r.status).toBe(200);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    });

    test('timeout: no answer at all', async () => {
      server.faults.add({ match: 'VOLFDNR=22820', fault: 'timeout', times: 1 });
      await expect(get(via, VO020, {}, 300)).rejects.toThrow(/client timeout/);
      expect(server.requests.at(-1)).toMatchObject({ url: 'srv19.regensburg.de/bi/vo020.asp?VOLFDNR=22820', status: 'timeout', fault: 'timeout' });
    });

    test('truncate: the body ends before its Content-Length; cut: a complete answer with half a page', async () => {
      server.faults.add({ match: 'VOLFDNR=22820', fault: 'truncate', times: 1 });
      await expect(get(via, VO020)).rejects.toThrow(/aborted|socket hang up|ECONNRESET/);
      server.faults.add({ match: 'VOLFDNR=22820', fault: 'cut', times: 1 });
      const cut = await get(via, VO020);
      expect(cut.status).toBe(200);
      expect(cut.body.length).toBe(Math.floor(fs.statSync(VO020_FILE).size / 2));
    });

    test('reset: the connection is reset', async () => {
      server.faults.add({ match: 'VOLFDNR=22820', fault: 'reset', times: 1 });
      await expect(get(via, VO020)).rejects.toThrow(/ECONNRESET|socket hang up/);
    });

    test('error pages with status 200: "Zu viele Zugriffe", "Zugriff verweigert", "Keine Information", and the noauth redirect', async () => {
      server.faults.add({ match: 'VOLFDNR=22820', fault: 'error-page', variant: 'zu-viele-zugriffe', times: 1 });
      server.faults.add({ match: 'VOLFDNR=22820', fault: 'error-page', variant: 'zugriff-verweigert', times: 1 });
      server.faults.add({ match: 'VOLFDNR=22820', fault: 'error-page', variant: 'keine-information', times: 1 });
      server.faults.add({ match: 'VOLFDNR=22820', fault: 'error-page', variant: 'noauth', times: 1 });
      const a = await get(via, VO020);
      expect([a.status, a.body.toString('utf8')]).toEqual([200, expect.stringContaining('Zu viele Zugriffe aus Ihrem Netzwerk')]);
      expect((await get(via, VO020)).body.toString('latin1')).toContain('Zugriff verweigert (Programm vo020.asp)');
      expect((await get(via, VO020)).body.toString('latin1')).toContain('Keine Information verf&uuml;gbar');
      const d = await get(via, VO020);
      expect([d.status, d.headers.location]).toEqual([302, '/bi/noauth.asp']);
    });

    test('wrong-charset: the Content-Type contradicts the bytes', async () => {
      const right = await get(via, 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/vo020.asp?VOLFDNR=1016851');
      expect(right.headers['content-type']).toBe('text/html; charset=iso-8859-1');
      server.faults.add({ match: 'VOLFDNR=1016851', fault: 'wrong-charset', times: 1 });
      const wrong = await get(via, 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/vo020.asp?VOLFDNR=1016851');
      expect(wrong.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(wrong.body.equals(right.body)).toBe(true);
    });

    test('redirect-loop: A → A&loop=1 → A', async () => {
      server.faults.add({ match: 'VOLFDNR=22820', fault: 'redirect-loop' });
      const a = await get(via, VO020);
      expect([a.status, a.headers.location]).toEqual([302, '/bi/vo020.asp?VOLFDNR=22820&loop=1']);
      const b = await get(via, `${VO020}&loop=1`);
      expect([b.status, b.headers.location]).toEqual([302, '/bi/vo020.asp?VOLFDNR=22820']);
    });
  });
});
