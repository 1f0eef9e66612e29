/**
 * Migration 0018 (paper_changes as codes): a database of the schema before it, holding change-log rows
 * as the code before wrote them (German display text), opens under today's schema with every row kept,
 * the motion page's change log showing the same text before and after, the rows it can read back stored
 * as codes and ISO dates, and a row it cannot read back kept as its text (raw_text).
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { openDb } from '../../src/db/connection';
import { loadPaperHistory } from '../../src/db/history';
import { migrationsBefore } from '../helpers/migrations-before';
import { makeTmpDir } from '../helpers/tmp';

const tmp = makeTmpDir();
afterAll(tmp.cleanup);

type Row = [paperId: number, seenAt: string, field: string, context: string, oldValue: string | null, newValue: string | null];

const UMWELT = '2. Ausschuss für Umweltfragen, Natur- und Klimaschutz';
/** Rows as src/db/history.ts wrote them before codes (display text), one of each kind and some odd ones. */
const OLD_ROWS: Row[] = [
  [1, '2026-09-25T08:00:00Z', 'stationStatus', UMWELT, 'Geplant', 'Erledigt'],
  [1, '2026-09-25T08:00:00Z', 'meetingDate', UMWELT, '17.09.2026', '24.09.2026'],
  [1, '2026-09-25T08:00:00Z', 'result', `${UMWELT}, Sitzung am 24.09.2026`, null, 'ungeändert beschlossen'],
  [1, '2026-10-01T08:00:00Z', 'name', '', 'Radweg Nord', 'Radweg Nord (geändert)'],
  [1, '2026-10-01T08:00:00Z', 'date', '', '22.09.2026', '23.09.2026'],
  [1, '2026-10-01T08:00:00Z', 'statusText', '', null, 'öffentlich'],
  [1, '2026-10-01T08:00:00Z', 'meetingDate', '1. Stadtrat (Entscheidung), 2. Sitzung', '01.10.2026', null],
  [1, '2026-10-01T08:00:00Z', 'result', '1. unbekanntes Gremium, Sitzung am ohne Datum', 'vertagt', 'abgelehnt'],
  [2, '2026-10-02T08:00:00Z', 'consultation', '', 'Bauausschuss (Vorberatung) → Stadtrat (Entscheidung)', 'Bauausschuss (Vorberatung) → unbekanntes Gremium → Stadtrat'],
  [2, '2026-10-02T08:00:00Z', 'meetings', '1. Bauausschuss (Vorberatung)', '17.09.2026', '17.09.2026, ohne Datum'],
  // a committee whose name has brackets: read as committee "Ausschuss" with role "Umwelt", rendered alike
  [2, '2026-10-02T08:00:00Z', 'stationStatus', '3. Ausschuss (Umwelt)', null, 'Geplant'],
  // not readable back: a date the old code showed as it was, a context of no known shape, a field it never wrote
  [2, '2026-10-03T08:00:00Z', 'date', '', '2026-09-22T10:00:00', '22.09.2026'],
  [2, '2026-10-03T08:00:00Z', 'result', 'Sitzung vom 3.9.', 'vertagt', 'beschlossen'],
  [2, '2026-10-03T08:00:00Z', 'votes', '', '3', '4'],
];

const OLD_LABELS: Record<string, string> = {
  name: 'Betreff', date: 'Datum', statusText: 'Status', consultation: 'Beratungsfolge', stationStatus: 'Stand der Station',
  meetings: 'Sitzungen', meetingDate: 'Sitzungstermin', result: 'Ergebnis',
};

/** The change log as the motion page showed it before (display text shown as stored), newest first. */
function shownBefore(paperId: number) {
  return OLD_ROWS.map((r, i) => ({ r, i }))
    .filter(({ r }) => r[0] === paperId)
    .sort((a, b) => b.r[1].localeCompare(a.r[1]) || a.i - b.i)
    .map(({ r }) => ({ field: r[2], label: OLD_LABELS[r[2]] ?? r[2], context: r[3], oldValue: r[4] ?? '–', newValue: r[5] ?? '–' }));
}

