/**
 * `ratsradar reparse`: rebuilds the database from the page store, without the network, so a parser fix
 * reaches old pages. Every stored answer is parsed again and imported through importRecords (the path
 * of `ratsradar import`) in the order it was fetched, with the time it was fetched — so the change log
 * comes back as it was seen. `--latest` reads only the newest answer per URL.
 * The shrink guard holds back an answer that would shrink its stored record suspiciously, as the crawl
 * did (shrink-hold.ts); `--accept URL` applies the newest stored answer of each URL given, shrink or
 * not, and remembers that in the store.
 */
import type Database from 'better-sqlite3';
import { parsePage } from '../../../scrapers/parse';
import { LayoutChangedError, NotARisPageError, UnsupportedPageError } from '../../../scrapers/errors';
import { refreshDerived } from '../../db/derive';
import { findShrink } from '../../db/shrink-guard';
import { CommandError } from '../command-args';
import { hasBody, readBody, readStoreLog, type StoredFetch } from '../store/page-store';
import { indexPage } from '../store/page-index';
import { importWithHistory } from './import-with-history';
import { findSource } from './sources';
import { readAccepted, saveAcceptance, shownADayBefore } from './shrink-hold';
import { stmt } from '../../db/registry';
import { relinkStoredDocuments } from '../documents/relink-documents';

export interface ReparseResult {
  lines: string[];
  pages: number;
  imported: number;
  skipped: number;
  failed: number;
  /** answers held back as a suspicious shrink */
  held: number;
  changes: number;
}

interface SourceTally extends Omit<ReparseResult, 'lines'> {
  problems: string[];
}

export function reparseStore(
  sqlite: Database.Database,
  storeDir: string,
  opts: { source?: string; latestOnly?: boolean; today: string; accept?: string[]; now?: string },
): ReparseResult {
  // documents (PDFs) are read by reparse --documents, not parsed as pages
  const all = readStoreLog(storeDir, opts.source).filter((e) => e.status === 200 && e.kind !== 'document');
  let entries = all;
  if (!entries.length) throw new CommandError(`no stored pages${opts.source ? ` of ${opts.source}` : ''} in ${storeDir}`);
  const accept = new Set(opts.accept ?? []);
  if (accept.size) {
    // only the newest answer of each accepted URL
    const newest = new Map<string, StoredFetch>();
    for (const e of entries) if (accept.has(e.url)) newest.set(e.url, e);
    const missing = [...accept].filter((u) => !newest.has(u));
    if (missing.length) throw new CommandError(`no stored answer of ${missing.join(', ')} in ${storeDir}`);
    entries = [...newest.values()];
  } else if (opts.latestOnly) {
    const newest = new Map<string, StoredFetch>();
    for (const e of entries) newest.set(`${e.source}\u0000${e.url}`, e);
    entries = [...newest.values()];
  }
  const tallies = new Map<string, SourceTally>();
  const lastHash = new Map<string, string>();
  const accepted = readAccepted(storeDir);
  for (const e of entries) {
    let t = tallies.get(e.source);
    if (!t) tallies.set(e.source, (t = { pages: 0, imported: 0, skipped: 0, failed: 0, held: 0, changes: 0, problems: [] }));
    const id = `${e.source}\u0000${e.url}`;
    if (lastHash.get(id) === e.sha256) continue; // the same answer again (a resumed crawl)
    lastHash.set(id, e.sha256);
    t.pages++;
    if (!hasBody(storeDir, e.sha256)) {
      t.failed++;
      t.problems.push(`${e.url}: the stored body ${e.sha256} is missing`);
      continue;
    }
    const bytes = readBody(storeDir, e.sha256);
    let record: ReturnType<typeof parsePage>;
    try {
      record = parsePage(bytes, e.url);
    } catch (err) {
      if (err instanceof UnsupportedPageError || err instanceof NotARisPageError) t.skipped++;
      else if (err instanceof LayoutChangedError) {
        t.failed++;
        t.problems.push(`${e.url}: layout not understood (${err.message})`);
      } else throw err;
      continue;
    }
    if (accept.has(e.url)) {
      saveAcceptance(storeDir, { url: e.url, sha256: e.sha256, acceptedAt: opts.now ?? e.fetchedAt });
    } else if (!accepted.has(`${e.url}\u0000${e.sha256}`)) {
      const shrink = findShrink(sqlite, e.source, record);
      if (shrink && !shownADayBefore(storeDir, all, e.url, record, e.sha256, e.fetchedAt)) {
        t.held++;
        t.problems.push(`${e.url}: held back: ${shrink.message}; apply it with reparse --accept ${e.url}`);
        continue;
      }
    }
    const config = findSource(sqlite, e.source);
    const spec = { key: e.source, name: config?.name ?? e.source, system: config?.system ?? record.system, baseUrl: config?.baseUrl ?? null };
    sqlite.transaction(() => {
      const res = importWithHistory(sqlite, spec, [record], e.fetchedAt, null);
      t.changes += res.changes;
      const sourceId = stmt(sqlite, 'SELECT id FROM sources WHERE key = ?').pluck().get(e.source) as number;
      indexPage(sqlite, sourceId, {
        url: e.url, finalUrl: e.finalUrl, status: e.status, contentType: e.contentType, etag: e.headers.etag ?? null,
        lastModified: e.headers['last-modified'] ?? null, contentHash: e.sha256, size: e.size, kind: e.kind ?? null, fetchedAt: e.fetchedAt,
      });
    }).immediate();
    t.imported++;
  }
  const docs = accept.size ? { linked: 0, unread: 0 } : relinkStoredDocuments(sqlite, storeDir, readStoreLog(storeDir, opts.source));
  refreshDerived(sqlite, opts.today);
  const lines: string[] = [];
  const sum = { pages: 0, imported: 0, skipped: 0, failed: 0, held: 0, changes: 0 };
  for (const [source, t] of [...tallies].sort((a, b) => a[0].localeCompare(b[0]))) {
    lines.push(`${source}: ${t.pages} stored pages: ${t.imported} imported, ${t.skipped} skipped, ${t.failed} failed${t.held ? `, ${t.held} held back (suspicious shrink)` : ''}${t.changes ? `; ${t.changes} changes in the change log` : ''}`);
    for (const p of t.problems) lines.push(`  ${p}`);
    sum.pages += t.pages;
    sum.imported += t.imported;
    sum.skipped += t.skipped;
    sum.failed += t.failed;
    sum.held += t.held;
    sum.changes += t.changes;
  }
  if (docs.linked) {
    lines.push(`documents: ${docs.linked} links to stored documents restored${docs.unread ? `; ${docs.unread} not read in this database yet: run ratsradar reparse --documents` : ''}`);
  }
  return { lines, ...sum };
}
