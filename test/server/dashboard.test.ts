/**
 * /dashboard and /dashboard.csv over the demo alone and over demo + corpus: every number the page shows
 * (read back from the CSV of each chart's table and from the HTML) equals a count made here in plain code
 * over the papers' rows; charts are accessible SVG; scraped text is escaped; bad parameters are refused.
 */
import request from 'supertest';
import { parse } from 'csv-parse/sync';
import { listPage } from '../../src/db/queries-lists';
import { FINAL_STATES, STATE_LABELS, type PaperState } from '../../src/domain/states';
import { loadTopics } from '../../src/server/topics-file';
import { topicListSpec } from '../../src/server/views/list-data';
import { loadOpenApiValidator } from '../helpers/openapi-validator';
import { buildFixtureApp, TODAY, type FixtureApp } from './fixture-app';

interface Row {
  id: number;
  source: string;
  state: PaperState | null;
  date: string | null;
  lastActivity: string | null;
  reference: string | null;
}

const DECISIONS: PaperState[] = ['decided', 'decided-amended', 'rejected', 'noted'];
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = (s.length - 1) / 2;
  return (s[Math.floor(mid)] + s[Math.ceil(mid)]) / 2;
};
const countBy = <T>(rows: T[], key: (r: T) => string) => rows.reduce((m, r) => m.set(key(r), (m.get(key(r)) ?? 0) + 1), new Map<string, number>());

