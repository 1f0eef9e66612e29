/**
 * Subscriptions and their tokens: subscribe (queues a confirmation mail), confirm, unsubscribe, list
 * an address's subscriptions, delete an address, and forget unconfirmed subscriptions after 48 hours.
 * Every token is 24 random bytes (base64url); the address is the only personal datum stored.
 */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  CONFIRMATIONS_PER_ADDRESS_PER_DAY, MAX_SUBSCRIPTIONS_PER_ADDRESS, addMinutes, unconfirmedCutoff,
  type AlertKind, type Cadence,
} from '../domain/alert-rules';
import { lastEventId } from './queries-events';
import { stmt } from './registry';

export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

/** A Message-ID for an outbox row, the same on every attempt of it. */
export function newMessageId(fromAddress: string): string {
  const domain = fromAddress.split('@')[1] ?? 'ratsradar.invalid';
  return `<${crypto.randomBytes(12).toString('hex')}@${domain}>`;
}

export interface SubscribeInput {
  email: string;
  kind: AlertKind;
  target: string;
  city: string | null;
  cadence: Cadence;
  now: string;
  /** the sender address (for the Message-ID of the confirmation mail) */
  from: string;
}

/** "queued": a confirmation mail is queued; "confirmed": it is already confirmed (nothing sent); "limited": too many confirmations for the address today. */
export type SubscribeOutcome = 'queued' | 'confirmed' | 'limited';

export interface SubscriptionView {
  id: number;
  kind: AlertKind;
  target: string;
  city: string | null;
  cadence: Cadence;
  confirmed: boolean;
  unsubscribeToken: string;
}

