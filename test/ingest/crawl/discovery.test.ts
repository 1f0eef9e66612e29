/** The ALLRIS plans find their pages: calendar → meetings → agenda items → papers, over loopback HTTP against the replayed corpus. */
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '../../../src/db/connection';
import { saveSource } from '../../../src/ingest/crawl/sources';
import { useCorpusReplay } from '../../helpers/replay';
import { crawlCorpus, fetchedUrls } from '../../helpers/crawl';
import { CORPUS, makeTmpDir } from '../../helpers/tmp';

describe('crawl plans find the corpus pages by following the site', () => {
  const tmp = makeTmpDir();
  const replay = useCorpusReplay();
  afterAll(() => tmp.cleanup());

  test('ALLRIS 3 (Regensburg): the September calendar → meeting 2667 → its papers, one of them in the corpus', async () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'rgb.sqlite'));
    try {
      const report = await crawlCorpus(sqlite, path.join(tmp.dir, 'rgb'), 'regensburg', replay.via, { since: '2026-09-01', until: '2026-09-30' });
      expect(fetchedUrls(sqlite, report.runId)).toEqual([
        'https://srv19.regensburg.de/bi/si010.asp?MM=9&YY=2026',
        'https://srv19.regensburg.de/bi/to010.asp?SILFDNR=2667',
        'https://srv19.regensburg.de/bi/vo020.asp?VOLFDNR=22820',
      ]);
    } finally {
      close();
    }
  });

  const crawlOf = async (key: string, opts: Parameters<typeof crawlCorpus>[4]) => {
    const { sqlite, close } = openDb(path.join(tmp.dir, `${key}.sqlite`));
    try {
      const report = await crawlCorpus(sqlite, path.join(tmp.dir, key), key, replay.via, opts);
      return { report, urls: fetchedUrls(sqlite, report.runId) };
    } finally {
      close();
    }
  };

  test('ALLRIS 3 responsive (Landkreis Osnabrück): si010_r → to010_r → vo020_r', async () => {
    const { urls } = await crawlOf('landkreis-osnabrueck', { since: '2026-09-01', until: '2026-09-30' });
    expect(urls).toEqual([
      'https://kis.lkos.de/bi/si010_r.asp?MM=9&YY=2026',
      'https://kis.lkos.de/bi/to010_r.asp?SILFDNR=1543',
      'https://kis.lkos.de/bi/vo020_r.asp?VOLFDNR=4010',
    ]);
  });

  test('ALLRIS 4 (Trier): the calendar month through Wicket AJAX with the session cookie, then the meeting', async () => {
    const { urls } = await crawlOf('trier', { since: '2026-10-01', until: '2026-10-31' });
    expect(urls).toEqual(['https://ratsinfo.trier.de/public/si010?MM=10&YY=2026', 'https://ratsinfo.trier.de/public/to010?SILFDNR=1000264']);
    const ajax = replay.server.requests.filter((r) => r.url.includes('MM=10&YY=2026'));
    expect(ajax).toEqual([expect.objectContaining({ url: 'ratsinfo.trier.de/public/si010?0-1.0-&MM=10&YY=2026', status: 200, cookie: expect.stringMatching(/^JSESSIONID=replay\d+$/) })]);
  });

  test('ALLRIS 4 (Laatzen): a meeting leads to its papers', async () => {
    const { urls } = await crawlOf('laatzen', { since: '2026-10-01', until: '2026-10-31', seeds: ['https://ratsinfo.laatzen.de/public/to010?SILFDNR=1000073'] });
    expect(urls).toEqual(['https://ratsinfo.laatzen.de/public/to010?SILFDNR=1000073', 'https://ratsinfo.laatzen.de/public/vo020?VOLFDNR=1000238']);
  });

  test('ALLRIS 4 incremental (Laatzen): the ids after the newest paper seen are asked for, and past each one found', async () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'laatzen-inc.sqlite'));
    try {
      const dir = path.join(tmp.dir, 'laatzen-inc');
      await crawlCorpus(sqlite, dir, 'laatzen', replay.via, { since: '2026-10-01', until: '2026-10-31', seeds: ['https://ratsinfo.laatzen.de/public/to010?SILFDNR=1000073'] });
      // the newest VOLFDNR known: 1000285 (on the agenda); pretend the RIS has a paper 1000287 now (Laatzen's page
      // of 1000238 with its own links made 1000287's: a page that states another id than its address is refused)
      const page = fs.readFileSync(path.join(CORPUS, 'allris4/laatzen/vo020-1000238.html'), 'utf8').replaceAll('VOLFDNR=1000238', 'VOLFDNR=1000287');
      replay.server.setPage('https://ratsinfo.laatzen.de/public/vo020?VOLFDNR=1000287', Buffer.from(page, 'utf8'));
      replay.server.requests.length = 0;
      await crawlCorpus(sqlite, dir, 'laatzen', replay.via, { today: '2027-03-01' });
      const probes = replay.server.requests.filter((r) => r.url.includes('vo020?VOLFDNR=10002')).map((r) => `${r.url.replace('ratsinfo.laatzen.de/public/', '')} ${r.status}`);
      expect(probes).toEqual([
        'vo020?VOLFDNR=1000285 404', // an open paper (known from the agenda only): asked again
        'vo020?VOLFDNR=1000286 404', 'vo020?VOLFDNR=1000287 200', 'vo020?VOLFDNR=1000288 404', 'vo020?VOLFDNR=1000289 404', 'vo020?VOLFDNR=1000290 404',
      ]);
    } finally {
      replay.server.removePage('https://ratsinfo.laatzen.de/public/vo020?VOLFDNR=1000287');
      close();
    }
  });

  test('ALLRIS 3 (Hamburg-Nord): vo040 newest first → the papers since --since; fr010 → the factions; a meeting → its committee', async () => {
    const { urls } = await crawlOf('hamburg-nord', {
      since: '2023-10-01', until: '2023-10-31', seeds: ['https://sitzungsdienst-hamburg-nord.hamburg.de/bi/to010.asp?SILFDNR=1003201'],
    });
    expect(urls).toEqual([
      'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/si010_e.asp?MM=10&YY=2023',
      'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/vo040.asp',
      'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/fr010.asp?SELECT=1',
      'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/to010.asp?SILFDNR=1003201',
      'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/vo020.asp?VOLFDNR=1016851',
      'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/fr020.asp?FRLFDNR=1120',
      'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/au020.asp?AULFDNR=1000005',
    ]);
  });

  test('ALLRIS 3 (Westerstede): without a configured calendar, the start page menu names it', async () => {
    const { report } = await crawlOf('westerstede', { since: '2026-09-01', until: '2026-09-30' });
    const { sqlite, close } = openDb(path.join(tmp.dir, 'westerstede.sqlite'));
    try {
      const planned = sqlite.prepare('SELECT url, outcome FROM crawl_queue WHERE run_id = ? ORDER BY id').all(report.runId);
      expect(planned).toEqual([
        { url: 'https://ris.westerstede.de/bi/allris.net.asp', outcome: 'new' },
        { url: 'https://ris.westerstede.de/bi/vo040.asp', outcome: 'not-found' },
        { url: 'https://ris.westerstede.de/bi/fr010.asp?SELECT=1', outcome: 'not-found' },
        { url: 'https://ris.westerstede.de/bi/si010_e.asp?MM=9&YY=2026', outcome: 'not-found' },
      ]);
    } finally {
      close();
    }
  });

  describe('an OParl system that answers HTTP 500 (ALLRIS-NOTES §7.11): the HTML of the source takes over', () => {
    // (the HTML plans' own runs above: the same pages; the calendar's other meetings are not in the corpus, 404)
    /** a crawl of `key` configured as an OParl source whose system answers 500, on a database `${name}-oparl.sqlite` of its own */
    const viaOparl = async (key: string, baseUrl: string, opts: Parameters<typeof crawlCorpus>[4], calendar?: string, name = key) => {
      const oparlUrl = `${baseUrl}oparl/system`;
      replay.server.faults.add({ match: oparlUrl.replace(/^https?:\/\//, ''), fault: 'status', status: 500 });
      const { sqlite, close } = openDb(path.join(tmp.dir, `${name}-oparl.sqlite`));
      try {
        saveSource(sqlite, { key: `${key}-oparl`, name: key, system: 'oparl', baseUrl, oparlUrl, ...(calendar ? { calendar } : {}) }, true);
        const report = await crawlCorpus(sqlite, path.join(tmp.dir, `${name}-oparl`), `${key}-oparl`, replay.via, opts);
        const asked = (sqlite.prepare('SELECT url FROM crawl_queue WHERE run_id = ? ORDER BY url').pluck().all(report.runId) as string[]).filter((u) => !u.includes('/oparl/'));
        return { report, urls: fetchedUrls(sqlite, report.runId), asked, papers: sqlite.prepare('SELECT reference FROM papers ORDER BY reference').pluck().all() };
      } finally {
        close();
      }
    };

    test('ALLRIS 3 (Regensburg, /bi/): the calendar → the meeting → its paper, as its own HTML plan finds them', async () => {
      const { report, urls, papers } = await viaOparl('regensburg', 'https://srv19.regensburg.de/bi/', { since: '2026-09-01', until: '2026-09-30' }, 'si010');
      expect(report.errors['http-5xx']).toBe(1);
      expect(report.errorSamples.find((e) => e.error === 'http-5xx')?.url).toBe('https://srv19.regensburg.de/bi/oparl/system');
      expect(urls).toEqual([
        'https://srv19.regensburg.de/bi/si010.asp?MM=9&YY=2026',
        'https://srv19.regensburg.de/bi/to010.asp?SILFDNR=2667',
        'https://srv19.regensburg.de/bi/vo020.asp?VOLFDNR=22820',
      ]);
      expect(papers).toContain('VO/26/23343/D2');
    });

    test.each([
      ['regensburg', 'https://srv19.regensburg.de/bi/', '2026-09', 'si010'],
      ['hamburg-nord', 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/', '2023-10', 'si010_e'],
    ])('ALLRIS 3 (%s): every page its own HTML plan asks for, papers followed to their meetings too', async (key, baseUrl, month, calendar) => {
      const window = { since: `${month}-01`, until: `${month}-28` };
      const asked = (sqlite: Parameters<typeof fetchedUrls>[0], runId: number) =>
        (sqlite.prepare('SELECT url FROM crawl_queue WHERE run_id = ? ORDER BY url').pluck().all(runId) as string[]).filter((u) => !u.includes('/oparl/'));
      // its own HTML plan, on a database of its own (a second run on one of the databases above would be incremental)
      const { sqlite, close } = openDb(path.join(tmp.dir, `${key}-own.sqlite`));
      const own = await crawlCorpus(sqlite, path.join(tmp.dir, `${key}-own`), key, replay.via, window).then((r) => asked(sqlite, r.runId)).finally(close);
      const fallback = await viaOparl(key, baseUrl, window, calendar, `${key}-all`);
      expect(fallback.report.errors['http-5xx']).toBe(1);
      expect(fallback.asked).toEqual(own);
    });

    test('ALLRIS 4 (Trier, /public/): the calendar month through Wicket AJAX, then the meeting', async () => {
      const { report, urls } = await viaOparl('trier', 'https://ratsinfo.trier.de/public/', { since: '2026-10-01', until: '2026-10-31' });
      expect(report.errors['http-5xx']).toBe(1);
      expect(urls).toEqual(['https://ratsinfo.trier.de/public/si010?MM=10&YY=2026', 'https://ratsinfo.trier.de/public/to010?SILFDNR=1000264']);
    });
  });
});
