/**
 * A RIS that moved to the other ALLRIS generation (…/bi/ → …/public/) answers the source's old URLs with
 * pages of the new one: those are not parsed as the old generation (a layout error at best, wrong
 * records at worst) but reported as 'system-changed', naming what answered, and not fetched again.
 * Regensburg (ALLRIS 3) whose calendar month answers with Laatzen's real ALLRIS 4 meeting page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '../../../src/db/connection';
import { loadSourceHealth } from '../../../src/db/source-health';
import { crawlCorpus } from '../../helpers/crawl';
import { useCorpusReplay } from '../../helpers/replay';
import { CORPUS, makeTmpDir } from '../../helpers/tmp';

const CALENDAR = 'https://srv19.regensburg.de/bi/si010.asp?MM=9&YY=2026';

describe('an ALLRIS source answered by the other generation', () => {
  const tmp = makeTmpDir();
  const replay = useCorpusReplay();
  afterAll(() => tmp.cleanup());

  test('the page is reported as system-changed, not read, not fetched twice; the run fails and says why', async () => {
    replay.server.setPage(CALENDAR, fs.readFileSync(path.join(CORPUS, 'allris4/laatzen/to010-1000073.html')), 'text/html; charset=utf-8');
    const { sqlite, close } = openDb(path.join(tmp.dir, 'moved.sqlite'));
    try {
      const from = replay.server.requests.length;
      const report = await crawlCorpus(sqlite, path.join(tmp.dir, 'moved'), 'regensburg', replay.via, { since: '2026-09-01', until: '2026-09-30' });
      const message = `the RIS answers ${CALENDAR} as ALLRIS 4, the source is set up as ALLRIS 3: it may have moved to ALLRIS 4; the page is not read as ALLRIS 3`;
      expect(report.status).toBe('failed');
      // (the other roots — the start page, the paper list, the factions — are not in the replay: 404)
      expect(report.errors).toEqual({ 'system-changed': 1, 'not-found': 3 });
      expect(report.failures).toEqual([expect.objectContaining({ url: CALENDAR, reason: message })]);
      expect(replay.server.requests.slice(from).filter((r) => r.url === 'srv19.regensburg.de/bi/si010.asp?MM=9&YY=2026')).toHaveLength(1);
      expect(sqlite.prepare('SELECT COUNT(*) FROM meetings').pluck().get()).toBe(0);
      const health = loadSourceHealth(sqlite, '2026-09-20T12:00:00Z').find((h) => h.key === 'regensburg')!;
      expect([health.failing, health.lastFailure]).toEqual([true, `1× system-changed (${CALENDAR}: ${message})`]);
    } finally {
      close();
    }
  });
});