async function csv(f: FixtureApp, query: string): Promise<string[][]> {
  const res = await request(f.app).get(`/dashboard.csv?${query}`).expect(200).expect('content-type', /text\/csv/);
  return parse(res.text.replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
}
const int = (text: string) => Number(text.replace(/\./g, ''));

describe.each([
  ['the demo', false],
  ['demo and corpus', true],
])('the dashboard over %s', (_name, corpus) => {
  let f: FixtureApp;
  beforeAll(() => {
    f = buildFixtureApp({ corpus });
  });
  afterAll(() => f.cleanup());

  /** the papers of a topic ("alle": every paper), as plain rows */
  function papers(topicId: string): Row[] {
    const rows = f.opened.sqlite.prepare(`SELECT p.id, s.name AS source, p.state, p.date, p.last_activity AS lastActivity, p.reference
      FROM papers p JOIN sources s ON s.id = p.source_id`).all() as Row[];
    if (topicId === 'alle') return rows;
    const topic = loadTopics().topics.find((t) => t.id === topicId)!;
    // the topic's members as its list has them (the counting below is this test's own)
    const ids = new Set(listPage(f.opened.sqlite, topicListSpec(topic, {}, 'activity'), 100_000, 0).rows.map((r) => r.id));
    return rows.filter((r) => ids.has(r.id));
  }

  test.each(['digitalisierung', 'alle'])('topic %s: motions by state per city equal the counts of the rows', async (topic) => {
    const rows = papers(topic).filter((r) => r.state);
    expect(rows.length).toBeGreaterThan(0);
    const table = await csv(f, `thema=${topic}&tabelle=staedte`);
    const [head, ...body] = table;
    expect(head[0]).toBe('Stadt');
    expect(head[head.length - 1]).toBe('Gesamt');
    const shown = new Map<string, number>();
    for (const line of body) {
      for (let i = 1; i < head.length - 1; i++) if (int(line[i]) > 0) shown.set(`${line[0]}|${head[i]}`, int(line[i]));
      expect(int(line[head.length - 1])).toBe(rows.filter((r) => r.source === line[0]).length);
    }
    expect(shown).toEqual(countBy(rows, (r) => `${r.source}|${STATE_LABELS[r.state!]}`));
  });

  test('time to decision: per city the count and median of days from the paper date to its last activity', async () => {
    const decided = papers('alle').filter((r) => r.state && DECISIONS.includes(r.state) && r.date && r.lastActivity && r.lastActivity >= r.date);
    const table = await csv(f, 'thema=alle&tabelle=dauer');
    expect(table[0]).toEqual(['Stadt', 'Vorlagen', 'Median', '1. Quartil', '3. Quartil', 'kürzeste', 'längste']);
    const bySource = new Map<string, number[]>();
    for (const r of decided) bySource.set(r.source, [...(bySource.get(r.source) ?? []), dayNumber(r.lastActivity!) - dayNumber(r.date!)]);
    expect(new Map(table.slice(1).map((l) => [l[0], [int(l[1]), int(l[2]), int(l[5]), int(l[6])]]))).toEqual(
      new Map([...bySource].map(([s, d]) => [s, [d.length, Math.round(median(d)), Math.min(...d), Math.max(...d)]])));
    expect(decided.length).toBeGreaterThan(0);
    const html = (await request(f.app).get('/dashboard?thema=alle').expect(200)).text;
    const undated = papers('alle').filter((r) => r.state && DECISIONS.includes(r.state)).length - decided.length;
    if (undated > 0) expect(html).toContain(`Nicht gezählt: ${undated} ${undated === 1 ? 'Vorlage' : 'Vorlagen'} ohne Datum`);
  });

  test('stalled: not ended, no activity for more than 90 days, oldest first; the total is stated', async () => {
    const stalled = papers('alle')
      .filter((r) => !(r.state && FINAL_STATES.includes(r.state)) && (r.lastActivity ?? r.date))
      .map((r) => ({ ...r, since: (r.lastActivity ?? r.date)! }))
      .filter((r) => dayNumber(TODAY) - dayNumber(r.since) > 90)
      .sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.id - b.id));
    expect(stalled.length).toBeGreaterThan(0);
    const table = await csv(f, 'thema=alle&tabelle=ruhend');
    expect(table.slice(1).map((l) => [l[0], int(l[5])])).toEqual(
      stalled.slice(0, 50).map((r) => [r.reference ?? 'ohne Nummer', dayNumber(TODAY) - dayNumber(r.since)]));
    // for machines: the day as YYYY-MM-DD, the days as a plain integer (the page shows "04.04.2014" and "4.630")
    expect(table.slice(1).map((l) => [l[4], l[5]])).toEqual(
      stalled.slice(0, 50).map((r) => [r.since, String(dayNumber(TODAY) - dayNumber(r.since))]));
    const html = (await request(f.app).get('/dashboard?thema=alle').expect(200)).text;
    expect(html).toContain(`die älteste zuerst: ${stalled.length}.`);
  });

  test('ended this year by result, and new motions per month over 24 months', async () => {
    const year = TODAY.slice(0, 4);
    const ended = papers('alle').filter((r) => r.state && FINAL_STATES.includes(r.state) && r.lastActivity?.startsWith(year));
    const results = await csv(f, 'thema=alle&tabelle=ergebnisse');
    expect(new Map(results.slice(1).map((l) => [l[0], int(l[1])]))).toEqual(countBy(ended, (r) => STATE_LABELS[r.state!]));
    const months = await csv(f, 'thema=alle&tabelle=monate');
    expect(months.slice(1)).toHaveLength(24);
    expect(months[24][0]).toBe('2026-11');
    const submitted = papers('alle').filter((r) => r.date && r.date >= '2024-12-01' && r.date <= TODAY);
    expect(months.slice(1).reduce((n, l) => n + int(l[1]), 0)).toBe(submitted.length);
    const deliberated = f.opened.sqlite.prepare(`SELECT COUNT(*) FROM consultation_meetings cm JOIN consultations c ON c.id = cm.consultation_id
      WHERE cm.date >= '2024-12-01' AND cm.date <= ?`).pluck().get(TODAY) as number;
    expect(months.slice(1).reduce((n, l) => n + int(l[2]), 0)).toBe(deliberated);
  });

  test('JSON: /dashboard.json (= ?format=json = Accept) holds every table with numbers as numbers, valid against /openapi.json; the same as the CSV', async () => {
    const v = await loadOpenApiValidator(f.app);
    const body = (await request(f.app).get('/dashboard.json?thema=alle').expect(200).expect('Content-Type', /application\/json/)).body;
    expect(v.check('/dashboard.json', 200, body)).toBe('');
    // supertest listens on a new port per request: links are compared without it
    const hostless = (x: unknown) => JSON.stringify(x).replace(/127\.0\.0\.1:\d+/g, 'HOST');
    expect(hostless((await request(f.app).get('/dashboard?thema=alle&format=json').expect(200)).body)).toBe(hostless(body));
    expect(hostless((await request(f.app).get('/dashboard?thema=alle').set('Accept', 'application/json').expect(200)).body)).toBe(hostless(body));
    expect(body.tables.map((t: { key: string }) => t.key)).toEqual(['staedte', 'dauer', 'ruhend', 'ergebnisse', 'monate']);
    for (const t of body.tables as { key: string; columns: string[]; rows: (string | number)[][] }[]) {
      const table = await csv(f, `thema=alle&tabelle=${t.key}`);
      expect(t.columns).toEqual(table[0]);
      expect(t.rows).toEqual(
        table.slice(1).map((l, i) => l.map((c, j) => (typeof t.rows[i][j] === 'number' ? int(c) : c))));
    }
    const bad = await request(f.app).get('/dashboard.json?thema=gibtsnicht').expect(404);
    expect(bad.body).toEqual({ error: 'Dieses Thema gibt es nicht.', status: 404 });
  });

  test('the page: five charts, each an SVG image with title and description, and its table', async () => {
    const html = (await request(f.app).get('/dashboard').expect(200)).text;
    expect(html).toContain('<h1>Dashboard: Digitalisierung &amp; Digitaltag');
    const svgs = [...html.matchAll(/<svg class="chart" id="([a-z-]+)"[^>]* role="img" aria-labelledby="\1-t \1-d"[^>]*><title id="\1-t">[^<]+<\/title><desc id="\1-d">[^<]+<\/desc>/g)].map((m) => m[1]);
    expect(svgs.length).toBeGreaterThanOrEqual(3);
    expect(html.match(/<section class="chart-block"/g)).toHaveLength(5);
    expect(html.match(/<table>/g)).toHaveLength(5);
    expect(html).not.toMatch(/<script/i);
  });
});

