/**
 * `ratsradar import ../shared/corpus` — the README's first import, no manifest — stores what `ratsradar
 * import ../shared/corpus --manifest test/fixtures/replay/corpus-manifest.json` stores: two real SQLite
 * files, compared table by table by identity and content (row ids and timestamps left out, foreign keys
 * as the natural key of the row they point at: test/helpers/db-dump.ts). One motion is one row; sources
 * carry their names from data/sources.json; `ratsradar check` finds nothing.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkDatabaseFile } from '../../src/db/check';
import { loadSourcesFile } from '../../src/ingest/crawl/sources';
import { dumpContent } from '../helpers/db-dump';
import { ratsradarSrc } from '../helpers/cli-src';
import { CORPUS_MANIFEST } from '../helpers/replay';
import { CORPUS, makeTmpDir } from '../helpers/tmp';

const tmp = makeTmpDir();
afterAll(tmp.cleanup);
const plainFile = path.join(tmp.dir, 'plain.sqlite');
const manifestFile = path.join(tmp.dir, 'manifest.sqlite');

/**
 * The one page of the corpus whose content does not say what its address says: Hohenhameln's calendar
 * excerpt names no month or year anywhere (test/scrapers/page-url.test.ts SILENT), so without the
 * manifest its three meetings have no date. Everything else must be equal.
 */
const UNDATED_WITHOUT_ADDRESS = ['hohenhameln/1206', 'hohenhameln/1207', 'hohenhameln/1293'];

type Dump = Record<string, Record<string, unknown>[]>;
let plain: Dump;
let withManifest: Dump;
let imports: { code: number | null; stdout: string; stderr: string }[];

function openRead(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}

function dump(file: string): Dump {
  const db = openRead(file);
  try {
    const out = dumpContent(db) as Dump;
    // the parts of a source the import writes (dumpContent compares only the key)
    out.sources = db.prepare('SELECT key, name, system, base_url FROM sources ORDER BY key').all() as Record<string, unknown>[];
    out.paper_related_references = db.prepare(`SELECT s.key || '/' || p.entity_key AS paper, r.reference_key FROM paper_related_references r
      JOIN papers p ON p.id = r.paper_id JOIN sources s ON s.id = p.source_id ORDER BY 1, 2`).all() as Record<string, unknown>[];
    return out;
  } finally {
    db.close();
  }
}

beforeAll(() => {
  imports = [
    ratsradarSrc(['import', CORPUS, '--db', plainFile]),
    ratsradarSrc(['import', CORPUS, '--db', manifestFile, '--manifest', CORPUS_MANIFEST]),
  ];
  plain = dump(plainFile);
  withManifest = dump(manifestFile);
}, 240000);

const meetingKey = (row: Record<string, unknown>) => `${row.source_id}/${row.entity_key}`;

describe('import without a manifest = import with the manifest', () => {
  test('both imports read every page', () => {
    for (const r of imports) {
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toMatch(/^66 files: \d+ inserted, \d+ updated, 0 unchanged, 0 skipped, 0 failed; 1 other files ignored$/m);
    }
  });

  test('the report names the pages that name no address of its own (and so get none without a manifest)', () => {
    const silent = (out: string) => out.split('\n').filter((l) => l.endsWith('; the page names no address of its own)'))
      .map((l) => path.relative(CORPUS, l.split(': ')[0]));
    expect(silent(imports[0].stdout)).toEqual([
      'allris3/hamburg-nord/fr010-list.html', 'allris3/hamburg-nord/vo040-list.html', 'allris3/hohenhameln/si010-calendar-excerpt.html',
      'allris4/trier/si010-ajax-calendar-2026-10.xml', 'oparl/braunschweig/oparl1.1-paper-array-4papers.json',
    ]);
    // with the manifest only the page it has no address for
    expect(silent(imports[1].stdout)).toEqual(['oparl/braunschweig/oparl1.1-paper-array-4papers.json']);
  });

  test.each([
    'sources', 'papers', 'consultations', 'consultation_meetings', 'agenda_items', 'organizations', 'people', 'memberships', 'files',
    'paper_changes', 'paper_related_references', 'papers_fts',
  ])('%s: the same rows', (table) => {
    // (the corpus has no change log and no Bezug rows: those two tables are empty in both)
    expect(plain[table].length).toBeGreaterThan(['paper_changes', 'paper_related_references'].includes(table) ? -1 : 0);
    expect(plain[table]).toEqual(withManifest[table]);
  });

  test('meetings: the same rows, but for the calendar that names no month', () => {
    const other = (rows: Record<string, unknown>[]) => rows.filter((r) => !UNDATED_WITHOUT_ADDRESS.includes(meetingKey(r)));
    expect(other(plain.meetings)).toEqual(other(withManifest.meetings));
    expect(other(plain.meetings).length).toBe(87);
    for (const key of UNDATED_WITHOUT_ADDRESS) {
      const a = plain.meetings.find((r) => meetingKey(r) === key)!;
      const b = withManifest.meetings.find((r) => meetingKey(r) === key)!;
      expect(a.date).toBeNull();
      expect(b.date).toMatch(/^2026-09-0[13]$/);
      expect({ ...a, date: null, provenance: null }).toEqual({ ...b, date: null, provenance: null });
    }
  });

  test('records (every facet of every entity): the same, but for that calendar', () => {
    const other = (rows: Record<string, unknown>[]) =>
      rows.filter((r) => !(r.kind === 'Meeting' && r.facet === 'calendar' && UNDATED_WITHOUT_ADDRESS.includes(`${r.source_id}/${r.entity_key}`)));
    expect(other(plain.records)).toEqual(other(withManifest.records));
    expect(plain.records.length - other(plain.records).length).toBe(3);
  });
});

