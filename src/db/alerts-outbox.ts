/**
 * The sending queue (alert_outbox): planning (events → rows), claim → send → mark, retries, recovery
 * of rows whose sender died. See README "E-mail alerts" for why this delivers every due mail and
 * resends only in the gap between the SMTP server's 250 and the commit of the mark.
 * Not a hot path (a mail at a time): drizzle's typed prepared queries, declared once.
 */
import type Database from 'better-sqlite3';
import { isDigestDue, retryAt, type AlertKind, type Cadence } from '../domain/alert-rules';
import type { TopicSet } from '../domain/topics';
import { loadAlertEvents } from './alerts-events';
import { and, asc, eq, inArray, isNotNull, lt, lte, sql } from 'drizzle-orm';
import type { Db } from './app-schema';
import { newMessageId } from './alerts-store';
import { declareStatements } from './registry';
import { alertOutbox, alertSubscriptions } from './schema-alerts';

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

const p = (name: string) => sql.placeholder(name);

function prepare(_sqlite: Database.Database, db: Db) {
  const o = alertOutbox;
  return {
    confirmedSubscriptions: db.select({
      id: alertSubscriptions.id, kind: alertSubscriptions.kind, target: alertSubscriptions.target, city: alertSubscriptions.city,
      cadence: alertSubscriptions.cadence, lastEventId: alertSubscriptions.lastEventId, lastDigestOn: alertSubscriptions.lastDigestOn,
    }).from(alertSubscriptions).where(isNotNull(alertSubscriptions.confirmedAt)).orderBy(asc(alertSubscriptions.id)).prepare(),
    queue: db.insert(o).values({
      subscriptionId: p('sub'), kind: p('kind'), dedupeKey: p('key'), eventIds: sql`${p('events')}`, createdAt: p('now'), dueAt: p('now'), messageId: p('messageId'),
    }).onConflictDoNothing().prepare(),
    moveCursor: db.update(alertSubscriptions).set({ lastEventId: sql`${p('last')}`, lastDigestOn: sql`${p('digestOn')}` })
      .where(eq(alertSubscriptions.id, p('id'))).prepare(),
    nextDue: db.select({ id: o.id, subscriptionId: o.subscriptionId, kind: o.kind, eventIds: o.eventIds, attempts: o.attempts, messageId: o.messageId })
      .from(o).where(and(eq(o.state, 'pending'), lte(o.dueAt, p('now')))).orderBy(asc(o.dueAt), asc(o.id)).limit(1).prepare(),
    claim: db.update(o).set({ state: 'sending', attempts: sql`${o.attempts} + 1`, claimedBy: sql`${p('owner')}`, claimedAt: sql`${p('now')}` })
      .where(eq(o.id, p('id'))).prepare(),
    sent: db.update(o).set({ state: 'sent', sentAt: sql`${p('now')}`, claimedBy: null, lastError: null }).where(eq(o.id, p('id'))).prepare(),
    failed: db.update(o).set({ state: sql`${p('state')}`, dueAt: sql`COALESCE(${p('next')}, ${o.dueAt})`, claimedBy: null, lastError: sql`${p('error')}` })
      .where(eq(o.id, p('id'))).prepare(),
    moot: db.update(o).set({ state: 'sent', claimedBy: null, lastError: 'nothing left to send' }).where(eq(o.id, p('id'))).prepare(),
    sending: db.select({ id: o.id, owner: o.claimedBy, at: o.claimedAt }).from(o).where(eq(o.state, 'sending')).prepare(),
    back: db.update(o).set({ state: 'pending', claimedBy: null }).where(and(eq(o.id, p('id')), eq(o.state, 'sending'))).prepare(),
    prune: db.delete(o).where(and(inArray(o.state, ['sent', 'failed']), lt(o.createdAt, p('before')))).prepare(),
  };
}

const stmts = declareStatements('alerts-outbox', prepare);

