/**
 * The OParl plan over loopback HTTP: system → bodies → lists page by page with modified_since (from
 * --since, then from the last sync minus a day), and the HTML page of each paper to fill in what OParl
 * lacks. The API is hand-made (test/fixtures/replay/oparl-laatzen/README.md); the vo020 page is the real
 * Laatzen page of the corpus.
 */
import path from 'node:path';
import { openDb } from '../../../src/db/connection';
import { saveSource } from '../../../src/ingest/crawl/sources';
import { withModifiedSince } from '../../../src/ingest/crawl/oparl-plan';
import { ReplayServer } from '../../../src/ingest/replay/server';
import type { LoadedPage } from '../../../src/ingest/replay/manifest';
import { crawlCorpus, fetchedUrls } from '../../helpers/crawl';
import { CORPUS, makeTmpDir } from '../../helpers/tmp';

const B = 'https://ratsinfo.laatzen.de/public/oparl';
const VO020 = 'https://ratsinfo.laatzen.de/public/vo020?VOLFDNR=1000238';
const FIX = path.resolve(__dirname, '..', '..', 'fixtures', 'replay', 'oparl-laatzen');
const FULL = '2026-09-01T00:00:00Z';
const INC = '2026-09-19T08:00:00Z';

const fixture = (url: string, file: string): LoadedPage => ({ url, file, absFile: path.join(FIX, file) });
const PAGES: LoadedPage[] = [
  fixture(`${B}/system`, 'system.json'),
  fixture(`${B}/bodies`, 'bodies.json'),
  fixture(`${B}/papers?body=1&modified_since=${FULL}`, 'papers-1.json'),
  fixture(`${B}/papers?body=1&page=2&modified_since=${FULL}`, 'papers-2.json'),
  fixture(`${B}/meetings?body=1&modified_since=${FULL}`, 'empty-meetings.json'),
  fixture(`${B}/organizations?body=1&modified_since=${FULL}`, 'empty-organizations.json'),
  fixture(`${B}/papers?body=1&modified_since=${INC}`, 'papers-2.json'),
  fixture(`${B}/meetings?body=1&modified_since=${INC}`, 'empty-meetings.json'),
  fixture(`${B}/organizations?body=1&modified_since=${INC}`, 'empty-organizations.json'),
  { url: VO020, file: 'allris4/laatzen/vo020-1000238.html', absFile: path.join(CORPUS, 'allris4/laatzen/vo020-1000238.html') },
];

test('modified_since replaces a filter the list URL has, and keeps ?body=', () => {
  expect(withModifiedSince(`${B}/papers?body=1&modified_since=x`, '2026-09-01T00:00:00+02:00')).toBe(`${B}/papers?body=1&modified_since=2026-09-01T00%3A00%3A00%2B02%3A00`);
});

describe('crawling an OParl API', () => {
  const tmp = makeTmpDir();
  let server: ReplayServer;
  let via: string;
  beforeAll(async () => {
    server = new ReplayServer(PAGES);
    via = (await server.listen(0)).url;
  });
  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });

  test('lists page by page, filtered; each paper’s HTML page fills in its Beratungsfolge; then incrementally from the last sync', async () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'oparl.sqlite'));
    try {
      saveSource(sqlite, { key: 'laatzen-oparl', name: 'Stadt Laatzen (OParl)', system: 'oparl', baseUrl: 'https://ratsinfo.laatzen.de/public/', oparlUrl: `${B}/system` }, true);
      const full = await crawlCorpus(sqlite, tmp.dir, 'laatzen-oparl', via, { since: '2026-09-01', until: '2026-10-31', now: () => '2026-09-20T08:00:00Z' });
      // the paper's documents (the ALLRIS 4 document URLs its HTML page links) are planned; the replay has none of them (404)
      expect([full.status, full.errors]).toEqual(['done', { 'document-not-found': 2 }]);
      expect(full.errorSamples.map((e) => e.url)).toEqual([
        'https://ratsinfo.laatzen.de/public/wicket/resource/org.apache.wicket.Application/doc1006716.pdf',
        'https://ratsinfo.laatzen.de/public/wicket/resource/org.apache.wicket.Application/doc1006712.pdf',
      ]);
      expect(fetchedUrls(sqlite, full.runId).map(decodeURIComponent)).toEqual([
        `${B}/system`, `${B}/bodies`, `${B}/papers?body=1&modified_since=${FULL}`, `${B}/meetings?body=1&modified_since=${FULL}`,
        `${B}/organizations?body=1&modified_since=${FULL}`, VO020, `${B}/papers?body=1&page=2&modified_since=${FULL}`,
      ]);
      const papers = sqlite.prepare('SELECT id, reference, oparl_id, provenance FROM papers ORDER BY reference').all() as { id: number; reference: string; oparl_id: string; provenance: string }[];
      expect(papers.map((p) => [p.reference, p.oparl_id])).toEqual([['2026/245', `${B}/papers?id=1000238`], ['2026/246', `${B}/papers?id=1000239`]]);
      // the HTML page's Beratungsfolge (with its station status) wins over OParl's single consultation
      expect(JSON.parse(papers[0].provenance).consultation).toBe('allris4');
      const stations = sqlite.prepare('SELECT organization, station_status FROM consultations WHERE paper_id = ? ORDER BY position').all(papers[0].id);
      expect(stations.length).toBeGreaterThan(1);
      expect(stations.every((s) => (s as { station_status: string | null }).station_status !== null)).toBe(true);

      server.requests.length = 0;
      // (the documents tried again: test/ingest/crawl/document-limits.test.ts)
      const inc = await crawlCorpus(sqlite, tmp.dir, 'laatzen-oparl', via, { today: '2026-09-25', now: () => '2026-09-25T08:00:00Z', documents: false });
      expect([inc.mode, inc.status]).toEqual(['incremental', 'done']);
      expect(server.requests.map((r) => `${decodeURIComponent(r.url)} ${r.status}`)).toEqual([
        'ratsinfo.laatzen.de/robots.txt 404',
        'ratsinfo.laatzen.de/public/oparl/system 304',
        'ratsinfo.laatzen.de/public/oparl/bodies 304',
        `ratsinfo.laatzen.de/public/oparl/papers?body=1&modified_since=${INC} 200`,
        `ratsinfo.laatzen.de/public/oparl/meetings?body=1&modified_since=${INC} 200`,
        `ratsinfo.laatzen.de/public/oparl/organizations?body=1&modified_since=${INC} 200`,
      ]);
    } finally {
      close();
    }
  });
});
