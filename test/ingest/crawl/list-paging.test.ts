/**
 * ALLRIS 3's Vorlagen list (vo040) pages with "nächste >" (`vo040.asp?shownext=true`), whose place lives in
 * the ASP session (ALLRIS-NOTES §6). The replay pages it so (setSessionList: a request without the session
 * gets the first page again, as from a RIS whose session ran out). The crawl asks for the next page right
 * after the page that links it, before everything else it planned; a crawl resumed by a new process walks
 * a new session to the page before first. The corpus's real Hamburg-Nord list page; its second and third
 * pages made from it (other ids; the third without "nächste >").
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '../../../src/db/connection';
import { crawlCorpus } from '../../helpers/crawl';
import { corpusPages, useCorpusReplay } from '../../helpers/replay';
import { makeTmpDir } from '../../helpers/tmp';

const LIST = 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/vo040.asp';
const NEXT = 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/vo040.asp?shownext=true';
const WINDOW = { since: '2023-10-01', until: '2023-10-31' };

describe('a list paged in the RIS session', () => {
  const tmp = makeTmpDir();
  const replay = useCorpusReplay();
  let first: string;
  /** page k (1-based) of the list: the real first page's rows with ids lowered by 500 per page */
  const pageOf = (k: number) => {
    let html = first.replace(/VOLFDNR=(\d+)/g, (_, id: string) => `VOLFDNR=${Number(id) - 500 * (k - 1)}`);
    if (k === 3) html = html.replace(/<a href="vo040\.asp\?shownext=true"[^>]*>[^<]*<\/a>/g, '');
    return Buffer.from(html, 'latin1');
  };
  /** the VOLFDNRs of page k */
  const idsOf = (k: number) => [...new Set([...pageOf(k).toString('latin1').matchAll(/vo020\.asp\?VOLFDNR=(\d+)/g)].map((m) => m[1]))];
  const asked = (from: number) => replay.server.requests.slice(from).map((r) => r.url);

  beforeAll(() => {
    first = fs.readFileSync(corpusPages().find((p) => p.url === LIST)!.absFile, 'latin1');
    expect(first).toContain('<a href="vo040.asp?shownext=true" title="">');
    expect(pageOf(3).toString('latin1')).not.toContain('shownext');
    replay.server.setSessionList(LIST, NEXT, [1, 2, 3].map(pageOf), 'text/html; charset=iso-8859-1');
  });
  afterAll(() => tmp.cleanup());

  test('its next page is asked for right after the page that links it, in the same session, to its last page', async () => {
    const db = openDb(path.join(tmp.dir, 'whole.sqlite'));
    try {
      const from = replay.server.requests.length;
      await crawlCorpus(db.sqlite, path.join(tmp.dir, 'whole'), 'hamburg-nord', replay.via, WINDOW);
      const urls = asked(from);
      const list = urls.findIndex((u) => u.endsWith('/bi/vo040.asp'));
      expect(urls.filter((u) => /\/bi\/vo040\.asp/.test(u)).length).toBe(3);
      expect(urls[list + 1]).toMatch(/vo040\.asp\?shownext=true$/);
      expect(urls[list + 2]).toMatch(/vo040\.asp\?shownext=true$/);
      // every page's papers were asked for (a paper of page 2 and of page 3, not on page 1)
      for (const k of [2, 3]) expect(urls).toContain(`sitzungsdienst-hamburg-nord.hamburg.de/bi/vo020.asp?VOLFDNR=${idsOf(k)[0]}`);
    } finally {
      db.close();
    }
  });

  test('a crawl stopped after the first page and resumed by a new process walks a new session to its place again', async () => {
    const db = openDb(path.join(tmp.dir, 'resumed.sqlite'));
    const dir = path.join(tmp.dir, 'resumed');
    try {
      const from = replay.server.requests.length;
      // stopped once the list's first page was asked for (its next page planned, not asked)
      await crawlCorpus(db.sqlite, dir, 'hamburg-nord', replay.via, { ...WINDOW, shouldStop: () => asked(from).some((u) => u.endsWith('/bi/vo040.asp')) });
      expect(asked(from).filter((u) => /shownext/.test(u))).toEqual([]);
      const pending = db.sqlite.prepare("SELECT url FROM crawl_queue WHERE state = 'pending' AND kind = 'paper-list'").pluck().all();
      expect(pending).toEqual([`${NEXT}#page=2`]);

      const again = replay.server.requests.length;
      const report = await crawlCorpus(db.sqlite, dir, 'hamburg-nord', replay.via, WINDOW);
      expect(report.runId).toBe(db.sqlite.prepare('SELECT MIN(id) FROM crawl_runs').pluck().get());
      const urls = asked(again);
      // the list's first page again (not kept), then page 2 and 3 in that session
      const lists = urls.filter((u) => /\/bi\/vo040\.asp/.test(u));
      expect(lists).toEqual([
        'sitzungsdienst-hamburg-nord.hamburg.de/bi/vo040.asp', 'sitzungsdienst-hamburg-nord.hamburg.de/bi/vo040.asp?shownext=true',
        'sitzungsdienst-hamburg-nord.hamburg.de/bi/vo040.asp?shownext=true',
      ]);
      for (const k of [2, 3]) expect(urls).toContain(`sitzungsdienst-hamburg-nord.hamburg.de/bi/vo020.asp?VOLFDNR=${idsOf(k)[0]}`);
    } finally {
      db.close();
    }
  });
});
