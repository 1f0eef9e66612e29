/**
 * One journal entry, start to end: request (conditionally, where the store has the page), keep the
 * answer in the page store, parse it (one more try when the first answer is malformed), import it with
 * its change log, plan the pages it leads to, and mark it done — the last four in one transaction.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ensureDir } from '../../util/ensure-dir';
import { parseDetectedWithCaps } from '../../../scrapers/parse';
import { describeCaps } from '../../../scrapers/shared/caps';
import { LayoutChangedError, NotARisPageError, StaleSessionError, UnsupportedPageError } from '../../../scrapers/errors';
import type { RisRecord } from '../../../scrapers/records';
import { bodyText, detectBody } from '../fetch/detected-body';
import { FINAL_ERRORS, type FetchFailed, type FetchResult } from '../fetch/fetcher';
import { findShrink } from '../../db/shrink-guard';
import { appendLog, hasBody, readBody, readStoreLog, saveBody } from '../store/page-store';
import { findPage, indexPage, touchPage } from '../store/page-index';
import { importWithHistory } from './import-with-history';
import { noteRecordRead } from '../../db/data-as-of';
import { completeEntry, enqueue, type QueueEntry } from './journal';
import { addImportCounts, addShrink, countError, countUnclassified } from './report';
import { shownADayBefore } from './shrink-hold';
import { DOCUMENT_KIND, planDocuments, visitDocument } from './visit-document';
import type { VisitEnv, VisitOutcome } from './visit-env';
import type { RequestPlan } from './plan';

type Parsed = { record: RisRecord; capped: string } | { error: Error };

/**
 * An ALLRIS source answering as the other generation (an ALLRIS 3 URL redirected to an ALLRIS 4 page,
 * …/bi/ → …/public/): the RIS has moved, and the source must be detected again. Not retried.
 */
export class SystemChangedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SystemChangedError';
  }
}

const GENERATION: Record<string, string> = { allris3: 'ALLRIS 3', allris4: 'ALLRIS 4' };

function tryParse(body: Buffer, url: string, source: VisitEnv['ctx']['source'], finalUrl: string): Parsed {
  try {
    // the detection the fetcher made of this body (detected once per fetch)
    const detected = detectBody(body, url);
    if (detected instanceof Error) return { error: detected };
    if (GENERATION[source.system] && GENERATION[detected.system] && detected.system !== source.system) {
      const at = finalUrl !== url ? ` (at ${finalUrl})` : '';
      return {
        error: new SystemChangedError(
          `the RIS answers ${url} as ${GENERATION[detected.system]}${at}, the source is set up as ${GENERATION[source.system]}: it may have moved to ${GENERATION[detected.system]}; the page is not read as ${GENERATION[source.system]}`,
        ),
      };
    }
    const { record, caps } = parseDetectedWithCaps(detected, url);
    return { record, capped: describeCaps(caps) };
  } catch (err) {
    if (err instanceof NotARisPageError || err instanceof LayoutChangedError || err instanceof UnsupportedPageError) return { error: err };
    throw err;
  }
}

const malformed = (p: Parsed) => 'error' in p && !(p.error instanceof UnsupportedPageError) && !(p.error instanceof SystemChangedError);

function keep(env: VisitEnv, url: string, kind: string, res: Extract<FetchResult, { kind: 'ok' }>, fetchedAt: string): string {
  const hash = saveBody(env.storeDir, res.body);
  appendLog(env.storeDir, {
    source: env.ctx.source.key, url, finalUrl: res.finalUrl, status: res.status, contentType: res.headers['content-type'] ?? null,
    headers: res.headers, fetchedAt, sha256: hash, size: res.body.length, kind,
  });
  return hash;
}

