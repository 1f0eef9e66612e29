/** The embedded demo data set (data/demo/*.json, Paper records): loaded into an empty database by `serve`. */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { PaperRecord } from '../../scrapers/records';
import { importPapers, type ImportCounts, type SourceSpec } from '../db/import';
import { refreshDerived } from '../db/derive';
import { projectRoot } from '../util/paths';

/** Demo files are named <city>-….json; the city prefix picks the source they are shown under. */
export const DEMO_SOURCES: Record<string, SourceSpec> = {
  leipzig: { key: 'demo-leipzig', name: 'Leipzig (Demo)', system: 'allris3', isDemo: true },
  musterstadt: { key: 'demo-musterstadt', name: 'Musterstadt (Demo)', isDemo: true },
};

export function demoFolder(): string {
  return path.join(projectRoot(), 'data', 'demo');
}

/** Reads every data/demo/*.json record with its source. Throws with the file name when one is not a Paper record. */
export function readDemoRecords(folder = demoFolder()): { file: string; source: SourceSpec; record: PaperRecord }[] {
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const source = DEMO_SOURCES[file.split('-')[0]];
      if (!source) throw new Error(`demo file ${file} does not start with a known city (${Object.keys(DEMO_SOURCES).join(', ')})`);
      const record = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as PaperRecord;
      if (record.type !== 'Paper' || record.format !== 1) throw new Error(`demo file ${file} is not a format-1 Paper record`);
      return { file, source, record };
    });
}

/** Imports the demo data set (one transaction per demo source) and derives the states for `today`. */
export function loadDemo(sqlite: Database.Database, now: string, today: string): ImportCounts {
  const total: ImportCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const all = readDemoRecords();
  for (const source of Object.values(DEMO_SOURCES)) {
    const records = all.filter((d) => d.source.key === source.key).map((d) => d.record);
    if (!records.length) continue;
    const res = importPapers(sqlite, source, records, now);
    total.inserted += res.inserted;
    total.updated += res.updated;
    total.unchanged += res.unchanged;
  }
  refreshDerived(sqlite, today);
  return total;
}
