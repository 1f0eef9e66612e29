/**
 * ALLRIS 3's Vorlagen list (vo040) pages with "nächste >" (`vo040.asp?shownext=true`), whose place lives in
 * the ASP session: the crawl asks for the next page right after the page that links it, before the papers
 * that page (and everything before it) planned — not after them, when a polite crawl's session has run out
 * and the RIS would answer its first page again. The corpus's real Hamburg-Nord list page (its next page
 * made from it), over real HTTP against the replay server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '../../../src/db/connection';
import { crawlCorpus } from '../../helpers/crawl';
import { corpusPages, useCorpusReplay } from '../../helpers/replay';
import { makeTmpDir } from '../../helpers/tmp';

const LIST = 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/vo040.asp';
const NEXT = 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/vo040.asp?shownext=true';

describe('a list paged in the RIS session', () => {
  const tmp = makeTmpDir();
  const replay = useCorpusReplay();
  afterAll(() => tmp.cleanup());

  test('its next page is asked for right after the page that links it, before the papers either lists', async () => {
    const page = corpusPages().find((p) => p.url === LIST)!;
    const html = fs.readFileSync(page.absFile, 'latin1');
    expect(html).toContain('vo040.asp?shownext=true');
    // the second page: the first one's rows with other ids (and no further page)
    const second = html.replace(/VOLFDNR=(\d+)/g, (_, id: string) => `VOLFDNR=${Number(id) - 500}`).replace(/<a href="vo040\.asp\?shownext=true">[^<]*<\/a>/g, '');
    replay.server.setPage(NEXT, Buffer.from(second, 'latin1'), 'text/html; charset=iso-8859-1');
    const db = openDb(path.join(tmp.dir, 'db.sqlite'));
    try {
      const from = replay.server.requests.length;
      await crawlCorpus(db.sqlite, tmp.dir, 'hamburg-nord', replay.via, { since: '2023-10-01', until: '2023-10-31' });
      const asked = replay.server.requests.slice(from).map((r) => r.url);
      const list = asked.findIndex((u) => u.endsWith('/bi/vo040.asp'));
      const next = asked.findIndex((u) => u.endsWith('/bi/vo040.asp?shownext=true'));
      expect(list).toBeGreaterThanOrEqual(0);
      expect(next).toBe(list + 1);
      // and the second page's papers were planned and asked for after it
      const lowered = asked.filter((u) => /vo020\.asp\?VOLFDNR=/.test(u) && asked.indexOf(u) > next);
      expect(lowered.length).toBeGreaterThan(0);
    } finally {
      db.close();
      replay.server.removePage(NEXT);
    }
  });
});
