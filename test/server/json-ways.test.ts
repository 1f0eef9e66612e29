/**
 * The JSON of the ways in — /staedte, /staedte/:key, /gremien, /sitzungen — for the demo data and the
 * imported corpus: each validated against /openapi.json, reached the three ways (the .json address,
 * ?format=json, Accept: application/json) with the same answer, holding what the HTML page shows, and
 * errors as JSON.
 */
import * as cheerio from 'cheerio';
import { buildFixtureApp, TODAY, type FixtureApp } from './fixture-app';
import { jsonClient, loadOpenApiValidator, type OpenApiValidator } from '../helpers/openapi-validator';

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are read field by field
type Json = Record<string, any>;

describe('JSON of /staedte, /staedte/:key, /gremien and /sitzungen', () => {
  let f: FixtureApp;
  let v: OpenApiValidator;
  const { get, local, getJson } = jsonClient(() => f.app, () => v);

  /** The answer of `json` (a .json address) equals that of the page address with ?format=json and with Accept. */
  async function sameThreeWays(json: string, page: string): Promise<void> {
    const body = (await get(json).expect(200)).body;
    const withFormat = (await get(`${page}${page.includes('?') ? '&' : '?'}format=json`).expect(200)).body;
    const withAccept = await get(page).set('Accept', 'application/json').expect(200).expect('Content-Type', /application\/json/);
    expect(withFormat).toEqual(body);
    expect(withAccept.body).toEqual(body);
  }

  const html = async (url: string) => cheerio.load((await get(url).expect(200).expect('Content-Type', /text\/html/)).text);

  beforeAll(async () => {
    f = buildFixtureApp();
    v = await loadOpenApiValidator(f.app);
  });
  afterAll(() => f.cleanup());

  test('the OpenAPI document names the four pages and their schemas', () => {
    expect(Object.keys(v.doc.paths)).toEqual(expect.arrayContaining(['/staedte.json', '/staedte/{key}.json', '/gremien.json', '/sitzungen.json']));
    expect(Object.keys(v.doc.components.schemas)).toEqual(expect.arrayContaining(['CityList', 'City', 'CommitteeList', 'MeetingCalendar', 'CalendarMeeting', 'CommitteeSummary']));
  });

  test('/staedte.json: every city of the page with its numbers; each city\'s JSON as its page shows it', async () => {
    const list = await getJson('/staedte.json', '/staedte.json');
    await sameThreeWays('/staedte.json', '/staedte');
    const $ = await html('/staedte');
    const cards = $('.city-card').toArray().map((c) => ({ name: $(c).find('h2 a').text().trim(), papers: Number(/^(\d+)/.exec($(c).find('.facts span').first().text())![1]) }));
    expect(list.items.map((c: Json) => ({ name: c.name, papers: c.numbers.papers }))).toEqual(cards);
    expect(list.items.length).toBeGreaterThan(3);
    expect(list.items.find((c: Json) => c.key === 'demo-musterstadt')).toMatchObject({ demo: true, numbers: { lastSync: null } });
    for (const c of list.items as Json[]) {
      expect(c.numbers.states.reduce((n: number, s: Json) => n + s.count, 0)).toBe(c.numbers.papers);
      const city = await getJson(local(c.links.self), '/staedte/{key}.json');
      expect(city).toMatchObject({ type: 'City', key: c.key, name: c.name, numbers: c.numbers, today: TODAY });
      const page = await html(local(c.links.html));
      expect(city.committees.map((x: Json) => x.name)).toEqual(page('table.committees td[data-label="Gremium"] > a').toArray().map((a) => page(a).text()));
      expect(city.comingMeetings.every((m: Json) => m.date >= TODAY)).toBe(true);
      expect(city.pastMeetings.every((m: Json) => m.date < TODAY)).toBe(true);
      expect(city.topic.items.length).toBe(Math.min(city.topic.total, 10));
    }
  });

  test('a city\'s JSON the three ways; its links lead to its committees, calendar and motions as JSON', async () => {
    await sameThreeWays('/staedte/demo-musterstadt.json', '/staedte/demo-musterstadt');
    const city = await getJson('/staedte/demo-musterstadt.json', '/staedte/{key}.json');
    expect(city.comingMeetings.length).toBeGreaterThan(0);
    expect(city.committees.length).toBeGreaterThan(0);
    const committees = await getJson(local(city.links.committees), '/gremien.json');
    expect(committees.groups.map((g: Json) => g.city.key)).toEqual(['demo-musterstadt']);
    expect(committees.groups[0].committees).toEqual(city.committees);
    const calendar = await getJson(local(city.links.calendar), '/sitzungen.json');
    expect(calendar.filters).toEqual({ stadt: 'demo-musterstadt', gremium: null, monat: TODAY.slice(0, 7) });
    const motions = (await get(local(city.links.motions)).expect(200)).body;
    expect(motions.pagination.total).toBe(city.topic.total);
    expect(city.topic.items.map((m: Json) => m.id)).toEqual(motions.items.slice(0, city.topic.items.length).map((m: Json) => m.id));
  });

  test('/gremien.json: every city\'s committees, as the page lists them', async () => {
    const all = await getJson('/gremien.json', '/gremien.json');
    await sameThreeWays('/gremien.json', '/gremien');
    await sameThreeWays('/gremien.json?stadt=demo-musterstadt', '/gremien?stadt=demo-musterstadt');
    const $ = await html('/gremien');
    expect(all.groups.flatMap((g: Json) => g.committees.map((c: Json) => c.name))).toEqual($('table.committees td[data-label="Gremium"] > a').toArray().map((a) => $(a).text()));
    const withId = all.groups.flatMap((g: Json) => g.committees).find((c: Json) => c.id != null);
    expect(local(withId.links.self)).toBe(`/organizations/${withId.id}.json`);
    await getJson(local(withId.links.self), '/organizations/{id}.json');
  });

  test('/sitzungen.json: the month\'s meetings of the page, this week and next, the month links', async () => {
    const cal = await getJson('/sitzungen.json?monat=2026-11', '/sitzungen.json');
    await sameThreeWays('/sitzungen.json?monat=2026-11', '/sitzungen?monat=2026-11');
    expect(cal.month).toMatchObject({ month: '2026-11', label: 'November 2026', from: '2026-11-01', to: '2026-11-30' });
    expect(cal.month.items.length).toBe(cal.month.count);
    expect(cal.month.count).toBeGreaterThan(0);
    expect(cal.month.items.every((m: Json) => m.date >= '2026-11-01' && m.date <= '2026-11-30')).toBe(true);
    const $ = await html('/sitzungen?monat=2026-11');
    const inGrid = new Set($('table.month-grid a[href^="/meetings/"]').toArray().map((a) => Number($(a).attr('href')!.split('/')[2])));
    expect(cal.month.items.every((m: Json) => inGrid.has(m.id))).toBe(true);
    expect(cal.thisWeek).toMatchObject({ from: '2026-11-23', to: '2026-11-29' });
    expect(cal.nextWeek).toMatchObject({ from: '2026-11-30', to: '2026-12-06' });
    const week = $('a[href^="/meetings/"]').toArray().map((a) => $(a).attr('href'));
    for (const m of [...cal.thisWeek.items, ...cal.nextWeek.items]) expect(week).toContain(`/meetings/${m.id}`);
    expect(local(cal.links.next)).toBe('/sitzungen.json?monat=2026-12');
    const next = await getJson(local(cal.links.next), '/sitzungen.json');
    expect(next.month.month).toBe('2026-12');
    const one = await getJson('/sitzungen.json?stadt=demo-musterstadt&monat=2026-11', '/sitzungen.json');
    expect(one.month.items.every((m: Json) => m.source.key === 'demo-musterstadt')).toBe(true);
  });

  test('errors are JSON: an unknown city, a bad month, an unknown format', async () => {
    expect(await getJson('/staedte/gibtsnicht.json', '/staedte/{key}.json', 404)).toEqual({ error: 'Diese Stadt gibt es nicht.', status: 404 });
    const bad = await getJson('/sitzungen.json?monat=2026-13', '/sitzungen.json', 400);
    expect(bad.error).toMatch(/Monat/);
    expect((await getJson('/gremien.json?stadt=gibtsnicht', '/gremien.json', 404)).status).toBe(404);
    expect((await get('/staedte?format=pdf').expect(400)).text).toMatch(/Unbekanntes Format/);
  });
});