/** Records a subscription request and queues its confirmation mail, in one transaction. */
export function subscribe(sqlite: Database.Database, s: SubscribeInput): SubscribeOutcome {
  return sqlite.transaction((): SubscribeOutcome => {
    let address = stmt(sqlite, 'SELECT id FROM alert_addresses WHERE email = ?').pluck().get(s.email) as number | undefined;
    if (address === undefined) {
      address = Number(
        stmt(sqlite, 'INSERT INTO alert_addresses (email, manage_token, created_at) VALUES (?, ?, ?)').run(s.email, newToken(), s.now).lastInsertRowid,
      );
    }
    const existing = stmt(sqlite, 'SELECT id, confirmed_at AS confirmedAt FROM alert_subscriptions WHERE address_id = ? AND kind = ? AND target = ? AND city IS ? AND cadence = ?')
      .get(address, s.kind, s.target, s.city, s.cadence) as { id: number; confirmedAt: string | null } | undefined;
    if (existing?.confirmedAt) return 'confirmed';
    const sentToday = stmt(sqlite, `SELECT COUNT(*) FROM alert_outbox o JOIN alert_subscriptions s ON s.id = o.subscription_id
        WHERE s.address_id = ? AND o.kind = 'confirm' AND o.created_at > ?`)
      .pluck()
      .get(address, addMinutes(s.now, -24 * 60)) as number;
    if (sentToday >= CONFIRMATIONS_PER_ADDRESS_PER_DAY) return 'limited';
    let sub = existing?.id;
    if (sub === undefined) {
      const held = stmt(sqlite, 'SELECT COUNT(*) FROM alert_subscriptions WHERE address_id = ?').pluck().get(address) as number;
      if (held >= MAX_SUBSCRIPTIONS_PER_ADDRESS) return 'limited';
      sub = Number(
        stmt(sqlite, `INSERT INTO alert_subscriptions (address_id, kind, target, city, cadence, created_at, confirm_token, unsubscribe_token)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(address, s.kind, s.target, s.city, s.cadence, s.now, newToken(), newToken()).lastInsertRowid,
      );
    }
    stmt(sqlite, `INSERT INTO alert_outbox (subscription_id, kind, dedupe_key, event_ids, created_at, due_at, message_id)
        VALUES (?, 'confirm', ?, '[]', ?, ?, ?)`)
      .run(sub, `confirm|${sub}|${newToken()}`, s.now, s.now, newMessageId(s.from));
    return 'queued';
  })();
}

/** The unconfirmed subscription of a confirmation token, or null (unknown, expired, already used is fine: returns it confirmed). */
export function subscriptionByConfirmToken(sqlite: Database.Database, token: string): (SubscriptionView & { manageToken: string }) | null {
  return (
    (stmt(sqlite, `SELECT s.id, s.kind, s.target, s.city, s.cadence, s.confirmed_at IS NOT NULL AS confirmed, s.unsubscribe_token AS unsubscribeToken,
          a.manage_token AS manageToken
        FROM alert_subscriptions s JOIN alert_addresses a ON a.id = s.address_id WHERE s.confirm_token = ?`)
      .get(token) as (SubscriptionView & { manageToken: string }) | undefined) ?? null
  );
}

/** Confirms the subscription of a token; news counts from the events after this moment. False for an unknown token. */
export function confirmSubscription(sqlite: Database.Database, token: string, now: string): boolean {
  return sqlite.transaction(() => {
    const r = stmt(sqlite, 'UPDATE alert_subscriptions SET confirmed_at = ?, last_event_id = ? WHERE confirm_token = ? AND confirmed_at IS NULL')
      .run(now, lastEventId(sqlite), token);
    if (r.changes > 0) return true;
    return stmt(sqlite, 'SELECT 1 FROM alert_subscriptions WHERE confirm_token = ?').pluck().get(token) === 1;
  })();
}

/** Deletes the subscription of an unsubscribe token (and its queued mails); the address goes with its last subscription. */
export function unsubscribe(sqlite: Database.Database, token: string): boolean {
  return sqlite.transaction(() => {
    const address = stmt(sqlite, 'SELECT address_id FROM alert_subscriptions WHERE unsubscribe_token = ?').pluck().get(token) as number | undefined;
    if (address === undefined) return false;
    stmt(sqlite, 'DELETE FROM alert_subscriptions WHERE unsubscribe_token = ?').run(token);
    dropEmptyAddresses(sqlite);
    return true;
  })();
}

/** The address and its subscriptions for a manage token, or null. */
export function loadManaged(sqlite: Database.Database, manageToken: string): { email: string; subscriptions: SubscriptionView[] } | null {
  const a = stmt(sqlite, 'SELECT id, email FROM alert_addresses WHERE manage_token = ?').get(manageToken) as { id: number; email: string } | undefined;
  if (!a) return null;
  const subscriptions = (
    stmt(sqlite, `SELECT id, kind, target, city, cadence, confirmed_at IS NOT NULL AS confirmed, unsubscribe_token AS unsubscribeToken
        FROM alert_subscriptions WHERE address_id = ? ORDER BY id`)
      .all(a.id) as (Omit<SubscriptionView, 'confirmed'> & { confirmed: number })[]
  ).map((s) => ({ ...s, confirmed: s.confirmed === 1 }));
  return { email: a.email, subscriptions };
}

/** Deletes an address with every subscription and queued mail of it; returns how many subscriptions went. */
export function deleteAddress(sqlite: Database.Database, by: { email: string } | { manageToken: string }): number | null {
  return sqlite.transaction(() => {
    const id = ('email' in by
      ? stmt(sqlite, 'SELECT id FROM alert_addresses WHERE email = ?').pluck().get(by.email)
      : stmt(sqlite, 'SELECT id FROM alert_addresses WHERE manage_token = ?').pluck().get(by.manageToken)) as number | undefined;
    if (id === undefined) return null;
    const n = stmt(sqlite, 'SELECT COUNT(*) FROM alert_subscriptions WHERE address_id = ?').pluck().get(id) as number;
    stmt(sqlite, 'DELETE FROM alert_addresses WHERE id = ?').run(id);
    return n;
  })();
}

/** Deletes subscriptions never confirmed within 48 hours, and addresses left without any; returns the subscriptions deleted. */
export function purgeUnconfirmed(sqlite: Database.Database, now: string): number {
  return sqlite.transaction(() => {
    const r = stmt(sqlite, 'DELETE FROM alert_subscriptions WHERE confirmed_at IS NULL AND created_at <= ?').run(unconfirmedCutoff(now));
    dropEmptyAddresses(sqlite);
    return r.changes;
  })();
}

function dropEmptyAddresses(sqlite: Database.Database): void {
  stmt(sqlite, 'DELETE FROM alert_addresses WHERE NOT EXISTS (SELECT 1 FROM alert_subscriptions s WHERE s.address_id = alert_addresses.id)').run();
}
