/**
 * A motion known first by its reference (an agenda row, or its own page that names no id) and later by
 * its id becomes one row, in either order and in one run or two, keeping its row id and what was seen
 * first; `ratsradar check` reports two rows of one source with one reference (and exits 1).
 * Real corpus pages, a real SQLite file per test.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openDb } from '../../src/db/connection';
import { checkDatabaseFile } from '../../src/db/check';
import { diffPaperSnapshots, recordPaperChanges, snapshotPaper } from '../../src/db/history';
import { importRecords } from '../../src/db/import';
import { importSavedPages } from '../../src/ingest/saved-pages';
import { parsePage } from '../../scrapers/parse';
import type { PaperRecord } from '../../scrapers/records';
import { ratsradarSrc } from '../helpers/cli-src';
import { CORPUS, makeTmpDir } from '../helpers/tmp';

const tmp = makeTmpDir();
afterAll(tmp.cleanup);
let n = 0;

const page = (p: string) => path.join(CORPUS, 'allris3', p);
const RGB_PAPER = page('regensburg/vo020-VO-26-23343-D2-excerpt.html');
const RGB_AGENDA = page('regensburg/to010-2667-excerpt.html');
const LKOS_PAPER = page('landkreis-osnabrueck/vo020r-4010-excerpt.html');
const LKOS_AGENDA = page('landkreis-osnabrueck/to010r-1543-excerpt.html');

interface PaperRow {
  id: number;
  entity_key: string;
  url: string | null;
  stations: number;
}

function papersWith(sqlite: Database.Database, reference: string): PaperRow[] {
  return sqlite.prepare(`SELECT id, entity_key, url, (SELECT COUNT(*) FROM consultations c WHERE c.paper_id = p.id) AS stations
    FROM papers p WHERE reference = ? ORDER BY id`).all(reference) as PaperRow[];
}

/** Imports the runs (each a list of files, with its own clock) into a fresh database. */
function importRuns(runs: string[][]): { sqlite: Database.Database; close: () => void; file: string } {
  const file = path.join(tmp.dir, `db-${++n}.sqlite`);
  const db = openDb(file);
  runs.forEach((files, i) => importSavedPages(db.sqlite, files, { now: `2026-10-0${i + 1}T08:00:00Z`, today: `2026-10-0${i + 1}` }));
  return { ...db, file };
}

describe.each([
  ['Regensburg', 'VO/26/23343/D2', RGB_PAPER, RGB_AGENDA, '22820', 'https://srv19.regensburg.de/bi/vo020.asp?VOLFDNR=22820', 2],
  ['Landkreis Osnabrück', 'VO/2026/181', LKOS_PAPER, LKOS_AGENDA, '4010', 'https://kis.lkos.de/bi/vo020_r.asp?VOLFDNR=4010', 3],
])('%s %s: a paper page without its id and the agenda that names it', (_city, reference, paperPage, agendaPage, id, url, stations) => {
  test('agenda first, page later (two runs): one row, found by its reference, read at its address', () => {
    const db = importRuns([[agendaPage], [paperPage]]);
    try {
      const [row] = papersWith(db.sqlite, reference);
      expect(papersWith(db.sqlite, reference)).toEqual([{ id: row.id, entity_key: id, url, stations }]);
      // the page's documents are read against its address, as with a manifest
      const files = db.sqlite.prepare('SELECT url FROM files WHERE paper_id = ? ORDER BY position, id').pluck().all(row.id) as string[];
      expect(files.length).toBe(2);
      for (const f of files) expect(f).toMatch(/^https:\/\/[^/]+\/bi\/do027\.asp\?DOLFDNR=\d+&options=64/);
    } finally {
      db.close();
    }
  });

  test('page first, agenda later (two runs): the row the page made becomes the paper\'s, with its id and first sighting kept', () => {
    const db = importRuns([[paperPage], [agendaPage]]);
    try {
      const before = importRuns([[paperPage]]);
      const placeholder = papersWith(before.sqlite, reference);
      before.close();
      expect(placeholder.map((p) => p.entity_key)).toEqual([`ref:${reference}`]);
      const rows = papersWith(db.sqlite, reference);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ entity_key: id, stations });
      expect(rows[0].id).toBe(1);
      // the page's own facet keeps the day it was first read
      expect(db.sqlite.prepare("SELECT first_seen_at FROM records WHERE kind = 'Paper' AND entity_key = ? AND facet = 'allris3'").pluck().get(id))
        .toBe('2026-10-01T08:00:00Z');
      // the agenda's items link to it
      expect(db.sqlite.prepare('SELECT COUNT(*) FROM agenda_items WHERE paper_id = ?').pluck().get(rows[0].id)).toBe(1);
      expect(checkDatabaseFile(db.file).problems).toEqual([]);
    } finally {
      db.close();
    }
  });

  test('both in one run, the page named first: one row at its address (pages without an id are read last)', () => {
    const db = importRuns([[paperPage, agendaPage]]);
    try {
      expect(papersWith(db.sqlite, reference)).toEqual([{ id: expect.any(Number), entity_key: id, url, stations }]);
    } finally {
      db.close();
    }
  });
});

