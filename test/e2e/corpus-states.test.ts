/**
 * Where each motion of the real corpus stands on a fixed day, against what a person reading the RIS
 * pages finds (test/expected/states.json, checked by hand page by page; its `evidence` says which
 * page and row decide each entry).
 *
 * The corpus is imported the plain way — `ratsradar import ../shared/corpus` from the sources, with
 * RATSRADAR_TODAY pinning the day the import derives for — into a real SQLite file, and every paper's
 * derived state, next organization and next date is compared with the file. All differences are
 * reported at once, one line each. The `situation` field of the file ("result-pending", "dormant")
 * has no column yet and is not compared.
 *
 * One invariant is asserted apart: no paper's next step is a committee that already met
 * on it (a meeting row or agenda item of that committee for that paper before the day) without a
 * later dated meeting of that committee for it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ratsradarSrc } from '../helpers/cli-src';
import { CORPUS, makeTmpDir } from '../helpers/tmp';

interface Expected {
  source: string;
  reference: string;
  state: string;
  situation: string | null;
  next: { organization: string | null; date: string | null } | null;
  evidence: string;
}

interface Derived {
  source: string;
  reference: string | null;
  state: string | null;
  next_organization: string | null;
  next_date: string | null;
}

const expectedFile = path.join(__dirname, '..', 'expected', 'states.json');
const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as { day: string; papers: Expected[] };
const DAY = expected.day;

const key = (source: string, reference: string | null) => `${source} ${reference ?? '(no reference)'}`;
const show = (v: string | null) => (v == null ? '-' : v);

/** One line per difference between the derived rows and the hand check; empty when they agree. */
function differences(rows: Derived[]): string[] {
  const out: string[] = [];
  const byKey = new Map<string, Derived[]>();
  for (const r of rows) {
    const k = key(r.source, r.reference);
    byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  for (const e of expected.papers) {
    const k = key(e.source, e.reference);
    const got = byKey.get(k) ?? [];
    byKey.delete(k);
    if (got.length === 0) {
      out.push(`${k}: missing (expected ${e.state})`);
      continue;
    }
    if (got.length > 1) out.push(`${k}: ${got.length} rows, expected one`);
    for (const g of got) {
      const want = { state: e.state, org: e.next?.organization ?? null, date: e.next?.date ?? null };
      const have = { state: g.state, org: g.next_organization, date: g.next_date };
      if (want.state !== have.state || want.org !== have.org || want.date !== have.date) {
        out.push(`${k}: expected ${want.state}, next ${show(want.org)} @ ${show(want.date)}; derived ${show(have.state)}, next ${show(have.org)} @ ${show(have.date)}`);
      }
    }
  }
  for (const [k, extra] of byKey) out.push(`${k}: ${extra.length} row(s) not in ${path.basename(expectedFile)} (derived ${extra.map((x) => show(x.state)).join(', ')})`);
  return out;
}

describe(`the corpus on ${DAY}, against the hand check`, () => {
  const tmp = makeTmpDir();
  const file = path.join(tmp.dir, 'corpus.sqlite');
  let db: Database.Database;

  beforeAll(() => {
    const res = ratsradarSrc(['import', CORPUS, '--db', file], { RATSRADAR_TODAY: DAY });
    if (res.code !== 0) throw new Error(`ratsradar import failed (${res.code}): ${res.stderr || res.stdout}`);
    db = new Database(file, { readonly: true });
  }, 120000);
  afterAll(() => {
    db?.close();
    tmp.cleanup();
  });

  test('the expected file is well formed: one entry per (source, reference), sorted, with evidence', () => {
    const keys = expected.papers.map((p) => [p.source, p.reference] as const);
    const sorted = [...keys].sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1));
    expect(keys).toEqual(sorted);
    expect(new Set(keys.map(([s, r]) => key(s, r))).size).toBe(keys.length);
    for (const p of expected.papers) expect(p.evidence.length).toBeGreaterThan(20);
  });

  test('the import derived for the fixed day', () => {
    expect(db.prepare('SELECT day FROM derive_state WHERE id = 1').pluck().get()).toBe(DAY);
  });

  test('every paper has the state, next step and date read by hand from its pages', () => {
    const rows = db
      .prepare(`SELECT s.key AS source, p.reference, p.state, p.next_organization, p.next_date
        FROM papers p JOIN sources s ON s.id = p.source_id ORDER BY s.key, p.reference`)
      .all() as Derived[];
    expect(differences(rows)).toEqual([]);
  });

  test('no paper names as next step a committee that already met on it, unless it meets on it again', () => {
    // every meeting of a paper: its Beratungsfolge rows and the agenda items linked to it
    const stale = db
      .prepare(`WITH met AS (
          SELECT c.paper_id, c.organization, m.date FROM consultation_meetings m JOIN consultations c ON c.id = m.consultation_id
          WHERE m.date IS NOT NULL
          UNION ALL
          SELECT a.paper_id, COALESCE(mt.organization, a.organization), COALESCE(mt.date, a.date) FROM agenda_items a
          LEFT JOIN meetings mt ON mt.id = a.meeting_id WHERE a.paper_id IS NOT NULL)
        SELECT s.key || ' ' || COALESCE(p.reference, '(no reference)') || ': next ' || p.next_organization
          || ' @ ' || COALESCE(p.next_date, '-') || ', which met on it on ' || MAX(met.date) AS line
        FROM papers p JOIN sources s ON s.id = p.source_id
        JOIN met ON met.paper_id = p.id AND met.organization = p.next_organization AND met.date < @day
        WHERE NOT EXISTS (SELECT 1 FROM met later WHERE later.paper_id = p.id AND later.organization = p.next_organization
          AND later.date >= @day)
        GROUP BY p.id ORDER BY line`)
      .pluck()
      .all({ day: DAY }) as string[];
    expect(stale).toEqual([]);
  });
});
