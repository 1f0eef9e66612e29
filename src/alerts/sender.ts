/**
 * Sends what the queue holds: claim → send → mark, one mail at a time over one SMTP connection.
 *
 * Crash safety (SIGKILL between any two steps):
 *  - killed after the claim, before the server's 250 (connecting, MAIL FROM, RCPT TO, DATA): the row
 *    stays "sending" with this process as claimant; the next run sees the claimant gone and sends it
 *    again. The server never acknowledged the first attempt, so it was not delivered: no duplicate.
 *  - killed after the mark committed: the row is "sent"; nothing sends it again.
 *  - the one gap: the server has answered 250 and the process dies before the mark's UPDATE commits.
 *    The mark is the first thing run when the 250 is read (same tick, one indexed UPDATE, no fsync
 *    under WAL + synchronous=NORMAL), so the gap is microseconds; a kill exactly there resends the mail
 *    with the same Message-ID (receivers that de-duplicate by it drop it). SMTP offers no two-phase
 *    commit, so this is at-least-once with a gap no other order could close: marking before the 250
 *    would turn it into at-most-once (a kill could lose a mail instead).
 */
import os from 'node:os';
import type Database from 'better-sqlite3';
import nodemailer, { type Transporter } from 'nodemailer';
import { loadAlertEventsByIds } from '../db/alerts-events';
import { claimNext, markFailed, markMoot, markSent, recoverClaims, type OutboxRow } from '../db/alerts-outbox';
import { addMinutes, type AlertKind, type Cadence } from '../domain/alert-rules';
import type { TopicSet } from '../domain/topics';
import type { MailConfig } from './config';
import { renderMail } from './mail-render';
import { describeFollowed } from './subscription-label';

/** A claim older than this is taken back even if its claimant seems to run (a hung sender). */
export const CLAIM_STALE_MINUTES = 15;

export interface SendResult {
  sent: number;
  retry: number;
  failed: number;
  recovered: number;
}

export interface SendOptions {
  now: () => string;
  topics: TopicSet | null;
  /** stop after this many mails (the rest waits for the next run) */
  max?: number;
}

const HOST = os.hostname();
export const OWNER = `${HOST}:${process.pid}`;
let sending = false;

/** Whether the process that claimed a row ("host:pid") has stopped. Another host's claim is left to the stale limit. */
export function claimantGone(owner: string): boolean {
  const i = owner.lastIndexOf(':');
  const host = owner.slice(0, i);
  const pid = Number(owner.slice(i + 1));
  if (host !== HOST || !Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return !sending;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

interface Recipient {
  email: string;
  manageToken: string;
  kind: AlertKind;
  target: string;
  city: string | null;
  cadence: Cadence;
  confirmToken: string;
  unsubscribeToken: string;
}

function loadRecipient(sqlite: Database.Database, subscriptionId: number): Recipient | null {
  return (
    (sqlite
      .prepare(`SELECT a.email, a.manage_token AS manageToken, s.kind, s.target, s.city, s.cadence, s.confirm_token AS confirmToken,
          s.unsubscribe_token AS unsubscribeToken
        FROM alert_subscriptions s JOIN alert_addresses a ON a.id = s.address_id WHERE s.id = ?`)
      .get(subscriptionId) as Recipient | undefined) ?? null
  );
}

function oneLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0];
}

/** Sends every due row of the queue (until `max`); a connection that fails stops the run, leaving the rest due. */
export async function sendDue(sqlite: Database.Database, config: MailConfig, opts: SendOptions): Promise<SendResult> {
  if (sending) return { sent: 0, retry: 0, failed: 0, recovered: 0 };
  const result: SendResult = { sent: 0, retry: 0, failed: 0, recovered: recoverClaims(sqlite, claimantGone, addMinutes(opts.now(), -CLAIM_STALE_MINUTES)) };
  sending = true;
  const transport = nodemailer.createTransport(config.smtpUrl, { pool: true, maxConnections: 1 } as object);
  try {
    for (let n = 0; n < (opts.max ?? 1000); n++) {
      const row = claimNext(sqlite, OWNER, opts.now());
      if (!row) break;
      const outcome = await sendOne(sqlite, config, opts, transport, row);
      if (outcome === 'sent') result.sent++;
      else if (outcome === 'retry' || outcome === 'stop') result.retry++;
      else if (outcome === 'failed') result.failed++;
      if (outcome === 'stop') break;
    }
  } finally {
    transport.close();
    sending = false;
  }
  return result;
}

type Outcome = 'sent' | 'retry' | 'failed' | 'stop' | 'moot';

async function sendOne(sqlite: Database.Database, config: MailConfig, opts: SendOptions, transport: Transporter, row: OutboxRow): Promise<Outcome> {
  const r = loadRecipient(sqlite, row.subscriptionId);
  const events = row.kind === 'confirm' ? [] : loadAlertEventsByIds(sqlite, row.eventIds);
  if (!r || (row.kind !== 'confirm' && events.length === 0)) {
    markMoot(sqlite, row.id);
    return 'moot';
  }
  const mail = renderMail({
    kind: row.kind, baseUrl: config.baseUrl, email: r.email, cadence: r.cadence, followed: describeFollowed(sqlite, opts.topics, r),
    confirmToken: r.confirmToken, unsubscribeToken: r.unsubscribeToken, manageToken: r.manageToken, events,
  });
  try {
    await transport.sendMail({
      from: config.from, to: r.email, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers, messageId: row.messageId,
    });
  } catch (err) {
    const code = (err as { code?: string; responseCode?: number }).responseCode;
    const state = markFailed(sqlite, row, opts.now(), oneLine(err));
    // no connection at all: the next rows would fail the same way; leave them due for the next run
    if (code === undefined) return 'stop';
    return state;
  }
  // the server answered 250: mark it before anything else can run (see the header comment)
  markSent(sqlite, row.id, opts.now());
  return 'sent';
}
