/**
 * Section 2 (import): generated records through the real import path (importRecords: facets, merge,
 * links, search index; in batches as a crawler hands them over) against a raw better-sqlite3 prepared
 * insert of the same rows in one transaction per city (bench/bulk-write.ts without index and derived
 * columns). Then the end-to-end ingest: corpus pages from bytes to committed rows (parsePage →
 * importRecords per page, refreshDerived at the end), each repetition under fresh source keys so
 * that every page is a real insert.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { RisRecord } from '../scrapers/records';
import { parsePage } from '../scrapers/parse';
import { openDb } from '../src/db/connection';
import { refreshDerived } from '../src/db/derive';
import { importRecords } from '../src/db/import';
import { collectFiles } from '../src/ingest/saved-pages';
import { emptyCounts, writeCity } from './bulk-write';
import { generateWorld, type GeneratedCity } from './generate';

export interface ImportBenchResult {
  motions: number;
  records: number;
  batch: number;
  recordsPerSec: number;
  rawRecordsPerSec: number;
  /** import rate / raw insert rate */
  ratio: number;
  /** refreshDerived over the imported motions, once, after the import (not in the ratio) */
  deriveSeconds: number;
}

export interface IngestBenchResult {
  files: number;
  pages: number;
  pagesPerSec: number;
  refused: number;
}

/** A city's records in the order a crawler meets them: committees and factions, motions, then meetings. */
export function recordsOf(city: GeneratedCity): RisRecord[] {
  return [...city.organizations, ...city.papers, ...city.meetings];
}

/** Imports every city through importRecords in batches of `batch` records. */
export function importCities(sqlite: Database.Database, cities: Iterable<GeneratedCity>, batch: number, now: string): number {
  let n = 0;
  for (const city of cities) {
    const records = recordsOf(city);
    for (let i = 0; i < records.length; i += batch) importRecords(sqlite, city.source, records.slice(i, i + batch), now);
    n += records.length;
  }
  return n;
}

function seconds(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function freshDb(dir: string, name: string) {
  const file = path.join(dir, `${name}.sqlite`);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  return openDb(file);
}

export function benchImport(opts: { motions: number; seed: number; today: string; batch: number; rounds: number; dir: string }): ImportBenchResult {
  const cities = [...generateWorld({ seed: opts.seed, motions: opts.motions, today: opts.today })];
  const records = cities.reduce((n, c) => n + recordsOf(c).length, 0);
  const now = `${opts.today}T00:00:00Z`;
  let bestImport = Infinity;
  let bestRaw = Infinity;
  let deriveSeconds = 0;
  for (let r = 0; r < opts.rounds; r++) {
    const raw = freshDb(opts.dir, 'raw');
    bestRaw = Math.min(bestRaw, seconds(() => {
      const counts = emptyCounts();
      for (const c of cities) writeCity(raw.sqlite, c, { search: false, derived: false, today: opts.today, now }, counts);
    }));
    raw.close();
    const real = freshDb(opts.dir, 'import');
    bestImport = Math.min(bestImport, seconds(() => importCities(real.sqlite, cities, opts.batch, now)));
    deriveSeconds = seconds(() => refreshDerived(real.sqlite, opts.today));
    real.close();
  }
  return {
    motions: opts.motions, records, batch: opts.batch,
    recordsPerSec: records / bestImport, rawRecordsPerSec: records / bestRaw, ratio: bestRaw / bestImport, deriveSeconds,
  };
}

export function benchIngest(opts: { corpus: string; minPages: number; today: string; dir: string }): IngestBenchResult {
  const pages = collectFiles([opts.corpus]).map((file) => ({ key: path.basename(path.dirname(file)), bytes: fs.readFileSync(file) }));
  const repeat = Math.ceil(opts.minPages / pages.length);
  const now = `${opts.today}T00:00:00Z`;
  const db = freshDb(opts.dir, 'ingest');
  let refused = 0;
  const time = seconds(() => {
    for (let r = 0; r < repeat; r++) {
      for (const p of pages) {
        let record: RisRecord;
        try {
          record = parsePage(p.bytes, null);
        } catch {
          refused++;
          continue;
        }
        const key = `${p.key}~${r}`;
        try {
          importRecords(db.sqlite, { key, name: key, system: record.system }, [record], now);
        } catch {
          refused++;
        }
      }
    }
    refreshDerived(db.sqlite, opts.today);
  });
  db.close();
  return { files: pages.length, pages: repeat * pages.length, pagesPerSec: (repeat * pages.length) / time, refused: refused / repeat };
}
