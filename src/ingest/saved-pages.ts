/**
 * `ratsradar import PATH…`: saved pages (files or folders, recursively) → parse → database.
 * Reports per file what was imported or why it was skipped; one bad file never stops the run.
 * A page's source is `--source KEY` when given, else the name of the folder it lies in
 * (e.g. corpus/allris3/hamburg-altona/vo020-….html → "hamburg-altona").
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { parsePage } from '../../scrapers/parse';
import { LayoutChangedError, NotARisPageError, UnsupportedPageError } from '../../scrapers/errors';
import type { PaperRecord } from '../../scrapers/records';
import { importPapers } from '../db/import';
import { refreshDerived } from '../db/derive';

export interface FileOutcome {
  file: string;
  status: 'inserted' | 'updated' | 'unchanged' | 'skipped' | 'failed';
  detail: string;
}

export interface ImportSummary {
  files: FileOutcome[];
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
}

/** Every regular file under the given paths, sorted, hidden files and folders left out. Missing paths throw. */
export function collectFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        if (name.startsWith('.')) continue;
        walk(path.join(p, name));
      }
    } else if (st.isFile()) out.push(p);
  };
  for (const p of paths) {
    if (!fs.existsSync(p)) throw new Error(`no such file or folder: ${p}`);
    walk(p);
  }
  return out;
}

function describe(err: unknown): { status: 'skipped' | 'failed'; detail: string } {
  if (err instanceof UnsupportedPageError) return { status: 'skipped', detail: `skipped: ${err.message}` };
  if (err instanceof NotARisPageError) return { status: 'skipped', detail: `skipped: not a RIS page (${err.message})` };
  if (err instanceof LayoutChangedError) return { status: 'failed', detail: `failed: layout not understood (${err.message})` };
  return { status: 'failed', detail: `failed: ${err instanceof Error ? err.message : String(err)}` };
}

function baseUrlOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname.replace(/[^/]*$/, '')}`;
  } catch {
    return null;
  }
}

export function importSavedPages(
  sqlite: Database.Database,
  paths: string[],
  opts: { source?: string; now: string; today: string; onFile?: (o: FileOutcome) => void },
): ImportSummary {
  const files = collectFiles(paths);
  const summary: ImportSummary = { files: [], inserted: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 };
  const report = (o: FileOutcome) => {
    summary.files.push(o);
    summary[o.status]++;
    opts.onFile?.(o);
  };
  for (const file of files) {
    let record: PaperRecord;
    try {
      const bytes = fs.readFileSync(file);
      const rec = parsePage(bytes, null);
      if (rec.type !== 'Paper') {
        report({ file, status: 'skipped', detail: `skipped: ${rec.type} records are not imported yet` });
        continue;
      }
      record = rec;
    } catch (err) {
      report({ file, ...describe(err) });
      continue;
    }
    const key = opts.source ?? path.basename(path.dirname(path.resolve(file)));
    try {
      const res = importPapers(
        sqlite,
        { key, name: key, system: record.system, baseUrl: baseUrlOf(record.url) },
        [record],
        opts.now,
      );
      const outcome = res.papers[0].outcome;
      report({ file, status: outcome, detail: `${outcome}: Paper ${record.reference ?? record.sourceId} (${key}), ${record.consultation.length} stations` });
    } catch (err) {
      report({ file, ...describe(err) });
    }
  }
  refreshDerived(sqlite, opts.today);
  return summary;
}
