/**
 * Each fault of the replay server, and the crawl still completes with every page that can
 * be had; the request rate stays within the limit; a robots.txt disallow is honoured.
 * The site: Regensburg's September 2026 calendar → meeting 2667 → paper 22820 (and pages the corpus
 * does not have, which answer 404).
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '../../../src/db/connection';
import type { FaultRule } from '../../../src/ingest/replay/faults';
import type { ReplayServer } from '../../../src/ingest/replay/server';
import { readStoreLog } from '../../../src/ingest/store/page-store';
import type { CrawlOptions } from '../../../src/ingest/crawl/crawler';
import { startCorpusReplay } from '../../helpers/replay';
import { crawlCorpus, fetchedUrls } from '../../helpers/crawl';
import { dumpContent } from '../../helpers/db-dump';
import { makeTmpDir } from '../../helpers/tmp';

const CALENDAR = 'https://srv19.regensburg.de/bi/si010.asp?MM=9&YY=2026';
const MEETING = 'https://srv19.regensburg.de/bi/to010.asp?SILFDNR=2667';
const PAPER = 'https://srv19.regensburg.de/bi/vo020.asp?VOLFDNR=22820';
const ALL = [CALENDAR, MEETING, PAPER];

describe('a crawl outlasts the faults of the site', () => {
  const tmp = makeTmpDir();
  let server: ReplayServer;
  let via: string;
  let reference: ReturnType<typeof dumpContent>;
  let n = 0;

  const run = async (rules: FaultRule[], opts: Partial<CrawlOptions> = {}, robots?: string) => {
    server.faults.clear();
    server.robots.clear();
    if (robots) server.robots.set('srv19.regensburg.de', robots);
    for (const r of rules) server.faults.add(r);
    server.requests.length = 0;
    const dir = path.join(tmp.dir, `run${++n}`);
    const { sqlite, close } = openDb(`${dir}.sqlite`);
    try {
      const report = await crawlCorpus(sqlite, dir, 'regensburg', via, {
        since: '2026-09-01', until: '2026-09-30', fetcher: { backoffBaseMs: 5, timeoutMs: 300 }, ...opts,
      });
      return { report, urls: fetchedUrls(sqlite, report.runId), dump: dumpContent(sqlite), dir, requests: [...server.requests] };
    } finally {
      close();
    }
  };

  beforeAll(async () => {
    ({ server, via } = await startCorpusReplay());
    const clean = await run([]);
    expect(clean.urls).toEqual(ALL);
    reference = clean.dump;
  });
  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });

  test.each([
    ['two 500s', { match: 'SILFDNR=2667', fault: 'status', status: 500, times: 2 }],
    ['a 503', { match: 'VOLFDNR=22820', fault: 'status', status: 503, times: 1 }],
    ['a slow answer', { match: 'SILFDNR=2667', fault: 'slow', delayMs: 150, times: 1 }],
    ['no answer (timeout)', { match: 'VOLFDNR=22820', fault: 'timeout', times: 1 }],
    ['a truncated body', { match: 'SILFDNR=2667', fault: 'truncate', times: 1 }],
    ['a connection reset', { match: 'MM=9&YY=2026', fault: 'reset', times: 2 }],
    ['"Zu viele Zugriffe" with status 200', { match: 'VOLFDNR=22820', fault: 'error-page', variant: 'zu-viele-zugriffe', times: 1 }],
    ['"Es ist ein Fehler aufgetreten" with status 200, twice', { match: 'SILFDNR=2667', fault: 'error-page', variant: 'fehler', times: 2 }],
    ['a wrong charset header', { match: 'VOLFDNR=22820', fault: 'wrong-charset' }],
    ['a wrong charset header on every page', { match: 'srv19', fault: 'wrong-charset' }],
  ] as [string, FaultRule][])('%s: every page, the same database', async (_name, rule) => {
    const r = await run([rule]);
    expect(r.report.status).toBe('done');
    expect(r.urls).toEqual(ALL);
    expect(r.dump).toEqual(reference);
    expect(r.requests.some((q) => q.fault === rule.fault)).toBe(true);
  });

  test('a 429 with Retry-After: the host waits that long, then every page comes', async () => {
    const r = await run([{ match: 'SILFDNR=2667', fault: 'too-many', retryAfter: 1, times: 1 }]);
    expect(r.urls).toEqual(ALL);
    expect(r.dump).toEqual(reference);
    const at429 = r.requests.find((q) => q.status === 429)!.at;
    const after = r.requests.filter((q) => q.at > at429);
    expect(after.length).toBeGreaterThan(0);
    for (const q of after) expect(q.at - at429).toBeGreaterThanOrEqual(990);
  });

  test('a malformed first answer (half a page) is fetched once more, and both answers are kept', async () => {
    const r = await run([{ match: 'SILFDNR=2667', fault: 'cut', times: 1 }]);
    expect(r.urls).toEqual(ALL);
    expect(r.dump).toEqual(reference);
    const answers = readStoreLog(path.join(r.dir, 'store')).filter((e) => e.url === MEETING);
    expect(answers).toHaveLength(2);
    expect(answers[0].size).toBeLessThan(answers[1].size);
  });

  test('a page that stays malformed is saved under failures/ and reported; the crawl completes without it', async () => {
    const r = await run([{ match: 'VOLFDNR=22820', fault: 'cut' }]);
    expect(r.report.status).toBe('done');
    expect(r.urls).toEqual([CALENDAR, MEETING]);
    expect(r.report.failures).toEqual([{ url: PAPER, file: expect.stringContaining(path.join(r.dir, 'failures', 'regensburg')), reason: expect.stringMatching(/truncated/) }]);
    expect(fs.readFileSync(r.report.failures[0].file).length).toBeGreaterThan(1000);
    expect(r.report.errors['not-a-ris-page']).toBe(1);
    expect(r.requests.filter((q) => q.url.endsWith('VOLFDNR=22820'))).toHaveLength(2);
  });

  test('"Zugriff verweigert", "Keine Information verfügbar" and the noauth redirect: the page is not public, skipped, not retried', async () => {
    const r = await run([
      { match: 'VOLFDNR=22820', fault: 'error-page', variant: 'zugriff-verweigert' },
      { match: 'SILFDNR=2667', fault: 'error-page', variant: 'noauth' },
    ]);
    expect(r.report.status).toBe('done');
    expect(r.urls).toEqual([CALENDAR]);
    expect(r.report.errors).toMatchObject({ 'not-public': 1 });
    expect(r.requests.filter((q) => q.url.endsWith('SILFDNR=2667'))).toHaveLength(1);
    const r2 = await run([{ match: 'VOLFDNR=22820', fault: 'error-page', variant: 'keine-information' }]);
    expect(r2.urls).toEqual([CALENDAR, MEETING]);
    expect(r2.report.errors).toMatchObject({ 'not-public': 1 });
  });

  test('a redirect loop ends at once, and the rest of the site is crawled', async () => {
    const r = await run([{ match: 'VOLFDNR=22820', fault: 'redirect-loop' }]);
    expect(r.report.status).toBe('done');
    expect(r.urls).toEqual([CALENDAR, MEETING]);
    expect(r.report.errors['redirect-loop']).toBe(1);
    expect(r.requests.filter((q) => q.url.includes('VOLFDNR=22820'))).toHaveLength(2);
  });

  test('a page that keeps failing is given up after its tries; the crawl completes', async () => {
    const r = await run([{ match: 'SILFDNR=2667', fault: 'status', status: 500 }], { fetcher: { backoffBaseMs: 5, timeoutMs: 300, maxAttempts: 3 } });
    expect(r.report.status).toBe('done');
    expect(r.urls).toEqual([CALENDAR]);
    expect(r.report.errors['http-5xx']).toBe(1);
    expect(r.requests.filter((q) => q.url.endsWith('SILFDNR=2667'))).toHaveLength(3);
  });

  test('robots.txt: a disallowed program is never requested', async () => {
    const r = await run([], {}, 'User-agent: *\nDisallow: /bi/vo020.asp\n');
    expect(r.urls).toEqual([CALENDAR, MEETING]);
    expect(r.requests.some((q) => q.url.includes('/vo020.asp'))).toBe(false);
    expect(r.report.errors.robots).toBeGreaterThanOrEqual(1);
    expect(r.requests[0].url).toBe('srv19.regensburg.de/robots.txt');
  });

  test('robots.txt for another agent does not stop us; one for ours stops everything', async () => {
    const other = await run([], {}, 'User-agent: googlebot\nDisallow: /\n');
    expect(other.urls).toEqual(ALL);
    const ours = await run([], {}, 'User-agent: ratsradar\nDisallow: /\n');
    expect(ours.urls).toEqual([]);
    expect(ours.requests.map((q) => q.url)).toEqual(['srv19.regensburg.de/robots.txt']);
    expect(ours.report.status).toBe('failed');
  });

  test('the request rate stays within the limit: starts at least 1/rate apart', async () => {
    const starts: number[] = [];
    const r = await run([], { rate: 8, maxRequests: 6, observer: { fetchEvent: (e) => e.type === 'request' && starts.push(e.at) } });
    expect(r.report.status).toBe('stopped');
    expect(starts).toHaveLength(6);
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(125);
    expect(r.requests).toHaveLength(6);
  });

  test('every request identifies us and asks for German', async () => {
    const r = await run([]);
    expect(r.requests.length).toBeGreaterThan(10);
    for (const q of r.requests) expect([q.userAgent, q.acceptLanguage]).toEqual(['ratsradar-test/1 (+mailto:test@example.org)', 'de-DE,de;q=0.9']);
  });
});
