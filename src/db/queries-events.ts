/**
 * The one reader of change events (paper_events), for feeds and alerts: of one motion, of a topic or a
 * search (with city and state filters), of a committee, of a faction; newest first, or — with `sinceId`
 * — every event after that id, oldest first (what a mailer has not sent yet), or the events of an
 * outbox row by id. Every query is bounded (LIMIT) and walks paper_events by its primary key or an index
 * (paper_events_paper, paper_events_source).
 */
import type Database from 'better-sqlite3';
import type { EventKind, EventPayload, PaperEvent } from '../domain/paper-event';
import type { Topic } from '../domain/topics';
import { searchMatchExpression, topicMatchExpression } from './fts-query';
import { filterConditions, type ListFilters } from './queries-lists';
import { stmt } from './registry';

export interface EventFilter {
  /** the events of one motion (papers.id) */
  paperId?: number | null;
  /** the motions of a topic (its keywords, as the topic lists match them) */
  topic?: Topic | null;
  /** the motions a search finds (as the search page matches them); a query without a word finds nothing */
  search?: string | null;
  /**
   * the filters of the paper lists (queries-lists.ts), as the start page applies them: city (sources.key),
   * derived state now, a station's committee, paper type, year, originator (faction)
   */
  list?: ListFilters | null;
  /** events about this committee (its name as the RIS writes it, in its source), and new motions it will deliberate */
  committee?: {
    sourceId: number | null;
    name: string;
    /** of the motions with a station there: only their 'new' event (the committee's feed, the default) or every event (an alert) */
    ofItsMotions?: 'new' | 'every';
  } | null;
  /**
   * the motions this faction (or elected person) filed, in its source: an originator named so (case
   * ignored), or any of `names` (the faction's names as its motions write them: originatorNamesLike)
   */
  faction?: { sourceId: number | null; name: string; names?: string[] } | null;
  /** these events (an outbox row's), oldest first */
  ids?: readonly number[] | null;
  /** only events after this id, oldest first (else newest first) */
  sinceId?: number | null;
  /** only these kinds */
  kinds?: readonly EventKind[] | null;
  /** at most this many (default 50, at most 1000) */
  limit?: number;
}

/** An event with what a feed or mail says about its motion. */
export interface LoadedEvent extends PaperEvent {
  reference: string | null;
  paperName: string | null;
  paperType: string | null;
  sourceKey: string;
  sourceName: string;
  isDemo: boolean;
}

const COLUMNS = `e.id, e.event_key AS eventKey, e.paper_id AS paperId, e.source_id AS sourceId, e.kind, e.learned_at AS learnedAt,
  e.happened_on AS happenedOn, e.committee, e.payload, e.run_id AS runId, p.reference, p.name AS paperName, p.paper_type AS paperType,
  s.key AS sourceKey, s.name AS sourceName, s.is_demo AS isDemo`;

type Row = Omit<LoadedEvent, 'payload' | 'isDemo'> & { payload: string; isDemo: number };

/** The SQL and parameters of a filter (pure; exported for the tests of its shape). */
export function eventQuery(f: EventFilter): { sql: string; params: Record<string, string | number> } | null {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (f.paperId != null) {
    where.push('e.paper_id = @paperId');
    params.paperId = f.paperId;
  }
  const matches: string[] = [];
  if (f.topic) matches.push(topicMatchExpression(f.topic));
  if (f.search != null) {
    const m = searchMatchExpression(f.search);
    if (!m) return null;
    matches.push(m);
  }
  matches.forEach((m, i) => {
    where.push(`e.paper_id IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH @match${i})`);
    params[`match${i}`] = m;
  });
  if (f.list) {
    const c = filterConditions(f.list);
    where.push(...c.parts);
    Object.assign(params, c.params);
  }
  if (f.committee) {
    if (f.committee.sourceId != null) {
      where.push('e.source_id = @committeeSource');
      params.committeeSource = f.committee.sourceId;
    }
    const kind = f.committee.ofItsMotions === 'every' ? '' : "e.kind = 'new' AND ";
    where.push(`(e.committee = @committee OR (${kind}EXISTS (SELECT 1 FROM consultations c WHERE c.paper_id = e.paper_id AND c.organization = @committee)))`);
    params.committee = f.committee.name;
  }
  if (f.faction) {
    if (f.faction.sourceId != null) {
      where.push('e.source_id = @factionSource');
      params.factionSource = f.faction.sourceId;
    }
    where.push(`EXISTS (SELECT 1 FROM json_each(p.originator) o
      WHERE o.value = @factionName COLLATE NOCASE OR o.value IN (SELECT value FROM json_each(@factionNames)))`);
    params.factionName = f.faction.name;
    params.factionNames = JSON.stringify(f.faction.names ?? []);
  }
  if (f.kinds?.length) {
    where.push(`e.kind IN (${f.kinds.map((_, i) => `@kind${i}`).join(', ')})`);
    f.kinds.forEach((k, i) => {
      params[`kind${i}`] = k;
    });
  }
  if (f.sinceId != null) {
    where.push('e.id > @sinceId');
    params.sinceId = f.sinceId;
  }
  if (f.ids) {
    where.push('e.id IN (SELECT value FROM json_each(@ids))');
    params.ids = JSON.stringify(f.ids);
  }
  params.limit = Math.max(1, Math.min(1000, Math.floor(f.limit ?? 50)));
  const sql = `SELECT ${COLUMNS} FROM paper_events e JOIN papers p ON p.id = e.paper_id JOIN sources s ON s.id = e.source_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.id ${f.sinceId != null || f.ids ? 'ASC' : 'DESC'} LIMIT @limit`;
  return { sql, params };
}

/** The events a filter selects (newest first; with sinceId oldest first). */
export function loadEvents(sqlite: Database.Database, filter: EventFilter = {}): LoadedEvent[] {
  const q = eventQuery(filter);
  if (!q) return [];
  const rows = stmt<[Record<string, string | number>], Row>(sqlite, q.sql).all(q.params);
  return rows.map((r) => ({ ...r, payload: parsePayload(r.payload), isDemo: r.isDemo === 1 }));
}

/** A stored payload; one that is not a JSON object renders as the bare kind. */
function parsePayload(text: string): EventPayload {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as EventPayload;
  } catch {
    // not JSON: no payload
  }
  return {};
}

/** The newest event id (0 when there is none): where a mailer starts when it is set up. */
export function lastEventId(sqlite: Database.Database): number {
  return (stmt(sqlite, 'SELECT COALESCE(MAX(id), 0) FROM paper_events').pluck().get() as number) ?? 0;
}

/**
 * How often each meeting row of a paper had its date moved (row identity → count, derive-events.ts
 * rowIdentity): a calendar event's SEQUENCE.
 */
export function loadDateMoves(sqlite: Database.Database, paperId: number): Map<string, number> {
  const rows = stmt<[number], { row: string | null; n: number }>(sqlite, `SELECT json_extract(payload, '$.row') AS row, COUNT(*) AS n
    FROM paper_events WHERE paper_id = ? AND kind = 'date_moved' GROUP BY row`).all(paperId);
  return new Map(rows.filter((r) => r.row !== null).map((r) => [r.row as string, r.n]));
}
