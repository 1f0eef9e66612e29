/**
 * A page that answers with another record than its address asks for (a cache or load balancer mixing answers up)
 * is not read: Hamburg-Nord's motion VOLFDNR=1016851 answered with Altona's page of Vorlage 1018473, and its
 * meeting SILFDNR=1003143 with the page of meeting 1003201. Read under the address's id, each overwrote the stored
 * record with another's content (the motion's reference and title, the meeting's head and agenda mixed). Now the
 * crawl reports the page and keeps what it stored, row for row; the parser says why. The same check for the pages
 * of ALLRIS 4 and the `_r` and to020 pages that state their own id.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '../../../src/db/connection';
import { ReplayServer } from '../../../src/ingest/replay/server';
import { parsePage } from '../../../scrapers/parse';
import { MismatchedPageError } from '../../../scrapers/errors';
import { crawlCorpus } from '../../helpers/crawl';
import { dumpContent } from '../../helpers/db-dump';
import { corpusPages } from '../../helpers/replay';
import { CORPUS, makeTmpDir } from '../../helpers/tmp';

const NORD = 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/';
const PAPER = `${NORD}vo020.asp?VOLFDNR=1016851`;
const MEETING = `${NORD}to010.asp?SILFDNR=1003143`;
const ALTONA_PAPER = path.join(CORPUS, 'allris3', 'hamburg-altona', 'vo020-1018473.html');
const OTHER_MEETING = path.join(CORPUS, 'allris3', 'hamburg-nord', 'to010-1003201.html');

test('the parser refuses a page that states another Vorlage or meeting than its address, and reads the right one', () => {
  expect(() => parsePage(fs.readFileSync(ALTONA_PAPER), PAPER)).toThrow(MismatchedPageError);
  expect(() => parsePage(fs.readFileSync(ALTONA_PAPER), PAPER)).toThrow('the page is Vorlage VOLFDNR=1018473, not VOLFDNR=1016851 its address asks for; not read');
  expect(() => parsePage(fs.readFileSync(OTHER_MEETING), MEETING)).toThrow('the page is the meeting SILFDNR=1003201, not SILFDNR=1003143 its address asks for; not read');
  expect((parsePage(fs.readFileSync(path.join(CORPUS, 'allris3', 'hamburg-nord', 'vo020-1016851.html')), PAPER) as { sourceId: string }).sourceId).toBe('1016851');
  // without an address the page's own id is read
  expect((parsePage(fs.readFileSync(ALTONA_PAPER), null) as { sourceId: string }).sourceId).toBe('1018473');
});

/** Each generation's pages that state their own id (test/fixtures/replay/corpus-manifest.json gives their addresses), asked for under a neighbour's id. */
test.each([
  ['ALLRIS 4 to010 (Trier)', 'allris4/trier/to010-1000264.html', 'https://ratsinfo.trier.de/public/to010?SILFDNR=1000265', 'the meeting SILFDNR=1000264, not SILFDNR=1000265'],
  ['ALLRIS 4 vo020 (Laatzen)', 'allris4/laatzen/vo020-1000238.html', 'https://ratsinfo.laatzen.de/public/vo020?VOLFDNR=1000239', 'Vorlage VOLFDNR=1000238, not VOLFDNR=1000239'],
  ['ALLRIS 4 to020 (Taunusstein)', 'allris4/taunusstein/to020-1026743.html', 'https://www.taunusstein.de/allris/to020?TOLFDNR=1026744', 'the agenda item TOLFDNR=1026743, not TOLFDNR=1026744'],
  ['ALLRIS 3 to010_r (Landkreis Osnabrück)', 'allris3/landkreis-osnabrueck/to010r-1543-excerpt.html', 'https://kis.lkos.de/bi/to010_r.asp?SILFDNR=1544', 'the meeting SILFDNR=1543, not SILFDNR=1544'],
  ['ALLRIS 3 to020 (Hamburg-Nord)', 'allris3/hamburg-nord/to020-1036324.html', `${NORD}to020.asp?TOLFDNR=1036325`, 'the agenda item TOLFDNR=1036324, not TOLFDNR=1036325'],
])('%s: refused under another id, read under its own', (_name, file, wrongUrl, message) => {
  const bytes = fs.readFileSync(path.join(CORPUS, file));
  expect(() => parsePage(bytes, wrongUrl)).toThrow(MismatchedPageError);
  expect(() => parsePage(bytes, wrongUrl)).toThrow(`the page is ${message} its address asks for; not read`);
  const own = /(\d+)(?:-excerpt)?\.html$/.exec(file)![1];
  expect((parsePage(bytes, wrongUrl.replace(/=\d+$/, `=${own}`)) as { sourceId: string }).sourceId).toBe(own);
});

describe('a crawl that gets another record\'s page keeps what it stored', () => {
  const tmp = makeTmpDir();
  afterAll(() => tmp.cleanup());

  test('the motion and the meeting stay as the right pages gave them; the report names both pages', async () => {
    const dir = path.join(tmp.dir, 'crawl');
    const { sqlite, close } = openDb(`${dir}.sqlite`);
    const seeds = [PAPER, MEETING];
    const opts = { since: '2023-10-01', until: '2023-10-31', seeds } as const;
    try {
      const right = new ReplayServer(corpusPages());
      const { url: via } = await right.listen(0);
      try {
        await crawlCorpus(sqlite, dir, 'hamburg-nord', via, opts);
      } finally {
        await right.close();
      }
      const stored = dumpContent(sqlite);
      const paper = sqlite.prepare("SELECT reference, name FROM papers WHERE external_id = '1016851'").get();
      expect(paper).toEqual({ reference: '22-2402', name: expect.any(String) });
      const items = sqlite.prepare("SELECT COUNT(*) FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE m.external_id = '1003143'").pluck().get();
      expect(items).toBe(33);

      // the same site, but both addresses answer with another record's page
      const swapped = new ReplayServer(corpusPages().map((p) =>
        p.url === PAPER ? { ...p, absFile: ALTONA_PAPER } : p.url === MEETING ? { ...p, absFile: OTHER_MEETING } : p));
      const { url: via2 } = await swapped.listen(0);
      let report: Awaited<ReturnType<typeof crawlCorpus>>;
      try {
        report = await crawlCorpus(sqlite, dir, 'hamburg-nord', via2, { ...opts, full: true });
      } finally {
        await swapped.close();
      }
      expect(report.failures.map((f) => [f.url, /its address asks for; not read/.test(f.reason)]).sort()).toEqual([[MEETING, true], [PAPER, true]]);
      expect(dumpContent(sqlite)).toEqual(stored);
      expect(sqlite.prepare("SELECT COUNT(*) FROM paper_changes").pluck().get()).toBe(0);
    } finally {
      close();
    }
  });
});
