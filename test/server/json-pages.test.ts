/**
 * The JSON of the lists, the search, every meeting, every committee and every
 * motion of the demo data and the imported corpus, each validated against the OpenAPI 3.1 document the
 * app publishes (/openapi.json, Ajv 2020-12 with formats); the pages walked by their `links.next`; and
 * the CSV and the JSON of the same list (same filters) hold the same motions, in the same order.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { PAPER_STATES } from '../../src/domain/states';
import { buildFixtureApp, type FixtureApp } from './fixture-app';
import { jsonClient, loadOpenApiValidator, type OpenApiValidator } from '../helpers/openapi-validator';

// biome-ignore lint/suspicious/noExplicitAny: the tests walk arbitrary JSON answers
type Json = Record<string, any>;

describe('JSON of the lists and pages, validated against /openapi.json (demo and corpus)', () => {
  let f: FixtureApp;
  let v: OpenApiValidator;
  const all = <T>(sql: string, ...params: unknown[]) => f.opened.sqlite.prepare(sql).all(...params) as T[];
  const { get, local, getJson } = jsonClient(() => f.app, () => v);

  /** Every page of a paged list from `url` on, by links.next: the items in order (each page validated). */
  async function walk(url: string, docPath: string): Promise<Json[]> {
    const items: Json[] = [];
    let next: string | null = url;
    let pages = 0;
    let total = -1;
    while (next) {
      const body = await getJson(next, docPath);
      pages += 1;
      expect(body.pagination.page).toBe(pages);
      total = body.pagination.total;
      items.push(...body.items);
      next = body.links.next ? local(body.links.next) : null;
      if (next) expect(body.items).toHaveLength(body.pagination.pageSize);
    }
    expect(items).toHaveLength(total);
    return items;
  }

  /** The paper (or meeting) ids of a CSV download, in its order (its "Link" column links each row). */
  async function csvIds(url: string, kind: 'papers' | 'meetings' = 'papers'): Promise<number[]> {
    const res = await get(url).expect(200).expect('Content-Type', /text\/csv/);
    const rows = parseCsv(res.text, { bom: true, delimiter: ';' }) as string[][];
    const link = rows[0].indexOf('Link');
    expect(link).toBeGreaterThanOrEqual(0);
    return rows.slice(1).map((r) => Number(new RegExp(`/${kind}/(\\d+)$`).exec(r[link])![1]));
  }

  beforeAll(async () => {
    f = buildFixtureApp();
    v = await loadOpenApiValidator(f.app);
  });
  afterAll(() => f.cleanup());

  test('the OpenAPI document is 3.1 and names a schema for every JSON answer', () => {
    expect(v.doc.openapi).toBe('3.1.0');
    expect(Object.keys(v.doc.components.schemas)).toEqual(expect.arrayContaining([
      'MotionSummary', 'Derived', 'PaperListPage', 'SearchPage', 'Paper', 'Meeting', 'Organization', 'Queue', 'QueueItem', 'MeetingListPage', 'Health', 'Error',
    ]));
    expect(Object.keys(v.doc.paths)).toEqual(expect.arrayContaining([
      '/vorlagen.json', '/', '/suche.json', '/suche', '/papers/{id}.json', '/meetings/{id}.json', '/organizations/{id}.json', '/organizations/{id}/meetings.json',
      '/gremien/{source}/{name}', '/health',
    ]));
    // every answer the document names compiles (Ajv strict mode: every $ref resolves, no unknown keyword) and refuses an empty object
    for (const [path, item] of Object.entries(v.doc.paths)) {
      for (const status of Object.keys(item.get?.responses ?? {})) {
        if (path !== '/openapi.json') expect([path, status, v.check(path, Number(status), {})]).not.toEqual([path, status, '']);
      }
    }
    // a wrong body fails: the schemas are closed and typed
    expect(v.check('/meetings/{id}.json', 200, { type: 'Meeting' })).not.toBe('');
    expect(v.check('/vorlagen.json', 404, { error: 'x', status: 404, extra: 1 })).toMatch(/additional properties/);
  });

  test('every motion (187) is on the pages of /vorlagen.json?thema=alle, with the state and next step stored for today and its explanation, as in the CSV', async () => {
    const items = await walk('/vorlagen.json?thema=alle', '/vorlagen.json');
    const stored = new Map(all<{ id: number; state: string; next: string | null; nextDate: string | null }>(
      'SELECT id, state, next_organization AS next, next_date AS nextDate FROM papers').map((r) => [r.id, r]));
    expect(items).toHaveLength(stored.size);
    expect(stored.size).toBe(187);
    for (const it of items) {
      const row = stored.get(it.id)!;
      expect([it.id, it.state, it.next?.organization ?? null, it.next?.date ?? null]).toEqual([it.id, row.state, row.next, row.nextDate]);
      expect(PAPER_STATES).toContain(it.state);
      expect(it.explanation.length).toBeGreaterThan(10);
      expect(local(it.links.self)).toBe(`/papers/${it.id}.json`);
    }
    expect(items.map((i) => i.id)).toEqual(await csvIds('/vorlagen.csv?thema=alle'));
  });

  test.each([
    ['the default topic', ''],
    ['the demo city by reference', 'thema=alle&stadt=demo-musterstadt&sort=reference'],
    ['a corpus city, decided, by date', 'thema=alle&stadt=hamburg-nord&state=decided&sort=date'],
    ['a committee of the corpus, next date first', 'thema=alle&gremium=Hauptausschuss&sort=next'],
  ])('%s: the JSON pages and the CSV hold the same motions in the same order; /?format=json and Accept give the same JSON', async (_label, qs) => {
    const items = await walk(`/vorlagen.json${qs ? `?${qs}` : ''}`, '/vorlagen.json');
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((i) => i.id)).toEqual(await csvIds(`/vorlagen.csv${qs ? `?${qs}` : ''}`));
    const first = await getJson(`/vorlagen.json${qs ? `?${qs}` : ''}`, '/vorlagen.json');
    expect(await getJson(`/?${qs}${qs ? '&' : ''}format=json`, '/')).toEqual(first);
    const negotiated = await get(`/${qs ? `?${qs}` : ''}`).set('Accept', 'application/json').expect(200).expect('Content-Type', /json/);
    expect(negotiated.body).toEqual(first);
  });

  test('search: every page of /suche.json?q=antrag is valid and holds the CSV’s matches; an exact reference comes first', async () => {
    const items = await walk('/suche.json?q=antrag', '/suche.json');
    expect(items.length).toBeGreaterThan(25);
    expect(items.map((i) => i.id)).toEqual(await csvIds('/suche.csv?q=antrag'));
    const filtered = await walk('/suche.json?q=antrag&stadt=hamburg-nord&sort=reference', '/suche.json');
    expect(filtered.map((i) => i.id)).toEqual(await csvIds('/suche.csv?q=antrag&stadt=hamburg-nord&sort=reference'));
    expect(filtered.every((i) => i.source.key === 'hamburg-nord')).toBe(true);
    const exact = await getJson('/suche.json?q=DS%2F2026%2F0301', '/suche.json');
    expect(exact.items[0].reference).toBe('DS/2026/0301');
    expect(await getJson('/suche?q=antrag&format=json', '/suche')).toEqual(await getJson('/suche.json?q=antrag', '/suche.json'));
  });

  test('every meeting’s JSON is valid: its agenda as stored, each motion on it with the state stored for today', async () => {
    const meetings = all<{ id: number; items: number }>('SELECT m.id, (SELECT COUNT(*) FROM agenda_items a WHERE a.meeting_id = m.id) AS items FROM meetings m');
    expect(meetings.length).toBe(117);
    const states = new Map(all<{ id: number; state: string }>('SELECT id, state FROM papers').map((r) => [r.id, r.state]));
    let withPapers = 0;
    for (const m of meetings) {
      const body = await getJson(`/meetings/${m.id}.json`, '/meetings/{id}.json');
      expect([m.id, body.agendaItem.length]).toEqual([m.id, m.items]);
      for (const item of body.agendaItem.filter((i: Json) => i.paper)) {
        withPapers += 1;
        expect([item.paper.id, item.paper.state]).toEqual([item.paper.id, states.get(item.paper.id)]);
      }
    }
    expect(withPapers).toBeGreaterThanOrEqual(27);
  });

  test('every committee’s JSON is valid: its queue holds motions whose next step is the committee (or that have a deadline for it)', async () => {
    const orgs = all<{ id: number; name: string }>('SELECT id, name FROM organizations WHERE name IS NOT NULL');
    expect(orgs.length).toBeGreaterThanOrEqual(10);
    let queued = 0;
    for (const o of orgs) {
      const body = await getJson(`/organizations/${o.id}.json`, '/organizations/{id}.json');
      expect([o.id, body.name]).toEqual([o.id, o.name]);
      for (const q of body.queue?.items ?? []) {
        queued += 1;
        expect(q.next?.organization === o.name || q.deadline !== null).toBe(true);
      }
    }
    expect(queued).toBeGreaterThan(0);
    // a committee's meetings (the data of its feed and calendar): the same as its meetings.csv
    let meetings = 0;
    for (const o of orgs) {
      const items = await walk(`/organizations/${o.id}/meetings.json`, '/organizations/{id}/meetings.json');
      expect(items.map((m) => m.id)).toEqual(await csvIds(`/organizations/${o.id}/meetings.csv`, 'meetings'));
      meetings += items.length;
    }
    expect(meetings).toBeGreaterThan(20);
    const byName = all<{ key: string; organization: string }>(`SELECT DISTINCT s.key, c.organization FROM consultations c JOIN papers p ON p.id = c.paper_id
      JOIN sources s ON s.id = p.source_id WHERE c.organization IS NOT NULL AND NOT EXISTS (SELECT 1 FROM organizations o WHERE o.source_id = s.id AND o.name = c.organization) LIMIT 5`);
    expect(byName.length).toBeGreaterThan(0);
    for (const c of byName) {
      const body = await getJson(`/gremien/${encodeURIComponent(c.key)}/${encodeURIComponent(c.organization)}?format=json`, '/gremien/{source}/{name}');
      expect([body.id, body.name, local(body.links.self)]).toEqual([null, c.organization, `/gremien/${encodeURIComponent(c.key)}/${encodeURIComponent(c.organization)}?format=json`]);
    }
  });

  test('/health answers as the document says', async () => {
    const body = await getJson('/health', '/health');
    expect(body.database).toEqual({ ok: true, papers: 187, meetings: 117 });
  });

  test('every motion’s JSON is valid, with its derived state at the top as in its progress', async () => {
    const ids = all<{ id: number }>('SELECT id FROM papers').map((r) => r.id);
    expect(ids.length).toBeGreaterThan(50);
    for (const id of ids) {
      const body = await getJson(`/papers/${id}.json`, '/papers/{id}.json');
      expect([id, body.state, body.explanation, body.next?.organization ?? null]).toEqual([id, body.progress.state, body.progress.explanation, body.progress.next?.organization ?? null]);
    }
  });
});
