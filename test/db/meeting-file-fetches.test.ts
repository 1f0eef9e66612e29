/**
 * A meeting's documents keep their fetch as a motion's do: migration 0030 on a database of the schema before
 * it keeps every meeting_files row and gives it its meeting's source; a fetch noted by address reaches the
 * meeting's row; the page read again with one more document keeps the fetch of those it had. The corpus's
 * real Hamburg-Nord Bezirksversammlung of 11.12.2025 (to010-1003143); a real SQLite file.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { MeetingRecord } from '../../scrapers/records';
import { openDb } from '../../src/db/connection';
import { documentSettled, documentsToRetry, markFiles } from '../../src/db/documents';
import { importRecords } from '../../src/db/import';
import { takeBackFrom } from '../helpers/migrations-before';
import { makeTmpDir } from '../helpers/tmp';

const RECORD = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'expected', 'allris3', 'hamburg-nord', 'to010-1003143.json'), 'utf8')) as MeetingRecord;
const SRC = { key: 'hamburg-nord', name: 'Hamburg-Nord' };
const [BEKANNTMACHUNG, NACHTRAG, NIEDERSCHRIFT] = RECORD.files!.map((f) => f.url!);
const rows = (sqlite: Database.Database) => sqlite.prepare(`SELECT f.name, f.source_id = m.source_id AS sameSource, f.fetch_state AS state, f.content_hash AS hash,
  f.fetch_attempts AS attempts, f.fetch_error AS error FROM meeting_files f JOIN meetings m ON m.id = f.meeting_id ORDER BY f.position`).all();

describe('a meeting\'s documents keep their fetch', () => {
  const tmp = makeTmpDir();
  afterAll(() => tmp.cleanup());

  test('0030 keeps every row of a database from before it, each with its meeting\'s source, none fetched', () => {
    const file = path.join(tmp.dir, 'before-0030.sqlite');
    const written = openDb(file);
    importRecords(written.sqlite, SRC, [RECORD], '2025-12-20T09:00:00Z');
    written.close();
    const old = new Database(file);
    takeBackFrom(old, '0030_meeting_file_fetches');
    expect(old.prepare('SELECT * FROM meeting_files ORDER BY position').all()).toEqual(RECORD.files!.map((f, i) => ({ meeting_id: 1, position: i, name: f.name, url: f.url })));
    old.close();

    const upgraded = openDb(file);
    try {
      expect(rows(upgraded.sqlite)).toEqual(RECORD.files!.map((f) => ({ name: f.name, sameSource: 1, state: null, hash: null, attempts: 0, error: null })));
      expect(upgraded.sqlite.pragma('foreign_key_check')).toEqual([]);
    } finally {
      upgraded.close();
    }
  });

  test('a fetch noted by address reaches the meeting\'s row; read again with a document more, the page keeps the others\' fetch', () => {
    const db = openDb(path.join(tmp.dir, 'fetch.sqlite'));
    try {
      const earlier: MeetingRecord = { ...RECORD, files: RECORD.files!.slice(0, 2) };
      importRecords(db.sqlite, SRC, [earlier], '2025-12-05T09:00:00Z');
      const source = db.sqlite.prepare('SELECT id FROM sources WHERE key = ?').pluck().get(SRC.key) as number;
      expect(markFiles(db.sqlite, source, BEKANNTMACHUNG, { state: 'fetched', hash: 'a'.repeat(64), at: '2025-12-05T10:00:00Z' })).toBe(1);
      expect(markFiles(db.sqlite, source, NACHTRAG, { state: 'failed', error: 'http-5xx: HTTP 503 after 4 tries', at: '2025-12-05T10:00:00Z' })).toBe(1);
      expect(documentSettled(db.sqlite, source, BEKANNTMACHUNG)).toBe(true);
      expect(documentSettled(db.sqlite, source, NACHTRAG)).toBe(false);
      // a failed one is planned again by the next run, whatever the pages lead to
      expect(documentsToRetry(db.sqlite, source)).toEqual([NACHTRAG]);

      importRecords(db.sqlite, SRC, [RECORD], '2026-01-12T09:00:00Z');
      expect(rows(db.sqlite)).toEqual([
        { name: 'Bekanntmachung', sameSource: 1, state: 'fetched', hash: 'a'.repeat(64), attempts: 1, error: null },
        { name: 'Bekanntmachung Nachtrag', sameSource: 1, state: 'failed', hash: null, attempts: 1, error: 'http-5xx: HTTP 503 after 4 tries' },
        { name: 'Niederschrift öffent. Teil', sameSource: 1, state: null, hash: null, attempts: 0, error: null },
      ]);
      expect(documentSettled(db.sqlite, source, NIEDERSCHRIFT)).toBe(false);
    } finally {
      db.close();
    }
  });
});
