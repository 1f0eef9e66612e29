/**
 * What every route gets from createApp (src/server/app.ts): the database, the clock, the renderer and
 * the alert setup. A module of its own so that the routes import it without importing app.ts, which
 * imports them.
 */
import type Database from 'better-sqlite3';
import type { MailConfig } from '../alerts/config';
import type { TopicSet } from '../domain/topics';
import type { FormTokens } from './alerts/form-token';
import type { createRenderer } from './render';

/** What the alert forms and routes need; null when e-mail alerts are off. */
export interface AlertsContext {
  config: MailConfig;
  tokens: FormTokens;
  topics: TopicSet | null;
  onQueued?: () => void;
}

export interface AppContext {
  sqlite: Database.Database;
  today: () => string;
  render: ReturnType<typeof createRenderer>;
  /** derives the states for today where the stored ones are of another day; returns the data stamp then (http-cache.ts runs it for every GET) */
  ensureFresh: () => string;
  /** runs `fn` (reads only) in one read transaction: one snapshot and one lock instead of one per statement */
  read: <T>(fn: () => T) => T;
  alerts: AlertsContext | null;
}
