/**
 * A crawled page over the field size caps is stored cut and named in the crawl report
 * (errors.capped, with what was cut). The page is the Regensburg corpus motion with a 3 MB title,
 * made in the test and served by the replay server at the motion's URL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MAX_FIELD_CHARS } from '../../../scrapers/shared/caps';
import { openDb } from '../../../src/db/connection';
import { useCorpusReplay } from '../../helpers/replay';
import { crawlCorpus } from '../../helpers/crawl';
import { CORPUS, makeTmpDir } from '../../helpers/tmp';

const PAPER = 'https://srv19.regensburg.de/bi/vo020.asp?VOLFDNR=22820';
const PAGE = fs.readFileSync(path.join(CORPUS, 'allris3/regensburg/vo020-VO-26-23343-D2-excerpt.html'), 'utf8');

describe('caps in a crawl', () => {
  const tmp = makeTmpDir();
  const replay = useCorpusReplay();
  afterAll(() => tmp.cleanup());

  test('the motion with a 3 MB title is stored cut, and the report says so', async () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'caps.sqlite'));
    try {
      const title = '(KlaR) - Abschlussbericht';
      expect(PAGE).toContain(title);
      replay.server.setPage(PAPER, Buffer.from(PAGE.replace(title, `${title} ${'Umweltzone '.repeat(300_000)}`), 'utf8'));
      const report = await crawlCorpus(sqlite, path.join(tmp.dir, 'run'), 'regensburg', replay.via, { since: '2026-09-01', until: '2026-09-30', today: '2026-09-20' });
      expect(report.errors.capped).toBe(1);
      expect(report.errorSamples.filter((e) => e.error === 'capped')).toEqual([
        { url: PAPER, error: 'capped', message: expect.stringMatching(new RegExp(`^name: \\d{7} → ${MAX_FIELD_CHARS} characters$`)) },
      ]);
      expect(sqlite.prepare("SELECT LENGTH(name) FROM papers WHERE external_id = '22820'").pluck().get()).toBe(MAX_FIELD_CHARS);
    } finally {
      close();
    }
  });
});
