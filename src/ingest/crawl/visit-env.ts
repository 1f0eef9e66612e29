/** What visiting one queue entry needs and how it ends: for ./visit.ts and ./visit-document.ts (a module of its own, so neither imports the other for it). */
import type Database from 'better-sqlite3';
import type { ExtractPool } from '../documents/extract-pool';
import type { Fetcher } from '../fetch/fetcher';
import type { CrawlReport } from './report';
import type { CrawlPlan, PlanContext } from './plan';

export interface VisitEnv {
  sqlite: Database.Database;
  fetcher: Fetcher;
  plan: CrawlPlan;
  ctx: PlanContext;
  report: CrawlReport;
  storeDir: string;
  failuresDir: string;
  runId: number;
  now: () => string;
  /** writes the report into the run row (inside the page's transaction) */
  saveReport: () => void;
  /** the extraction pool (started at the first document), or null: documents are not fetched (--no-documents) */
  documents: (() => ExtractPool) | null;
}

export type VisitOutcome = 'done' | 'budget';
