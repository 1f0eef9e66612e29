import path from 'node:path';
import type Database from 'better-sqlite3';
import { openDb } from '../../src/db/connection';
import { importSavedPages, collectFiles } from '../../src/ingest/saved-pages';
import { CORPUS, makeTmpDir } from '../helpers/tmp';

const NOW = '2026-11-24T09:00:00Z';
const TODAY = '2026-11-24';
const TABLES = ['sources', 'records', 'papers', 'consultations', 'consultation_meetings', 'meetings', 'agenda_items', 'organizations', 'people', 'memberships', 'files'];

function snapshot(sqlite: Database.Database) {
  return Object.fromEntries(TABLES.map((t) => [t, sqlite.prepare(`SELECT * FROM ${t} ORDER BY id`).all()]));
}

describe('ratsradar import ../shared/corpus', () => {
  const tmp = makeTmpDir();
  afterAll(tmp.cleanup);
  const file = path.join(tmp.dir, 'corpus.sqlite');

  test('imports every page, skips none, fails none, and counts every kind', () => {
    const { sqlite, close } = openDb(file);
    try {
      const summary = importSavedPages(sqlite, [CORPUS], { now: NOW, today: TODAY });
      const pages = collectFiles([CORPUS]);
      expect(summary.files).toHaveLength(pages.length);
      expect(summary.files.filter((f) => f.status === 'skipped' || f.status === 'failed')).toEqual([]);
      // the only file that is not a saved page
      expect(summary.ignored.map((f) => path.basename(f))).toEqual(['PROVENANCE.md']);
      const { byKind } = summary;
      expect(byKind.Paper.inserted).toBeGreaterThanOrEqual(9 + 50 + 4);
      expect(byKind.Meeting.inserted).toBeGreaterThanOrEqual(12 + 70);
      expect(byKind.AgendaItem.inserted).toBeGreaterThan(150);
      // 6 + 5 + 10 organizations; the fraction list names Hamburg-Nord's GRÜNE before their own page (fr020-1120) updates them
      expect(byKind.Organization.inserted).toBeGreaterThanOrEqual(6 + 5 + 9);
      expect(byKind.Organization.inserted + byKind.Organization.updated).toBeGreaterThanOrEqual(6 + 5 + 10);
      // every paper got a derived state
      const states = sqlite.prepare('SELECT state FROM papers').pluck().all();
      expect(states.length).toBeGreaterThanOrEqual(9 + 50 + 4);
      for (const state of states) expect(state).toEqual(expect.any(String));
      // the source is the folder name
      expect(sqlite.prepare("SELECT COUNT(*) FROM sources WHERE key IN ('hamburg-altona', 'laatzen', 'trier', 'leipzig')").pluck().get()).toBe(4);
    } finally {
      close();
    }
  });

  test('a second import of the same pages changes nothing', () => {
    const { sqlite, close } = openDb(file);
    try {
      const before = snapshot(sqlite);
      const summary = importSavedPages(sqlite, [CORPUS], { now: '2026-11-25T09:00:00Z', today: TODAY });
      expect([summary.inserted, summary.updated, summary.skipped, summary.failed]).toEqual([0, 0, 0, 0]);
      expect(summary.unchanged).toBe(summary.files.length);
      expect(snapshot(sqlite)).toEqual(before);
    } finally {
      close();
    }
  });

  test('a Hamburg meeting lists its agenda with results; items link to the motions on it, and the motions link back', () => {
    const { sqlite, close } = openDb(file);
    try {
      const meeting = sqlite.prepare(`SELECT m.id FROM meetings m JOIN sources s ON s.id = m.source_id
        WHERE s.key = 'hamburg-altona' AND m.external_id = '1004086'`).get() as { id: number };
      const items = sqlite.prepare('SELECT number, result, paper_id FROM agenda_items WHERE meeting_id = ? ORDER BY position').all(meeting.id) as { number: string; result: string | null; paper_id: number | null }[];
      expect(items.length).toBe(20);
      expect(items.filter((i) => i.result).length).toBeGreaterThan(10);
      const linked = items.filter((i) => i.paper_id !== null);
      expect(linked.length).toBeGreaterThan(0);
      for (const i of linked) {
        const back = sqlite.prepare(`SELECT COUNT(*) FROM consultation_meetings cm JOIN consultations c ON c.id = cm.consultation_id
          WHERE c.paper_id = ? AND cm.meeting_id = ?`).pluck().get(i.paper_id, meeting.id);
        expect(back).toBe(1);
      }
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
