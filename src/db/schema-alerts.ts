/**
 * Tables of the e-mail alerts, beside schema.ts (drizzle-kit reads every schema*.ts):
 * an address, its subscriptions with their tokens, and the sending queue (outbox). Nothing else about
 * a subscriber is stored: no name, no IP address, no mail content (a mail is rendered when it is sent).
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** One e-mail address (lower-cased); `manage_token` opens the page that lists its subscriptions. */
export const alertAddresses = sqliteTable('alert_addresses', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  manageToken: text('manage_token').notNull().unique(),
  createdAt: text('created_at').notNull(),
});

/**
 * What an address follows: kind "paper" (target = paper id), "topic" (topic id), "committee"
 * (committee name), "faction" (faction name), "search" (the query); `city` = sources.key or null.
 * Unconfirmed (confirmed_at NULL) until its confirmation link is used; deleted 48 h after creation if
 * never confirmed. `last_event_id` is the cursor: events with a larger id are news for it.
 */
export const alertSubscriptions = sqliteTable(
  'alert_subscriptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    addressId: integer('address_id')
      .notNull()
      .references(() => alertAddresses.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    target: text('target').notNull(),
    city: text('city'),
    /** "instant" or "daily" */
    cadence: text('cadence').notNull(),
    createdAt: text('created_at').notNull(),
    confirmToken: text('confirm_token').notNull().unique(),
    confirmedAt: text('confirmed_at'),
    unsubscribeToken: text('unsubscribe_token').notNull().unique(),
    lastEventId: integer('last_event_id').notNull().default(0),
    /** daily digests: the Berlin day of the last digest run for it */
    lastDigestOn: text('last_digest_on'),
  },
  (t) => [
    uniqueIndex('alert_subscriptions_what').on(t.addressId, t.kind, t.target, t.city, t.cadence),
    index('alert_subscriptions_unconfirmed').on(t.confirmedAt, t.createdAt),
  ],
);

/**
 * The sending queue. A row names what to send (a confirmation, one event, a digest of events), never
 * its text. `dedupe_key` is unique per event × subscription (and per digest day, per confirmation
 * request), so planning twice cannot queue a mail twice. State: "pending" → "sending" (claimed by
 * `claimed_by`) → "sent"; a failed attempt goes back to "pending" with a later `due_at`, and after
 * the last attempt to "failed".
 */
export const alertOutbox = sqliteTable(
  'alert_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subscriptionId: integer('subscription_id')
      .notNull()
      .references(() => alertSubscriptions.id, { onDelete: 'cascade' }),
    /** "confirm", "event" or "digest" */
    kind: text('kind').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    /** the paper_events ids of an event mail or a digest (JSON array) */
    eventIds: text('event_ids', { mode: 'json' }).$type<number[]>().notNull(),
    createdAt: text('created_at').notNull(),
    dueAt: text('due_at').notNull(),
    state: text('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    claimedBy: text('claimed_by'),
    claimedAt: text('claimed_at'),
    sentAt: text('sent_at'),
    /** the Message-ID the mail was sent with (the same on every attempt) */
    messageId: text('message_id').notNull(),
    lastError: text('last_error'),
  },
  (t) => [
    uniqueIndex('alert_outbox_dedupe').on(t.dedupeKey),
    index('alert_outbox_due').on(t.state, t.dueAt),
    // the subscription's mails: found (and deleted with it, ON DELETE CASCADE) without reading the whole queue
    index('alert_outbox_subscription').on(t.subscriptionId),
  ],
);

export type AlertSubscriptionRow = typeof alertSubscriptions.$inferSelect;
export type AlertOutboxRow = typeof alertOutbox.$inferSelect;
