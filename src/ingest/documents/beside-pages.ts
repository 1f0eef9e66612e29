/**
 * `ratsradar import`: PDF files that lie beside saved pages (in the page's folder, or in the
 * "<page>_files" folder a browser saves with it) are the documents the pages link (a motion's, or a
 * meeting's own), matched by the link:
 * a PDF named after the document's id in its URL (`373765.pdf`, `do027-373765.pdf` for
 * `do027.asp?DOLFDNR=373765`; `1059421.pdf` for OParl `…/files?id=1059421`) or after the URL's last
 * path segment (`doc4711.pdf` for ALLRIS 4's `…/doc4711.pdf`). Matched PDFs are kept and read as a crawl
 * keeps and reads them (keep-document.ts); rows that already have their document are left alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { stmt } from '../../db/registry';
import { ExtractPool, type PoolOptions } from './extract-pool';
import { keepDocument } from './keep-document';

/** The names (lower case, without ".pdf") a PDF for this URL may carry. */
export function namesForUrl(url: string): string[] {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return [];
  }
  const names = new Set<string>();
  const program = (u.pathname.split('/').pop() ?? '').replace(/\.\w+$/, '').toLowerCase();
  for (const [name, value] of u.searchParams) {
    if (!/^(dolfdnr|id|docid)$/i.test(name) || !/^\d+$/.test(value)) continue;
    names.add(value);
    if (program) names.add(`${program}-${value}`);
  }
  const last = decodeURIComponent(u.pathname.split('/').pop() ?? '');
  if (/\.pdf$/i.test(last)) names.add(last.replace(/\.pdf$/i, '').toLowerCase());
  return [...names];
}

/** The PDFs beside the given page files, by their name (lower case, without ".pdf"). */
export function pdfsBeside(pageFiles: string[]): Map<string, string> {
  const dirs = new Set<string>();
  for (const f of pageFiles) {
    const abs = path.resolve(f);
    dirs.add(path.dirname(abs));
    dirs.add(abs.replace(/\.\w+$/, '_files'));
  }
  const out = new Map<string, string>();
  for (const dir of [...dirs].sort()) {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // no such folder
    }
    for (const e of entries) if (e.isFile() && /\.pdf$/i.test(e.name)) out.set(e.name.replace(/\.pdf$/i, '').toLowerCase(), path.join(dir, e.name));
  }
  return out;
}

export interface BesideResult {
  /** PDF files read, and what became of each */
  lines: string[];
  kept: number;
  skipped: number;
  /** the PDF files that were matched (not "ignored" files of the import) */
  used: Set<string>;
}

export async function importDocumentsBeside(
  sqlite: Database.Database,
  storeDir: string,
  pageFiles: string[],
  opts: { sourceKeys: string[]; now: string; pool?: PoolOptions },
): Promise<BesideResult> {
  const result: BesideResult = { lines: [], kept: 0, skipped: 0, used: new Set() };
  const pdfs = pdfsBeside(pageFiles);
  if (!pdfs.size || !opts.sourceKeys.length) return result;
  // the documents of the motions and of the meetings (their own: Einladung, Niederschrift) not read yet
  const rows = stmt(sqlite, `SELECT f.source_id AS sourceId, f.url AS url FROM files f JOIN sources s ON s.id = f.source_id
      WHERE f.url IS NOT NULL AND f.paper_id IS NOT NULL AND f.content_hash IS NULL AND s.key IN (SELECT value FROM json_each(@keys))
    UNION SELECT f.source_id, f.url FROM meeting_files f JOIN sources s ON s.id = f.source_id
      WHERE f.url IS NOT NULL AND f.content_hash IS NULL AND s.key IN (SELECT value FROM json_each(@keys)) ORDER BY 2`)
    .all({ keys: JSON.stringify(opts.sourceKeys) }) as { sourceId: number; url: string }[];
  const matches = rows.map((r) => ({ ...r, file: namesForUrl(r.url).map((n) => pdfs.get(n)).find((f) => f) })).filter((m) => m.file);
  if (!matches.length) return result;
  const pool = new ExtractPool(opts.pool);
  try {
    for (const m of matches) {
      const file = m.file!;
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch (err) {
        result.lines.push(`${file}: cannot read it: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
        continue;
      }
      result.used.add(file);
      const kept = await keepDocument(sqlite, pool, storeDir, { sourceId: m.sourceId, url: m.url, bytes, contentType: null, now: opts.now, attempt: false });
      if (kept.outcome === 'skipped') {
        result.skipped++;
        result.lines.push(`${file}: not a PDF; ${m.url} stays a link`);
      } else {
        result.kept++;
        result.lines.push(`${file}: document of ${m.url}: ${kept.status === 'ok' ? 'text read' : kept.status === 'no_text' ? 'no text layer (no OCR)' : `unreadable (${kept.status})`}`);
      }
    }
  } finally {
    await pool.close();
  }
  return result;
}
