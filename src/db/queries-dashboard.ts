/**
 * The dashboard's numbers (src/server/routes/dashboard.ts): aggregates over the papers of one list (a
 * topic and its filters, the WHERE clause of queries-lists.ts), each one GROUP BY over the papers that
 * the topic's FTS5 match finds. Decision day = the paper's last activity in a final state (the day of its
 * last done station, src/domain/progress.ts); submission day = the paper's date. A paper whose page states
 * no date is not counted where the submission day is needed (its first meeting is no submission day: a
 * motion decided at its first meeting would count 0 days); the dashboard says how many were left out.
 */
import type Database from 'better-sqlite3';
import { where, type ListSpec } from './queries-lists';

/** States whose paper has been decided on (time to decision counts these; withdrawn / stopped ended without a decision). */
export const DECISION_STATES = ['decided', 'decided-amended', 'rejected', 'noted'] as const;
/** States after which nothing more is expected (src/domain/states.ts FINAL_STATES). */
export const ENDED_STATES = ['decided', 'decided-amended', 'rejected', 'noted', 'withdrawn', 'stopped'] as const;
/** No activity for more than this many days (and not ended): stalled on the dashboard. */
export const STALLED_AFTER_DAYS = 90;
export const STALLED_LIMIT = 50;

export interface StateCountRow {
  sourceKey: string;
  sourceName: string;
  state: string;
  count: number;
}

export interface DurationRow {
  sourceKey: string;
  sourceName: string;
  days: number;
}

export interface StalledRow {
  id: number;
  reference: string | null;
  name: string | null;
  sourceName: string;
  state: string | null;
  lastActivity: string;
  days: number;
}

export interface MonthCountRow {
  month: string;
  count: number;
}

export interface DashboardData {
  byState: StateCountRow[];
  durations: DurationRow[];
  /** decided papers left out of `durations`: no date on their page (or a last activity before it) */
  decidedUndated: number;
  /** papers without a date: not in `submittedByMonth` */
  undated: number;
  stalled: StalledRow[];
  stalledTotal: number;
  endedInYear: { state: string; count: number }[];
  submittedByMonth: MonthCountRow[];
  deliberatedByMonth: MonthCountRow[];
}

const inList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Every number of the dashboard for one list. `today` (YYYY-MM-DD) fixes "this year", the stalled cut-off
 * and the last month of the timeline; `fromMonth` (YYYY-MM) its first.
 */
export function dashboardData(sqlite: Database.Database, spec: ListSpec, today: string, fromMonth: string): DashboardData {
  const w = where(spec);
  const params = { ...w.params, today, year: today.slice(0, 4), from: `${fromMonth}-01`, stalledDays: STALLED_AFTER_DAYS };
  const list = `SELECT p.id FROM papers p ${w.sql}`;
  const all = <T>(sql: string) => sqlite.prepare(sql).all(params) as T[];
  const byState = all<StateCountRow>(`SELECT s.key AS sourceKey, s.name AS sourceName, p.state AS state, COUNT(*) AS count
    FROM papers p JOIN sources s ON s.id = p.source_id WHERE p.id IN (${list}) AND p.state IS NOT NULL
    GROUP BY s.id, p.state ORDER BY s.name, p.state`);
  const durations = all<DurationRow>(`SELECT s.key AS sourceKey, s.name AS sourceName,
    CAST(julianday(p.last_activity) - julianday(p.date) AS INTEGER) AS days
    FROM papers p JOIN sources s ON s.id = p.source_id
    WHERE p.id IN (${list}) AND p.state IN (${inList(DECISION_STATES)}) AND p.date IS NOT NULL AND p.last_activity >= p.date
    ORDER BY s.name, s.id, days`);
  const decidedUndated = sqlite.prepare(`SELECT COUNT(*) FROM papers p WHERE p.id IN (${list})
    AND p.state IN (${inList(DECISION_STATES)}) AND (p.date IS NULL OR p.last_activity IS NULL OR p.last_activity < p.date)`).pluck().get(params) as number;
  const stalledWhere = `p.id IN (${list}) AND (p.state IS NULL OR p.state NOT IN (${inList(ENDED_STATES)}))
    AND COALESCE(p.last_activity, p.date) IS NOT NULL
    AND julianday(@today) - julianday(COALESCE(p.last_activity, p.date)) > @stalledDays`;
  const stalled = all<StalledRow>(`SELECT p.id, p.reference, p.name, s.name AS sourceName, p.state,
    COALESCE(p.last_activity, p.date) AS lastActivity,
    CAST(julianday(@today) - julianday(COALESCE(p.last_activity, p.date)) AS INTEGER) AS days
    FROM papers p JOIN sources s ON s.id = p.source_id WHERE ${stalledWhere}
    ORDER BY lastActivity ASC, p.id ASC LIMIT ${STALLED_LIMIT}`);
  const stalledTotal = (sqlite.prepare(`SELECT COUNT(*) FROM papers p WHERE ${stalledWhere}`).pluck().get(params) as number) ?? 0;
  const endedInYear = all<{ state: string; count: number }>(`SELECT p.state AS state, COUNT(*) AS count FROM papers p
    WHERE p.id IN (${list}) AND p.state IN (${inList(ENDED_STATES)}) AND substr(p.last_activity, 1, 4) = @year
    GROUP BY p.state`);
  const submittedByMonth = all<MonthCountRow>(`SELECT substr(p.date, 1, 7) AS month, COUNT(*) AS count FROM papers p
    WHERE p.id IN (${list}) AND p.date >= @from AND p.date <= @today GROUP BY month ORDER BY month`);
  const undated = sqlite.prepare(`SELECT COUNT(*) FROM papers p WHERE p.id IN (${list}) AND p.date IS NULL`).pluck().get(params) as number;
  // meeting rows of the list's papers that lay in the past: one deliberation each (a paper on two agendas counts twice)
  const deliberatedByMonth = all<MonthCountRow>(`SELECT substr(cm.date, 1, 7) AS month, COUNT(*) AS count
    FROM consultations c JOIN consultation_meetings cm ON cm.consultation_id = c.id
    WHERE c.paper_id IN (${list}) AND cm.date >= @from AND cm.date <= @today GROUP BY month ORDER BY month`);
  return { byState, durations, decidedUndated, undated, stalled, stalledTotal, endedInYear, submittedByMonth, deliberatedByMonth };
}
