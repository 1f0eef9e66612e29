/**
 * The sending queue (alert_outbox): planning (events → rows), claim → send → mark, retries, recovery
 * of rows whose sender died. See README "E-mail alerts" for why this delivers every due mail and
 * resends only in the gap between the SMTP server's 250 and the commit of the mark.
 */
import type Database from 'better-sqlite3';
import { isDigestDue, retryAt, type AlertKind, type Cadence } from '../domain/alert-rules';
import type { TopicSet } from '../domain/topics';
import { loadAlertEvents } from './alerts-events';
import { newMessageId } from './alerts-store';
import { stmt } from './registry';

export interface OutboxRow {
  id: number;
  subscriptionId: number;
  kind: 'confirm' | 'event' | 'digest';
  eventIds: number[];
  attempts: number;
  messageId: string;
}

export interface PlanClock {
  now: string;
  /** the Berlin day and hour of `now` */
  berlinDay: string;
  berlinHour: number;
}

interface SubRow {
  id: number;
  kind: AlertKind;
  target: string;
  city: string | null;
  cadence: Cadence;
  lastEventId: number;
  lastDigestOn: string | null;
}

/**
 * Queues what confirmed subscriptions have to be told: one row per event × instant subscription, one
 * digest row per daily subscription and day (when due and there is news). The cursor moves in the
 * same transaction as the rows are inserted, and the dedupe keys make a second plan a no-op.
 */
export function planAlerts(sqlite: Database.Database, topics: TopicSet | null, clock: PlanClock, from: string): number {
  const subs = stmt(sqlite, `SELECT id, kind, target, city, cadence, last_event_id AS lastEventId, last_digest_on AS lastDigestOn
      FROM alert_subscriptions WHERE confirmed_at IS NOT NULL ORDER BY id`)
    .all() as SubRow[];
  const insert = stmt(sqlite, `INSERT OR IGNORE INTO alert_outbox (subscription_id, kind, dedupe_key, event_ids, created_at, due_at, message_id)
    VALUES (@sub, @kind, @key, @events, @now, @now, @messageId)`);
  const moveCursor = stmt(sqlite, 'UPDATE alert_subscriptions SET last_event_id = ?, last_digest_on = ? WHERE id = ?');
  let queued = 0;
  const planOne = sqlite.transaction((s: SubRow) => {
    if (s.cadence === 'daily' && !isDigestDue(s.lastDigestOn, clock.berlinDay, clock.berlinHour)) return;
    const events = loadAlertEvents(sqlite, s, topics, s.lastEventId, s.cadence === 'daily' ? 100 : 200);
    const last = events.length ? events[events.length - 1].id : s.lastEventId;
    if (s.cadence === 'instant') {
      for (const e of events) {
        queued += insert.run({ sub: s.id, kind: 'event', key: `event|${s.id}|${e.id}`, events: JSON.stringify([e.id]), now: clock.now, messageId: newMessageId(from) }).changes;
      }
      moveCursor.run(last, s.lastDigestOn, s.id);
    } else {
      if (events.length) {
        const ids = JSON.stringify(events.map((e) => e.id));
        queued += insert.run({ sub: s.id, kind: 'digest', key: `digest|${s.id}|${clock.berlinDay}`, events: ids, now: clock.now, messageId: newMessageId(from) }).changes;
      }
      moveCursor.run(last, clock.berlinDay, s.id);
    }
  });
  for (const s of subs) planOne(s);
  return queued;
}

/**
 * Claims the next due row for `owner`: pending → sending, attempts + 1, in one write transaction (two
 * senders never claim the same row). Null when nothing is due.
 */
export function claimNext(sqlite: Database.Database, owner: string, now: string): OutboxRow | null {
  return sqlite.transaction(() => {
    const row = stmt(sqlite, `SELECT id, subscription_id AS subscriptionId, kind, event_ids AS eventIds, attempts, message_id AS messageId
        FROM alert_outbox WHERE state = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT 1`)
      .get(now) as (Omit<OutboxRow, 'eventIds'> & { eventIds: string }) | undefined;
    if (!row) return null;
    stmt(sqlite, "UPDATE alert_outbox SET state = 'sending', attempts = attempts + 1, claimed_by = ?, claimed_at = ? WHERE id = ?").run(owner, now, row.id);
    return { ...row, attempts: row.attempts + 1, eventIds: JSON.parse(row.eventIds) as number[] };
  }).immediate();
}

/** Marks a claimed row sent: the one statement run right after the server's 250. */
export function markSent(sqlite: Database.Database, id: number, now: string): void {
  stmt(sqlite, "UPDATE alert_outbox SET state = 'sent', sent_at = ?, claimed_by = NULL, last_error = NULL WHERE id = ?").run(now, id);
}

/** A failed attempt: back to pending with the next retry time, or "failed" after the last attempt. */
export function markFailed(sqlite: Database.Database, row: Pick<OutboxRow, 'id' | 'attempts'>, now: string, error: string): 'retry' | 'failed' {
  const next = retryAt(now, row.attempts);
  stmt(sqlite, 'UPDATE alert_outbox SET state = ?, due_at = COALESCE(?, due_at), claimed_by = NULL, last_error = ? WHERE id = ?')
    .run(next ? 'pending' : 'failed', next, error.slice(0, 300), row.id);
  return next ? 'retry' : 'failed';
}

/** Drops a claimed row that has nothing left to send (its events are gone). */
export function markMoot(sqlite: Database.Database, id: number): void {
  stmt(sqlite, "UPDATE alert_outbox SET state = 'sent', claimed_by = NULL, last_error = 'nothing left to send' WHERE id = ?").run(id);
}

/**
 * Rows left in "sending" by a sender that is gone (killed between claim and mark) go back to pending,
 * due now, keeping their attempt count and Message-ID. `isGone(owner)` tells whether a claimant has
 * stopped (a process id that no longer runs); a claim older than `staleBefore` is taken back in any case.
 */
export function recoverClaims(sqlite: Database.Database, isGone: (owner: string) => boolean, staleBefore: string): number {
  const rows = stmt(sqlite, "SELECT id, claimed_by AS owner, claimed_at AS at FROM alert_outbox WHERE state = 'sending'").all() as {
    id: number; owner: string | null; at: string | null;
  }[];
  const back = stmt(sqlite, "UPDATE alert_outbox SET state = 'pending', claimed_by = NULL WHERE id = ? AND state = 'sending'");
  let n = 0;
  for (const r of rows) if (r.owner === null || isGone(r.owner) || (r.at ?? '') < staleBefore) n += back.run(r.id).changes;
  return n;
}

/** Deletes sent and failed rows older than `before` (the cursors, not these rows, keep a mail from being planned twice). */
export function pruneOutbox(sqlite: Database.Database, before: string): number {
  return stmt(sqlite, "DELETE FROM alert_outbox WHERE state IN ('sent', 'failed') AND created_at < ?").run(before).changes;
}
