/**
 * The shrink guard on the replay server: a good crawl of a Hamburg-Nord paper, then the same URL
 * served cut right after one of its embedded documents (a page that still ends with </html>), then with
 * its Betreff label renamed, then with its text documents gone (a suspicious shrink): the database stays
 * as the good crawl made it, each report names the page, data/failures/ holds each answer. The shrunk
 * page is applied by `reparse --accept URL`, or when the RIS still shows it a day later. The changed
 * pages are made in the test from the corpus page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '../../../src/db/connection';
import { reparseStore } from '../../../src/ingest/crawl/reparse';
import { formatReport } from '../../../src/ingest/crawl/report';
import { useCorpusReplay } from '../../helpers/replay';
import { crawlCorpus } from '../../helpers/crawl';
import { dumpContent } from '../../helpers/db-dump';
import { CORPUS, makeTmpDir } from '../../helpers/tmp';

const PAPER = 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/vo020.asp?VOLFDNR=1016851';
const whole = fs.readFileSync(path.join(CORPUS, 'allris3/hamburg-nord/vo020-1016851.html'));
const text = whole.toString('latin1');

/** cut right after the second embedded document's </html> (a page the old completeness check let through) */
function cutAfterEmbedded(): Buffer {
  let at = -1;
  for (let i = 0; i < 2; i++) at = text.indexOf('</html>', at + 1);
  return Buffer.from(text.slice(0, at + '</html>'.length), 'latin1');
}
const renamed = Buffer.from(text.replace(/Betreff:/g, 'Subject:'), 'latin1');
/** the page without its embedded text documents (every <?xml …</html> after the page's own <html>): its two text sections gone */
const outer = text.search(/<html\b/i) + 1;
const shrunk = Buffer.from(text.slice(0, outer) + text.slice(outer).replace(/<\?xml[\s\S]*?<\/html>/g, ''), 'latin1');