test('0018 keeps every change-log row, stores codes where the text reads back, and shows the same text', () => {
  const file = path.join(tmp.dir, 'old.sqlite');
  const old = new Database(file);
  migrate(drizzle(old), { migrationsFolder: migrationsBefore(tmp.dir, '0018_paper_changes_codes') });
  old.prepare("INSERT INTO sources (id, key, name) VALUES (1, 'regensburg', 'Regensburg')").run();
  const paper = old.prepare(`INSERT INTO papers (id, source_id, source_key, system, url, reference, originator, under_direction_of,
    related_references, files, text, record_hash, first_seen_at, updated_at, derived_on)
    VALUES (?, 1, ?, 'allris3', NULL, ?, '[]', '[]', '[]', '[]', '[]', 'h', '2026-09-01T10:00:00Z', '2026-09-01T10:00:00Z', '2026-09-01')`);
  paper.run(1, '22820', 'VO/26/1');
  paper.run(2, '22821', 'VO/26/2');
  const insert = old.prepare('INSERT INTO paper_changes (paper_id, seen_at, field, context, old_value, new_value, run_id) VALUES (?, ?, ?, ?, ?, ?, NULL)');
  for (const r of OLD_ROWS) insert.run(...r);
  const idsBefore = old.prepare('SELECT id, paper_id, seen_at, field FROM paper_changes ORDER BY id').all();
  old.close();

  const { sqlite, close } = openDb(file);
  try {
    // every row kept, with its paper, time and field
    expect(sqlite.prepare('SELECT id, paper_id, seen_at, field FROM paper_changes ORDER BY id').all()).toEqual(idsBefore);
    // the same text on the motion page
    for (const id of [1, 2]) {
      expect(loadPaperHistory(sqlite, id).map(({ field, label, context, oldValue, newValue }) => ({ field, label, context, oldValue, newValue })))
        .toEqual(shownBefore(id));
    }
    expect(loadPaperHistory(sqlite, 1)[0].seenAtText).toBe('01.10.2026, 10:00');
    // codes and ISO dates where the text read back
    const stored = sqlite.prepare('SELECT field, context, old_value, new_value, raw_text FROM paper_changes ORDER BY id').all() as Record<string, string | null>[];
    expect(stored[1]).toEqual({
      field: 'meetingDate', context: JSON.stringify({ station: 2, organization: 'Ausschuss für Umweltfragen, Natur- und Klimaschutz', role: null }),
      old_value: '2026-09-17', new_value: '2026-09-24', raw_text: null,
    });
    expect(stored[2].context).toBe(JSON.stringify({ station: 2, organization: 'Ausschuss für Umweltfragen, Natur- und Klimaschutz', role: null, meetingDate: '2026-09-24' }));
    expect(stored[4]).toMatchObject({ old_value: '2026-09-22', new_value: '2026-09-23' });
    expect(stored[7].context).toBe(JSON.stringify({ station: 1, organization: null, role: null, meetingDate: null }));
    expect(JSON.parse(stored[8].new_value!)).toEqual([['Bauausschuss', 'Vorberatung'], [null, null], ['Stadtrat', null]]);
    expect(JSON.parse(stored[9].new_value!)).toEqual(['2026-09-17', null]);
    expect(stored.slice(0, 11).every((r) => r.raw_text === null)).toBe(true);
    // the three it could not read back keep their text whole
    expect(stored.slice(11).map((r) => JSON.parse(r.raw_text!))).toEqual(OLD_ROWS.slice(11).map((r) => ({ context: r[3], oldValue: r[4], newValue: r[5] })));
  } finally {
    close();
  }
  // opening again changes nothing
  const again = openDb(file);
  try {
    expect(again.sqlite.prepare('SELECT count(*) FROM paper_changes WHERE raw_text IS NOT NULL').pluck().get()).toBe(3);
    expect(again.sqlite.prepare('SELECT count(*) FROM paper_changes').pluck().get()).toBe(OLD_ROWS.length);
  } finally {
    again.close();
  }
});
