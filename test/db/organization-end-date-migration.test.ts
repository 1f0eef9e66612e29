/**
 * Migration 0037 on a database of the schema before it: Hamburg-Nord's factions (fr010 list) and committees imported,
 * the end_date column taken back and the stored records as the parser before it read them. Opened under 0037 every
 * row is kept, end_date empty; the faction list read again gives the former factions the day they ended.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDb } from '../../src/db/connection';
import { importSavedPages } from '../../src/ingest/saved-pages';
import { takeBackFrom } from '../helpers/migrations-before';
import { CORPUS, makeTmpDir } from '../helpers/tmp';

const tmp = makeTmpDir();
afterAll(() => tmp.cleanup());
const NORD = path.join(CORPUS, 'allris3/hamburg-nord');
const rows = (sqlite: Database.Database) => sqlite.prepare('SELECT * FROM organizations ORDER BY id').all() as Record<string, unknown>[];
const ended = (sqlite: Database.Database) => sqlite.prepare('SELECT name, end_date FROM organizations WHERE end_date IS NOT NULL ORDER BY name').all();

test('0037 keeps every organization row (end_date empty); the faction list read again fills it', () => {
  const file = path.join(tmp.dir, 'before-0037.sqlite');
  const written = openDb(file);
  importSavedPages(written.sqlite, [NORD], { now: '2026-10-05T08:00:00Z', today: '2026-10-05' });
  written.close();

  const old = new Database(file);
  takeBackFrom(old, '0037_organization_end_date');
  // the faction list as the parser before it read it: no endDate in the stored records
  old.prepare("UPDATE records SET record = json_remove(record, '$.endDate'), record_hash = 'read-before-0037' WHERE kind = 'Organization' AND json_extract(record, '$.endDate') IS NOT NULL").run();
  const before = rows(old);
  expect(before.length).toBeGreaterThan(10);
  expect(Object.keys(before[0])).not.toContain('end_date');
  old.close();

  const upgraded = openDb(file);
  try {
    const after = rows(upgraded.sqlite);
    expect(after.map(({ end_date: _e, ...r }) => r)).toEqual(before);
    expect(after.every((r) => r.end_date === null)).toBe(true);
    importSavedPages(upgraded.sqlite, [path.join(NORD, 'fr010-list.html')], { now: '2026-10-06T08:00:00Z', today: '2026-10-06' });
    expect(ended(upgraded.sqlite)).toEqual([
      { name: 'AfD-Gruppe', end_date: '2024-07-03' }, { name: 'FDP-Gruppe', end_date: '2019-05-28' }, { name: 'Gruppe Piraten', end_date: '2019-06-19' },
    ]);
    expect(upgraded.sqlite.pragma('foreign_key_check')).toEqual([]);
  } finally {
    upgraded.close();
  }
});