describe('one motion per reference', () => {
  test.each([['plain', plainFile], ['manifest', manifestFile]])('%s import: no two papers of one source share a reference', (_name, file) => {
    const db = openRead(file);
    try {
      expect(db.prepare(`SELECT source_id, reference, COUNT(*) AS n FROM papers WHERE reference IS NOT NULL
        GROUP BY source_id, reference HAVING n > 1`).all()).toEqual([]);
      expect(db.prepare("SELECT COUNT(*) FROM papers WHERE entity_key LIKE 'ref:%'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  test('Regensburg VO/26/23343/D2 and Landkreis Osnabrück VO/2026/181: one row each, with their own page\'s Beratungsfolge and address', () => {
    const db = openRead(plainFile);
    try {
      const rows = db.prepare(`SELECT s.key, p.entity_key, p.url, (SELECT COUNT(*) FROM consultations c WHERE c.paper_id = p.id) AS stations
        FROM papers p JOIN sources s ON s.id = p.source_id WHERE p.reference IN ('VO/26/23343/D2', 'VO/2026/181') ORDER BY s.key`).all();
      expect(rows).toEqual([
        { key: 'landkreis-osnabrueck', entity_key: '4010', url: 'https://kis.lkos.de/bi/vo020_r.asp?VOLFDNR=4010', stations: 3 },
        { key: 'regensburg', entity_key: '22820', url: 'https://srv19.regensburg.de/bi/vo020.asp?VOLFDNR=22820', stations: 2 },
      ]);
      // no second row of the same case (reference stem) that the motion page would show as its Ursprungsvorlage
      expect(db.prepare("SELECT COUNT(*) FROM papers WHERE reference LIKE 'VO/26/23343%' OR reference LIKE 'VO/2026/181%'").pluck().get()).toBe(2);
    } finally {
      db.close();
    }
  });

  test('ratsradar check finds nothing in either database', () => {
    expect(checkDatabaseFile(plainFile).problems).toEqual([]);
    expect(checkDatabaseFile(manifestFile).problems).toEqual([]);
    const c = ratsradarSrc(['check', '--db', plainFile]);
    expect([c.code, c.stdout]).toEqual([0, `${plainFile}: ok (integrity_check, foreign_key_check, search index, Beratungsfolge copies, one paper per reference)\n`]);
  });
});

describe('sources take their names and base URLs from data/sources.json', () => {
  test('every source of the corpus known there has its human name; only the synthetic OParl example keeps its key', () => {
    const known = new Map(loadSourcesFile().map((s) => [s.key, s]));
    const rows = plain.sources as { key: string; name: string; base_url: string | null }[];
    expect(rows).toHaveLength(23);
    for (const r of rows) {
      const k = known.get(r.key);
      if (r.key === 'oparl-spec-example') expect(k).toBeUndefined();
      else expect([r.key, r.name, r.base_url]).toEqual([r.key, k!.name, k!.baseUrl]);
    }
    expect(rows.find((r) => r.key === 'hamburg-nord')!.name).toBe('Hamburg-Nord (Bezirksversammlung)');
  });

  test('a database made by an older import (sources named by their key) gets the names on the next import', () => {
    const file = path.join(tmp.dir, 'older.sqlite');
    const nord = path.join(CORPUS, 'allris3', 'hamburg-nord', 'vo020-1016851.html');
    expect(ratsradarSrc(['import', nord, '--db', file]).code).toBe(0);
    const rw = new Database(file);
    rw.prepare("UPDATE sources SET name = key, base_url = NULL WHERE key = 'hamburg-nord'").run();
    rw.close();
    expect(ratsradarSrc(['import', nord, '--db', file]).code).toBe(0);
    const db = openRead(file);
    try {
      expect(db.prepare("SELECT name, base_url FROM sources WHERE key = 'hamburg-nord'").get())
        .toEqual({ name: 'Hamburg-Nord (Bezirksversammlung)', base_url: 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/' });
    } finally {
      db.close();
    }
  });
});
