/**
 * Scraped text is escaped for every output context. Records whose every text field carries payloads
 * (test/fixtures/security/hostile-records.ts) are imported, and every GET route of the app (read from
 * its router, so formats added later are covered) is fetched for the hostile paper, meeting and
 * committee, with and without hostile query parameters. Each answer is checked for its format:
 * HTML, JSON, Atom, iCalendar, CSV (output-checks.ts). The formats seen are printed.
 */
import path from 'node:path';
import request from 'supertest';
import type express from 'express';
import { openDb, type OpenedDb } from '../../src/db/connection';
import { refreshDerived } from '../../src/db/derive';
import { importRecords } from '../../src/db/import';
import { loadDemo } from '../../src/ingest/demo';
import { createApp } from '../../src/server/app';
import { HOSTILE_SOURCE, hostileRecords } from '../fixtures/security/hostile-records';
import { paramsFor, type RouteEntities } from '../helpers/page-urls';
import { concreteUrl, listRoutes } from '../helpers/routes';
import { makeTmpDir } from '../helpers/tmp';
import { CHECKS, checkAtom, checkCsv, checkHtml, checkIcal, formatOf, type Format } from './output-checks';

const TODAY = '2026-11-24';
const NOW = '2026-11-24T09:00:00Z';
const QUERY_PAYLOAD = '"><script>alert(9)</script><img src=x onerror=alert(9)>=cmd|';
const QUERY_NAMES = ['q', 'thema', 'stadt', 'status', 'gremium', 'art', 'jahr', 'sort', 'seite'];

describe('hostile text in every output format', () => {
  const tmp = makeTmpDir();
  let opened: OpenedDb;
  let app: express.Express;
  const records = hostileRecords(TODAY);
  const ids = { paper: 0, meeting: 0, pastMeeting: 0, organization: 0 };

  beforeAll(() => {
    opened = openDb(path.join(tmp.dir, 'hostile.sqlite'));
    loadDemo(opened.sqlite, NOW, TODAY);
    const { paper, meeting, pastMeeting, organization, agendaItem } = records;
    importRecords(opened.sqlite, HOSTILE_SOURCE, [paper, meeting, pastMeeting, organization, agendaItem], NOW);
    refreshDerived(opened.sqlite, TODAY);
    const one = (sql: string, ...args: unknown[]) => opened.sqlite.prepare(sql).pluck().get(...args) as number;
    ids.paper = one("SELECT p.id FROM papers p JOIN sources s ON s.id = p.source_id WHERE s.key = 'evil' AND p.external_id = '6660'");
    ids.meeting = one("SELECT m.id FROM meetings m JOIN sources s ON s.id = m.source_id WHERE s.key = 'evil' AND m.date = ?", meeting.date);
    ids.pastMeeting = one("SELECT m.id FROM meetings m JOIN sources s ON s.id = m.source_id WHERE s.key = 'evil' AND m.date = ?", pastMeeting.date);
    ids.organization = one("SELECT o.id FROM organizations o JOIN sources s ON s.id = o.source_id WHERE s.key = 'evil' AND o.name = ?", organization.name);
    const saved = process.env.RATSRADAR_RATE_LIMIT;
    process.env.RATSRADAR_RATE_LIMIT = '0';
    app = createApp(opened.sqlite, { today: () => TODAY });
    if (saved === undefined) delete process.env.RATSRADAR_RATE_LIMIT;
    else process.env.RATSRADAR_RATE_LIMIT = saved;
  });
  afterAll(() => {
    opened.close();
    tmp.cleanup();
  });

  /** The URLs to fetch for one route pattern: the hostile entities in its parameters, plus hostile query parameters. */
  function urlsFor(pattern: string): string[] {
    const segment = pattern.split('/')[1];
    const hostile: RouteEntities = { paper: ids.paper, meeting: ids.meeting, organization: ids.organization, source: HOSTILE_SOURCE.key, committee: records.organization.name! };
    // the meeting routes once for the coming and once for the past hostile meeting
    const entities = segment === 'meetings' ? [hostile, { ...hostile, meeting: ids.pastMeeting }] : [hostile];
    const sets = entities.map((e) => paramsFor(pattern, e));
    const hostileQuery = QUERY_NAMES.map((n) => `${n}=${encodeURIComponent(QUERY_PAYLOAD)}`).join('&');
    return sets.flatMap((params) => {
      const url = concreteUrl(pattern, params);
      const extra = segment.startsWith('suche') || pattern === '/' ? [`${url}?q=PL`, `${url}?thema=alle&q=PL`] : [];
      // the calendar and the committee list of the hostile city and committee, in the months of its meetings
      if (pattern === '/sitzungen' || pattern === '/sitzungen.ics' || pattern === '/gremien') {
        const gremium = encodeURIComponent(`${HOSTILE_SOURCE.key}:${records.organization.name!}`);
        for (const d of [records.meeting.date, records.pastMeeting.date]) extra.push(`${url}?stadt=${HOSTILE_SOURCE.key}&monat=${d!.slice(0, 7)}`, `${url}?gremium=${gremium}&monat=${d!.slice(0, 7)}`);
      }
      return [url, `${url}?${hostileQuery}`, ...extra];
    });
  }

  test('every GET route answers safely for its format, and each format carries the payload markers', async () => {
    const routes = listRoutes(app).filter((r) => r.methods.includes('GET') && !r.path.startsWith('/admin'));
    const urls = [...new Set([...routes.flatMap((r) => urlsFor(r.path)), `/papers/${ids.paper}.json`, '/?thema=alle', '/feed.atom?thema=alle', '/vorlagen.csv?thema=alle'])];
    const coverage: Record<Format, { answers: number; markers: number; urls: Set<string> }> = {
      html: { answers: 0, markers: 0, urls: new Set() }, json: { answers: 0, markers: 0, urls: new Set() },
      atom: { answers: 0, markers: 0, urls: new Set() }, ical: { answers: 0, markers: 0, urls: new Set() }, csv: { answers: 0, markers: 0, urls: new Set() },
    };
    const problems: string[] = [];
    const errors: string[] = [];
    for (const url of urls) {
      const res = await request(app).get(url).buffer(true).parse((r, cb) => {
        let data = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (data += c));
        r.on('end', () => cb(null, data));
      });
      if (res.status >= 500) errors.push(`${url}: ${res.status}`);
      if (res.status !== 200) continue;
      const format = formatOf(res.headers['content-type']);
      if (!format) continue;
      const out = CHECKS[format](res.body as string);
      problems.push(...out.problems.map((p) => `${url.split('?')[0]}${url.includes('?') ? '?…' : ''} (${format}): ${p}`));
      coverage[format].answers++;
      coverage[format].markers += out.markers;
      if (out.markers) coverage[format].urls.add(url.split('?')[0]);
    }
    process.stdout.write(
      `escaping: ${urls.length} URLs; formats covered: ${Object.entries(coverage)
        .map(([f, c]) => `${f} (${c.answers} answers, payloads in ${[...c.urls].join(' ')})`)
        .join('; ')}\n`,
    );
    expect(errors).toEqual([]);
    expect([...new Set(problems)].slice(0, 40)).toEqual([]);
    // the payloads reached every format that exists today (a format that vanished or stopped showing them fails here)
    for (const f of ['html', 'json', 'atom', 'ical', 'csv'] as Format[]) expect({ f, sawPayloads: coverage[f].markers > 0 }).toEqual({ f, sawPayloads: true });
  }, 60000);

  test('the hostile paper page shows the payloads as text, escaped', async () => {
    const res = await request(app).get(`/papers/${ids.paper}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('&lt;script&gt;alert(');
    expect(res.text).toMatch(/&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert\(\d+\)&gt;/);
    for (const f of records.paper.files) expect(res.text).not.toContain(`href="${f.url}`);
  });
});

