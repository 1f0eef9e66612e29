/**
 * The end-of-run report: pages fetched / new / changed / unchanged, records by kind, errors by kind,
 * unclassified role and result texts, pages whose layout was not understood (saved for new tests).
 * It is kept in crawl_runs.report, written with every page, so a resumed run reports the whole run.
 */
import type { RisRecord } from '../../../scrapers/records';
import { ENTITY_KINDS, type EntityKind, type ImportCounts } from '../../db/import';
import type { RunMode, RunStatus } from './journal';

export interface CrawlReport {
  source: string;
  runId: number;
  mode: RunMode;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  /** HTTP requests (robots.txt, retries and redirects included) */
  requests: number;
  pages: { fetched: number; new: number; changed: number; unchanged: number; failed: number; skipped: number };
  /** pages done per page kind (calendar, meeting, item, paper, …) */
  byPageKind: Record<string, number>;
  records: Record<EntityKind, ImportCounts>;
  errors: Record<string, number>;
  /** the first errors, for the reader to look at */
  errorSamples: { url: string; error: string; message: string }[];
  unclassified: { roles: Record<string, number>; results: Record<string, number> };
  /** pages whose layout was not understood, saved under data/failures/ */
  failures: { url: string; file: string; reason: string }[];
  /**
   * answers held back as a suspicious shrink of the stored record (src/db/shrink-guard.ts), also saved
   * under data/failures/; absent in reports of runs before the guard
   */
  suspiciousShrinks?: { url: string; file: string; reason: string }[];
  /**
   * the motions' documents (PDFs): fetched (unchanged: a 304 or the same bytes), read now (extracted: with
   * text; noText: no text layer, a scan; unreadable: encrypted, broken, too slow or too big to read),
   * failed (to fetch; tried again on the next run), skipped (not a PDF, over a limit); absent in reports
   * of runs before documents were fetched
   */
  documents?: DocumentCounts;
  /** change-log rows written */
  changes: number;
  /** agenda items removed because their meeting's page no longer lists them (absent in reports of older runs) */
  agendaItemsRemoved?: number;
  /** pages left for the next run (a stopped run) */
  pending: number;
  /** what the plan fixed at the start of the run (kept for a resumed run) */
  plan: { newestPaperId: number | null; since: string; until: string; modifiedSince: string | null };
}

export interface DocumentCounts {
  fetched: number;
  unchanged: number;
  extracted: number;
  noText: number;
  unreadable: number;
  failed: number;
  skipped: number;
}

export function emptyDocumentCounts(): DocumentCounts {
  return { fetched: 0, unchanged: 0, extracted: 0, noText: 0, unreadable: 0, failed: 0, skipped: 0 };
}

export function emptyReport(source: string, runId: number, mode: RunMode, startedAt: string, plan: CrawlReport['plan']): CrawlReport {
  return {
    source, runId, mode, status: 'running', startedAt, finishedAt: null, requests: 0,
    pages: { fetched: 0, new: 0, changed: 0, unchanged: 0, failed: 0, skipped: 0 },
    byPageKind: {},
    records: Object.fromEntries(ENTITY_KINDS.map((k) => [k, { inserted: 0, updated: 0, unchanged: 0 }])) as Record<EntityKind, ImportCounts>,
    errors: {}, errorSamples: [], unclassified: { roles: {}, results: {} }, failures: [], suspiciousShrinks: [], documents: emptyDocumentCounts(), changes: 0, pending: 0, plan,
  };
}

const MAX_SAMPLES = 20;

export function countError(r: CrawlReport, url: string, error: string, message: string): void {
  r.errors[error] = (r.errors[error] ?? 0) + 1;
  if (r.errorSamples.length < MAX_SAMPLES) r.errorSamples.push({ url, error, message });
}

export function addShrink(r: CrawlReport, held: { url: string; file: string; reason: string }): void {
  (r.suspiciousShrinks ??= []).push(held);
}

export function addImportCounts(r: CrawlReport, byKind: Record<EntityKind, ImportCounts>): void {
  for (const k of ENTITY_KINDS) {
    r.records[k].inserted += byKind[k].inserted;
    r.records[k].updated += byKind[k].updated;
    r.records[k].unchanged += byKind[k].unchanged;
  }
}

