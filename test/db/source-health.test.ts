/**
 * Data health per source (src/db/source-health.ts) on a real SQLite file: the last success (a crawl's,
 * else the source's last sync), the last failure and whether it is newer, a running or stopped crawl,
 * hours since the last success; sources ordered by name.
 */
import path from 'node:path';
import { openDb, type OpenedDb } from '../../src/db/connection';
import { loadSourceHealth } from '../../src/db/source-health';
import { makeTmpDir } from '../helpers/tmp';

describe('source health', () => {
  const tmp = makeTmpDir();
  let db: OpenedDb;
  beforeAll(() => {
    db = openDb(path.join(tmp.dir, 'health.sqlite'));
    const add = db.sqlite.prepare('INSERT INTO sources (key, name, system, is_demo, last_sync_at) VALUES (?, ?, ?, ?, ?)');
    const a = Number(add.run('a', 'Bezirk A', 'allris3', 0, null).lastInsertRowid);
    const b = Number(add.run('b', 'Alte Stadt B', 'allris4', 0, '2026-09-01T00:00:00Z').lastInsertRowid);
    add.run('d', 'Demo', null, 1, null);
    db.sqlite.prepare('INSERT INTO source_sync (source_id, last_success_at, last_failure_at, last_failure) VALUES (?, ?, ?, ?)')
      .run(a, '2026-09-20T08:00:00Z', '2026-09-21T08:00:00Z', 'robots.txt refuses the crawl');
    const run = db.sqlite.prepare("INSERT INTO crawl_runs (source_id, mode, status, today, started_at) VALUES (?, 'incremental', ?, '2026-09-21', '2026-09-21T09:00:00Z')");
    run.run(a, 'done');
    run.run(b, 'stopped');
  });
  afterAll(() => {
    db.close();
    tmp.cleanup();
  });

  it('names each source with its last success, failure and running crawl', () => {
    const rows = loadSourceHealth(db.sqlite, '2026-09-21T08:00:00Z');
    expect(rows.map((r) => r.key)).toEqual(['b', 'a', 'd']);
    expect(rows[0]).toEqual({
      key: 'b', name: 'Alte Stadt B', system: 'allris4', isDemo: false, lastSuccessAt: '2026-09-01T00:00:00Z', lastFailureAt: null,
      lastFailure: null, failing: false, crawlInProgress: true, hoursSinceSuccess: 488,
    });
    expect(rows[1]).toEqual({
      key: 'a', name: 'Bezirk A', system: 'allris3', isDemo: false, lastSuccessAt: '2026-09-20T08:00:00Z', lastFailureAt: '2026-09-21T08:00:00Z',
      lastFailure: 'robots.txt refuses the crawl', failing: true, crawlInProgress: false, hoursSinceSuccess: 24,
    });
    expect(rows[2]).toMatchObject({ key: 'd', isDemo: true, lastSuccessAt: null, failing: false, crawlInProgress: false, hoursSinceSuccess: null });
  });
});
