/**
 * `ratsradar notify` (send what is due; cron-able) and `ratsradar subscriptions --delete ADDRESS`
 * (staff: delete an address with all it follows), and the notify timer of `serve`.
 */
import type Database from 'better-sqlite3';
import { openDb } from '../db/connection';
import { deleteAddress } from '../db/alerts-store';
import { normaliseEmail } from '../domain/alert-rules';
import { loadTopics } from '../server/topics-file';
import { nowIso } from '../util/clock';
import { mailSetupFromEnv, type MailConfig } from './config';
import { runNotify } from './notify';

export async function notifyCommand(dbFile: string): Promise<number> {
  const setup = mailSetupFromEnv();
  if (setup.state === 'off') {
    process.stderr.write('ratsradar notify: RATSRADAR_SMTP_URL is not set: e-mail alerts are off, nothing to send\n');
    return 2;
  }
  if (setup.state === 'broken') {
    process.stderr.write(`ratsradar notify: ${setup.reason}\n`);
    return 2;
  }
  const { sqlite, close } = openDb(dbFile);
  try {
    const r = await runNotify(sqlite, setup.config, loadTopics(), () => nowIso());
    process.stdout.write(
      `notify: ${r.sent} sent, ${r.retry} to retry, ${r.failed} given up, ${r.queued} queued, ${r.recovered} taken back from a stopped run, ${r.purged} unconfirmed deleted\n`,
    );
    return r.retry > 0 || r.failed > 0 ? 1 : 0;
  } finally {
    close();
  }
}

export function subscriptionsCommand(positional: string[], deleteAddressText: string | undefined, dbFile: string): number {
  if (positional.length) {
    process.stderr.write(`ratsradar subscriptions: unexpected argument ${positional[0]} (try: ratsradar subscriptions --delete ADDRESS)\n`);
    return 2;
  }
  const { sqlite, close } = openDb(dbFile);
  try {
    if (deleteAddressText === undefined) {
      const n = sqlite.prepare('SELECT (SELECT COUNT(*) FROM alert_addresses), (SELECT COUNT(*) FROM alert_subscriptions WHERE confirmed_at IS NOT NULL), (SELECT COUNT(*) FROM alert_subscriptions WHERE confirmed_at IS NULL)').raw().get() as number[];
      process.stdout.write(`${n[0]} addresses, ${n[1]} confirmed subscriptions, ${n[2]} waiting for confirmation\n`);
      return 0;
    }
    const email = normaliseEmail(deleteAddressText);
    if (!email) {
      process.stderr.write('ratsradar subscriptions: --delete needs an e-mail address\n');
      return 2;
    }
    const n = deleteAddress(sqlite, { email });
    if (n === null) {
      process.stdout.write(`${email}: not stored (nothing to delete)\n`);
      return 0;
    }
    process.stdout.write(`${email}: deleted, with ${n} subscription${n === 1 ? '' : 's'} and the mails queued for them\n`);
    return 0;
  } finally {
    close();
  }
}

/** How often `serve` runs notify when mail is configured (RATSRADAR_NOTIFY_EVERY seconds, default 60). */
export function notifyIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.RATSRADAR_NOTIFY_EVERY ?? 60);
  return Number.isFinite(n) && n >= 5 ? n * 1000 : 60_000;
}

/** serve's notify timer: a run every `everyMs` (and one right after start), never two at once. */
export function notifyTimer(sqlite: Database.Database, config: MailConfig, everyMs: number): { start(): void; stop(): Promise<void>; kick(): void } {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running || !sqlite.open) return;
    running = runNotify(sqlite, config, loadTopics(), () => nowIso())
      .then((r) => {
        if (r.sent || r.failed) process.stdout.write(`notify: ${r.sent} sent, ${r.retry} to retry, ${r.failed} given up\n`);
      })
      .catch((err) => process.stderr.write(`ratsradar: notify: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}\n`))
      .finally(() => {
        running = null;
      });
  };
  return {
    kick: tick,
    start() {
      tick();
      timer = setInterval(tick, everyMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
