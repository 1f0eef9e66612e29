/**
 * One notify run (the `notify` command, and serve's timer): forget unconfirmed subscriptions older
 * than 48 hours, queue what confirmed subscriptions have to be told, send what is due, prune old rows.
 */
import type Database from 'better-sqlite3';
import { planAlerts, pruneOutbox } from '../db/alerts-outbox';
import { purgeUnconfirmed } from '../db/alerts-store';
import { addMinutes } from '../domain/alert-rules';
import type { TopicSet } from '../domain/topics';
import type { MailConfig } from './config';
import { sendDue, type SendResult } from './sender';
import { nowIso } from '../util/clock';

export interface NotifyResult extends SendResult {
  purged: number;
  queued: number;
}

const BERLIN = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
});

/** The Berlin day (YYYY-MM-DD) and hour of an instant. */
export function berlinDayHour(iso: string): { day: string; hour: number } {
  const p = Object.fromEntries(BERLIN.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour) };
}

/** `now` gives ISO instants; they are stored to the second ("2026-12-06T10:00:00Z"), as every time in the alert tables, so that they compare as text. */
export async function runNotify(sqlite: Database.Database, config: MailConfig, topics: TopicSet | null, clock: () => string): Promise<NotifyResult> {
  const now = () => nowIso(new Date(clock()));
  const start = now();
  const purged = purgeUnconfirmed(sqlite, start);
  const { day, hour } = berlinDayHour(start);
  const queued = planAlerts(sqlite, topics, { now: start, berlinDay: day, berlinHour: hour }, config.from);
  const sent = await sendDue(sqlite, config, { now, topics });
  pruneOutbox(sqlite, addMinutes(start, -30 * 24 * 60));
  return { purged, queued, ...sent };
}
