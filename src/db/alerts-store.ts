/**
 * Subscriptions and their tokens: subscribe (queues a confirmation mail), confirm, unsubscribe, list
 * an address's subscriptions, delete an address, and forget unconfirmed subscriptions after 48 hours.
 * Every token is 24 random bytes (base64url); the address is the only personal datum stored.
 * Not a hot path (one request, one subscriber): drizzle's typed prepared queries, declared once.
 */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  CONFIRMATIONS_PER_ADDRESS_PER_DAY, MAX_SUBSCRIPTIONS_PER_ADDRESS, addMinutes, unconfirmedCutoff,
  type AlertKind, type Cadence,
} from '../domain/alert-rules';
import { and, count, eq, gt, isNull, lte, notExists, sql } from 'drizzle-orm';
import type { Db } from './app-schema';
import { lastEventId } from './queries-events';
import { declareStatements } from './registry';
import { alertAddresses, alertOutbox, alertSubscriptions } from './schema-alerts';

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

const p = (name: string) => sql.placeholder(name);
const subscriptionView = {
  id: alertSubscriptions.id, kind: alertSubscriptions.kind, target: alertSubscriptions.target, city: alertSubscriptions.city,
  cadence: alertSubscriptions.cadence, confirmedAt: alertSubscriptions.confirmedAt, unsubscribeToken: alertSubscriptions.unsubscribeToken,
};

function prepare(_sqlite: Database.Database, db: Db) {
  const addressIdBy = (column: typeof alertAddresses.email | typeof alertAddresses.manageToken, name: string) =>
    db.select({ id: alertAddresses.id }).from(alertAddresses).where(eq(column, p(name))).prepare();
  const subscriptionsOf = db.select({ n: count() }).from(alertSubscriptions).where(eq(alertSubscriptions.addressId, p('address'))).prepare();
  return {
    addressByEmail: addressIdBy(alertAddresses.email, 'email'),
    addressByManageToken: addressIdBy(alertAddresses.manageToken, 'token'),
    addAddress: db.insert(alertAddresses).values({ email: p('email'), manageToken: p('token'), createdAt: p('now') }).returning({ id: alertAddresses.id }).prepare(),
    existing: db.select({ id: alertSubscriptions.id, confirmedAt: alertSubscriptions.confirmedAt }).from(alertSubscriptions)
      .where(and(eq(alertSubscriptions.addressId, p('address')), eq(alertSubscriptions.kind, p('kind')), eq(alertSubscriptions.target, p('target')),
        sql`${alertSubscriptions.city} IS ${p('city')}`, eq(alertSubscriptions.cadence, p('cadence')))).prepare(),
    confirmationsSince: db.select({ n: count() }).from(alertOutbox).innerJoin(alertSubscriptions, eq(alertSubscriptions.id, alertOutbox.subscriptionId))
      .where(and(eq(alertSubscriptions.addressId, p('address')), eq(alertOutbox.kind, 'confirm'), gt(alertOutbox.createdAt, p('since')))).prepare(),
    subscriptionsOf,
    addSubscription: db.insert(alertSubscriptions).values({
      addressId: p('address'), kind: p('kind'), target: p('target'), city: p('city'), cadence: p('cadence'), createdAt: p('now'),
      confirmToken: p('confirmToken'), unsubscribeToken: p('unsubscribeToken'),
    }).returning({ id: alertSubscriptions.id }).prepare(),
    queueConfirmation: db.insert(alertOutbox).values({
      subscriptionId: p('subscription'), kind: 'confirm', dedupeKey: p('dedupeKey'), eventIds: sql`'[]'`, createdAt: p('now'), dueAt: p('now'), messageId: p('messageId'),
    }).prepare(),
    byConfirmToken: db.select({ ...subscriptionView, manageToken: alertAddresses.manageToken }).from(alertSubscriptions)
      .innerJoin(alertAddresses, eq(alertAddresses.id, alertSubscriptions.addressId)).where(eq(alertSubscriptions.confirmToken, p('token'))).prepare(),
    confirm: db.update(alertSubscriptions).set({ confirmedAt: sql`${p('now')}`, lastEventId: sql`${p('lastEvent')}` })
      .where(and(eq(alertSubscriptions.confirmToken, p('token')), isNull(alertSubscriptions.confirmedAt))).prepare(),
    confirmTokenKnown: db.select({ id: alertSubscriptions.id }).from(alertSubscriptions).where(eq(alertSubscriptions.confirmToken, p('token'))).prepare(),
    addressOfUnsubscribeToken: db.select({ address: alertSubscriptions.addressId }).from(alertSubscriptions)
      .where(eq(alertSubscriptions.unsubscribeToken, p('token'))).prepare(),
    deleteByUnsubscribeToken: db.delete(alertSubscriptions).where(eq(alertSubscriptions.unsubscribeToken, p('token'))).prepare(),
    managed: db.select({ id: alertAddresses.id, email: alertAddresses.email }).from(alertAddresses).where(eq(alertAddresses.manageToken, p('token'))).prepare(),
    subscriptionsOfAddress: db.select(subscriptionView).from(alertSubscriptions).where(eq(alertSubscriptions.addressId, p('address')))
      .orderBy(alertSubscriptions.id).prepare(),
    deleteAddress: db.delete(alertAddresses).where(eq(alertAddresses.id, p('address'))).prepare(),
    unconfirmedAddresses: db.selectDistinct({ address: alertSubscriptions.addressId }).from(alertSubscriptions)
      .where(and(isNull(alertSubscriptions.confirmedAt), lte(alertSubscriptions.createdAt, p('cutoff')))).prepare(),
    purgeUnconfirmed: db.delete(alertSubscriptions).where(and(isNull(alertSubscriptions.confirmedAt), lte(alertSubscriptions.createdAt, p('cutoff')))).prepare(),
    // one address, when it has no subscription left
    dropIfEmpty: db.delete(alertAddresses)
      .where(and(eq(alertAddresses.id, p('address')),
        notExists(db.select({ one: sql`1` }).from(alertSubscriptions).where(eq(alertSubscriptions.addressId, alertAddresses.id))))).prepare(),
  };
}

