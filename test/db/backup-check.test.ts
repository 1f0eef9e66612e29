/**
 * `ratsradar check` finds what is wrong and says it; `ratsradar backup` makes consistent copies of a
 * database another process keeps writing to (whole import batches or none, every copy passes check).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { openDb } from '../../src/db/connection';
import { checkDatabase, checkDatabaseFile } from '../../src/db/check';
import { backupDatabase } from '../../src/db/backup';
import { importSavedPages } from '../../src/ingest/saved-pages';
import { BATCH_SIZE } from '../helpers/batch-writer';
import { CORPUS, makeTmpDir } from '../helpers/tmp';
import { ratsradarSrc, ROOT, spawnTs } from '../helpers/cli-src';

const NOW = '2026-09-01T10:00:00Z';
const tmp = makeTmpDir();
afterAll(tmp.cleanup);

let corpusDb: string;
beforeAll(() => {
  corpusDb = path.join(tmp.dir, 'corpus.sqlite');
  const { sqlite, close } = openDb(corpusDb);
  importSavedPages(sqlite, [CORPUS], { now: NOW, today: '2026-09-01' });
  close();
});

/** A copy of the corpus database to damage (checkpointed first, so the copy is one file). */
function copyOfCorpus(name: string): string {
  const { sqlite, close } = openDb(corpusDb);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  close();
  const file = path.join(tmp.dir, name);
  fs.copyFileSync(corpusDb, file);
  return file;
}

describe('check', () => {
  test('a database built by the import is whole', () => {
    const r = checkDatabaseFile(corpusDb);
    expect(r.problems).toEqual([]);
    expect(r.checked).toEqual(['integrity_check', 'foreign_key_check', 'search index', 'Beratungsfolge copies', 'one paper per reference']);
  });

  test('a Beratungsfolge row whose copy of its source or committee is wrong is reported', () => {
    const file = copyOfCorpus('copies.sqlite');
    const sqlite = new Database(file);
    const n = sqlite.prepare('SELECT COUNT(*) FROM consultation_meetings WHERE source_id IS NOT NULL AND organization IS NOT NULL').pluck().get() as number;
    expect(n).toBeGreaterThan(0);
    sqlite.prepare('UPDATE consultation_meetings SET organization = organization || \'x\' WHERE id = (SELECT MIN(id) FROM consultation_meetings WHERE organization IS NOT NULL)').run();
    expect(checkDatabase(sqlite).problems).toEqual(['Beratungsfolge rows: 1 row(s) name another source or committee than their paper and station']);
    sqlite.close();
  });

  test('rows pointing at rows that are gone are named by table and rowid', () => {
    const file = copyOfCorpus('fk.sqlite');
    const sqlite = new Database(file);
    sqlite.pragma('foreign_keys = OFF');
    const id = Number(sqlite.prepare('INSERT INTO consultations (paper_id, position, organization) VALUES (999999, 0, ?)').run('Rat').lastInsertRowid);
    expect(checkDatabase(sqlite).problems).toEqual([`foreign keys: 1 row(s) of consultations point to missing papers rows (rowid ${id})`]);
    sqlite.close();
  });

  test('a paper missing from the search index is reported', () => {
    const file = copyOfCorpus('fts.sqlite');
    const sqlite = new Database(file);
    const id = sqlite.prepare('SELECT MIN(id) FROM papers').pluck().get() as number;
    sqlite.prepare('DELETE FROM papers_fts WHERE rowid = ?').run(id);
    expect(checkDatabase(sqlite).problems).toEqual(['search index: 1 paper(s) are not in the search index']);
    sqlite.close();
  });

  test('a damaged page is found by the integrity check', () => {
    const file = copyOfCorpus('damaged.sqlite');
    const sqlite = new Database(file, { readonly: true });
    const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
    // the root page of the papers table's reference index: damage it, and the index no longer matches the table
    const root = sqlite.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'papers_reference'").pluck().get() as number;
    sqlite.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (root - 1) * pageSize);
    fs.closeSync(fd);
    const r = checkDatabaseFile(file);
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems.filter((p) => !p.startsWith('integrity: '))).toEqual([]);
  });

  test('a whole SQLite file without ratsradar\'s tables (empty, or another program\'s) is one problem, not "ok"', () => {
    const empty = path.join(tmp.dir, 'empty.sqlite');
    fs.writeFileSync(empty, '');
    const other = path.join(tmp.dir, 'other.sqlite');
    const o = new Database(other);
    o.exec('CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)');
    o.close();
    for (const file of [empty, other]) {
      expect(checkDatabaseFile(file).problems).toEqual(["tables: no ratsradar tables (papers, sources): an empty database, or another program's"]);
    }
    const c = ratsradarSrc(['check', '--db', empty]);
    expect(c.code).toBe(1);
    expect(c.stdout).toBe(`${empty}: 1 problem(s)\n  tables: no ratsradar tables (papers, sources): an empty database, or another program's\n`);
  });

  test('a file that is not a database is one problem, not an exception', () => {
    const file = path.join(tmp.dir, 'junk.sqlite');
    fs.writeFileSync(file, Buffer.alloc(8192, 7));
    expect(checkDatabaseFile(file).problems).toEqual(['integrity: the check cannot run: the file is damaged or not a SQLite database (file is not a database)']);
  });
});

