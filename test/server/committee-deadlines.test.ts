/**
 * The committee page reads deadline candidates narrowly (src/db/queries-committee.ts: a station of the
 * committee before the next station, which is decisive): it must find every deadline that deriving all
 * dated motions through the committee finds. Checked on every committee of a generated database
 * (bench/generate.ts, built in the test) on the day it was derived for, against the broad read written
 * out here.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { buildDatabase } from '../../bench/generate';
import { committeeOfOrganization, loadDeadlineCandidateIds } from '../../src/db/queries-committee';
import { loadProgressPapers } from '../../src/db/queries-progress';
import { progress } from '../../src/domain/progress';
import { deriveQueue } from '../../src/domain/queue';
import { loadCommitteeModel } from '../../src/server/views/committee-view';
import { makeTmpDir } from '../helpers/tmp';

const TODAY = '2026-10-01';

let tmp: ReturnType<typeof makeTmpDir>;
let db: Database.Database;

beforeAll(() => {
  tmp = makeTmpDir();
  const file = path.join(tmp.dir, 'deadlines.sqlite');
  buildDatabase(file, { seed: 3, motions: 3000, today: TODAY });
  db = new Database(file, { readonly: true });
});
afterAll(() => {
  db?.close();
  tmp.cleanup();
});

/** Every dated motion of the source with a later next station elsewhere that lists the committee at all. */
function broadCandidates(source: number, name: string): number[] {
  return db.prepare<[number, string, string, string], number>(`SELECT p.id FROM papers p
    WHERE p.source_id = ? AND p.next_date >= ? AND p.next_organization IS NOT ?
      AND EXISTS (SELECT 1 FROM consultations c WHERE c.paper_id = p.id AND c.organization = ?)`).pluck().all(source, TODAY, name, name);
}

describe('committee deadline candidates', () => {
  test('on every committee, the narrow read finds exactly the deadlines that deriving every dated motion through it finds', () => {
    const organizations = db.prepare("SELECT id FROM organizations WHERE kind IN ('committee', 'parliament') ORDER BY id").pluck().all() as number[];
    expect(organizations.length).toBeGreaterThan(20);
    const hasDecisionRole = db.prepare<[number], number>("SELECT EXISTS (SELECT 1 FROM consultations WHERE paper_id = ? AND role_code = 'decision')").pluck();
    let deadlines = 0;
    let pruned = 0;
    let byRole = 0;
    let byLastStation = 0;
    for (const id of organizations) {
      const committee = committeeOfOrganization(db, id)!;
      const broad = broadCandidates(committee.sourceId, committee.name);
      const papers = loadProgressPapers(db, broad);
      const expected = deriveQueue(
        broad.map((p) => papers.get(p)!).map((p) => ({ paper: p.id, progress: progress(p.paper, TODAY, { agenda: p.agenda }) })),
        committee.name,
      ).filter((e) => e.deadline != null).map((e): [number, string | null] => [e.paper, e.deadline]);
      const narrow = loadDeadlineCandidateIds(db, committee, TODAY, 10_000);
      expect(narrow.every((p) => broad.includes(p))).toBe(true);
      for (const [paper] of expected) expect(narrow).toContain(paper);
      // the page's queue shows the same deadline rows
      const model = loadCommitteeModel(db, committee, TODAY, 1);
      const shown = model.queue.filter((q) => q.deadline != null).map((q) => [q.id, q.deadline]);
      expect(shown.sort()).toEqual([...expected].sort());
      deadlines += expected.length;
      for (const [paper] of expected) {
        if (hasDecisionRole.get(paper)) byRole++;
        else byLastStation++;
      }
      pruned += broad.length - narrow.length;
    }
    // the data has deadlines to find, and the narrow read leaves out most of the broad one
    expect(deadlines).toBeGreaterThan(3);
    // both ways a station is decisive occur: role decision, and the last station where no station has that role
    expect(byRole).toBeGreaterThan(0);
    expect(byLastStation).toBeGreaterThan(0);
    expect(pruned).toBeGreaterThan(deadlines * 10);
  });
});
