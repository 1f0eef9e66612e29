/**
 * The ALLRIS 4 calendar is stateful (ALLRIS-NOTES §2b): a month comes by Wicket AJAX on a page version
 * of the session, and the server moves the page on when it shows a month — a version used before answers
 * with nothing. The crawl asks each month on a fresh version, and asks once more on another one when the
 * answer is empty or shows another month; a month that stays so is reported as failed ('stale-session'),
 * never read as another month. Trier's real October answer, and a November made from it by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '../../../src/db/connection';
import { crawlCorpus } from '../../helpers/crawl';
import { useCorpusReplay } from '../../helpers/replay';
import { CORPUS, makeTmpDir } from '../../helpers/tmp';

const OCTOBER = 'https://ratsinfo.trier.de/public/si010?MM=10&YY=2026';
const NOVEMBER = 'https://ratsinfo.trier.de/public/si010?MM=11&YY=2026';
const octoberXml = fs.readFileSync(path.join(CORPUS, 'allris4/trier/si010-ajax-calendar-2026-10.xml'), 'utf8');
/** October's answer moved to November by hand: the tooltips' dates and the meetings' ids (SILFDNR 9…) */
const novemberXml = octoberXml.replace(/(\d\d)\.10\.2026/g, '$1.11.2026').replace(/SILFDNR=(\d+)/g, 'SILFDNR=9$1').replace(/id="si_(\d+)"/g, 'id="si_9$1"');

describe('ALLRIS 4 calendar months on page versions of their own', () => {
  const tmp = makeTmpDir();
  const replay = useCorpusReplay();
  afterAll(() => tmp.cleanup());

  const run = async (name: string) => {
    const { sqlite, close } = openDb(path.join(tmp.dir, `${name}.sqlite`));
    const from = replay.server.requests.length;
    try {
      const report = await crawlCorpus(sqlite, path.join(tmp.dir, name), 'trier', replay.via, { since: '2026-10-01', until: '2026-11-30' });
      const months = sqlite.prepare(`SELECT url, state, outcome FROM crawl_queue WHERE run_id = ? AND url LIKE '%si010%' ORDER BY url`).all(report.runId);
      const meetings = sqlite.prepare(`SELECT external_id AS id, date FROM meetings WHERE external_id IN ('1000686', '91000686') ORDER BY external_id`).all();
      const ajax = replay.server.requests.slice(from).filter((r) => /si010\?\d/.test(r.url)).map((r) => r.url.replace(/^ratsinfo\.trier\.de\/public\//, ''));
      return { report, months, meetings, ajax };
    } finally {
      close();
    }
  };

  test('two months: each asked on a version of its own, both read', async () => {
    replay.server.setPage(NOVEMBER, Buffer.from(novemberXml, 'utf8'), 'text/xml; charset=utf-8', { ajax: true });
    const r = await run('two-months');
    expect(r.months).toEqual([
      { url: OCTOBER, state: 'done', outcome: 'new' },
      { url: NOVEMBER, state: 'done', outcome: 'new' },
    ]);
    expect(r.meetings).toEqual([{ id: '1000686', date: '2026-10-01' }, { id: '91000686', date: '2026-11-01' }]);
    // one shell per month: versions 0 and 1 (in either order), neither used twice
    expect(r.ajax.map((u) => u.replace(/^si010\?\d+/, 'si010?V')).sort()).toEqual(['si010?V-1.0-&MM=10&YY=2026', 'si010?V-1.0-&MM=11&YY=2026']);
    expect(new Set(r.ajax.map((u) => /^si010\?(\d+)/.exec(u)![1])).size).toBe(2);
  });

  test('a month answered with another month: asked again on a fresh version, then failed as stale-session; no meeting read as November', async () => {
    replay.server.setPage(NOVEMBER, Buffer.from(octoberXml, 'utf8'), 'text/xml; charset=utf-8', { ajax: true });
    const r = await run('wrong-month');
    const message = `si010 AJAX ${NOVEMBER}: asked for the month 11/2026, the calendar answered with 10/2026`;
    expect(r.months).toEqual([
      { url: OCTOBER, state: 'done', outcome: 'new' },
      { url: NOVEMBER, state: 'failed', outcome: 'stale-session' },
    ]);
    expect(r.report.errors['stale-session']).toBe(1);
    expect(r.report.failures).toEqual([expect.objectContaining({ url: NOVEMBER, reason: message })]);
    expect(r.ajax.filter((u) => u.includes('MM=11'))).toHaveLength(2);
    expect(new Set(r.ajax.map((u) => /^si010\?(\d+)/.exec(u)![1])).size).toBe(3);
    expect(r.meetings).toEqual([{ id: '1000686', date: '2026-10-01' }]);
  });
});
