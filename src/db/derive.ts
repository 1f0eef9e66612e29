/**
 * Stores what src/domain/progress derives for a day (state, current and next station, last activity)
 * in the papers table, so that lists filter and sort in SQL, and beside it what the committee and
 * meeting pages read of it (paper_progress.summary, src/domain/progress-summary.ts: nothing that
 * depends on the day beyond what dayChangeBounds covers). Run after each import and once a day
 * (the server refreshes when it starts and when the day changes).
 *
 * derive_state holds the day for which all papers were last derived; papers.derived_on the day a
 * paper's derived columns were last written, NULL when the paper has changed since (write-paper.ts).
 * On a new day only the papers that day can change are re-derived (dayChangeBounds), and of those
 * only the rows whose derived columns differ are written — a paper row is several KB, and most
 * papers derive the same on most days.
 */
import type Database from 'better-sqlite3';
import type { Paper } from '../domain/paper';
import { addDays, isIsoDate } from '../domain/dates';
import type { PaperAgendaItem } from '../domain/agenda-steps';
import { progress, RESTING_AFTER_DAYS, STALLED_AFTER_DAYS } from '../domain/progress';
import { toProgressSummary } from '../domain/progress-summary';
import { groupAgenda, paperAgendaSql, type AgendaDbRow } from './queries-agenda';
import { meetingsSql, sequenceSql, stationsSql, toPapers, type MeetingDbRow, type StationDbRow } from './queries-progress';
import type { RawRow } from './raw-rows';
import { declareStatements } from './registry';
import type { papers } from './schema';
import type { paperProgress } from './schema-derived';

/** The derived columns of one paper for `today` (named as the UPDATE below binds them). */
export interface DerivedColumns {
  state: string;
  currentOrganization: string | null;
  nextOrganization: string | null;
  nextRole: string | null;
  nextDate: string | null;
  lastActivity: string | null;
}

/** What refreshDerived stores for a paper (with the agenda items that name it) on `today`. Pure. */
export function derivedColumns(paper: Paper, today: string, agenda: readonly PaperAgendaItem[] = []): DerivedColumns {
  return derivedOf(paper, today, agenda).columns;
}

/** A committee with a deadline for a paper (paper_deadlines): its station must deliberate before `before`. */
export interface DeadlineRow { organization: string; before: string }

/**
 * The derived columns, the summary the committee and meeting pages read (paper_progress.summary, JSON)
 * and its deadlines by committee (paper_deadlines: one per named committee), from one progress(). Pure.
 */
export function derivedOf(paper: Paper, today: string, agenda: readonly PaperAgendaItem[] = []): { columns: DerivedColumns; summary: string; deadlines: DeadlineRow[] } {
  const pr = progress(paper, today, { agenda });
  const current = pr.currentStation != null ? pr.stations[pr.currentStation] : null;
  const columns = {
    state: pr.state,
    currentOrganization: current?.organization ?? null,
    nextOrganization: pr.next?.organization ?? null,
    nextRole: pr.next?.role ?? null,
    nextDate: pr.next?.date ?? null,
    lastActivity: pr.lastActivity ?? null,
  };
  const deadlines = new Map<string, DeadlineRow>();
  for (const x of pr.deadlines) if (x.organization != null && !deadlines.has(x.organization)) deadlines.set(x.organization, { organization: x.organization, before: x.before });
  return { columns, summary: JSON.stringify(toProgressSummary(pr)), deadlines: [...deadlines.values()] };
}

const CHUNK = 1000;

/** A paper's derived columns as stored, derived_on, and its stored summary (null when it has none). */
type PaperDbRow = Pick<RawRow<typeof papers>, 'id' | 'source_id' | 'date' | 'data_as_of' | 'state' | 'current_organization' | 'next_organization'
  | 'next_role' | 'next_date' | 'last_activity' | 'derived_on'> & { summary: RawRow<typeof paperProgress>['summary'] | null; sequence: string | null };

/**
 * The reads of what progress() needs for a chunk of papers — a few statements per thousand papers
 * instead of three per paper: by id range (`lo`, `hi`) where the chunk's ids are dense, by id list
 * (a JSON array) where they are sparse.
 */
function reads<P extends unknown[]>(sqlite: Database.Database, where: (paperId: string) => string) {
  return {
    papers: sqlite.prepare<P, PaperDbRow>(`SELECT p.id, p.source_id, p.date, p.data_as_of, p.state, p.current_organization, p.next_organization,
      p.next_role, p.next_date, p.last_activity, p.derived_on, s.summary, ${sequenceSql('p')} AS sequence FROM papers p LEFT JOIN paper_progress s ON s.paper_id = p.id
      WHERE ${where('p.id')}`),
    stations: sqlite.prepare<P, StationDbRow>(stationsSql(where)),
    meetings: sqlite.prepare<P, MeetingDbRow>(meetingsSql(where)),
    agenda: sqlite.prepare<P, AgendaDbRow>(paperAgendaSql(where)),
  };
}