describe('a cut or changed page never overwrites good data (crawl)', () => {
  const tmp = makeTmpDir();
  const dir = path.join(tmp.dir, 'crawl');
  const failures = path.join(dir, 'failures', 'hamburg-nord');
  const replay = useCorpusReplay();
  let sqlite: ReturnType<typeof openDb>['sqlite'];
  let close: () => void;
  let good: ReturnType<typeof dumpContent>;

  const crawlAt = (now: string) =>
    crawlCorpus(sqlite, dir, 'hamburg-nord', replay.via, {
      seeds: [PAPER], full: true, since: '2026-09-01', until: '2026-09-30', now: () => now,
    });
  const paperText = () => sqlite.prepare(`SELECT json_array_length(text) FROM papers WHERE external_id = '1016851'`).pluck().get();
  const failureFiles = () => (fs.existsSync(failures) ? fs.readdirSync(failures).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(fs.readFileSync(path.join(failures, f), 'utf8')) as { url: string; reason: string }) : []);

  beforeAll(async () => {
    ({ sqlite, close } = openDb(path.join(tmp.dir, 'db.sqlite')));
    const report = await crawlAt('2026-09-20T08:00:00.000Z');
    expect(report.failures).toEqual([]);
    good = dumpContent(sqlite);
    expect(paperText()).toBe(2);
  });
  afterAll(async () => {
    close();
    tmp.cleanup();
  });

  test('the page cut after an embedded document: fetched twice, refused as truncated, saved; the database unchanged', async () => {
    expect(cutAfterEmbedded().toString('latin1').trimEnd().endsWith('</html>')).toBe(true);
    replay.server.setPage(PAPER, cutAfterEmbedded());
    replay.server.requests.length = 0;
    const report = await crawlAt('2026-09-20T09:00:00.000Z');
    expect(replay.server.requests.filter((q) => q.url.endsWith('VOLFDNR=1016851'))).toHaveLength(2);
    expect(report.failures).toEqual([{ url: PAPER, file: expect.stringContaining(failures), reason: expect.stringMatching(/^truncated page: .*embedded document/) }]);
    expect(formatReport(report).join('\n')).toContain(PAPER);
    expect(dumpContent(sqlite)).toEqual(good);
  });

  test('the page with "Betreff:" renamed: refused as a layout change, saved; the database unchanged', async () => {
    replay.server.setPage(PAPER, renamed);
    const report = await crawlAt('2026-09-20T10:00:00.000Z');
    expect(report.failures).toEqual([{ url: PAPER, file: expect.stringContaining(failures), reason: expect.stringMatching(/vo020 page .*Betreff .*not found/) }]);
    expect(report.errors.layout).toBe(1);
    expect(dumpContent(sqlite)).toEqual(good);
    // data/failures/ holds both answers, each with its reason
    expect(failureFiles().map((f) => [f.url, f.reason.split(':')[0]])).toEqual(expect.arrayContaining([[PAPER, 'truncated page'], [PAPER, expect.stringContaining('vo020 page')]]));
  });

  test('the page without its text documents: fetched twice, held back as a suspicious shrink; reparse --accept applies it', async () => {
    replay.server.setPage(PAPER, shrunk);
    replay.server.requests.length = 0;
    const report = await crawlAt('2026-09-20T11:00:00.000Z');
    expect(replay.server.requests.filter((q) => q.url.endsWith('VOLFDNR=1016851'))).toHaveLength(2);
    expect(report.suspiciousShrinks).toEqual([{ url: PAPER, file: expect.stringContaining(failures), reason: expect.stringMatching(/suspicious shrink of paper 22-2402: text sections 2 → 0/) }]);
    expect(report.errors['suspicious-shrink']).toBe(1);
    expect(formatReport(report).join('\n')).toMatch(/suspicious shrink \(held back/);
    expect(dumpContent(sqlite)).toEqual(good);
    expect(failureFiles().some((f) => f.url === PAPER && /^suspicious shrink/.test(f.reason))).toBe(true);

    // a reparse of the store holds it back too
    const held = reparseStore(sqlite, path.join(dir, 'store'), { source: 'hamburg-nord', today: '2026-09-20' });
    expect(held.held).toBeGreaterThanOrEqual(1);
    expect(paperText()).toBe(2);

    // a person accepts it
    const accepted = reparseStore(sqlite, path.join(dir, 'store'), { accept: [PAPER], today: '2026-09-20', now: '2026-09-20T12:00:00.000Z' });
    expect([accepted.imported, accepted.held]).toEqual([1, 0]);
    expect(paperText()).toBe(0);
    // and a later reparse of the whole store keeps what the person accepted
    const again = reparseStore(sqlite, path.join(dir, 'store'), { source: 'hamburg-nord', today: '2026-09-20' });
    expect(again.held).toBe(0);
    expect(paperText()).toBe(0);
  });

  test('the same shrunk page a day later is believed: held on the first day and an hour later, applied 24 hours after it was first seen', async () => {
    // a database and store of its own
    const { sqlite, close } = openDb(path.join(tmp.dir, 'day.sqlite'));
    try {
      const crawlAt = (now: string) => crawlCorpus(sqlite, path.join(tmp.dir, 'day'), 'hamburg-nord', replay.via, { seeds: [PAPER], full: true, since: '2026-09-01', until: '2026-09-30', now: () => now });
      const paperText = () => sqlite.prepare(`SELECT json_array_length(text) FROM papers WHERE external_id = '1016851'`).pluck().get();
      replay.server.setPage(PAPER, whole);
      await crawlAt('2026-09-20T08:00:00.000Z');
      expect(paperText()).toBe(2);
      replay.server.setPage(PAPER, shrunk);
      expect((await crawlAt('2026-09-20T09:00:00.000Z')).suspiciousShrinks).toHaveLength(1);
      expect((await crawlAt('2026-09-21T08:59:00.000Z')).suspiciousShrinks).toHaveLength(1);
      expect(paperText()).toBe(2);
      const later = await crawlAt('2026-09-21T09:00:00.000Z');
      expect(later.suspiciousShrinks).toEqual([]);
      expect(paperText()).toBe(0);
    } finally {
      close();
    }
  });

  test('a shrunk page seen days before a fuller one is no confirmation: the shrunk page must stand a day after the fuller one', async () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'flap.sqlite'));
    try {
      const crawlAt = (now: string) => crawlCorpus(sqlite, path.join(tmp.dir, 'flap'), 'hamburg-nord', replay.via, { seeds: [PAPER], full: true, since: '2026-09-01', until: '2026-09-30', now: () => now });
      const paperText = () => sqlite.prepare(`SELECT json_array_length(text) FROM papers WHERE external_id = '1016851'`).pluck().get();
      // three days before: the page without its text (nothing stored yet: read as it is)
      replay.server.setPage(PAPER, shrunk);
      await crawlAt('2026-09-17T08:00:00.000Z');
      expect(paperText()).toBe(0);
      // then the whole page
      replay.server.setPage(PAPER, whole);
      await crawlAt('2026-09-20T08:00:00.000Z');
      expect(paperText()).toBe(2);
      // an hour later the page without its text again (a stale replica, a page put back): held, the old answer of the 17th does not confirm it
      replay.server.setPage(PAPER, shrunk);
      expect((await crawlAt('2026-09-20T09:00:00.000Z')).suspiciousShrinks).toHaveLength(1);
      expect(paperText()).toBe(2);
      // shown without a break for a day after the whole one: believed
      expect((await crawlAt('2026-09-21T09:00:00.000Z')).suspiciousShrinks).toEqual([]);
      expect(paperText()).toBe(0);
    } finally {
      close();
    }
  });
});
