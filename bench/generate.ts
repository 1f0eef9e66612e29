/**
 * A deterministic, seedable generator of realistic council data for the benchmarks: cities with their
 * committees (members from a pool of elected people) and factions, meeting calendars, motions with
 * reference numbers in each city's style, titles from the corpus/seed vocabulary, Beratungsfolgen of
 * 1–8 stations whose meeting rows point at real meetings and agenda items, and the meetings' agendas.
 * Everything is produced as records of scrapers/records.ts (so the real import path can read them);
 * bench/bulk-write.ts writes the same data as rows, fast. Same seed and size → the same records.
 *
 * Run as a script to build a database: `tsx bench/generate.ts --motions 10000 --db /tmp/x.sqlite [--seed 1]`.
 */
import fs from 'node:fs';
import type { MeetingRecord, OrganizationRecord, PaperRecord } from '../scrapers/records';
import { classifyResult, classifyRole } from '../scrapers/shared/codes';
import type { SourceSpec } from '../src/db/import';
import { openDb } from '../src/db/connection';
import { emptyCounts, writeCity, type WriteCounts, type WriteOptions } from './bulk-write';
import {
  buildCommittees, buildOrganizations, fill, meetingOnOrAfter, SYSTEM_VERSION, toDays, toIso, urls, words, type Committee,
} from './generate-parts';
import { Random } from './random';
import { formatReference, ReferenceCounter } from './references';
import {
  CITIES, CLOSING_ITEMS, FACTIONS, OFFICES, OPENING_ITEMS, PAPER_TYPES, RESULTS, TEXT_HEADINGS, TITLE_TAILS, TOPICS, type CitySpec,
} from './vocabulary';

export interface GenerateOptions {
  seed: number;
  /** how many motions (papers) in all cities together */
  motions: number;
  /** the day the data is generated for: meetings before it have results, after it are planned */
  today: string;
  /**
   * the fewest cities (default 3: the import mixes). A city deals with MOTIONS_PER_YEAR motions a year over
   * a year at least, so below 1,000 motions per city its meetings are thinner: the served databases take 1,
   * so that a city at 1,000 motions is as busy as each city at 100,000 and their pages show as much.
   */
  minCities?: number;
}

export interface GeneratedCity {
  index: number;
  spec: CitySpec;
  source: SourceSpec;
  organizations: OrganizationRecord[];
  papers: PaperRecord[];
  meetings: MeetingRecord[];
}

/** Beratungsfolge length: 1–8 stations, most motions short (as in the corpus). */
const STATION_COUNTS: readonly [number, number][] = [[1, 30], [2, 22], [3, 20], [4, 12], [5, 7], [6, 5], [7, 2], [8, 2]];
/** motions a city deals with per year */
const MOTIONS_PER_YEAR = 1000;
const TYPE_WEIGHTS = PAPER_TYPES.map((t, k) => [k, t[1]] as const);

/** How many cities (at least `minCities`), and how many motions each gets (big cities more), for a total. */
export function planCities(motions: number, minCities = 3): { spec: CitySpec; motions: number }[] {
  const count = Math.min(CITIES.length, Math.max(minCities, Math.round(motions / 5000)));
  const specs = CITIES.slice(0, count);
  const total = specs.reduce((s, c) => s + c.weight, 0);
  const plan = specs.map((spec) => ({ spec, motions: Math.floor((motions * spec.weight) / total) }));
  let rest = motions - plan.reduce((s, p) => s + p.motions, 0);
  for (let i = 0; rest > 0; i = (i + 1) % plan.length, rest--) plan[i].motions++;
  return plan;
}

/** Every city in turn (one city's records at a time stay in memory). */
export function* generateWorld(opts: GenerateOptions): Generator<GeneratedCity> {
  const plan = planCities(opts.motions, opts.minCities);
  for (let i = 0; i < plan.length; i++) yield generateCity(opts, i, plan[i].spec, plan[i].motions);
}