const bump = (m: Record<string, number>, key: string) => {
  m[key] = (m[key] ?? 0) + 1;
};

/** Role texts no rule knows (roleCode "other") and result texts no rule knows ("unclassified"). */
export function countUnclassified(r: CrawlReport, record: RisRecord): void {
  switch (record.type) {
    case 'Paper':
      for (const s of record.consultation) {
        if (s.roleCode === 'other' && s.role) bump(r.unclassified.roles, s.role);
        for (const m of s.meetings) if (m.resultCode === 'unclassified' && m.result) bump(r.unclassified.results, m.result);
      }
      return;
    case 'Meeting':
      for (const e of record.agendaItem) if (e.resultCode === 'unclassified' && e.result) bump(r.unclassified.results, e.result);
      return;
    case 'AgendaItem':
      if (record.resultCode === 'unclassified' && record.result) bump(r.unclassified.results, record.result);
      return;
    case 'List':
      for (const item of record.items) countUnclassified(r, item);
      return;
    default:
  }
}

/** Scraped text for a terminal: control characters (an escape sequence in a page) become "?". */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

const KIND_LABELS: Record<EntityKind, string> = {
  Paper: 'papers', Meeting: 'meetings', AgendaItem: 'agenda items', Organization: 'organizations', Person: 'people', File: 'files', Other: 'other',
};

function list(m: Record<string, number>): string {
  return Object.entries(m).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${k} ${n}`).join(', ');
}

/** The report as lines for a terminal (scraped text made printable). */
export function formatReport(r: CrawlReport): string[] {
  return formatLines(r).map(printable);
}

function formatLines(r: CrawlReport): string[] {
  const p = r.pages;
  const lines = [
    `${r.source}: ${r.mode} crawl (run ${r.runId}) ${r.status === 'stopped' ? `stopped after the request budget, ${r.pending} pages left — run scrape again to continue` : r.status}`,
    `pages: ${p.fetched} fetched (${p.new} new, ${p.changed} changed, ${p.unchanged} unchanged), ${p.failed} failed, ${p.skipped} skipped; ${r.requests} requests`,
  ];
  if (Object.keys(r.byPageKind).length) lines.push(`by page kind: ${list(r.byPageKind)}`);
  const d = r.documents;
  if (d && Object.values(d).some((n) => n > 0)) {
    lines.push(`documents: ${d.fetched} fetched (${d.unchanged} unchanged), ${d.extracted} extracted, ${d.noText} without text layer, ` +
      `${d.unreadable} unreadable, ${d.failed} failed, ${d.skipped} skipped`);
  }
  const kinds = ENTITY_KINDS.filter((k) => k !== 'Other')
    .map((k) => ({ k, c: r.records[k] }))
    .filter(({ c }) => c.inserted + c.updated + c.unchanged > 0)
    .map(({ k, c }) => `${KIND_LABELS[k]} ${c.inserted} new / ${c.updated} changed / ${c.unchanged} unchanged`);
  if (kinds.length) lines.push(`records: ${kinds.join('; ')}`);
  if (r.changes) lines.push(`change log: ${r.changes} changes to papers`);
  if (r.agendaItemsRemoved) lines.push(`agenda items removed: ${r.agendaItemsRemoved} (no longer on their meeting's page)`);
  if (Object.keys(r.errors).length) lines.push(`errors: ${list(r.errors)}`);
  for (const e of r.errorSamples.slice(0, 5)) lines.push(`  ${e.error}: ${e.url} (${e.message})`);
  if (Object.keys(r.unclassified.roles).length) lines.push(`unclassified roles: ${list(r.unclassified.roles)}`);
  if (Object.keys(r.unclassified.results).length) lines.push(`unclassified results: ${list(r.unclassified.results)}`);
  if (r.failures.length) {
    lines.push(`layout not understood (saved to become tests):`);
    for (const f of r.failures) lines.push(`  ${f.url} → ${f.file} (${f.reason})`);
  }
  if (r.suspiciousShrinks?.length) {
    lines.push(`suspicious shrink (held back; the stored record stays until \`ratsradar reparse --accept URL\` or the same page a day later):`);
    for (const f of r.suspiciousShrinks) lines.push(`  ${f.url} → ${f.file} (${f.reason})`);
  }
  return lines;
}
