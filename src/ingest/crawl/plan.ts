/**
 * A crawl plan says, per RIS system, where a run starts (roots) and which pages a fetched page leads
 * to (expand). Plans build URLs from ids in the source's own URL scheme, so a page's links to other
 * hosts are never followed; the fetcher checks the hosts again.
 */
import type Database from 'better-sqlite3';
import type { RisRecord } from '../../../scrapers/records';
import type { Fetcher } from '../fetch/fetcher';
import type { Planned, RunMode } from './journal';
import type { SourceConfig } from './sources';
import type { Window } from './window';
import { stmt } from '../../db/registry';

export interface PlanContext {
  sqlite: Database.Database;
  sourceId: number;
  source: SourceConfig;
  mode: RunMode;
  today: string;
  /** the calendar months a run reads */
  calendarWindow: Window;
  /** the meetings a run fetches (full: --since … --until; incremental: around today) */
  meetingWindow: Window;
  /** the highest numeric paper id the source had before this run (incremental: newer ones are new) */
  newestPaperId: number | null;
  /** OParl lists: the modified_since filter (RFC 3339), or null for everything */
  modifiedSince: string | null;
}

export interface VisitedPage {
  url: string;
  kind: string;
  /** what the fetch found: a new URL, a changed body, or the same as before (also a 304) */
  change: 'new' | 'changed' | 'unchanged';
  text: string;
}

export interface RequestPlan {
  /** the URL to request, when it differs from the journal's (a Wicket page version) */
  url?: string;
  headers?: Record<string, string>;
}

export interface CrawlPlan {
  roots(ctx: PlanContext): Planned[];
  expand(ctx: PlanContext, page: VisitedPage, record: RisRecord): Planned[];
  /** what to try instead when a page cannot be had (the start page of an unknown calendar variant) */
  fallback?(ctx: PlanContext, page: Planned): Planned[];
  /** a session to set up, or headers to send, before a page is requested */
  prepare?(ctx: PlanContext, page: Planned, fetcher: Fetcher): Promise<RequestPlan>;
}

/** Numeric ids known in the source's table, for incremental roots. */
export function knownIds(sqlite: Database.Database, sql: string, ...params: unknown[]): string[] {
  return (stmt(sqlite, sql).pluck().all(...params) as (string | null)[]).filter((v): v is string => !!v && /^\d+$/.test(v));
}
