/** The fetcher against the replay server over loopback HTTP: politeness, retries, error pages, bounds. */
import fs from 'node:fs';
import path from 'node:path';
import { Fetcher, type FetcherOptions, type FetchResult } from '../../../src/ingest/fetch/fetcher';
import { HostGate } from '../../../src/ingest/fetch/host-gate';
import type { ReplayServer } from '../../../src/ingest/replay/server';
import { startCorpusReplay } from '../../helpers/replay';
import { CORPUS } from '../../helpers/tmp';

const HOST = 'srv19.regensburg.de';
const VO020 = `https://${HOST}/bi/vo020.asp?VOLFDNR=22820`;
const TO010 = `https://${HOST}/bi/to010.asp?SILFDNR=2667`;
const VO020_BYTES = fs.readFileSync(path.join(CORPUS, 'allris3/regensburg/vo020-VO-26-23343-D2-excerpt.html'));

describe('fetcher', () => {
  let server: ReplayServer;
  let via: string;
  beforeAll(async () => {
    ({ server, via } = await startCorpusReplay());
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.faults.clear();
    server.robots.clear();
    server.requests.length = 0;
  });

  const fetcher = (o: Partial<FetcherOptions> = {}) =>
    new Fetcher({ userAgent: 'ratsradar/test (+mailto:test@example.org)', allowedHosts: [HOST, 'kis.lkos.de'], via, rate: 200, backoffBaseMs: 5, timeoutMs: 400, ...o });
  const pageRequests = () => server.requests.filter((r) => !r.url.endsWith('/robots.txt'));

  test('sends an identifying User-Agent and Accept-Language de-DE, and gets the bytes as served', async () => {
    const res = await fetcher().get({ url: VO020 });
    expect(res.kind).toBe('ok');
    expect((res as Extract<FetchResult, { kind: 'ok' }>).body.equals(VO020_BYTES)).toBe(true);
    expect(pageRequests()[0]).toMatchObject({ userAgent: 'ratsradar/test (+mailto:test@example.org)', acceptLanguage: 'de-DE,de;q=0.9' });
  });

  test('reads robots.txt once per host and honours a disallow', async () => {
    server.robots.set(HOST, 'User-agent: ratsradar\nDisallow: /bi/vo020.asp\n');
    const f = fetcher();
    const res = await f.get({ url: VO020 });
    expect(res).toMatchObject({ kind: 'failed', error: 'robots' });
    expect((await f.get({ url: TO010 })).kind).toBe('ok');
    expect(server.requests.map((r) => r.url)).toEqual([`${HOST}/robots.txt`, `${HOST}/bi/to010.asp?SILFDNR=2667`]);
  });

  test('a robots.txt that fails with 5xx allows nothing; one that is missing allows everything', async () => {
    server.faults.add({ match: '/robots.txt', fault: 'status', status: 503 });
    const res = await fetcher({ maxAttempts: 2 }).get({ url: VO020 });
    expect(res).toMatchObject({ kind: 'failed', error: 'robots' });
    expect(pageRequests()).toEqual([]);
    server.faults.clear();
    expect((await fetcher().get({ url: VO020 })).kind).toBe('ok');
  });

  test('never requests another host, whatever it is asked for', async () => {
    const res = await fetcher().get({ url: 'https://evil.example/bi/vo020.asp?VOLFDNR=1' });
    expect(res).toMatchObject({ kind: 'failed', error: 'foreign-host' });
    expect(server.requests).toEqual([]);
  });

  test('keeps to the rate: request starts at least 1/rate apart per host', async () => {
    const starts: number[] = [];
    const f = fetcher({ rate: 10, concurrency: 3, onEvent: (e) => e.type === 'request' && starts.push(e.at) });
    await Promise.all([VO020, TO010, VO020, TO010, VO020].map((url) => f.get({ url })));
    expect(starts).toHaveLength(6); // robots.txt + 5
    expect(server.requests).toHaveLength(6);
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(100);
  });

  test.each([
    ['a 500', { fault: 'status', status: 500 }],
    ['a connection reset', { fault: 'reset' }],
    ['no answer (timeout)', { fault: 'timeout' }],
    ['a truncated body', { fault: 'truncate' }],
    ['an ALLRIS "Zu viele Zugriffe" page', { fault: 'error-page', variant: 'zu-viele-zugriffe' }],
    ['an ALLRIS 4 "Es ist ein Fehler aufgetreten" page', { fault: 'error-page', variant: 'fehler' }],
  ] as const)('retries after %s and then gets the page', async (_name, fault) => {
    server.faults.add({ match: 'VOLFDNR=22820', times: 2, ...fault });
    const res = await fetcher().get({ url: VO020 });
    expect(res).toMatchObject({ kind: 'ok', attempts: 3 });
    expect(pageRequests()).toHaveLength(3);
  });

  test('gives up after the last try and says why', async () => {
    server.faults.add({ match: 'VOLFDNR=22820', fault: 'status', status: 502 });
    expect(await fetcher({ maxAttempts: 3 }).get({ url: VO020 })).toMatchObject({ kind: 'failed', error: 'http-5xx', status: 502, attempts: 3 });
  });

  test('an ALLRIS error page on every try is a server error, said as such', async () => {
    server.faults.add({ match: 'VOLFDNR=22820', fault: 'error-page', variant: 'fehler' });
    expect(await fetcher({ maxAttempts: 3 }).get({ url: VO020 })).toMatchObject({
      kind: 'failed', error: 'http-5xx', status: 200, attempts: 3, message: 'ALLRIS answered its error page "Es ist ein Fehler aufgetreten" 3 times',
    });
  });

  test('honours Retry-After of a 429, for the whole host', async () => {
    server.faults.add({ match: 'VOLFDNR=22820', fault: 'too-many', retryAfter: 1, times: 1 });
    const f = fetcher();
    const [a, b] = await Promise.all([f.get({ url: VO020 }), new Promise((r) => setTimeout(r, 50)).then(() => f.get({ url: TO010 }))]);
    expect([a.kind, b.kind]).toEqual(['ok', 'ok']);
    const reqs = pageRequests();
    const first429 = reqs.find((r) => r.status === 429)!.at;
    for (const r of reqs.filter((x) => x.status === 200)) expect(r.at - first429).toBeGreaterThanOrEqual(990);
  });

  test('a Retry-After longer than it waits gives the URL up at once, and the host is not asked again in that time', async () => {
    server.faults.add({ match: 'VOLFDNR=22820', fault: 'too-many', retryAfter: 3600 });
    const f = fetcher();
    expect(await f.get({ url: VO020 })).toMatchObject({ kind: 'failed', error: 'rate-limited', attempts: 1 });
    // another page of the same host: given up without a request (the pause holds for the whole host)
    const other = await f.get({ url: TO010 });
    expect(other).toMatchObject({ kind: 'failed', error: 'rate-limited', attempts: 0 });
    expect((other as { message: string }).message).toMatch(/^the host asked for a pause until \d{4}-\d\d-\d\dT.*\(Retry-After\): not asked before$/);
    expect(pageRequests().map((r) => r.url)).toEqual(['srv19.regensburg.de/bi/vo020.asp?VOLFDNR=22820']);
  });

  test('a 429 that stays after every try: the host still gets its pause before the next request', async () => {
    server.faults.add({ match: 'VOLFDNR=22820', fault: 'too-many', retryAfter: 1 });
    const f = fetcher({ maxAttempts: 2 });
    expect(await f.get({ url: VO020 })).toMatchObject({ kind: 'failed', error: 'rate-limited', attempts: 2 });
    expect((await f.get({ url: TO010 })).kind).toBe('ok');
    const reqs = pageRequests();
    const last429 = reqs.filter((r) => r.status === 429).at(-1)!.at;
    expect(reqs.find((r) => r.status === 200)!.at - last429).toBeGreaterThanOrEqual(990);
  });

  test('"Zugriff verweigert", "Keine Information verfügbar" and the noauth redirect are answers, not retried', async () => {
    server.faults.add({ match: 'VOLFDNR=22820', fault: 'error-page', variant: 'zugriff-verweigert', times: 1 });
    server.faults.add({ match: 'VOLFDNR=22820', fault: 'error-page', variant: 'keine-information', times: 1 });
    server.faults.add({ match: 'VOLFDNR=22820', fault: 'error-page', variant: 'noauth', times: 1 });
    const f = fetcher();
    expect(await f.get({ url: VO020 })).toMatchObject({ kind: 'failed', error: 'denied', attempts: 1 });
    expect(await f.get({ url: VO020 })).toMatchObject({ kind: 'failed', error: 'not-public', attempts: 1 });
    expect(await f.get({ url: VO020 })).toMatchObject({ kind: 'failed', error: 'not-public', attempts: 1 });
    expect(pageRequests()).toHaveLength(3);
  });

  test('a redirect loop ends at once; redirects are bounded', async () => {
    server.faults.add({ match: 'VOLFDNR=22820', fault: 'redirect-loop' });
    expect(await fetcher().get({ url: VO020 })).toMatchObject({ kind: 'failed', error: 'redirect-loop' });
    expect(pageRequests()).toHaveLength(2);
    expect(await fetcher({ maxRedirects: 0 }).get({ url: VO020 })).toMatchObject({ kind: 'failed', error: 'too-many-redirects' });
  });

  test('a body over the size limit is refused', async () => {
    expect(await fetcher({ maxBytes: 1000 }).get({ url: VO020 })).toMatchObject({ kind: 'failed', error: 'too-large' });
  });

  test('a 404 is an answer: no retry', async () => {
    expect(await fetcher().get({ url: `https://${HOST}/bi/vo020.asp?VOLFDNR=1` })).toMatchObject({ kind: 'failed', error: 'not-found', attempts: 1 });
  });

  test('sends If-None-Match / If-Modified-Since and reports not-modified on 304', async () => {
    const f = fetcher();
    const first = await f.get({ url: VO020 });
    if (first.kind !== 'ok') throw new Error(first.kind);
    expect(await f.get({ url: VO020, etag: first.headers.etag })).toMatchObject({ kind: 'not-modified' });
    expect(await f.get({ url: VO020, lastModified: first.headers['last-modified'] })).toMatchObject({ kind: 'not-modified' });
    expect(pageRequests().map((r) => r.conditional)).toEqual([false, true, true]);
  });

  test('keeps the session cookie a host sets and sends it back on the next request to that host', async () => {
    server.setPage(`https://${HOST}/bi/session.asp`, Buffer.from('<html></html>'));
    server['pages'].get(`${HOST}/bi/session.asp`)!.setCookie = 'JSESSIONID=abc123; Path=/';
    const f = fetcher();
    await f.get({ url: `https://${HOST}/bi/session.asp` });
    await f.get({ url: TO010 });
    expect(pageRequests().map((r) => r.cookie)).toEqual([null, 'JSESSIONID=abc123']);
  });
});

describe('host gate', () => {
  test('spaces starts by 1/rate (simulated clock)', async () => {
    let now = 0;
    const gate = new HostGate({ rate: 2, concurrency: 1 }, () => now, async (ms) => {
      now += ms;
    });
    const starts: number[] = [];
    for (let i = 0; i < 4; i++) {
      const { release } = await gate.acquire('h');
      starts.push(now);
      release();
    }
    expect(starts).toEqual([0, 500, 1000, 1500]);
  });

  test('lets at most `concurrency` requests run at once per host', async () => {
    const gate = new HostGate({ rate: 1e6, concurrency: 2 });
    let running = 0;
    let maxRunning = 0;
    await Promise.all([1, 2, 3, 4, 5].map(async () => {
      const { release } = await gate.acquire('h');
      maxRunning = Math.max(maxRunning, ++running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      release();
    }));
    expect(maxRunning).toBe(2);
  });

  test('a pause holds the host back', async () => {
    let now = 1000;
    const gate = new HostGate({ rate: 100, concurrency: 1 }, () => now, async (ms) => {
      now += ms;
    });
    gate.pause('h', 5000);
    (await gate.acquire('h')).release();
    expect(now).toBe(6000);
  });
});
