/**
 * A second crawl fetches only what the incremental rules say (ALLRIS plan: the calendar from a
 * month back to two ahead, meetings from two weeks back to two months ahead, open papers, papers not yet
 * known, the agenda items of changed meetings only; conditional requests where the server allows them),
 * and a changed page shows up in the change log with the time it was seen.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '../../../src/db/connection';
import { loadPaperHistory } from '../../../src/db/history';
import { startCorpusReplay, useCorpusReplay } from '../../helpers/replay';
import { crawlCorpus } from '../../helpers/crawl';
import { CORPUS, makeTmpDir } from '../../helpers/tmp';

const HOST = 'https://srv19.regensburg.de/bi/';
const PAPER = `${HOST}vo020.asp?VOLFDNR=22820`;
const PAPER_BYTES = fs.readFileSync(path.join(CORPUS, 'allris3/regensburg/vo020-VO-26-23343-D2-excerpt.html'));

/**
 * The same page as it stood before the second committee met: its station "Geplant", its meeting a week
 * earlier, no result yet (lines 46–55 of the recorded page are the second station).
 */
function earlierVersion(): Buffer {
  const lines = PAPER_BYTES.toString('utf8').split('\n');
  for (const i of [45, 50]) lines[i] = lines[i].replace('bgcolor="#ffffff" title="Erledigt"', 'bgcolor="#73d216" title="Geplant"');
  lines[51] = lines[51].replace('24.09.2026', '17.09.2026');
  lines[54] = lines[54].replace('ungeändert beschlossen&nbsp;', '&nbsp;');
  return Buffer.from(lines.join('\n'), 'utf8');
}