describe('ratsradar check: two papers of one source with one reference', () => {
  test('a page saved under two addresses makes two rows; check names them and exits 1', () => {
    const file = path.join(tmp.dir, 'twice.sqlite');
    const nord = page('hamburg-nord/vo020-1016851.html');
    const manifest = (url: string) => {
      const m = path.join(tmp.dir, `manifest-${++n}.json`);
      fs.writeFileSync(m, JSON.stringify({ pages: [{ url, file: nord }] }));
      return m;
    };
    const base = 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/vo020.asp?VOLFDNR=';
    expect(ratsradarSrc(['import', nord, '--db', file, '--manifest', manifest(`${base}1016851`)]).code).toBe(0);
    // the same page again under another VOLFDNR (a wrong manifest entry) is refused now: the page states its own id
    const wrong = ratsradarSrc(['import', nord, '--db', file, '--manifest', manifest(`${base}999`)]);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout + wrong.stderr).toContain('the page is Vorlage VOLFDNR=1016851, not VOLFDNR=999 its address asks for; not read');
    expect(checkDatabaseFile(file).problems).toEqual([]);
    // a database that holds one motion twice all the same (written before that, or by hand): the same record under key 999
    const record = parsePage(fs.readFileSync(nord), `${base}1016851`) as PaperRecord;
    const db = openDb(file);
    try {
      importRecords(db.sqlite, { key: 'hamburg-nord', name: 'Hamburg-Nord' }, [{ ...record, sourceId: '999', url: `${base}999` }], '2026-11-24T09:00:00Z');
    } finally {
      db.close();
    }
    expect(checkDatabaseFile(file).problems).toEqual([
      'papers: 2 rows of source hamburg-nord have the reference 22-2402 (keys 1016851, 999): one motion stored twice',
    ]);
    const c = ratsradarSrc(['check', '--db', file]);
    expect(c.code).toBe(1);
    expect(c.stdout + c.stderr).toContain('papers: 2 rows of source hamburg-nord have the reference 22-2402');
  });
});

describe('the change log of a paper known first by its reference', () => {
  test('stays with the motion when the agenda names its id', () => {
    // the Regensburg page as read on day 2: its first station's result changed (made here from the corpus page)
    const changed = path.join(tmp.dir, 'vo020-changed.html');
    fs.writeFileSync(changed, fs.readFileSync(RGB_PAPER, 'utf8').replace('ungeändert beschlossen&nbsp;', 'geändert beschlossen&nbsp;'));
    const folder = path.join(tmp.dir, 'regensburg');
    fs.mkdirSync(folder, { recursive: true });
    const copy = (from: string, name: string) => {
      const to = path.join(folder, name);
      fs.copyFileSync(from, to);
      return to;
    };
    const file = path.join(tmp.dir, `db-${++n}.sqlite`);
    const db = openDb(file);
    try {
      const run = (f: string, day: string) => importSavedPages(db.sqlite, [f], { now: `${day}T08:00:00Z`, today: day });
      run(copy(RGB_PAPER, 'vo020.html'), '2026-10-01');
      const [placeholder] = papersWith(db.sqlite, 'VO/26/23343/D2');
      expect(placeholder.entity_key).toBe('ref:VO/26/23343/D2');
      // the change log as a crawl writes it around its import (src/db/history.ts)
      const before = snapshotPaper(db.sqlite, placeholder.id)!;
      run(copy(changed, 'vo020.html'), '2026-10-02');
      recordPaperChanges(db.sqlite, placeholder.id, diffPaperSnapshots(before, snapshotPaper(db.sqlite, placeholder.id)!), '2026-10-02T08:00:00Z', null);
      const log = db.sqlite.prepare('SELECT field, old_value, new_value FROM paper_changes WHERE paper_id = ? ORDER BY id').all(placeholder.id);
      expect(log).toEqual([expect.objectContaining({ field: 'result', old_value: 'ungeändert beschlossen', new_value: 'geändert beschlossen' })]);
      run(copy(RGB_AGENDA, 'to010.html'), '2026-10-03');
      // the page was saved without its address; the agenda's link gives it (vo020.asp?VOLFDNR=22820 beside its to010)
      expect(papersWith(db.sqlite, 'VO/26/23343/D2')).toEqual([{ id: placeholder.id, entity_key: '22820', url: 'https://srv19.regensburg.de/bi/vo020.asp?VOLFDNR=22820', stations: 2 }]);
      expect(db.sqlite.prepare('SELECT field, old_value, new_value FROM paper_changes WHERE paper_id = ? ORDER BY id').all(placeholder.id))
        .toEqual(expect.arrayContaining(log));
    } finally {
      db.close();
    }
  });
});