function saveFailure(env: VisitEnv, url: string, body: Buffer, reason: string): string {
  const dir = path.join(env.failuresDir, env.ctx.source.key);
  ensureDir(dir);
  const name = `${env.now().replace(/[:]/g, '')}-${url.replace(/^https?:\/\//, '').replace(/[^\w.-]+/g, '_').slice(0, 120)}`;
  fs.writeFileSync(path.join(dir, `${name}.html`), body);
  fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify({ url, reason, seenAt: env.now() }, null, 2)}\n`);
  return path.join(dir, `${name}.html`);
}

/** A page that could not be had: counted, its fallback planned, marked failed (or skipped, when the site said so). */
function visitFailed(env: VisitEnv, entry: QueueEntry, failed: Pick<FetchFailed, 'error' | 'message' | 'attempts'>): VisitOutcome {
  const { sqlite, ctx, report } = env;
  const final = FINAL_ERRORS.includes(failed.error);
  sqlite.transaction(() => {
    report.pages[final ? 'skipped' : 'failed']++;
    report.byPageKind[entry.kind] = (report.byPageKind[entry.kind] ?? 0) + 1;
    countError(report, entry.url, failed.error, failed.message);
    enqueue(sqlite, env.runId, env.plan.fallback?.(ctx, { url: entry.url, kind: entry.kind }) ?? [], entry.url, env.now());
    completeEntry(sqlite, entry.id, final ? 'skipped' : 'failed', failed.error, failed.message, failed.attempts, env.now());
    env.saveReport();
  }).immediate();
  return 'done';
}

export async function visit(env: VisitEnv, entry: QueueEntry): Promise<VisitOutcome> {
  const { sqlite, ctx, report } = env;
  if (entry.kind === DOCUMENT_KIND) {
    if (env.documents) return visitDocument(env, entry, env.documents);
    // planned by a run that fetched documents, resumed with --no-documents
    sqlite.transaction(() => completeEntry(sqlite, entry.id, 'skipped', 'no-documents', null, 0, env.now())).immediate();
    return 'done';
  }
  const planned = { url: entry.url, kind: entry.kind };
  const prepare = async (): Promise<RequestPlan> => (env.plan.prepare ? env.plan.prepare(ctx, planned, env.fetcher) : {});
  let req = await prepare();
  const stored = findPage(sqlite, ctx.sourceId, entry.url);
  const usable = stored && hasBody(env.storeDir, stored.contentHash) ? stored : null;
  const get = (conditional: boolean) =>
    env.fetcher.get({ url: req.url ?? entry.url, headers: req.headers, etag: conditional ? usable?.etag : null, lastModified: conditional ? usable?.lastModified : null });
  let res = await get(true);
  if (res.kind === 'failed' && res.error === 'budget') return 'budget';
  /** when the answer came: the store's fetch time and the import's time are the same */
  let at = env.now();
  const finish = (fn: () => void) => {
    sqlite.transaction(() => {
      fn();
      report.byPageKind[entry.kind] = (report.byPageKind[entry.kind] ?? 0) + 1;
      env.saveReport();
    }).immediate();
  };

  if (res.kind === 'failed') return visitFailed(env, entry, res);

  if (res.kind === 'not-modified' && !usable) {
    // a 304 to a request that named no stored version: take the page again, unconditionally
    res = await get(false);
    if (res.kind === 'failed') return res.error === 'budget' ? 'budget' : visitFailed(env, entry, res);
    if (res.kind === 'not-modified') return visitFailed(env, entry, { error: 'http-4xx', message: 'HTTP 304 without a stored page', attempts: res.attempts });
  }
  let body: Buffer;
  let hash: string;
  if (res.kind === 'not-modified') {
    body = readBody(env.storeDir, usable!.contentHash);
    hash = usable!.contentHash;
  } else {
    body = res.body;
    hash = keep(env, entry.url, entry.kind, res, at);
  }
  /** the page once more, unconditionally: the new answer kept and parsed; null when none came */
  const fetchAgain = async (): Promise<Parsed | 'budget' | null> => {
    // prepared anew: a stateful page (the ALLRIS 4 calendar) is asked on a fresh page version
    req = await prepare();
    const again = await get(false);
    if (again.kind === 'failed' && again.error === 'budget') return 'budget';
    if (again.kind !== 'ok') return null;
    res = again;
    body = again.body;
    at = env.now();
    hash = keep(env, entry.url, entry.kind, again, at);
    return tryParse(body, entry.url, ctx.source, again.finalUrl);
  };
  let parsed = tryParse(body, entry.url, ctx.source, res.kind === 'ok' ? res.finalUrl : entry.url);
  if (malformed(parsed)) {
    // one more try of a malformed first answer ("AllRis sometimes misses start < at tags at first request")
    const again = await fetchAgain();
    if (again === 'budget') return 'budget';
    if (again) parsed = again;
  }
  if ('error' in parsed) {
    const attempts = res.attempts;
    const err = parsed.error;
    const unsupported = err instanceof UnsupportedPageError;
    const outcome = unsupported ? 'unsupported' : err instanceof LayoutChangedError ? 'layout' : err instanceof StaleSessionError ? 'stale-session'
      : err instanceof SystemChangedError ? 'system-changed' : 'not-a-ris-page';
    const file = unsupported ? null : saveFailure(env, entry.url, body, err.message);
    finish(() => {
      report.pages[unsupported ? 'skipped' : 'failed']++;
      if (file) report.failures.push({ url: entry.url, file, reason: err.message });
      countError(report, entry.url, outcome, err.message);
      completeEntry(sqlite, entry.id, unsupported ? 'skipped' : 'failed', outcome, err.message, attempts, env.now());
    });
    return 'done';
  }

  let record = parsed.record;
  let shrink = findShrink(sqlite, ctx.source.key, record);
  /** whether the answer in hand is the one `record` was read from (a second answer that did not parse is not) */
  let readFromBody = true;
  if (shrink && res.kind === 'ok') {
    // a suspicious shrink is fetched once more before it is believed (or held)
    const again = await fetchAgain();
    if (again === 'budget') return 'budget';
    if (again && 'record' in again) {
      record = again.record;
      shrink = findShrink(sqlite, ctx.source.key, record);
    } else if (again) readFromBody = false;
  }
  const attempts = res.attempts;
  if (shrink && !(readFromBody && shownADayBefore(env.storeDir, readStoreLog(env.storeDir, ctx.source.key), entry.url, record, hash, at))) {
    const reason = shrink.message;
    const file = saveFailure(env, entry.url, body, reason);
    finish(() => {
      report.pages.failed++;
      addShrink(report, { url: entry.url, file, reason });
      countError(report, entry.url, 'suspicious-shrink', reason);
      completeEntry(sqlite, entry.id, 'failed', 'suspicious-shrink', reason, attempts, env.now());
    });
    return 'done';
  }
  const change = res.kind === 'not-modified' ? 'unchanged' : !usable && !stored ? 'new' : stored?.contentHash === hash ? 'unchanged' : 'changed';
  const children = env.plan.expand(ctx, { url: entry.url, kind: entry.kind, change, text: bodyText(body, entry.url) }, record);
  finish(() => {
    const now = at;
    if (res.kind === 'ok') {
      indexPage(sqlite, ctx.sourceId, {
        url: entry.url, finalUrl: res.finalUrl, status: res.status, contentType: res.headers['content-type'] ?? null,
        etag: res.headers.etag ?? null, lastModified: res.headers['last-modified'] ?? null, contentHash: hash, size: body.length, kind: entry.kind, fetchedAt: now,
      });
    } else touchPage(sqlite, ctx.sourceId, entry.url, now);
    if (change !== 'unchanged') {
      const imported = importWithHistory(sqlite, { key: ctx.source.key, name: ctx.source.name, system: ctx.source.system, baseUrl: ctx.source.baseUrl }, [record], now, env.runId);
      addImportCounts(report, imported.byKind);
      report.changes += imported.changes;
      if (imported.agendaItemsRemoved) report.agendaItemsRemoved = (report.agendaItemsRemoved ?? 0) + imported.agendaItemsRemoved;
      countUnclassified(report, record);
    } else noteRecordRead(sqlite, ctx.source.key, record, now);
    // a field over its cap (scrapers/shared/caps.ts) was cut: stored cut, and said so in the report
    if (parsed.capped) countError(report, entry.url, 'capped', parsed.capped);
    report.pages.fetched++;
    report.pages[change]++;
    const documents = env.documents ? planDocuments(sqlite, ctx.sourceId, record, change !== 'unchanged', now) : [];
    enqueue(sqlite, env.runId, [...children, ...documents].filter((c) => env.fetcher.isAllowedHost(c.url)), entry.url, now);
    completeEntry(sqlite, entry.id, 'done', change, null, attempts, now);
  });
  return 'done';
}
