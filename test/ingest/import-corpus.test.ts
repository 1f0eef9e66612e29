import path from 'node:path';
import { openDb } from '../../src/db/connection';
import { listPapers } from '../../src/db/queries';
import { importSavedPages, collectFiles } from '../../src/ingest/saved-pages';
import { CORPUS, makeTmpDir } from '../helpers/tmp';

const NOW = '2026-11-24T09:00:00Z';
const TODAY = '2026-11-24';

describe('ratsradar import ../shared/corpus', () => {
  const tmp = makeTmpDir();
  afterAll(tmp.cleanup);
  const file = path.join(tmp.dir, 'corpus.sqlite');

  test('imports every vo020 page, skips the other kinds, fails none', () => {
    const { sqlite, close } = openDb(file);
    try {
      const summary = importSavedPages(sqlite, [CORPUS], { now: NOW, today: TODAY });
      const vo020 = collectFiles([CORPUS]).filter((f) => /\/vo020/.test(f));
      expect(vo020).toHaveLength(9);
      expect(summary.failed).toBe(0);
      expect(summary.inserted).toBe(vo020.length);
      const inserted = summary.files.filter((f) => f.status === 'inserted').map((f) => f.file).sort();
      expect(inserted).toEqual(vo020.sort());
      // everything else is skipped with a reason, PROVENANCE.md as "not a RIS page"
      expect(summary.skipped).toBe(summary.files.length - vo020.length);
      const provenance = summary.files.find((f) => f.file.endsWith('PROVENANCE.md'));
      expect(provenance?.detail).toMatch(/^skipped: not a RIS page/);
      const meeting = summary.files.find((f) => f.file.endsWith('to010-1004086.html'));
      expect(meeting?.detail).toMatch(/^skipped: allris3 to010 pages are not parsed yet/);
      // the source is the folder name
      const sources = sqlite.prepare('SELECT key FROM sources ORDER BY key').pluck().all();
      expect(sources).toEqual([
        'hamburg-altona', 'hamburg-bergedorf', 'hamburg-eimsbuettel', 'hamburg-mitte', 'hamburg-nord', 'hildesheim',
        'laatzen', 'landkreis-osnabrueck', 'regensburg',
      ]);
      // every paper got a derived state
      const { rows, total } = listPapers(sqlite, { limit: 50, offset: 0 });
      expect(total).toBe(9);
      for (const r of rows) expect(r.state).toEqual(expect.any(String));
    } finally {
      close();
    }
  });

  test('a second import of the same pages changes nothing', () => {
    const { sqlite, close } = openDb(file);
    try {
      const before = sqlite.prepare('SELECT id, record_hash, updated_at FROM papers ORDER BY id').all();
      const summary = importSavedPages(sqlite, [CORPUS], { now: '2026-11-25T09:00:00Z', today: TODAY });
      expect([summary.inserted, summary.updated, summary.unchanged, summary.failed]).toEqual([0, 0, 9, 0]);
      expect(sqlite.prepare('SELECT id, record_hash, updated_at FROM papers ORDER BY id').all()).toEqual(before);
    } finally {
      close();
    }
  });

  test('a missing path is an error before anything is imported', () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'missing.sqlite'));
    try {
      expect(() => importSavedPages(sqlite, [path.join(tmp.dir, 'nope')], { now: NOW, today: TODAY })).toThrow(/no such file or folder/);
    } finally {
      close();
    }
  });
});
