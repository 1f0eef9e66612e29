/** `ratsradar serve --refresh 6h`: background incremental crawls of the configured sources, never two at once. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { openDb } from '../../../src/db/connection';
import { loadSourceHealth } from '../../../src/db/source-health';
import { parseDuration, refreshableSources, Refresher, serveRefresher } from '../../../src/ingest/crawl/refresh';
import type { CrawlReport } from '../../../src/ingest/crawl/report';
import type { SourceConfig } from '../../../src/ingest/crawl/sources';
import { useCorpusReplay } from '../../helpers/replay';
import { crawlCorpus } from '../../helpers/crawl';
import { makeTmpDir } from '../../helpers/tmp';

const BIN = path.resolve(__dirname, '..', '..', '..', 'bin', 'ratsradar.js');

test('durations', () => {
  expect(['6h', '30m', '90s', '1d', '1.5h', '0s', '6', 'h', '500ms'].map(parseDuration)).toEqual([
    21_600_000, 1_800_000, 90_000, 86_400_000, 5_400_000, null, null, null, null,
  ]);
});

test('one refresh at a time: a tick while one runs is skipped; sources are crawled one after the other', async () => {
  const sources = ['a', 'b', 'c'].map((key) => ({ key }) as SourceConfig);
  let running = 0;
  let most = 0;
  const order: string[] = [];
  const r = new Refresher({
    intervalMs: 3_600_000,
    sources: () => sources,
    crawlOne: async (s) => {
      most = Math.max(most, ++running);
      order.push(s.key);
      await new Promise((res) => setTimeout(res, 30));
      running--;
      if (s.key === 'b') throw new Error('host unreachable');
      return { status: 'done', pages: { fetched: 1, changed: 0, new: 0 } } as CrawlReport;
    },
    log: () => {},
    onError: (s, err) => order.push(`${s.key} failed: ${err.message}`),
  });
  const first = r.tick();
  void r.tick();
  void r.tick();
  await first;
  expect(r.stats).toEqual({ started: 1, skipped: 2 });
  expect(most).toBe(1);
  expect(order).toEqual(['a', 'b', 'b failed: host unreachable', 'c']);
  await r.tick();
  expect(r.stats.started).toBe(2);
});

describe('the serve refresher against the replayed corpus', () => {
  const tmp = makeTmpDir();
  const replay = useCorpusReplay();
  afterAll(() => tmp.cleanup());

  test('refreshes the sources crawled before, incrementally, and records each sync', async () => {
    const dbFile = path.join(tmp.dir, 'serve.sqlite');
    const { sqlite, close } = openDb(dbFile);
    try {
      await crawlCorpus(sqlite, tmp.dir, 'regensburg', replay.via, { since: '2026-09-01', until: '2026-09-30', now: () => '2026-09-20T08:00:00Z' });
      expect(refreshableSources(sqlite).map((s) => s.key)).toEqual(['regensburg']);
      process.env.RATSRADAR_STORE = path.join(tmp.dir, 'store');
      const refresher = serveRefresher(sqlite, dbFile, 3_600_000, { via: replay.via, rate: 1000, log: () => {} });
      try {
        await refresher.tick();
      } finally {
        delete process.env.RATSRADAR_STORE;
        await refresher.stop();
      }
      expect(sqlite.prepare('SELECT id, mode, status FROM crawl_runs ORDER BY id').all()).toEqual([
        { id: 1, mode: 'full', status: 'done' }, { id: 2, mode: 'incremental', status: 'done' },
      ]);
      const [health] = loadSourceHealth(sqlite, new Date().toISOString()).filter((h) => h.key === 'regensburg');
      expect(health.lastSuccessAt).not.toBe('2026-09-20T08:00:00Z');
      expect(health).toMatchObject({ failing: false, crawlInProgress: false, lastFailure: null });
    } finally {
      close();
    }
  });

  test('a failed refresh is the source’s last failure; the data health says so', async () => {
    const dbFile = path.join(tmp.dir, 'fail.sqlite');
    const { sqlite, close } = openDb(dbFile);
    try {
      await crawlCorpus(sqlite, tmp.dir, 'regensburg', replay.via, { since: '2026-09-01', until: '2026-09-30', now: () => '2026-09-20T08:00:00Z' });
      replay.server.robots.set('srv19.regensburg.de', 'User-agent: *\nDisallow: /\n');
      const refresher = serveRefresher(sqlite, dbFile, 3_600_000, { via: replay.via, rate: 1000, log: () => {} });
      await refresher.tick();
      await refresher.stop();
      replay.server.robots.clear();
      const [health] = loadSourceHealth(sqlite, '2026-09-21T08:00:00Z').filter((h) => h.key === 'regensburg');
      expect(health).toMatchObject({ lastSuccessAt: '2026-09-20T08:00:00Z', failing: true, hoursSinceSuccess: 24, lastFailure: expect.stringMatching(/robots/) });
    } finally {
      close();
    }
  });
});

test('serve --refresh with no duration is one line and exit 2', () => {
  const r = spawnSync(process.execPath, [BIN, 'serve', '--refresh', 'often', '--db', ':memory:'], { encoding: 'utf8' });
  expect([r.status, r.stdout, r.stderr]).toEqual([2, '', 'ratsradar: --refresh needs a duration like 6h, 30m or 1d, got "often"\n']);
});
