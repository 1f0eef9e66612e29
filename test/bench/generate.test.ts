/** The bench generator: deterministic for a seed, and its records and rows are valid (links, derived state, search). */
import path from 'node:path';
import { buildDatabase, generateWorld, planCities, type GeneratedCity } from '../../bench/generate';
import { recordsOf } from '../../bench/import';
import { openDb } from '../../src/db/connection';
import { refreshDerived } from '../../src/db/derive';
import { importRecords } from '../../src/db/import';
import { makeTmpDir } from '../helpers/tmp';

const TODAY = '2026-10-01';
const OPTS = { seed: 7, motions: 200, today: TODAY };

let tmp: ReturnType<typeof makeTmpDir>;
let world: GeneratedCity[];

beforeAll(() => {
  tmp = makeTmpDir();
  world = [...generateWorld(OPTS)];
});
afterAll(() => tmp.cleanup());

describe('generateWorld', () => {
  it('gives the same records for the same seed, and others for another seed', () => {
    expect(JSON.stringify([...generateWorld(OPTS)])).toBe(JSON.stringify(world));
    const other = [...generateWorld({ ...OPTS, seed: 8 })];
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(world));
  });

  it('spreads the motions over at least three cities', () => {
    const plan = planCities(200);
    expect(plan.length).toBeGreaterThanOrEqual(3);
    expect(plan.reduce((n, p) => n + p.motions, 0)).toBe(200);
    expect(world.map((c) => c.papers.length)).toEqual(plan.map((p) => p.motions));
    expect(new Set(world.map((c) => c.source.key)).size).toBe(world.length);
  });

  it('spreads a served world over as few as minCities cities, the large worlds as before', () => {
    const one = planCities(1000, 1);
    expect(one.map((p) => p.motions)).toEqual([1000]);
    expect(planCities(1000).length).toBe(3);
    expect(planCities(100_000, 1)).toEqual(planCities(100_000));
    expect(planCities(10_000, 1).map((p) => p.motions).reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(planCities(10_000, 1).length).toBe(2);
    // the point of it: one city at 1,000 motions is as busy as each city at 100,000 (1,000 motions a year), three are not
    const itemsPerMeeting = (cities: GeneratedCity[]) =>
      cities.reduce((n, c) => n + c.meetings.reduce((k, m) => k + m.agendaItem.length, 0), 0) / cities.reduce((n, c) => n + c.meetings.length, 0);
    const busy = itemsPerMeeting([...generateWorld({ seed: 1, motions: 1000, today: TODAY, minCities: 1 })]);
    const thin = itemsPerMeeting([...generateWorld({ seed: 1, motions: 1000, today: TODAY })]);
    expect(busy).toBeGreaterThan(1.5 * thin);
  });

  it('makes Beratungsfolgen of 1–8 stations whose rows point at real meetings and agenda items', () => {
    const counts = new Set<number>();
    let rows = 0;
    for (const city of world) {
      const meetings = new Map(city.meetings.map((m) => [m.sourceId, m]));
      const references = new Set<string>();
      for (const p of city.papers) {
        expect(p.reference).toMatch(/\d/);
        expect(references.has(p.reference!)).toBe(false);
        references.add(p.reference!);
        expect(p.consultation.length).toBeGreaterThanOrEqual(1);
        expect(p.consultation.length).toBeLessThanOrEqual(8);
        counts.add(p.consultation.length);
        for (const station of p.consultation) {
          for (const row of station.meetings) {
            rows++;
            const m = meetings.get(row.meetingSourceId);
            expect(m?.organization).toBe(station.organization);
            expect(m?.date).toBe(row.date);
            const item = m!.agendaItem.find((a) => a.sourceId === row.agendaItemSourceId);
            expect(item?.paperSourceId).toBe(p.sourceId);
            expect(item?.result).toBe(row.result);
            if (row.date! >= TODAY) expect(row.result).toBeNull();
          }
        }
      }
    }
    expect(rows).toBeGreaterThan(200);
    expect(counts.size).toBeGreaterThanOrEqual(4);
  });
});

describe('buildDatabase', () => {
  it('writes linked rows, the search index and exactly the derived state refreshDerived computes', () => {
    const file = path.join(tmp.dir, 'gen.sqlite');
    const res = buildDatabase(file, OPTS);
    expect(res.papers).toBe(200);
    const { sqlite, close } = openDb(file);
    try {
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      const one = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
      expect(one('SELECT COUNT(*) AS n FROM papers')).toBe(200);
      expect(one('SELECT COUNT(*) AS n FROM consultation_meetings WHERE meeting_id IS NULL OR agenda_item_id IS NULL')).toBe(0);
      expect(one('SELECT COUNT(*) AS n FROM agenda_items WHERE paper_external_id IS NOT NULL AND paper_id IS NULL')).toBe(0);
      expect(one('SELECT COUNT(*) AS n FROM meetings WHERE organization_id IS NULL')).toBe(0);
      expect(one('SELECT COUNT(*) AS n FROM papers WHERE state IS NULL OR derived_on IS NULL')).toBe(0);
      const word = world[0].papers[0].name!.split(' ')[0];
      expect(one(`SELECT COUNT(*) AS n FROM papers_fts WHERE papers_fts MATCH '"${word.replace(/"/g, '')}"'`)).toBeGreaterThan(0);
      const derived = sqlite.prepare('SELECT id, state, current_organization, next_organization, next_role, next_date, last_activity FROM papers ORDER BY id');
      const before = derived.all();
      refreshDerived(sqlite, TODAY, { all: true });
      expect(derived.all()).toEqual(before);
    } finally {
      close();
    }
  });

  it('produces records the real import path reads and links the same way', () => {
    const city = world[world.length - 1];
    const { sqlite, close } = openDb(path.join(tmp.dir, 'import.sqlite'));
    try {
      const res = importRecords(sqlite, city.source, recordsOf(city), `${TODAY}T00:00:00Z`);
      expect(res.byKind.Paper.inserted).toBe(city.papers.length);
      expect(res.byKind.Meeting.inserted).toBe(city.meetings.length);
      const unlinked = sqlite.prepare('SELECT COUNT(*) AS n FROM consultation_meetings WHERE meeting_id IS NULL OR agenda_item_id IS NULL').get() as { n: number };
      expect(unlinked.n).toBe(0);
    } finally {
      close();
    }
  });
});
