/**
 * loadProgressPapers (src/db/queries-progress.ts), the bulk read of the committee and meeting pages,
 * gives every paper the same progress() as its full record from loadPaper does.
 */
import { loadPaper } from '../../src/db/queries';
import { loadProgressPapers } from '../../src/db/queries-progress';
import { progress } from '../../src/domain/progress';
import { buildFixtureApp, TODAY, type FixtureApp } from '../server/fixture-app';

describe('loadProgressPapers', () => {
  let fx: FixtureApp;
  beforeAll(() => {
    fx = buildFixtureApp();
  });
  afterAll(() => fx.cleanup());

  test('the same progress, reference and name as the full record, for every paper; unknown ids left out', () => {
    const ids = fx.opened.sqlite.prepare('SELECT id FROM papers ORDER BY id').pluck().all() as number[];
    expect(ids.length).toBeGreaterThan(20);
    const loaded = loadProgressPapers(fx.opened.sqlite, [...ids, 999_999, ids[0]]);
    expect([...loaded.keys()].sort((a, b) => a - b)).toEqual(ids);
    for (const id of ids) {
      const full = loadPaper(fx.opened.sqlite, id)!;
      const bulk = loaded.get(id)!;
      expect({ id: bulk.id, reference: bulk.reference, name: bulk.name }).toEqual({ id, reference: full.record.reference, name: full.record.name });
      expect(bulk.paper).toEqual({
        date: full.record.date, consultation: full.record.consultation, dataAsOf: full.record.dataAsOf ?? null,
        ...(full.record.sequence ? { sequence: full.record.sequence } : {}),
      });
      expect(progress(bulk.paper, TODAY)).toEqual(progress(full.record, TODAY));
    }
    expect(loadProgressPapers(fx.opened.sqlite, []).size).toBe(0);
  });
});