const stmts = declareStatements('alerts-store', prepare);

/** A subscription row as the typed query reads it. */
type SubscriptionDbView = ReturnType<ReturnType<typeof prepare>['subscriptionsOfAddress']['all']>[number];

/** A subscription as the pages show it (kind and cadence as stored by subscribe(), which only takes the known ones). */
function toView({ confirmedAt, ...s }: SubscriptionDbView): SubscriptionView {
  return { ...s, kind: s.kind as AlertKind, cadence: s.cadence as Cadence, confirmed: confirmedAt !== null };
}

/** Records a subscription request and queues its confirmation mail, in one transaction. */
export function subscribe(sqlite: Database.Database, s: SubscribeInput): SubscribeOutcome {
  const q = stmts(sqlite);
  return sqlite.transaction((): SubscribeOutcome => {
    const address = q.addressByEmail.get({ email: s.email })?.id ?? q.addAddress.get({ email: s.email, token: newToken(), now: s.now })!.id;
    const existing = q.existing.get({ address, kind: s.kind, target: s.target, city: s.city, cadence: s.cadence });
    if (existing?.confirmedAt) return 'confirmed';
    const sentToday = q.confirmationsSince.get({ address, since: addMinutes(s.now, -24 * 60) })!.n;
    if (sentToday >= CONFIRMATIONS_PER_ADDRESS_PER_DAY) return 'limited';
    let sub = existing?.id;
    if (sub === undefined) {
      if (q.subscriptionsOf.get({ address })!.n >= MAX_SUBSCRIPTIONS_PER_ADDRESS) return 'limited';
      sub = q.addSubscription.get({
        address, kind: s.kind, target: s.target, city: s.city, cadence: s.cadence, now: s.now, confirmToken: newToken(), unsubscribeToken: newToken(),
      })!.id;
    }
    q.queueConfirmation.run({ subscription: sub, dedupeKey: `confirm|${sub}|${newToken()}`, now: s.now, messageId: newMessageId(s.from) });
    return 'queued';
  })();
}

/** The unconfirmed subscription of a confirmation token, or null (unknown, expired, already used is fine: returns it confirmed). */
export function subscriptionByConfirmToken(sqlite: Database.Database, token: string): (SubscriptionView & { manageToken: string }) | null {
  const r = stmts(sqlite).byConfirmToken.get({ token });
  if (!r) return null;
  const { manageToken, ...s } = r;
  return { ...toView(s), manageToken };
}

/** Confirms the subscription of a token; news counts from the events after this moment. False for an unknown token. */
export function confirmSubscription(sqlite: Database.Database, token: string, now: string): boolean {
  const q = stmts(sqlite);
  return sqlite.transaction(() => {
    if (q.confirm.run({ now, lastEvent: lastEventId(sqlite), token }).changes > 0) return true;
    return q.confirmTokenKnown.get({ token }) !== undefined;
  })();
}

/** Deletes the subscription of an unsubscribe token (and its queued mails); the address goes with its last subscription. */
export function unsubscribe(sqlite: Database.Database, token: string): boolean {
  const q = stmts(sqlite);
  return sqlite.transaction(() => {
    const address = q.addressOfUnsubscribeToken.get({ token })?.address;
    if (address === undefined) return false;
    q.deleteByUnsubscribeToken.run({ token });
    q.dropIfEmpty.run({ address });
    return true;
  })();
}

/** The address and its subscriptions for a manage token, or null. */
export function loadManaged(sqlite: Database.Database, manageToken: string): { email: string; subscriptions: SubscriptionView[] } | null {
  const q = stmts(sqlite);
  const a = q.managed.get({ token: manageToken });
  if (!a) return null;
  return { email: a.email, subscriptions: q.subscriptionsOfAddress.all({ address: a.id }).map(toView) };
}

/** Deletes an address with every subscription and queued mail of it; returns how many subscriptions went. */
export function deleteAddress(sqlite: Database.Database, by: { email: string } | { manageToken: string }): number | null {
  const q = stmts(sqlite);
  return sqlite.transaction(() => {
    const id = ('email' in by ? q.addressByEmail.get({ email: by.email }) : q.addressByManageToken.get({ token: by.manageToken }))?.id;
    if (id === undefined) return null;
    const n = q.subscriptionsOf.get({ address: id })!.n;
    q.deleteAddress.run({ address: id });
    return n;
  })();
}

/** Deletes subscriptions never confirmed within 48 hours, and addresses left without any; returns the subscriptions deleted. */
export function purgeUnconfirmed(sqlite: Database.Database, now: string): number {
  const q = stmts(sqlite);
  return sqlite.transaction(() => {
    const cutoff = unconfirmedCutoff(now);
    const addresses = q.unconfirmedAddresses.all({ cutoff });
    const r = q.purgeUnconfirmed.run({ cutoff });
    for (const { address } of addresses) q.dropIfEmpty.run({ address });
    return r.changes;
  })();
}