describe('backup', () => {
  /** Batches in a copy: every batch source must hold BATCH_SIZE papers (a whole import) — returns how many batches. */
  function wholeBatches(file: string): number {
    const sqlite = new Database(file, { readonly: true });
    const rows = sqlite
      .prepare("SELECT s.key AS key, COUNT(p.id) AS n FROM sources s LEFT JOIN papers p ON p.source_id = s.id WHERE s.key LIKE 'batch-%' GROUP BY s.id")
      .all() as { key: string; n: number }[];
    const consultations = sqlite.prepare("SELECT COUNT(*) FROM consultations c JOIN papers p ON p.id = c.paper_id JOIN sources s ON s.id = p.source_id WHERE s.key LIKE 'batch-%'").pluck().get();
    sqlite.close();
    expect(rows.filter((r) => r.n !== BATCH_SIZE)).toEqual([]);
    expect(consultations).toBe(rows.length * BATCH_SIZE * 2);
    return rows.length;
  }

  test('copies made while another process imports hold whole batches only and pass the check', async () => {
    const db = path.join(tmp.dir, 'live.sqlite');
    fs.copyFileSync(corpusDb, db);
    for (const ext of ['-wal', '-shm']) if (fs.existsSync(corpusDb + ext)) fs.copyFileSync(corpusDb + ext, db + ext);
    const writer: ChildProcess = spawnTs(path.join(ROOT, 'test', 'helpers', 'batch-writer.ts'), [db, '0', '0']);
    let written = 0;
    writer.stdout!.on('data', (d: Buffer) => (written += (d.toString().match(/^batch /gm) ?? []).length));
    try {
      const counts: number[] = [];
      while (written < 3) await new Promise((r) => setTimeout(r, 50));
      for (let i = 0; i < 5; i++) {
        const copy = path.join(tmp.dir, `copy-${i}.sqlite`);
        const res = await backupDatabase(db, copy);
        expect(res.pages).toBeGreaterThan(100);
        expect(fs.existsSync(`${copy}.partial`)).toBe(false);
        expect(checkDatabaseFile(copy).problems).toEqual([]);
        counts.push(wholeBatches(copy));
        const before = written;
        while (written < before + 2) await new Promise((r) => setTimeout(r, 20));
      }
      // the writer kept committing between the copies, and each copy saw more of it
      expect(counts[4]).toBeGreaterThan(counts[0]);
      expect([...counts].sort((a, b) => a - b)).toEqual(counts);
      // the copy holds the corpus too
      const copy = new Database(path.join(tmp.dir, 'copy-4.sqlite'), { readonly: true });
      expect(copy.prepare("SELECT COUNT(*) FROM papers WHERE reference = '22-2402'").pluck().get()).toBe(1);
      copy.close();
    } finally {
      writer.kill('SIGKILL');
    }
  }, 60000);

  test('refuses to overwrite, and to copy what is not there', async () => {
    const target = path.join(tmp.dir, 'exists.sqlite');
    fs.writeFileSync(target, 'keep me');
    await expect(backupDatabase(corpusDb, target)).rejects.toThrow(`${target} exists already; name a new file`);
    expect(fs.readFileSync(target, 'utf8')).toBe('keep me');
    await expect(backupDatabase(path.join(tmp.dir, 'nope.sqlite'), path.join(tmp.dir, 'x.sqlite'))).rejects.toThrow(/^no database at /);
    await expect(backupDatabase(corpusDb, path.join(tmp.dir, 'no-folder', 'x.sqlite'))).rejects.toThrow(/^no folder /);
  });
});

describe('the commands', () => {
  test('ratsradar backup FILE and ratsradar check: one line each, exit 0 when whole', () => {
    const copy = path.join(tmp.dir, 'cli-copy.sqlite');
    const b = ratsradarSrc(['backup', copy, '--db', corpusDb]);
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(new RegExp(`^backup of .*corpus\\.sqlite written to .*cli-copy\\.sqlite \\(\\d+ pages, \\d+ bytes\\) and checked: ok\\n$`));
    const c = ratsradarSrc(['check', '--db', copy]);
    expect(c.code).toBe(0);
    expect(c.stdout).toBe(`${copy}: ok (integrity_check, foreign_key_check, search index, Beratungsfolge copies, one paper per reference)\n`);
  });

  test('ratsradar check lists the problems and exits 1; a missing database is one line and exit 2', () => {
    const file = copyOfCorpus('cli-fk.sqlite');
    const sqlite = new Database(file);
    sqlite.pragma('foreign_keys = OFF');
    sqlite.prepare('DELETE FROM papers WHERE id = (SELECT paper_id FROM consultations LIMIT 1)').run();
    sqlite.close();
    const c = ratsradarSrc(['check', '--db', file]);
    expect(c.code).toBe(1);
    const lines = c.stdout.split('\n');
    expect(lines[0]).toBe(`${file}: 5 problem(s)`);
    expect(lines).toContain('  foreign keys: 1 row(s) of consultations point to missing papers rows (rowid 1)');
    // its stored progress summary (paper_progress, keyed by the paper id) too
    expect(lines.filter((l) => /^ {2}foreign keys: 1 row\(s\) of paper_progress point to missing papers rows \(rowid \d+\)$/.test(l))).toHaveLength(1);
    // the paper's change event ("neu erfasst") too
    expect(lines.filter((l) => /^ {2}foreign keys: 1 row\(s\) of paper_events point to missing papers rows \(rowid \d+\)$/.test(l))).toHaveLength(1);
    expect(lines).toContain('  search index: 1 entry for papers that no longer exist');
    const missing = ratsradarSrc(['check', '--db', path.join(tmp.dir, 'missing.sqlite')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`ratsradar check: no database at ${path.join(tmp.dir, 'missing.sqlite')}\n`);
    const noFile = ratsradarSrc(['backup', '--db', corpusDb]);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toBe('ratsradar backup: needs a FILE to write the copy to\n');
  });
});