function prepare(sqlite: Database.Database) {
  return {
    byRange: reads<[number, number]>(sqlite, (id) => `${id} BETWEEN ? AND ?`),
    byList: reads<[string]>(sqlite, (id) => `${id} IN (SELECT value FROM json_each(?))`),
    update: sqlite.prepare(`UPDATE papers SET state=@state, current_organization=@currentOrganization,
      next_organization=@nextOrganization, next_role=@nextRole, next_date=@nextDate, last_activity=@lastActivity,
      derived_on=@today WHERE id=@id`),
    // the summary apart from the paper row: a day change that moves only what the pages read writes this narrow row, not the paper's
    summary: sqlite.prepare<[number, string]>('INSERT INTO paper_progress (paper_id, summary) VALUES (?, ?) ON CONFLICT (paper_id) DO UPDATE SET summary = excluded.summary'),
    // the summary's deadlines beside it: cleared and written again wherever the summary changes
    clearDeadlines: sqlite.prepare<[number]>('DELETE FROM paper_deadlines WHERE paper_id = ?'),
    deadline: sqlite.prepare<[number, number, string, string]>('INSERT INTO paper_deadlines (paper_id, source_id, organization, before) VALUES (?, ?, ?, ?)'),
    allIds: sqlite.prepare<[], number>('SELECT id FROM papers ORDER BY id').pluck(),
    staleIds: sqlite.prepare<[], number>('SELECT id FROM papers WHERE derived_on IS NULL ORDER BY id').pluck(),
    /**
     * The papers whose derived columns can differ between two days `lo` <= `hi` (dayChangeBounds),
     * and those not derived since they changed.
     */
    dayChangeIds: sqlite.prepare<DayChangeBounds, number>(`
      SELECT id FROM papers WHERE derived_on IS NULL
      UNION SELECT c.paper_id FROM consultation_meetings m JOIN consultations c ON c.id = m.consultation_id
        WHERE m.date BETWEEN @lo AND @hi
      UNION SELECT c.paper_id FROM meetings mt JOIN consultation_meetings m ON m.meeting_id = mt.id JOIN consultations c ON c.id = m.consultation_id
        WHERE mt.date BETWEEN @lo AND @hi
      UNION SELECT a.paper_id FROM meetings m JOIN agenda_items a ON a.meeting_id = m.id
        WHERE m.date BETWEEN @lo AND @hi AND a.paper_id IS NOT NULL
      UNION SELECT paper_id FROM agenda_items WHERE meeting_id IS NULL AND paper_id IS NOT NULL AND date BETWEEN @lo AND @hi
      UNION SELECT id FROM papers WHERE last_activity BETWEEN @stalledLo AND @stalledHi
      UNION SELECT id FROM papers WHERE date BETWEEN @stalledLo AND @stalledHi
      UNION SELECT id FROM papers WHERE last_activity BETWEEN @restingLo AND @restingHi
      ORDER BY 1`).pluck(),
    day: sqlite.prepare<[], string>('SELECT day FROM derive_state WHERE id = 1').pluck(),
    setDay: sqlite.prepare('INSERT INTO derive_state (id, day) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET day = excluded.day'),
  };
}

// raw SQL: every paper's derived columns, read and written in bulk on import and on a new day
const stmts = declareStatements('derive', prepare);

interface ProgressInput { paper: Paper; agenda: PaperAgendaItem[]; stored: PaperDbRow }

/** What progress() reads of a paper (its date, Beratungsfolge and agenda items) and its stored derived columns, for the papers `ids` (ascending). */
function loadProgressInputs(sqlite: Database.Database, ids: number[]): Map<number, ProgressInput> {
  const s = stmts(sqlite);
  const lo = ids[0];
  const hi = ids[ids.length - 1];
  // a range read visits every paper in [lo, hi]: worth it while most of them are wanted
  const r = hi - lo < 2 * ids.length ? { byRange: s.byRange, args: [lo, hi] as [number, number] } : null;
  const idList = JSON.stringify(ids);
  const meetings = r ? r.byRange.meetings.all(...r.args) : s.byList.meetings.all(idList);
  const papers = r ? r.byRange.papers.all(...r.args) : s.byList.papers.all(idList);
  const stations = r ? r.byRange.stations.all(...r.args) : s.byList.stations.all(idList);
  const agendas = groupAgenda(r ? r.byRange.agenda.all(...r.args) : s.byList.agenda.all(idList));
  const out = new Map<number, ProgressInput>();
  for (const [id, { row, paper }] of toPapers(papers, stations, meetings)) {
    out.set(id, { paper, agenda: agendas.get(id) ?? [], stored: row });
  }
  return out;
}

/**
 * Bounds for the papers whose derived columns can differ between the days `from` and `to`, from how
 * progress() uses today: it compares each meeting date with today (past, today, future) — which
 * changes only for a date between the two days (as strings, both ends included), for the rows of its
 * Beratungsfolge and for the meetings of the agenda items that name it — and calls a paper stalled
 * from STALLED_AFTER_DAYS days after its last past meeting (or its date while there is none) on, or
 * RESTING_AFTER_DAYS after a last deferral or referral — which changes only for such a day between the
 * two days shifted back by that (a day of slack on either side). A last past meeting can itself change
 * only with a meeting between the two days.
 * Stalled and resting are counted up to the paper's countTo (the earlier of today and the day its data is
 * known up to, src/domain/data-age.ts), which moves only within the two days, so these bounds still hold; a
 * paper whose data_as_of moves is marked for deriving again where it moves (src/db/data-as-of.ts).
 */