/** One city: committees and factions, the meeting calendar, `motions` papers, then the meetings with their agendas. */
export function generateCity(opts: GenerateOptions, index: number, spec: CitySpec, motions: number): GeneratedCity {
  const rnd = Random.derive(opts.seed, index);
  const today = toDays(opts.today);
  const spanDays = Math.max(365, Math.round((motions / MOTIONS_PER_YEAR) * 365));
  const firstDay = today - spanDays;
  const ids = { meeting: 1_000_000 + index * 10_000_000, item: 5_000_000 + index * 10_000_000, file: 1 };
  const committees = buildCommittees(rnd, spec, firstDay - 30, today + 150, ids);
  const factions = rnd.sample(FACTIONS, rnd.int(4, 7));
  const organizations = buildOrganizations(rnd, spec, committees, factions);
  const u = urls(spec);
  const counter = new ReferenceCounter();
  const plain = committees.filter((c) => !c.isCouncil);
  const papers: PaperRecord[] = [];

  for (let i = 0; i < motions; i++) {
    const day = firstDay + Math.floor(((i + rnd.next()) * spanDays) / motions);
    const date = toIso(day);
    const [paperType, , kind] = PAPER_TYPES[rnd.weighted(TYPE_WEIGHTS)];
    const reference = formatReference(spec.style, counter, rnd, date, kind);
    const faction = rnd.pick(factions);
    const stations = rnd.weighted(STATION_COUNTS);
    const route: Committee[] = rnd.sample(plain, Math.min(plain.length, stations));
    if (stations > 1 && rnd.chance(0.6)) route[route.length - 1] = committees[0];
    const name = fill(rnd.pick(TOPICS) + rnd.pick(TITLE_TAILS[kind]), rnd, Number(date.slice(0, 4)), faction, route[0]);
    const sourceId = String(3_000_000 + index * 10_000_000 + i);
    const stallAt = rnd.chance(0.08) ? rnd.int(0, route.length - 1) : route.length;
    let cursor = day + rnd.int(5, 25);
    let stopped = false;
    let plannedAhead = false;
    const consultation = route.map((c, s) => {
      const last = s === route.length - 1;
      const role = kind === 'notice' ? 'Kenntnisnahme' : last ? rnd.pick(['Entscheidung', 'Beschlussfassung']) : c.name.startsWith('Ort') ? 'Anhörung' : 'Vorberatung';
      const meetings: PaperRecord['consultation'][number]['meetings'] = [];
      let deferrals = 0;
      while (!stopped && s < stallAt && !(plannedAhead && rnd.chance(0.5))) {
        const m = meetingOnOrAfter(c.calendar, cursor);
        if (!m) break;
        const past = m.day < today;
        const result = past ? rnd.weighted(RESULTS) : null;
        const resultCode = classifyResult(result);
        const item = String(ids.item++);
        m.items.push({ number: null, public: true, sourceId: item, name, paperReference: reference, paperSourceId: sourceId, result, resultCode });
        meetings.push({ date: toIso(m.day), name: m.committee.meetingName, meetingSourceId: m.sourceId, agendaItemSourceId: item, result, resultCode });
        cursor = m.day + rnd.int(1, 14);
        if (!past) plannedAhead = true;
        if (resultCode === 'withdrawn') stopped = true;
        if (!(resultCode === 'deferred' && deferrals++ < 2)) break;
      }
      const lastRow = meetings[meetings.length - 1];
      const done = lastRow && lastRow.date! < opts.today && !['deferred', 'not-dealt', 'open'].includes(lastRow.resultCode);
      return {
        organization: c.name, role, roleCode: classifyRole(role),
        stationStatus: spec.system === 'allris4' ? (done ? 'Erledigt' : 'Geplant') : null,
        meetings,
      };
    });
    const fileCount = rnd.int(1, 4);
    papers.push({
      type: 'Paper', format: 1, system: spec.system, systemVersion: SYSTEM_VERSION[spec.system], sourceId, url: u.paper(sourceId),
      reference, name, paperType, public: !rnd.chance(0.03), statusText: null,
      originator: kind === 'motion' || kind === 'question' ? (paperType.startsWith('gemeinsamer') ? [faction, rnd.pick(factions)] : [faction]) : [rnd.pick(['Oberbürgermeister', 'Bezirksamt', 'Verwaltung'])],
      underDirectionOf: kind === 'proposal' || kind === 'notice' ? [rnd.pick(OFFICES)] : [],
      date,
      relatedReferences: papers.length > 0 && rnd.chance(0.1) ? [papers[rnd.int(Math.max(0, papers.length - 200), papers.length - 1)].reference!] : [],
      consultation,
      files: Array.from({ length: fileCount }, (_, k) => ({
        name: k === 0 ? paperType.split(' ')[0] : `Anlage ${k}: ${rnd.pick(['Lageplan', 'Kostenaufstellung', 'Stellungnahme', 'Präsentation'])}`,
        url: u.file(ids.file++),
      })),
      text: TEXT_HEADINGS[kind].slice(0, rnd.int(1, TEXT_HEADINGS[kind].length)).map((heading) => ({ heading, text: words(rnd, rnd.int(120, 1800)) })),
    });
    papers[papers.length - 1].statusText = papers[papers.length - 1].public ? 'öffentlich' : 'nichtöffentlich';
  }

  const meetings: MeetingRecord[] = [];
  for (const c of committees) {
    for (const m of c.calendar) {
      const opening = OPENING_ITEMS.slice(0, rnd.int(2, OPENING_ITEMS.length));
      const closing = CLOSING_ITEMS.slice(0, rnd.int(1, CLOSING_ITEMS.length));
      const fixed = (n: string) => ({ number: null, public: true, sourceId: String(ids.item++), name: n, paperReference: null, paperSourceId: null, result: null, resultCode: 'open' as const });
      const agenda = [...opening.map(fixed), ...m.items, ...closing.map(fixed)].map((it, k) => ({ ...it, number: String(k + 1) }));
      const [h, min] = m.start.split(':').map(Number);
      meetings.push({
        type: 'Meeting', format: 1, system: spec.system, systemVersion: SYSTEM_VERSION[spec.system], sourceId: m.sourceId,
        url: u.meeting(m.sourceId), name: c.meetingName, organization: c.name, organizationSourceId: c.sourceId, date: toIso(m.day),
        start: m.start, end: `${String(h + 2).padStart(2, '0')}:${String(min).padStart(2, '0')}`, room: m.room, location: null,
        statusText: 'öffentlich/nichtöffentlich', agendaItem: agenda,
      });
    }
  }
  return {
    index, spec, organizations, papers, meetings,
    source: { key: spec.key, name: spec.name, system: spec.system, baseUrl: spec.baseUrl },
  };
}

