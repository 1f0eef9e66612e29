/**
 * The change events a subscription is told about, read by the one event loader (loadEvents of
 * src/db/queries-events.ts): a subscription (kind, target, city) becomes its EventFilter here.
 */
import type Database from 'better-sqlite3';
import type { AlertKind } from '../domain/alert-rules';
import type { TopicSet } from '../domain/topics';
import { loadEvents, type EventFilter, type LoadedEvent } from './queries-events';

/** An event as a mail tells it. */
export type AlertEvent = LoadedEvent;

/** What a subscription follows. */
export interface Subscription {
  kind: AlertKind;
  target: string;
  /** sources.key, or null for every city */
  city: string | null;
}

/** The event filter of a subscription, or null when it can match nothing (an unknown topic, a motion id that is none). */
export function subscriptionFilter(sub: Subscription, topics: TopicSet | null): EventFilter | null {
  const city: EventFilter = sub.city ? { list: { source: sub.city } } : {};
  switch (sub.kind) {
    case 'paper':
      return /^\d+$/.test(sub.target) ? { ...city, paperId: Number(sub.target) } : null;
    case 'topic': {
      const topic = topics?.topics.find((t) => t.id === sub.target);
      return topic ? { ...city, topic } : null;
    }
    case 'search':
      return { ...city, search: sub.target };
    case 'committee':
      return { ...city, committee: { sourceId: null, name: sub.target, ofItsMotions: 'every' } };
    case 'faction':
      return { ...city, faction: { sourceId: null, name: sub.target } };
  }
}

/** Events after `afterId` that match the subscription, oldest first, at most `limit`. */
export function loadAlertEvents(sqlite: Database.Database, sub: Subscription, topics: TopicSet | null, afterId: number, limit = 200): AlertEvent[] {
  const filter = subscriptionFilter(sub, topics);
  return filter ? loadEvents(sqlite, { ...filter, sinceId: afterId, limit }) : [];
}

/** The events with these ids (an outbox row's), oldest first. */
export function loadAlertEventsByIds(sqlite: Database.Database, ids: number[]): AlertEvent[] {
  return ids.length ? loadEvents(sqlite, { ids, limit: ids.length }) : [];
}
