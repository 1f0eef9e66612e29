/**
 * The mail configuration from the environment: RATSRADAR_SMTP_URL (smtp:// or smtps://, nodemailer's
 * URL form), RATSRADAR_MAIL_FROM (the sender address) and RATSRADAR_BASE_URL (every link in a mail is
 * absolute). Without RATSRADAR_SMTP_URL alerts are off: no forms are shown and nothing is sent. With it
 * but without the other two, nothing may send: the caller prints the one-line reason and stops.
 */
import { normaliseEmail } from '../domain/alert-rules';

export interface MailConfig {
  smtpUrl: string;
  from: string;
  /** without a trailing slash */
  baseUrl: string;
}

export type MailSetup = { state: 'off' } | { state: 'on'; config: MailConfig } | { state: 'broken'; reason: string };

export function mailSetupFromEnv(env: NodeJS.ProcessEnv = process.env): MailSetup {
  const smtpUrl = env.RATSRADAR_SMTP_URL?.trim();
  if (!smtpUrl) return { state: 'off' };
  if (!/^smtps?:\/\/[^\s]+$/i.test(smtpUrl)) return { state: 'broken', reason: 'RATSRADAR_SMTP_URL must be an smtp:// or smtps:// URL' };
  const base = env.RATSRADAR_BASE_URL?.trim();
  if (!base) return { state: 'broken', reason: 'RATSRADAR_BASE_URL is not set: mail needs absolute links (e.g. https://ratsradar.example.org)' };
  let parsed: URL;
  try {
    parsed = new URL(base);
  } catch {
    return { state: 'broken', reason: `RATSRADAR_BASE_URL is not a URL: ${base.slice(0, 80)}` };
  }
  if (!/^https?:$/.test(parsed.protocol) || parsed.search || parsed.hash || /["'<>\s]/.test(base)) {
    return { state: 'broken', reason: 'RATSRADAR_BASE_URL must be an http(s) address without query or fragment' };
  }
  const from = env.RATSRADAR_MAIL_FROM?.trim();
  if (!from || normaliseEmail(from) === null) return { state: 'broken', reason: 'RATSRADAR_MAIL_FROM must be set to the sender address (e.g. alerts@ratsradar.example.org)' };
  return { state: 'on', config: { smtpUrl, from, baseUrl: base.replace(/\/+$/, '') } };
}
