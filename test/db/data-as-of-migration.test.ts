/**
 * Migration 0011 (papers.data_as_of): a database of the version before gets, for every paper whose own
 * page the crawler fetched, the page's last fetch time (the page store's index), and is derived again;
 * a paper known only from saved pages or the demo stays "not known" — never its import time.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { openDb } from '../../src/db/connection';
import { migrationsBefore as migrationsBeforeIn } from '../helpers/migrations-before';
import { makeTmpDir } from '../helpers/tmp';

const tmp = makeTmpDir();
afterAll(tmp.cleanup);

const migrationsBefore = (tag: string) => migrationsBeforeIn(tmp.dir, tag);

test('0011 fills data_as_of from the page store where the crawler read the paper\'s page, and leaves the rest unknown', () => {
  const file = path.join(tmp.dir, 'old.sqlite');
  const old = new Database(file);
  migrate(drizzle(old), { migrationsFolder: migrationsBefore('0012_data_as_of') });
  old.prepare("INSERT INTO sources (id, key, name) VALUES (1, 'regensburg', 'Regensburg'), (2, 'saved', 'saved')").run();
  const paper = old.prepare(`INSERT INTO papers (id, source_id, source_key, system, url, reference, originator, under_direction_of,
    related_references, files, text, record_hash, first_seen_at, updated_at, derived_on)
    VALUES (?, ?, ?, 'allris3', ?, ?, '[]', '[]', '[]', '[]', '[]', 'h', '2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z', '2026-12-01')`);
  paper.run(1, 1, '22820', 'https://srv19.regensburg.de/bi/vo020.asp?VOLFDNR=22820', 'VO/26/23343/D2');
  paper.run(2, 1, '22821', 'https://srv19.regensburg.de/bi/vo020.asp?VOLFDNR=22821', 'VO/26/23344');
  paper.run(3, 2, '1016851', 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/vo020.asp?VOLFDNR=1016851', '22-2402');
  const page = old.prepare(`INSERT INTO pages (source_id, url, status, content_hash, size, kind, fetched_at, changed_at)
    VALUES (?, ?, 200, 'x', 1, 'paper', ?, ?)`);
  page.run(1, 'https://srv19.regensburg.de/bi/vo020.asp?VOLFDNR=22820', '2026-09-20T08:00:00Z', '2026-09-01T08:00:00Z');
  // the same address in another source is not this paper's page
  page.run(1, 'https://srv19.regensburg.de/bi/to010.asp?SILFDNR=2667', '2026-11-30T08:00:00Z', '2026-11-30T08:00:00Z');
  page.run(2, 'https://srv19.regensburg.de/bi/vo020.asp?VOLFDNR=22821', '2026-11-30T08:00:00Z', '2026-11-30T08:00:00Z');
  old.close();

  const { sqlite, close } = openDb(file);
  try {
    expect(sqlite.prepare('SELECT id, data_as_of, derived_on FROM papers ORDER BY id').all()).toEqual([
      { id: 1, data_as_of: '2026-09-20T08:00:00Z', derived_on: null },
      { id: 2, data_as_of: null, derived_on: '2026-12-01' },
      { id: 3, data_as_of: null, derived_on: '2026-12-01' },
    ]);
    expect(sqlite.prepare('SELECT demo_shift_days FROM sources ORDER BY id').pluck().all()).toEqual([null, null]);
  } finally {
    close();
  }
});
