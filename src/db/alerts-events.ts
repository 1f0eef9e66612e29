/**
 * The change events (paper_events) a subscription is told about: events with an id above its cursor
 * that match what it follows. ALERTS' OWN MINIMAL READING of paper_events — to be swapped at merge for
 * loadEvents(db, filter) of src/db/queries-events.ts (filters paper, topic+city, committee, faction,
 * search, since id), which this mirrors.
 */
import type Database from 'better-sqlite3';
import type { AlertKind } from '../domain/alert-rules';
import type { TopicSet } from '../domain/topics';
import { searchMatchExpression, topicMatchExpression } from './fts-query';
import { stmt } from './registry';

export interface AlertEvent {
  id: number;
  paperId: number;
  kind: string;
  learnedAt: string;
  happenedOn: string | null;
  committee: string | null;
  payload: Record<string, unknown>;
  reference: string | null;
  paperName: string | null;
  sourceName: string;
}

export interface EventFilter {
  kind: AlertKind;
  target: string;
  /** sources.key, or null for every city */
  city: string | null;
}

const COLUMNS = `e.id, e.paper_id AS paperId, e.kind, e.learned_at AS learnedAt, e.happened_on AS happenedOn, e.committee,
  e.payload, p.reference, p.name AS paperName, s.name AS sourceName`;

/** The WHERE part for a filter, or null when it can match nothing (an unknown topic, a search without words). */
function condition(f: EventFilter, topics: TopicSet | null): { sql: string; params: Record<string, string | number> } | null {
  const params: Record<string, string | number> = {};
  const parts: string[] = [];
  if (f.city) {
    parts.push('s.key = @city');
    params.city = f.city;
  }
  switch (f.kind) {
    case 'paper':
      if (!/^\d+$/.test(f.target)) return null;
      parts.push('e.paper_id = @paper');
      params.paper = Number(f.target);
      break;
    case 'topic': {
      const topic = topics?.topics.find((t) => t.id === f.target);
      if (!topic) return null;
      parts.push('e.paper_id IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH @match)');
      params.match = topicMatchExpression(topic);
      break;
    }
    case 'search': {
      const match = searchMatchExpression(f.target);
      if (!match) return null;
      parts.push('e.paper_id IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH @match)');
      params.match = match;
      break;
    }
    case 'committee':
      parts.push('(e.committee = @name OR EXISTS (SELECT 1 FROM consultations c WHERE c.paper_id = e.paper_id AND c.organization = @name))');
      params.name = f.target;
      break;
    case 'faction':
      parts.push('EXISTS (SELECT 1 FROM json_each(p.originator) o WHERE o.value = @name)');
      params.name = f.target;
      break;
  }
  return { sql: parts.join(' AND '), params };
}

/** Events after `afterId` that match the filter, oldest first, at most `limit`. */
export function loadAlertEvents(sqlite: Database.Database, f: EventFilter, topics: TopicSet | null, afterId: number, limit = 200): AlertEvent[] {
  const c = condition(f, topics);
  if (!c) return [];
  const rows = stmt(sqlite, `SELECT ${COLUMNS} FROM paper_events e JOIN papers p ON p.id = e.paper_id JOIN sources s ON s.id = e.source_id
      WHERE e.id > @after AND ${c.sql} ORDER BY e.id LIMIT @limit`)
    .all({ ...c.params, after: afterId, limit }) as (Omit<AlertEvent, 'payload'> & { payload: string })[];
  return rows.map(withPayload);
}

/** The events with these ids (an outbox row's), oldest first. */
export function loadAlertEventsByIds(sqlite: Database.Database, ids: number[]): AlertEvent[] {
  if (!ids.length) return [];
  const rows = stmt(sqlite, `SELECT ${COLUMNS} FROM paper_events e JOIN papers p ON p.id = e.paper_id JOIN sources s ON s.id = e.source_id
      WHERE e.id IN (SELECT value FROM json_each(?)) ORDER BY e.id`)
    .all(JSON.stringify(ids)) as (Omit<AlertEvent, 'payload'> & { payload: string })[];
  return rows.map(withPayload);
}

/** The largest event id (0 without events): a confirmed subscription starts after it. */
export function lastEventId(sqlite: Database.Database): number {
  return (stmt(sqlite, 'SELECT COALESCE(MAX(id), 0) FROM paper_events').pluck().get() as number) ?? 0;
}

function withPayload(r: Omit<AlertEvent, 'payload'> & { payload: string }): AlertEvent {
  let payload: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(r.payload);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) payload = parsed as Record<string, unknown>;
  } catch {
    // a payload that is not JSON renders as the bare kind
  }
  return { ...r, payload };
}