export interface BuildResult extends WriteCounts {
  file: string;
  generateSeconds: number;
  writeSeconds: number;
  bytes: number;
}

/** Generates `opts.motions` motions and writes them into a new database at `file` (search index and derived columns included). */
export function buildDatabase(file: string, opts: GenerateOptions, write: Partial<WriteOptions> = {}): BuildResult {
  if (fs.existsSync(file)) throw new Error(`${file} exists already; the generator writes new databases only`);
  const { sqlite, close } = openDb(file);
  const counts = emptyCounts();
  let generateNs = 0n;
  let writeNs = 0n;
  try {
    const cities = generateWorld(opts);
    for (;;) {
      const t0 = process.hrtime.bigint();
      const next = cities.next();
      const t1 = process.hrtime.bigint();
      generateNs += t1 - t0;
      if (next.done) break;
      writeCity(sqlite, next.value, { search: true, derived: true, today: opts.today, now: `${opts.today}T00:00:00Z`, ...write }, counts);
      writeNs += process.hrtime.bigint() - t1;
    }
    // every paper is derived for opts.today: say so, as refreshDerived does (src/db/derive.ts)
    if (write.derived ?? true) sqlite.prepare('INSERT INTO derive_state (id, day) VALUES (1, ?)').run(opts.today);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = (sqlite.prepare('SELECT page_count * page_size AS n FROM pragma_page_count(), pragma_page_size()').get() as { n: number }).n;
    return { file, ...counts, generateSeconds: Number(generateNs) / 1e9, writeSeconds: Number(writeNs) / 1e9, bytes };
  } finally {
    close();
  }
}

/** `--motions N --db PATH [--seed S] [--today YYYY-MM-DD] [--min-cities N]` → a database written by bench/bulk-write.ts. */
function main(argv: string[]): void {
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const motions = Number(arg('motions') ?? '1000');
  const db = arg('db');
  const minCities = Number(arg('min-cities') ?? '3');
  if (!db || !Number.isInteger(motions) || motions < 1 || !Number.isInteger(minCities) || minCities < 1) {
    process.stderr.write('usage: tsx bench/generate.ts --motions N --db PATH [--seed S] [--today YYYY-MM-DD] [--min-cities N ≥ 1, default 3]\n');
    process.exitCode = 2;
    return;
  }
  try {
    const res = buildDatabase(db, { seed: Number(arg('seed') ?? '1'), motions, today: arg('today') ?? BENCH_TODAY, minCities });
    process.stdout.write(`${JSON.stringify(res)}\n`);
  } catch (err) {
    process.stderr.write(`generate: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}

/** The day every benchmark database is generated and served for. */
export const BENCH_TODAY = '2026-10-01';

if (require.main === module) main(process.argv.slice(2));
