/**
 * The list facets: the committee facet per city ("Hauptausschuss (Hamburg-Nord)": the four Hamburg
 * districts' Hauptausschuss are four committees), the year facet by the motion's date or, without one, its
 * first meeting; every count equals what the database holds, counted here in plain code from its rows, and
 * equals the number of motions the filter then lists — over the corpus + the demo data.
 */
import * as cheerio from 'cheerio';
import request from 'supertest';
import { buildFixtureApp, type FixtureApp } from './fixture-app';

interface Option { value: string; label: string; count: number | null; selected: boolean }

const options = (html: string, id: string): Option[] => {
  const $ = cheerio.load(html);
  return $(`select#${id} option`).toArray().filter((o) => $(o).attr('value')).map((o) => {
    const m = /^(.*?)(?: \((\d+)\))?$/.exec($(o).text())!;
    return { value: $(o).attr('value')!, label: m[1], count: m[2] === undefined ? null : Number(m[2]), selected: $(o).attr('selected') !== undefined };
  });
};
const total = (html: string) => Number(/<p class="count">(\d+) Vorlagen?\b/.exec(html)![1]);

describe('list facets: committees per city, years by date or first meeting', () => {
  let f: FixtureApp;
  /** per paper: source key and name, own date, committees, dates of its meeting rows and agenda items */
  let papers: { id: number; source: string; sourceName: string; date: string | null; committees: Set<string>; meetingDates: string[] }[];

  beforeAll(() => {
    f = buildFixtureApp();
    const db = f.opened.sqlite;
    const rows = db.prepare('SELECT p.id, s.key AS source, s.name AS sourceName, p.date FROM papers p JOIN sources s ON s.id = p.source_id').all() as { id: number; source: string; sourceName: string; date: string | null }[];
    const byId = new Map(rows.map((r) => [r.id, { ...r, committees: new Set<string>(), meetingDates: [] as string[] }]));
    for (const c of db.prepare('SELECT paper_id, organization FROM consultations WHERE organization IS NOT NULL').all() as { paper_id: number; organization: string }[]) byId.get(c.paper_id)!.committees.add(c.organization);
    for (const m of db.prepare('SELECT c.paper_id, cm.date FROM consultation_meetings cm JOIN consultations c ON c.id = cm.consultation_id WHERE cm.date IS NOT NULL').all() as { paper_id: number; date: string }[]) byId.get(m.paper_id)!.meetingDates.push(m.date);
    for (const a of db.prepare('SELECT a.paper_id, COALESCE(m.date, a.date) AS date FROM agenda_items a LEFT JOIN meetings m ON m.id = a.meeting_id WHERE a.paper_id IS NOT NULL').all() as { paper_id: number; date: string | null }[]) {
      if (a.date) byId.get(a.paper_id)!.meetingDates.push(a.date);
    }
    papers = [...byId.values()];
  });
  afterAll(() => f.cleanup());

  const yearOf = (p: (typeof papers)[number]) => (p.date ?? [...p.meetingDates].sort()[0] ?? null)?.slice(0, 4) ?? null;

  test('committee facet: one value per city and committee, labelled with the city, counts as in the database', async () => {
    const html = (await request(f.app).get('/?thema=alle').expect(200)).text;
    const got = options(html, 'f-gremium');
    const expected = new Map<string, number>();
    for (const p of papers) for (const c of p.committees) expected.set(`${p.source}:${c}`, (expected.get(`${p.source}:${c}`) ?? 0) + 1);
    expect(got.length).toBe(Math.min(expected.size, 60));
    for (const o of got) expect([o.value, o.count]).toEqual([o.value, expected.get(o.value)]);
    const hauptausschuss = got.filter((o) => o.label.startsWith('Hauptausschuss (Hamburg'));
    expect(hauptausschuss.map((o) => [o.value, o.label, o.count])).toEqual([
      ['hamburg-altona:Hauptausschuss', 'Hauptausschuss (Hamburg-Altona)', 1],
      ['hamburg-eimsbuettel:Hauptausschuss', 'Hauptausschuss (Hamburg-Eimsbüttel)', 1],
      ['hamburg-mitte:Hauptausschuss', 'Hauptausschuss (Hamburg-Mitte)', 1],
      ['hamburg-nord:Hauptausschuss', 'Hauptausschuss (Hamburg-Nord)', 1],
    ]);
    expect(got.find((o) => o.value === 'demo-musterstadt:Finanzausschuss')).toMatchObject({ label: 'Finanzausschuss (Musterstadt)', count: 2 });
    // the filter lists as many motions as the facet counted, all of that city; the bare name still filters across cities
    for (const o of hauptausschuss) {
      const page = (await request(f.app).get(`/?thema=alle&gremium=${encodeURIComponent(o.value)}`).expect(200)).text;
      expect(total(page)).toBe(o.count);
      expect(options(page, 'f-gremium').find((x) => x.value === o.value)?.selected).toBe(true);
      expect(options(page, 'f-stadt').map((x) => x.value)).toEqual([o.value.split(':')[0]]);
    }
    const bare = (await request(f.app).get('/?thema=alle&gremium=Hauptausschuss').expect(200)).text;
    expect(total(bare)).toBe(papers.filter((p) => p.committees.has('Hauptausschuss')).length);
    expect(options(bare, 'f-gremium').filter((o) => o.selected)).toEqual([{ value: 'Hauptausschuss', label: 'Hauptausschuss (alle Städte)', count: null, selected: true }]);
  });

  test('year facet: by the motion\'s date or, without one, its first meeting; undated motions no longer fall out', async () => {
    const html = (await request(f.app).get('/?thema=alle').expect(200)).text;
    const got = options(html, 'f-jahr');
    const expected = new Map<string, number>();
    for (const p of papers) {
      const y = yearOf(p);
      if (y) expected.set(y, (expected.get(y) ?? 0) + 1);
    }
    expect(got.map((o) => [o.value, o.count])).toEqual([...expected.entries()].sort((a, b) => b[0].localeCompare(a[0])));
    const undatedCounted = papers.filter((p) => p.date == null && yearOf(p) != null).length;
    expect(undatedCounted).toBeGreaterThan(50);
    // with no year at all only motions without date and without any dated meeting stay out
    expect(got.reduce((n, o) => n + (o.count ?? 0), 0)).toBe(papers.length - papers.filter((p) => yearOf(p) == null).length);
    for (const o of got) {
      const page = (await request(f.app).get(`/?thema=alle&jahr=${o.value}`).expect(200)).text;
      expect([o.value, total(page)]).toEqual([o.value, o.count]);
    }
  });

  test('facets combine: a city and a year, counted as the database holds them', async () => {
    const page = (await request(f.app).get('/?thema=alle&stadt=taunusstein').expect(200)).text;
    const expected = new Map<string, number>();
    for (const p of papers.filter((x) => x.source === 'taunusstein')) {
      const y = yearOf(p);
      if (y) expected.set(y, (expected.get(y) ?? 0) + 1);
    }
    expect(options(page, 'f-jahr').map((o) => [o.value, o.count])).toEqual([...expected.entries()].sort((a, b) => b[0].localeCompare(a[0])));
    expect(expected.get('2025')).toBe(1); // DRS. 25/161: no date of its own, dealt in on 11.12.2025
  });
});