export function dayChangeBounds(from: string, to: string): DayChangeBounds {
  const lo = from < to ? from : to;
  const hi = from < to ? to : from;
  return {
    lo, hi, stalledLo: addDays(lo, -STALLED_AFTER_DAYS - 2), stalledHi: addDays(hi, -STALLED_AFTER_DAYS + 1),
    restingLo: addDays(lo, -RESTING_AFTER_DAYS - 2), restingHi: addDays(hi, -RESTING_AFTER_DAYS + 1),
  };
}

export interface DayChangeBounds { lo: string; hi: string; stalledLo: string; stalledHi: string; restingLo: string; restingHi: string }

/** Whether the stored derived columns are `d` (and were derived at all). */
function unchanged(stored: PaperDbRow, d: DerivedColumns): boolean {
  return stored.derived_on !== null && stored.state === d.state && stored.current_organization === d.currentOrganization
    && stored.next_organization === d.nextOrganization && stored.next_role === d.nextRole && stored.next_date === d.nextDate
    && stored.last_activity === d.lastActivity;
}

/** The day for which all papers were last derived (derive_state), or null when they never were. */
export function derivedDay(sqlite: Database.Database): string | null {
  return (stmts(sqlite).day.get() as string | undefined) ?? null;
}

export interface RefreshResult {
  /** papers derived (in memory) */
  derived: number;
  /** papers written, because their derived columns or their summary changed, or they had not been derived yet */
  written: number;
}

/** Makes paper_deadlines the deadlines of a paper's new summary (a primary-key probe where it had none). */
function writeDeadlines(sqlite: Database.Database, stored: PaperDbRow, deadlines: readonly DeadlineRow[]): void {
  const s = stmts(sqlite);
  s.clearDeadlines.run(stored.id);
  for (const x of deadlines) s.deadline.run(stored.id, stored.source_id, x.organization, x.before);
}

/** Derives the papers `ids` (ascending) for `day` and writes those whose derived columns (or summary) change; returns how many were written. */
function deriveIds(sqlite: Database.Database, ids: number[], day: string): number {
  const s = stmts(sqlite);
  let written = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const inputs = loadProgressInputs(sqlite, chunk);
    for (const id of chunk) {
      const input = inputs.get(id);
      if (!input) continue;
      const d = derivedOf(input.paper, day, input.agenda);
      const columnsChanged = !unchanged(input.stored, d.columns);
      const summaryChanged = input.stored.summary !== d.summary;
      if (!columnsChanged && !summaryChanged) continue;
      if (columnsChanged) s.update.run({ id, today: day, ...d.columns });
      if (summaryChanged) {
        s.summary.run(id, d.summary);
        writeDeadlines(sqlite, input.stored, d.deadlines);
      }
      written++;
    }
  }
  return written;
}

/**
 * Derives the papers a write just changed (`ids`), inside the caller's transaction — an import batch
 * or a crawl page — so that no committed paper is without its derived state. They are
 * derived for the day all papers were last derived for (derive_state), so that every paper is of one
 * day and the server's day check (src/server/app.ts) moves them all on together; on a database never
 * derived yet, for `fallbackDay` (derive_state stays unset: the first refreshDerived derives all).
 */
export function deriveWritten(sqlite: Database.Database, ids: Iterable<number>, fallbackDay: string): number {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const stored = stmts(sqlite).day.get();
  const day = stored != null && isIsoDate(stored) ? stored : fallbackDay;
  if (!isIsoDate(day)) return 0;
  return deriveIds(sqlite, sorted, day);
}

/**
 * Brings the derived columns up to date for `today`, in one transaction, and writes only the papers
 * whose derived columns change (or that changed since they were derived: derived_on NULL). Which
 * papers it derives: on the day of derive_state only those changed since; on another day those that
 * day can change (dayChangeBounds) and those changed since; with `all`, or without a valid
 * derive_state (a database from before it), every paper.
 */
export function refreshDerived(sqlite: Database.Database, today: string, opts: { all?: boolean } = {}): RefreshResult {
  const s = stmts(sqlite);
  const run = sqlite.transaction((): RefreshResult => {
    const day = s.day.get() ?? null;
    const ids = opts.all || day == null || !isIsoDate(day) || !isIsoDate(today) ? s.allIds.all()
      : day === today ? s.staleIds.all()
      : s.dayChangeIds.all(dayChangeBounds(day, today));
    const written = deriveIds(sqlite, ids, today);
    if (day !== today) s.setDay.run(today);
    return { derived: ids.length, written };
  });
  // IMMEDIATE: take the write lock first (waiting busy_timeout for it), so a concurrent import can never
  // turn this read-then-write transaction into SQLITE_BUSY (a deferred one cannot wait for a newer snapshot)
  return run.immediate();
}