describe('the dashboard refuses bad input and escapes scraped text', () => {
  let f: FixtureApp;
  beforeAll(() => {
    f = buildFixtureApp({
      corpus: false,
      extra: (o) => o.sqlite.prepare("UPDATE papers SET reference = '<svg onload=alert(1)>&' WHERE reference = 'DS/2024/0611'").run(),
    });
  });
  afterAll(() => f.cleanup());

  test('a reference with markup is text in the chart, its table and the CSV', async () => {
    const html = (await request(f.app).get('/dashboard').expect(200)).text;
    expect(html).not.toContain('<svg onload');
    expect(html).toContain('&lt;svg onload&#x3D;alert(1)&gt;&amp;</a>');
    expect(html).toContain('&lt;svg onload=alert(1)&gt;&amp; · Musterstadt (Demo)');
    const table = await csv(f, 'tabelle=ruhend');
    expect(table.map((l) => l[0])).toContain('<svg onload=alert(1)>&');
  });

  test.each([
    ['/dashboard?thema=gibtsnicht', 404, 'Dieses Thema gibt es nicht.'],
    ['/dashboard?stadt=atlantis', 404, 'Diese Stadt gibt es hier nicht.'],
    ['/dashboard?thema=a&thema=b', 400, 'mehrfach oder falsch'],
    ['/dashboard.csv?tabelle=alles', 400, 'Unbekannte Tabelle'],
  ])('%s → %i', async (url, status, message) => {
    const res = await request(f.app).get(url).expect(status);
    expect(res.text).toContain(message);
  });

  test('?stadt= narrows every chart to that city', async () => {
    const table = await csv(f, 'thema=alle&stadt=demo-musterstadt&tabelle=staedte');
    expect(table.slice(1).map((l) => l[0])).toEqual(['Musterstadt (Demo)']);
    const html = (await request(f.app).get('/dashboard?thema=alle&stadt=demo-musterstadt').expect(200)).text;
    expect(html).toContain('<option value="demo-musterstadt" selected>Musterstadt (Demo)</option>');
  });
});
