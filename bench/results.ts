import type { DashboardFigures } from './dashboard';
/** The shape of bench/results.json. */
import type { SearchBenchResult } from './search-docs';
import type { ImportChildResult } from './import-child';
import type { ImportBenchResult, IngestBenchResult } from './import';
import type { Machine } from './machine';
import type { ParseResult } from './parse';
import type { ExtractBenchResult } from './extract';
import type { ServeResult } from './serve';
import type { AlternatingFigures } from './alternating';

export interface BuildFigures {
  motions: number;
  meetings: number;
  agendaItems: number;
  consultations: number;
  generateSeconds: number;
  writeSeconds: number;
  mb: number;
}

export interface DeriveFigures {
  motions: number;
  seconds: number;
  perMotionMs: number;
  /** the server's daily refresh: one day on from the generated day (absent in older results) */
  nextDaySeconds?: number;
  nextDayWritten?: number;
}

export type TargetStatus = 'met' | 'not met' | 'n/a';

export interface TargetResult {
  target: string;
  measured: string;
  status: TargetStatus;
}

export interface BenchResults {
  date: string;
  machine: Machine;
  options: { sizes: number[]; connections: number[]; seconds: number; seed: number; today: string };
  seconds: number;
  parse: ParseResult;
  import: ImportBenchResult;
  /** the import at several sizes (--import-mixes); absent in older results */
  importMixes?: ImportBenchResult[];
  ingest: IngestBenchResult;
  /** document extraction (issue 13); absent in older results */
  extract?: ExtractBenchResult;
  builds: BuildFigures[];
  /** refreshDerived over every motion of a generated database (the server's daily refresh) */
  derive: DeriveFigures | null;
  serve: ServeResult[];
  /** growth from the smallest to the largest size, both served at once and requested in turns (bench/alternating.ts); absent in older results */
  alternating?: AlternatingFigures | null;
  importMemory: ImportChildResult | null;
  /** the dashboard's fresh render (no cache) at each size (bench/dashboard.ts) */
  dashboard?: DashboardFigures[];
  /** search over motions and their documents (bench/search-docs.ts); absent in runs before it */
  search?: SearchBenchResult | null;
  targets: TargetResult[];
}
