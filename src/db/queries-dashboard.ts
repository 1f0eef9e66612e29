/**
 * The dashboard's numbers (src/server/routes/dashboard.ts), counted in SQL over the papers of one list (a
 * topic and its filters: the WHERE clause of queries-lists.ts). The papers are read through the covering
 * index papers_state (state, source, date, last activity): the derived columns stand at the end of long
 * rows, behind the text sections, so reading the rows themselves would cost their overflow pages. One scan
 * counts per city and state (with the year's ended, the undated and the stalled as conditional sums), one
 * the days to decision as a histogram, one the new papers per month; the timeline's meeting rows come
 * through the meeting-date index.
 *
 * Decision day = the paper's last activity in a final state (the day of its last done station,
 * src/domain/progress.ts); submission day = the paper's date (a paper whose page states no date is left
 * out where that day is needed, and counted as such).
 */
import type Database from 'better-sqlite3';
import { daysBefore, DECISION_STATES, ENDED_STATES, STALLED_AFTER_DAYS, STALLED_LIMIT } from '../domain/dashboard-stats';
import { where, type ListSpec } from './queries-lists';
import type { RawRow } from './raw-rows';
import { stmt } from './registry';
import type { sources as sourcesTable } from './schema';

export interface StateCountRow {
  sourceId: number;
  state: string | null;
  count: number;
  /** how many have no date */
  undated: number;
  /** last activity in today's year */
  inYear: number;
  /** last activity (else date) more than STALLED_AFTER_DAYS before today */
  quiet: number;
  /** no date, or a last activity before it: no time to decision */
  noDuration: number;
}

export interface StalledRow {
  id: number;
  reference: string | null;
  name: string | null;
  sourceId: number;
  state: string | null;
  lastActivity: string;
  days: number;
}

export interface DashboardData {
  sources: Map<number, { key: string; name: string }>;
  /** per city and state (state null: not derived) */
  counts: StateCountRow[];
  /** days from date to last activity of decided papers, per city, as a histogram */
  durations: { sourceId: number; days: number; count: number }[];
  stalled: StalledRow[];
  submittedByMonth: { month: string; count: number }[];
  deliberatedByMonth: { month: string; count: number }[];
}

const inList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const and = (w: string, cond: string) => (w ? `${w} AND ${cond}` : `WHERE ${cond}`);

/**
 * Every number of the dashboard for one list. `today` (YYYY-MM-DD) fixes "this year", the stalled cut-off
 * and the last month of the timeline; `fromMonth` (YYYY-MM) its first.
 */
export function dashboardData(sqlite: Database.Database, spec: ListSpec, today: string, fromMonth: string): DashboardData {
  const w = where(spec);
  const year = Number(today.slice(0, 4));
  const params = { ...w.params, today, from: `${fromMonth}-01`, yearFrom: `${year}-01-01`, yearTo: `${year + 1}-01-01`, quietBefore: daysBefore(today, STALLED_AFTER_DAYS) };
  const all = <T>(sql: string) => stmt(sqlite, sql).all(params) as T[];
  const papers = 'papers p INDEXED BY papers_state';
  const counts = all<StateCountRow>(`SELECT p.source_id AS sourceId, p.state, COUNT(*) AS count, SUM(p.date IS NULL) AS undated,
    SUM(p.last_activity >= @yearFrom AND p.last_activity < @yearTo) AS inYear,
    SUM(COALESCE(p.last_activity, p.date) < @quietBefore) AS quiet,
    SUM(p.date IS NULL OR p.last_activity IS NULL OR p.last_activity < p.date) AS noDuration
    FROM ${papers} ${w.sql} GROUP BY p.source_id, p.state`);
  const durations = all<{ sourceId: number; days: number; count: number }>(`SELECT p.source_id AS sourceId,
    CAST(julianday(p.last_activity) - julianday(p.date) AS INTEGER) AS days, COUNT(*) AS count
    FROM ${papers} ${and(w.sql, `p.state IN (${inList(DECISION_STATES)}) AND p.date IS NOT NULL AND p.last_activity >= p.date`)}
    GROUP BY p.source_id, days`);
  const stalled = all<StalledRow>(`SELECT p.id, p.reference, p.name, p.source_id AS sourceId, p.state, COALESCE(p.last_activity, p.date) AS lastActivity,
    CAST(julianday(@today) - julianday(COALESCE(p.last_activity, p.date)) AS INTEGER) AS days
    FROM papers p WHERE p.id IN (SELECT p.id FROM ${papers} ${and(w.sql, `(p.state IS NULL OR p.state NOT IN (${inList(ENDED_STATES)}))
      AND COALESCE(p.last_activity, p.date) < @quietBefore`)} ORDER BY COALESCE(p.last_activity, p.date), p.id LIMIT ${STALLED_LIMIT})
    ORDER BY lastActivity, p.id`);
  const submittedByMonth = all<{ month: string; count: number }>(`SELECT substr(p.date, 1, 7) AS month, COUNT(*) AS count
    FROM ${papers} ${and(w.sql, 'p.date >= @from AND p.date <= @today')} GROUP BY month ORDER BY month`);
  // a meeting row of a listed paper in the timeline's months: one deliberation (a paper on two agendas counts twice)
  const deliberatedByMonth = all<{ month: string; count: number }>(w.sql
    ? `SELECT substr(cm.date, 1, 7) AS month, COUNT(*) AS count FROM consultation_meetings cm INDEXED BY consultation_meetings_date_rows
        JOIN consultations c ON c.id = cm.consultation_id
        WHERE cm.date >= @from AND cm.date <= @today AND c.paper_id IN (SELECT p.id FROM ${papers} ${w.sql}) GROUP BY month ORDER BY month`
    : 'SELECT substr(date, 1, 7) AS month, COUNT(*) AS count FROM consultation_meetings WHERE date >= @from AND date <= @today GROUP BY month ORDER BY month');
  const sources = new Map(stmt<[], Pick<RawRow<typeof sourcesTable>, 'id' | 'key' | 'name'>>(sqlite, 'SELECT id, key, name FROM sources').all().map((s) => [s.id, { key: s.key, name: s.name }]));
  return { sources, counts, durations, stalled, submittedByMonth, deliberatedByMonth };
}
