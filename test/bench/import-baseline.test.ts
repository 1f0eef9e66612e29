/** The import bench's baseline writes exactly the rows the import left behind: a copy reads back the same. */
import path from 'node:path';
import { generateWorld } from '../../bench/generate';
import { importCities, insertRows, rowsOf } from '../../bench/import';
import { openDb } from '../../src/db/connection';
import { makeTmpDir } from '../helpers/tmp';

const TODAY = '2026-10-01';

describe('the raw insert baseline of the import bench', () => {
  const tmp = makeTmpDir();
  afterAll(tmp.cleanup);

  it('copies every row of every table (stored facets, search index, trigger-kept tables) and nothing else', () => {
    const source = openDb(path.join(tmp.dir, 'import.sqlite'));
    const copy = openDb(path.join(tmp.dir, 'copy.sqlite'));
    try {
      const cities = [...generateWorld({ seed: 3, motions: 150, today: TODAY })];
      importCities(source.sqlite, cities, 40, `${TODAY}T00:00:00Z`);
      const rows = rowsOf(source.sqlite);
      const tables = rows.map((t) => t.table);
      expect(tables).toEqual(expect.arrayContaining(['sources', 'papers', 'meetings', 'agenda_items', 'consultation_meetings', 'records', 'papers_fts']));
      expect(tables).not.toContain('__drizzle_migrations');
      expect(tables.filter((t) => t.startsWith('papers_fts_'))).toEqual([]);
      // parents before children: every table comes after the tables its foreign keys point at
      expect(tables.indexOf('sources')).toBeLessThan(tables.indexOf('papers'));
      expect(tables.indexOf('meetings')).toBeLessThan(tables.indexOf('agenda_items'));
      expect(tables.indexOf('consultations')).toBeLessThan(tables.indexOf('consultation_meetings'));
      insertRows(copy.sqlite, rows);
      expect(rowsOf(copy.sqlite)).toEqual(rows);
      const hits = (db: typeof source) => db.sqlite.prepare("SELECT rowid FROM papers_fts WHERE papers_fts MATCH 'digitalisierung OR stadt' ORDER BY rowid").pluck().all();
      expect(hits(source).length).toBeGreaterThan(0);
      expect(hits(copy)).toEqual(hits(source));
    } finally {
      source.close();
      copy.close();
    }
  });
});
