/**
 * The alert tests' world: the demo data in a real SQLite file, the app with e-mail alerts on, listening
 * on 127.0.0.1, a real SMTP server, and helpers to subscribe through the real form and to follow the
 * links of received mails. Events are inserted into paper_events directly (insertEvent), in the
 * shape the import path writes them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { MailConfig } from '../../src/alerts/config';
import { runNotify } from '../../src/alerts/notify';
import { openDb, type OpenedDb } from '../../src/db/connection';
import { refreshDerived } from '../../src/db/derive';
import { loadDemo } from '../../src/ingest/demo';
import { createApp } from '../../src/server/app';
import { loadTopics } from '../../src/server/topics-file';
import { startSmtp, type Delivered, type TestSmtp } from './smtp';

export const ALERT_TODAY = '2026-11-24';

export interface AlertWorld {
  opened: OpenedDb;
  smtp: TestSmtp;
  base: string;
  config: MailConfig;
  close(): Promise<void>;
}

/** Demo database at `dir`, SMTP server, app on a free port with RATSRADAR_BASE_URL = its own address. */
export async function startAlertWorld(dir: string, file = 'alerts.sqlite'): Promise<AlertWorld> {
  const opened = openDb(path.join(dir, file));
  loadDemo(opened.sqlite, '2026-11-24T09:00:00Z', ALERT_TODAY);
  refreshDerived(opened.sqlite, ALERT_TODAY);
  const smtp = await startSmtp();
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config: MailConfig = { smtpUrl: smtp.url, from: 'alerts@ratsradar.test', baseUrl: base };
  server.on('request', createApp(opened.sqlite, { today: () => ALERT_TODAY, mail: config }));
  return {
    opened, smtp, base, config,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await smtp.close();
      opened.close();
    },
  };
}

/** One notify run as `ratsradar notify` does it, at `now` (ISO). */
export function notifyAt(w: AlertWorld, now: string) {
  return runNotify(w.opened.sqlite, w.config, loadTopics(), () => now);
}

/** The hidden fields of the "Benachrichtigen" form on a page (fetched over HTTP), or null without one. */
export async function formOf(base: string, pagePath: string): Promise<Record<string, string> | null> {
  const html = await (await fetch(base + pagePath)).text();
  const form = /<form method="post" action="\/benachrichtigen">([\s\S]*?)<\/form>/.exec(html);
  if (!form) return null;
  const fields: Record<string, string> = {};
  for (const m of form[1].matchAll(/<input type="hidden" name="([a-z]+)" value="([^"]*)">/g)) fields[m[1]] = m[2].replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x3D;/g, '=');
  return fields;
}

/** Submits the form of a page with an address and cadence; returns the HTTP answer. */
export async function subscribeVia(base: string, pagePath: string, email: string, takt: 'instant' | 'daily' = 'instant', headers: Record<string, string> = {}) {
  const fields = await formOf(base, pagePath);
  if (!fields) throw new Error(`no alert form on ${pagePath}`);
  return post(base, '/benachrichtigen', { ...fields, email, takt }, headers);
}

export function post(base: string, pathOrUrl: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const url = pathOrUrl.startsWith('http') ? pathOrUrl : base + pathOrUrl;
  return fetch(url, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, redirect: 'manual' });
}

/** The links of a mail's plain-text part that start with `prefix` (absolute). */
export function linksIn(mail: Delivered, prefix: string): string[] {
  return [...(mail.parsed.text ?? '').matchAll(/https?:\/\/\S+/g)].map((m) => m[0]).filter((u) => u.startsWith(prefix));
}

/** Opens a confirmation link as a person does: GET shows a button, the button POSTs. */
export async function confirmFrom(w: AlertWorld, mail: Delivered): Promise<Response> {
  const [link] = linksIn(mail, `${w.base}/benachrichtigen/bestaetigen/`);
  if (!link) throw new Error('no confirmation link in the mail');
  const page = await (await fetch(link)).text();
  const action = /<form method="post" action="([^"]+)">/.exec(page)?.[1];
  if (!action) throw new Error('no confirm button on the confirmation page');
  return post(w.base, action, {});
}

export interface EventInput {
  paperId: number;
  kind: string;
  happenedOn?: string | null;
  committee?: string | null;
  payload?: Record<string, unknown>;
  learnedAt?: string;
}

let keySeq = 0;
/** Inserts one change event as the import path writes them; returns its id. */
export function insertEvent(opened: OpenedDb, e: EventInput): number {
  const sourceId = opened.sqlite.prepare('SELECT source_id FROM papers WHERE id = ?').pluck().get(e.paperId) as number;
  return Number(
    opened.sqlite
      .prepare(`INSERT INTO paper_events (event_key, paper_id, source_id, kind, learned_at, happened_on, committee, payload)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(`test|${process.pid}|${++keySeq}|${e.paperId}|${e.kind}`, e.paperId, sourceId, e.kind, e.learnedAt ?? '2026-11-24T10:00:00Z',
        e.happenedOn ?? null, e.committee ?? null, JSON.stringify(e.payload ?? {}))
      .lastInsertRowid,
  );
}