/**
 * Queues what confirmed subscriptions have to be told: one row per event × instant subscription, one
 * digest row per daily subscription and day (when due and there is news). The cursor moves in the
 * same transaction as the rows are inserted, and the dedupe keys make a second plan a no-op.
 */
export function planAlerts(sqlite: Database.Database, topics: TopicSet | null, clock: PlanClock, from: string): number {
  const q = stmts(sqlite);
  // kind and cadence as subscribe() stored them (it takes only the known ones)
  const subs = q.confirmedSubscriptions.all() as SubRow[];
  const insert = q.queue;
  const moveCursor = (last: number, digestOn: string | null, id: number) => q.moveCursor.run({ last, digestOn, id });
  let queued = 0;
  const planOne = sqlite.transaction((s: SubRow) => {
    if (s.cadence === 'daily' && !isDigestDue(s.lastDigestOn, clock.berlinDay, clock.berlinHour)) return;
    const events = loadAlertEvents(sqlite, s, topics, s.lastEventId, s.cadence === 'daily' ? 100 : 200);
    const last = events.length ? events[events.length - 1].id : s.lastEventId;
    if (s.cadence === 'instant') {
      for (const e of events) {
        queued += insert.run({ sub: s.id, kind: 'event', key: `event|${s.id}|${e.id}`, events: JSON.stringify([e.id]), now: clock.now, messageId: newMessageId(from) }).changes;
      }
      moveCursor(last, s.lastDigestOn, s.id);
    } else {
      if (events.length) {
        const ids = JSON.stringify(events.map((e) => e.id));
        queued += insert.run({ sub: s.id, kind: 'digest', key: `digest|${s.id}|${clock.berlinDay}`, events: ids, now: clock.now, messageId: newMessageId(from) }).changes;
      }
      moveCursor(last, clock.berlinDay, s.id);
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
  const q = stmts(sqlite);
  return sqlite.transaction(() => {
    const row = q.nextDue.get({ now });
    if (!row) return null;
    q.claim.run({ owner, now, id: row.id });
    // kind as planAlerts and subscribe() queue it: confirm, event or digest
    return { ...row, kind: row.kind as OutboxRow['kind'], attempts: row.attempts + 1 };
  }).immediate();
}

/** Marks a claimed row sent: the one statement run right after the server's 250. */
export function markSent(sqlite: Database.Database, id: number, now: string): void {
  stmts(sqlite).sent.run({ now, id });
}

/** A failed attempt: back to pending with the next retry time, or "failed" after the last attempt. */
export function markFailed(sqlite: Database.Database, row: Pick<OutboxRow, 'id' | 'attempts'>, now: string, error: string): 'retry' | 'failed' {
  const next = retryAt(now, row.attempts);
  stmts(sqlite).failed.run({ state: next ? 'pending' : 'failed', next, error: error.slice(0, 300), id: row.id });
  return next ? 'retry' : 'failed';
}

/** Drops a claimed row that has nothing left to send (its events are gone). */
export function markMoot(sqlite: Database.Database, id: number): void {
  stmts(sqlite).moot.run({ id });
}

/**
 * Rows left in "sending" by a sender that is gone (killed between claim and mark) go back to pending,
 * due now, keeping their attempt count and Message-ID. `isGone(owner)` tells whether a claimant has
 * stopped (a process id that no longer runs); a claim older than `staleBefore` is taken back in any case.
 */
export function recoverClaims(sqlite: Database.Database, isGone: (owner: string) => boolean, staleBefore: string): number {
  const q = stmts(sqlite);
  let n = 0;
  for (const r of q.sending.all()) if (r.owner === null || isGone(r.owner) || (r.at ?? '') < staleBefore) n += q.back.run({ id: r.id }).changes;
  return n;
}

/** Deletes sent and failed rows older than `before` (the cursors, not these rows, keep a mail from being planned twice). */
export function pruneOutbox(sqlite: Database.Database, before: string): number {
  return stmts(sqlite).prune.run({ before }).changes;
}
