/**
 * The motions a committee or meeting page names, with what the page reads of their progress() on `today`
 * (src/domain/progress-summary.ts): the summary src/db/derive.ts stored for each, one row read per motion,
 * where it is of `today` — derive_state's day is today and the paper has not changed since it was derived
 * (derived_on set) — and derived here from the paper's Beratungsfolge and agenda items otherwise (another
 * day, a paper marked for deriving again, a database derived before summaries were stored). Either way the
 * same value: toProgressSummary(progress(paper, today)).
 */
import type Database from 'better-sqlite3';
import { progress } from '../domain/progress';
import { toProgressSummary, type ProgressSummary } from '../domain/progress-summary';
import { derivedDay } from './derive';
import { loadProgressPapers } from './queries-progress';
import type { RawRow } from './raw-rows';
import { declareStatements } from './registry';
import type { papers } from './schema';

export interface SummaryPaper {
  id: number;
  reference: string | null;
  name: string | null;
  summary: ProgressSummary;
  /** its Beratungsfolge is known only from the agendas that name it (no page of its own: merge.ts, provenance "agenda") */
  agendaOnly: boolean;
}

// raw SQL: the committee and meeting pages' one read per motion (bench: fresh render p50)
const stmts = declareStatements('queries-summaries', (sqlite) => ({
  papers: sqlite.prepare<[string], Pick<RawRow<typeof papers>, 'id' | 'reference' | 'name' | 'derived_on'> & { summary: string | null; agendaOnly: number | null }>(
    `SELECT p.id, p.reference, p.name, p.derived_on, s.summary, json_extract(p.provenance, '$.consultation') = 'agenda' AS agendaOnly
     FROM papers p LEFT JOIN paper_progress s ON s.paper_id = p.id
     WHERE p.id IN (SELECT value FROM json_each(?))`,
  ),
}));

/** The papers with these ids (those that exist), by id, each with its progress summary for `today`. */
export function loadPaperSummaries(sqlite: Database.Database, ids: Iterable<number>, today: string): Map<number, SummaryPaper> {
  const out = new Map<number, SummaryPaper>();
  const list = [...new Set(ids)];
  if (list.length === 0) return out;
  const s = stmts(sqlite);
  const current = derivedDay(sqlite) === today;
  const derive: number[] = [];
  const agendaOnly = new Set<number>();
  for (const r of s.papers.all(JSON.stringify(list))) {
    if (r.agendaOnly === 1) agendaOnly.add(r.id);
    if (current && r.derived_on != null && r.summary != null) {
      out.set(r.id, { id: r.id, reference: r.reference, name: r.name, summary: JSON.parse(r.summary) as ProgressSummary, agendaOnly: agendaOnly.has(r.id) });
    } else {
      derive.push(r.id);
    }
  }
  for (const [id, p] of loadProgressPapers(sqlite, derive)) {
    out.set(id, { id, reference: p.reference, name: p.name, summary: toProgressSummary(progress(p.paper, today, { agenda: p.agenda })), agendaOnly: agendaOnly.has(id) });
  }
  return out;
}
