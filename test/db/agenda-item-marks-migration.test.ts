/**
 * Migrations 0040 and 0042 on a database of the schema before them: Hamburg-Altona's meeting page (to010 SILFDNR=1004086)
 * imported, the supplement and note columns taken back and the stored agenda entries as the parser before read them.
 * Opened under 0040–0042 every row is kept, both columns empty; the meeting page read again marks its five
 * "Nachtrags-TOP" items and gives Ö 2.4 its remark.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDb } from '../../src/db/connection';
import { importSavedPages } from '../../src/ingest/saved-pages';
import { takeBackFrom } from '../helpers/migrations-before';
import { CORPUS, makeTmpDir } from '../helpers/tmp';

const tmp = makeTmpDir();
afterAll(() => tmp.cleanup());
const PAGE = path.join(CORPUS, 'allris3/hamburg-altona/to010-1004086.html');
const rows = (sqlite: Database.Database) => sqlite.prepare('SELECT * FROM agenda_items ORDER BY id').all() as Record<string, unknown>[];
const added = (sqlite: Database.Database) => sqlite.prepare('SELECT number FROM agenda_items WHERE supplement = 1 ORDER BY position').pluck().all();
const notes = (sqlite: Database.Database) => sqlite.prepare('SELECT number, note FROM agenda_items WHERE note IS NOT NULL ORDER BY position').all();
const NOTE = { number: '2.4', note: 'Nach eingegangener Stellungnahme des Mobilitätsausschusses wird die Beratung im Ausschuss für Grün, Naturschutz und Sport fortgesetzt' };

test('0040 and 0042 keep every agenda item row (supplement and note empty); the meeting page read again marks the items added later and gives the remark', () => {
  const file = path.join(tmp.dir, 'before-0040.sqlite');
  const written = openDb(file);
  importSavedPages(written.sqlite, [PAGE], { now: '2026-10-05T08:00:00Z', today: '2026-10-05', source: 'hamburg-altona' });
  expect(added(written.sqlite)).toEqual(['4', '5', '6', '7.6', '7.7']);
  expect(notes(written.sqlite)).toEqual([NOTE]);
  written.close();

  const old = new Database(file);
  takeBackFrom(old, '0040_agenda_item_supplement');
  // the agenda as the parser before read it: no supplement, no note in the stored entries
  old.prepare(`UPDATE records SET record = json_remove(record, '$.supplement', '$.note'), record_hash = 'read-before-0040' WHERE kind = 'AgendaItem'
    AND (json_extract(record, '$.supplement') IS NOT NULL OR json_extract(record, '$.note') IS NOT NULL)`).run();
  const before = rows(old);
  expect(before).toHaveLength(20);
  expect(Object.keys(before[0])).not.toContain('supplement');
  expect(Object.keys(before[0])).not.toContain('note');
  old.close();

  const upgraded = openDb(file);
  try {
    const after = rows(upgraded.sqlite);
    expect(after.map(({ supplement: _s, note: _n, ...r }) => r)).toEqual(before);
    expect(after.every((r) => r.supplement === null && r.note === null)).toBe(true);
    importSavedPages(upgraded.sqlite, [PAGE], { now: '2026-10-06T08:00:00Z', today: '2026-10-06', source: 'hamburg-altona' });
    expect(added(upgraded.sqlite)).toEqual(['4', '5', '6', '7.6', '7.7']);
    expect(notes(upgraded.sqlite)).toEqual([NOTE]);
    expect(upgraded.sqlite.pragma('foreign_key_check')).toEqual([]);
  } finally {
    upgraded.close();
  }
});
