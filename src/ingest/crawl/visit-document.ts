/**
 * One journal entry of kind "document": a motion's or a meeting's PDF, fetched like every page (same fetcher: robots,
 * rate, retries; conditionally when the store has it), kept content-addressed, read by the extraction
 * pool, its state noted on the rows that link it (files, meeting_files). A failed fetch is noted too ("failed", with the
 * error and the tries) and planned again by the next run (documentsToRetry), never lost. The planning:
 * which documents a visited paper page leads to, within the limits.
 */
import type Database from 'better-sqlite3';
import type { RisRecord } from '../../../scrapers/records';
import { documentSettled, markFiles } from '../../db/documents';
import { namesPageVersion } from '../../domain/document-identity';
import type { ExtractPool } from '../documents/extract-pool';
import { DOCUMENT_LIMITS, keepDocument } from '../documents/keep-document';
import { appendLog, hasBody, readBody } from '../store/page-store';
import { findPage, indexPage, touchPage } from '../store/page-index';
import { completeEntry, type Planned, type QueueEntry } from './journal';
import { countError, emptyDocumentCounts } from './report';
import type { VisitEnv, VisitOutcome } from './visit-env';

export const DOCUMENT_KIND = 'document';

/**
 * A document address worth fetching: http(s), not a Wicket listener or page-version link (ALLRIS 4's
 * `vo020?0--anlagenHeaderPanel-…-attachment-link`, bound to a session) and not ALLRIS 3's `___tmp`
 * copies, which expire (the parsers give such links no url; this guard stays for records from elsewhere).
 */
export function isStableDocumentUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (!/^https?:$/.test(u.protocol) || /\/___tmp\//i.test(u.pathname)) return false;
  return !namesPageVersion(u);
}

/** What on a page links documents: its motions and its meetings (their own documents: Einladung, Niederschrift). */
function holdersOf(record: RisRecord): { files?: { url: string | null }[]; type: 'Paper' | 'Meeting' }[] {
  if (record.type === 'Paper' || record.type === 'Meeting') return [record];
  if (record.type === 'List') return record.items.filter((i): i is Extract<RisRecord, { type: 'Paper' | 'Meeting' }> => i.type === 'Paper' || i.type === 'Meeting');
  return [];
}

/**
 * The documents a visited page leads to: each paper's linked files and each meeting's own documents in page
 * order, the first DOCUMENT_LIMITS.maxPerPaper of each (the others are marked skipped), those not settled yet —
 * or all, conditionally, when the page is new or changed. Call after the page's import (the rows exist).
 */
export function planDocuments(sqlite: Database.Database, sourceId: number, record: RisRecord, changed: boolean, now: string): Planned[] {
  const out: Planned[] = [];
  for (const h of holdersOf(record)) {
    const urls = [...new Set((h.files ?? []).map((f) => f.url).filter((u): u is string => !!u && isStableDocumentUrl(u)))];
    for (const url of urls.slice(DOCUMENT_LIMITS.maxPerPaper)) {
      const error = `over the limit of ${DOCUMENT_LIMITS.maxPerPaper} documents per ${h.type === 'Paper' ? 'motion' : 'meeting'}`;
      markFiles(sqlite, sourceId, url, { state: 'skipped', error, at: now, attempt: false });
    }
    for (const url of urls.slice(0, DOCUMENT_LIMITS.maxPerPaper)) if (changed || !documentSettled(sqlite, sourceId, url)) out.push({ url, kind: DOCUMENT_KIND });
  }
  return out;
}

export async function visitDocument(env: VisitEnv, entry: QueueEntry, pool: () => ExtractPool): Promise<VisitOutcome> {
  const { sqlite, ctx, report } = env;
  const counts = (report.documents ??= emptyDocumentCounts());
  const stored = findPage(sqlite, ctx.sourceId, entry.url);
  const usable = stored && hasBody(env.storeDir, stored.contentHash) ? stored : null;
  const get = (conditional: boolean) => env.fetcher.get({
    url: entry.url, etag: conditional ? usable?.etag : null, lastModified: conditional ? usable?.lastModified : null, maxBytes: DOCUMENT_LIMITS.maxBytes,
  });
  let res = await get(true);
  if (res.kind === 'not-modified' && !usable) res = await get(false);
  if (res.kind === 'failed' && res.error === 'budget') return 'budget';
  if (res.kind === 'not-modified' && !usable) {
    res = { kind: 'failed', url: entry.url, finalUrl: entry.url, attempts: res.attempts, error: 'http-4xx', message: 'HTTP 304 without a stored document', status: 304 };
  }
  const at = env.now();
  const done = (fn: () => void) => sqlite.transaction(() => {
    fn();
    report.byPageKind[DOCUMENT_KIND] = (report.byPageKind[DOCUMENT_KIND] ?? 0) + 1;
    env.saveReport();
  }).immediate();
  if (res.kind === 'failed') {
    const failed = res;
    // over the size limit: left as a link (not tried again); any other failure is tried again by the next run
    const tooLarge = failed.error === 'too-large';
    done(() => {
      counts[tooLarge ? 'skipped' : 'failed']++;
      countError(report, entry.url, `document-${failed.error}`, failed.message);
      markFiles(sqlite, ctx.sourceId, entry.url, { state: tooLarge ? 'skipped' : 'failed', error: `${failed.error}: ${failed.message}`, at });
      completeEntry(sqlite, entry.id, tooLarge ? 'skipped' : 'failed', failed.error, failed.message, failed.attempts, at);
    });
    return 'done';
  }
  let bytes: Buffer;
  const contentType = res.kind === 'ok' ? res.headers['content-type'] ?? null : null;
  if (res.kind === 'ok') {
    bytes = res.body;
  } else bytes = readBody(env.storeDir, usable!.contentHash);
  const kept = await keepDocument(sqlite, pool(), env.storeDir, { sourceId: ctx.sourceId, url: entry.url, bytes, contentType, now: at });
  if (res.kind === 'ok' && kept.hash) {
    appendLog(env.storeDir, {
      source: ctx.source.key, url: entry.url, finalUrl: res.finalUrl, status: res.status, contentType, headers: res.headers, fetchedAt: at,
      sha256: kept.hash, size: bytes.length, kind: DOCUMENT_KIND,
    });
  }
  const ok = res;
  done(() => {
    if (ok.kind === 'ok' && kept.hash) {
      indexPage(sqlite, ctx.sourceId, {
        url: entry.url, finalUrl: ok.finalUrl, status: ok.status, contentType, etag: ok.headers.etag ?? null,
        lastModified: ok.headers['last-modified'] ?? null, contentHash: kept.hash, size: bytes.length, kind: DOCUMENT_KIND, fetchedAt: at,
      });
    } else if (ok.kind === 'not-modified') touchPage(sqlite, ctx.sourceId, entry.url, at);
    if (kept.outcome === 'skipped') counts.skipped++;
    else {
      counts.fetched++;
      if (ok.kind === 'not-modified' || stored?.contentHash === kept.hash) counts.unchanged++;
      if (kept.extracted) {
        if (kept.status === 'ok') counts.extracted++;
        else if (kept.status === 'no_text') counts.noText++;
        else counts.unreadable++;
      }
    }
    completeEntry(sqlite, entry.id, 'done', kept.outcome === 'skipped' ? 'not-a-pdf' : ok.kind === 'not-modified' ? 'unchanged' : 'new', null, ok.attempts, at);
  });
  return 'done';
}
