/**
 * States are never unknown while serving: the papers an import batch (or a crawl page)
 * writes are derived in the same transaction, so no committed paper lacks its derived state — not
 * after a batch, not after an import killed part-way. They are derived for the day all papers were
 * derived for (derive_state), and exactly as refreshDerived derives them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parsePage } from '../../scrapers/parse';
import type { RisRecord } from '../../scrapers/records';
import { openDb } from '../../src/db/connection';
import { derivedColumns, derivedDay, refreshDerived } from '../../src/db/derive';
import { importRecords } from '../../src/db/import';
import { spawnRatsradarSrc } from '../helpers/cli-src';
import { paper, station } from '../helpers/records';
import { CORPUS, makeTmpDir } from '../helpers/tmp';

const tmp = makeTmpDir();
afterAll(tmp.cleanup);
const NOW = '2026-11-24T09:00:00Z';
const pinned = process.env.RATSRADAR_TODAY;
beforeAll(() => delete process.env.RATSRADAR_TODAY);
afterAll(() => {
  if (pinned !== undefined) process.env.RATSRADAR_TODAY = pinned;
});

const underived = (sqlite: import('better-sqlite3').Database) =>
  sqlite.prepare('SELECT COUNT(*) FROM papers WHERE derived_on IS NULL OR state IS NULL').pluck().get() as number;

function corpusRecords(): { source: string; record: RisRecord }[] {
  const out: { source: string; record: RisRecord }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else {
        try {
          out.push({ source: path.basename(dir), record: parsePage(fs.readFileSync(p)) });
        } catch {
          // not a page we read: the import tests cover those
        }
      }
    }
  };
  walk(CORPUS);
  return out;
}

const row = (date: string) => ({ date, name: 'Sitzung', meetingSourceId: null, agendaItemSourceId: null, result: null, resultCode: 'unclassified' as const });

describe('a committed batch leaves no paper without its state', () => {
  test('a new database: the batch\'s papers are derived for the day of the import, before any refresh', () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'batch.sqlite'));
    const papers = [
      paper({ sourceId: '1', reference: 'A-1', consultation: [station('Rat', 'Entscheidung', [row('2026-12-10')])] }),
      paper({ sourceId: '2', reference: 'A-2', consultation: [station('Rat', 'Entscheidung', [{ ...row('2026-10-01'), result: 'beschlossen', resultCode: 'adopted' }])] }),
    ];
    importRecords(sqlite, { key: 'a', name: 'A' }, papers, NOW);
    expect(underived(sqlite)).toBe(0);
    const rows = sqlite.prepare('SELECT reference, state, next_date AS nextDate, derived_on AS on_ FROM papers ORDER BY reference').all();
    expect(rows).toEqual(papers.map((p) => {
      const d = derivedColumns(p, '2026-11-24');
      return { reference: p.reference, state: d.state, nextDate: d.nextDate, on_: '2026-11-24' };
    }));
    expect(rows.map((r) => (r as { state: string }).state)).toEqual(['scheduled', 'decided']);
    expect(derivedDay(sqlite)).toBeNull();
    close();
  });

  test('after a refresh for another day, a changed paper is derived for that day (all papers stay of one day)', () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'day.sqlite'));
    importRecords(sqlite, { key: 'a', name: 'A' }, [paper({ sourceId: '1', reference: 'A-1', consultation: [station('Rat', 'Entscheidung', [row('2026-12-10')])] })], NOW);
    refreshDerived(sqlite, '2026-12-20');
    importRecords(sqlite, { key: 'a', name: 'A' }, [
      paper({ sourceId: '1', reference: 'A-1', consultation: [station('Rat', 'Entscheidung', [row('2026-12-15')])] }),
      paper({ sourceId: '3', reference: 'A-3', consultation: [station('Rat', 'Entscheidung', [row('2026-12-30')])] }),
    ], NOW);
    expect(underived(sqlite)).toBe(0);
    expect(sqlite.prepare('SELECT DISTINCT derived_on FROM papers').pluck().all()).toEqual(['2026-12-20']);
    expect(refreshDerived(sqlite, '2026-12-20', { all: true }).written).toBe(0);
    close();
  });

  test('the corpus imported batch by batch: every paper derived, exactly as refreshDerived derives it', () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'corpus.sqlite'));
    refreshDerived(sqlite, '2026-11-24'); // an empty database derived once: derive_state is that day
    const records = corpusRecords();
    expect(records.length).toBeGreaterThan(50);
    // every paper a batch writes is derived in it; a paper only named by a later agenda keeps the state it
    // has, marked for deriving again (derived_on NULL), until the server's timer or the run's end derives it
    const stateless = () => sqlite.prepare('SELECT COUNT(*) FROM papers WHERE state IS NULL').pluck().get() as number;
    const written = sqlite.prepare('SELECT COUNT(*) FROM papers WHERE derived_on IS NULL AND id IN (SELECT value FROM json_each(?))').pluck();
    for (const { source, record } of records) {
      const res = importRecords(sqlite, { key: source, name: source }, [record], NOW);
      const changed = res.papers.filter((p) => p.outcome !== 'unchanged').map((p) => p.id);
      expect({ after: source, stateless: stateless(), writtenUnderived: written.get(JSON.stringify(changed)) }).toEqual({ after: source, stateless: 0, writtenUnderived: 0 });
    }
    expect(sqlite.prepare('SELECT COUNT(*) FROM papers').pluck().get()).toBeGreaterThan(100);
    refreshDerived(sqlite, '2026-11-24');
    expect(underived(sqlite)).toBe(0);
    expect(refreshDerived(sqlite, '2026-11-24', { all: true }).written).toBe(0);
    close();
  });
});

describe('an import killed part-way', () => {
  test('what it committed has its states', async () => {
    const file = path.join(tmp.dir, 'killed.sqlite');
    await new Promise<void>((resolve) => {
      const child = spawnRatsradarSrc(['import', CORPUS, '--db', file], { RATSRADAR_TODAY: '2026-11-24' });
      let lines = 0;
      child.stdout!.on('data', (d: Buffer) => {
        lines += (d.toString().match(/\n/g) ?? []).length;
        // killed after about half the files, before the run's own refreshDerived at the end
        if (lines >= 30) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    const { sqlite, close } = openDb(file);
    const papers = sqlite.prepare('SELECT COUNT(*) FROM papers').pluck().get() as number;
    expect(papers).toBeGreaterThan(0);
    // no committed paper without a state (one only named by a later agenda may still be marked for deriving again)
    expect(sqlite.prepare('SELECT COUNT(*) FROM papers WHERE state IS NULL').pluck().get()).toBe(0);
    close();
  });
});