describe('the checks catch what they look for', () => {
  test.each([
    ['a script tag', '<p><script>alert(1)</script></p>'],
    ['an event handler', '<p title="x"><img src=x onerror=alert(1)></p>'],
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>'],
    ['an entity-encoded javascript: link', '<a href="&#106;avascript&colon;alert(1)">x</a>'],
    ['a data: link with white space', '<a href=" data:text/html,x">x</a>'],
    ['an inline style', '<p style="x">x</p>'],
  ])('HTML: %s', (_name, html) => {
    expect(checkHtml(html).problems.length).toBeGreaterThan(0);
  });

  test('HTML: escaped payloads are fine', () => {
    expect(checkHtml('<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&lt;script&gt;alert(1)&lt;/script&gt; PL1</p>')).toEqual({ problems: [], markers: 1 });
  });

  test('Atom: unescaped HTML in a type="html" title, a javascript: link, and broken XML are caught; plain text titles are not', () => {
    const atom = (title: string, link = 'https://x.example/') => `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>PL1 &lt;b&gt;</title><entry>${title}<link href="${link}"/></entry></feed>`;
    expect(checkAtom(atom('<title type="html"><![CDATA[<script>x</script>]]></title>')).problems).toEqual(['title (type=html): a <script> element']);
    expect(checkAtom(atom('<title type="html"><![CDATA[&lt;script&gt;]]></title>')).problems).toEqual([]);
    expect(checkAtom(atom('<title>t</title>', 'javascript:alert(1)')).problems).toEqual(['link href="javascript:alert(1)"']);
    expect(checkAtom(atom('<title>a \u0007</title>')).problems).toEqual(['a character XML 1.0 forbids: U+0007']);
    expect(checkAtom(atom('<title>a</title></entry>')).problems[0]).toMatch(/^not well-formed XML/);
  });

  test('iCal: an injected event line is caught', () => {
    const ics = (summary: string) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:x', 'BEGIN:VEVENT', 'UID:1', 'DTSTAMP:20260101T000000Z', 'DTSTART:20260101T100000Z', `SUMMARY:${summary}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    expect(checkIcal(ics('harmless PL1')).problems).toEqual([]);
    expect(checkIcal(ics('x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:2\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260101T100000Z\r\nSUMMARY:INJECTED1')).problems.length).toBeGreaterThan(0);
  });

  test('CSV: formula cells and ragged rows are caught', () => {
    expect(checkCsv('\uFEFFa;b\r\n1;2\r\n')).toEqual({ problems: [], markers: 0 });
    expect(checkCsv('a;b\r\n=HYPERLINK(1);2\r\n').problems).toEqual(['row 1: a formula cell "=HYPERLINK(1)"']);
    expect(checkCsv('a;b\r\n1\r\n').problems).toEqual(['row 1 has 1 cells, the header 2']);
    expect(checkCsv("a;b\r\n'=HYPERLINK(1);-\r\n").problems).toEqual(['row 1: a formula cell "-"']);
  });
});