describe('incremental crawls', () => {
  const tmp = makeTmpDir();
  const replay = useCorpusReplay();
  afterAll(() => tmp.cleanup());

  test('the second run fetches what can have changed, conditionally; a changed paper lands in the change log', async () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'inc.sqlite'));
    const dir = path.join(tmp.dir, 'inc');
    try {
      replay.server.setPage(PAPER, earlierVersion());
      const first = await crawlCorpus(sqlite, dir, 'regensburg', replay.via, { since: '2026-09-01', until: '2026-09-30', today: '2026-09-20', now: () => '2026-09-20T08:00:00Z' });
      expect([first.mode, first.status, first.pages.fetched]).toEqual(['full', 'done', 3]);
      const paperId = sqlite.prepare("SELECT id FROM papers WHERE external_id = '22820'").pluck().get() as number;
      expect(sqlite.prepare('SELECT state FROM papers WHERE id = ?').pluck().get(paperId)).not.toMatch(/^decided/);

      replay.server.setPage(PAPER, PAPER_BYTES);
      replay.server.requests.length = 0;
      const second = await crawlCorpus(sqlite, dir, 'regensburg', replay.via, { today: '2026-09-25', now: () => '2026-09-25T08:00:00Z' });
      expect([second.mode, second.status]).toEqual(['incremental', 'done']);
      const asked = (reqs: typeof replay.server.requests) => reqs.map((r) => `${r.url.replace('srv19.regensburg.de/bi/', '')} ${r.status}`).sort();
      expect(asked(replay.server.requests)).toEqual([
        // the paper's two documents, not in the replay (404) in the first run: tried again (README "Documents")
        'do027.asp?DOLFDNR=451003&options=64 404', 'do027.asp?DOLFDNR=451004&options=64&typ=130 404',
        // the calendar from a month back to two months ahead; September unchanged since the first run
        'si010.asp?MM=10&YY=2026 404', 'si010.asp?MM=11&YY=2026 404', 'si010.asp?MM=8&YY=2026 404', 'si010.asp?MM=9&YY=2026 304',
        'srv19.regensburg.de/robots.txt 404',
        // the meetings of the window known from before (2667 unchanged: no agenda item is fetched again),
        // and the one the changed paper names (2669, 24.09.)
        'to010.asp?SILFDNR=2665 404', 'to010.asp?SILFDNR=2667 304', 'to010.asp?SILFDNR=2669 404',
        // open papers: 22820 (its second committee had not decided) and the two known only from the agenda
        'vo020.asp?VOLFDNR=22820 200', 'vo020.asp?VOLFDNR=22821 404', 'vo020.asp?VOLFDNR=22826 404',
        // newer papers than the newest seen
        'vo040.asp 404',
      ]);
      expect(replay.server.requests.filter((r) => r.status !== 404).every((r) => r.conditional || r.url.endsWith('robots.txt'))).toBe(true);
      expect(second.pages).toMatchObject({ fetched: 3, new: 0, changed: 1, unchanged: 2 });
      expect(second.changes).toBe(3);

      expect(loadPaperHistory(sqlite, paperId)).toEqual([
        { seenAt: '2026-09-25T08:00:00Z', seenAtText: '25.09.2026, 10:00', field: 'stationStatus', label: 'Stand der Station',
          context: '2. Ausschuss für Umweltfragen, Natur- und Klimaschutz', oldValue: 'Geplant', newValue: 'Erledigt' },
        { seenAt: '2026-09-25T08:00:00Z', seenAtText: '25.09.2026, 10:00', field: 'meetingDate', label: 'Sitzungstermin',
          context: '2. Ausschuss für Umweltfragen, Natur- und Klimaschutz',
          oldValue: '17.09.2026', newValue: '24.09.2026' },
        { seenAt: '2026-09-25T08:00:00Z', seenAtText: '25.09.2026, 10:00', field: 'result', label: 'Ergebnis',
          context: '2. Ausschuss für Umweltfragen, Natur- und Klimaschutz, Sitzung am 24.09.2026', oldValue: '–', newValue: 'ungeändert beschlossen' },
      ]);
      expect(sqlite.prepare('SELECT state FROM papers WHERE id = ?').pluck().get(paperId)).toBe('decided');

      // a third run of the unchanged site: the decided papers rest; the window's meetings are asked conditionally
      replay.server.requests.length = 0;
      const third = await crawlCorpus(sqlite, dir, 'regensburg', replay.via, { today: '2026-09-25', now: () => '2026-09-25T09:00:00Z' });
      expect(asked(replay.server.requests)).toEqual([
        // the documents that are not there, tried again (up to five times)
        'do027.asp?DOLFDNR=451003&options=64 404', 'do027.asp?DOLFDNR=451004&options=64&typ=130 404',
        'si010.asp?MM=10&YY=2026 404', 'si010.asp?MM=11&YY=2026 404', 'si010.asp?MM=8&YY=2026 404', 'si010.asp?MM=9&YY=2026 304',
        'srv19.regensburg.de/robots.txt 404', 'to010.asp?SILFDNR=2665 404', 'to010.asp?SILFDNR=2667 304', 'vo040.asp 404',
      ]);
      expect(third.pages).toMatchObject({ fetched: 2, new: 0, changed: 0, unchanged: 2 });
      expect(third.changes).toBe(0);
      expect(loadPaperHistory(sqlite, paperId)).toHaveLength(3);
    } finally {
      close();
    }
  });

  test('without conditional requests, an unchanged page is recognised by its content hash and not imported again', async () => {
    const plain = await startCorpusReplay({ conditional: false });
    const { sqlite, close } = openDb(path.join(tmp.dir, 'plain.sqlite'));
    try {
      const dir = path.join(tmp.dir, 'plain');
      await crawlCorpus(sqlite, dir, 'regensburg', plain.via, { since: '2026-09-01', until: '2026-09-30', today: '2026-09-20' });
      const recordsBefore = sqlite.prepare('SELECT id, updated_at FROM records ORDER BY id').all();
      plain.server.requests.length = 0;
      const second = await crawlCorpus(sqlite, dir, 'regensburg', plain.via, { today: '2026-09-20', now: () => '2030-01-01T00:00:00Z' });
      expect(plain.server.requests.filter((r) => r.status === 200).map((r) => r.url).sort()).toEqual([
        'srv19.regensburg.de/bi/si010.asp?MM=9&YY=2026', 'srv19.regensburg.de/bi/to010.asp?SILFDNR=2667', 'srv19.regensburg.de/bi/vo020.asp?VOLFDNR=22820',
      ]);
      expect(plain.server.requests.some((r) => r.conditional)).toBe(false);
      expect(second.pages).toMatchObject({ fetched: 3, new: 0, changed: 0, unchanged: 3 });
      expect(sqlite.prepare('SELECT id, updated_at FROM records ORDER BY id').all()).toEqual(recordsBefore);
    } finally {
      close();
      await plain.server.close();
    }
  });
});
