/**
 * The rules of e-mail alerts, as data and pure functions (no clock: every time is an argument):
 * what an address must look like, when a failed mail is tried again, when a daily digest is due,
 * when an unconfirmed subscription expires.
 */

export const ALERT_KINDS = ['paper', 'topic', 'committee', 'faction', 'search'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const CADENCES = ['instant', 'daily'] as const;
export type Cadence = (typeof CADENCES)[number];

/** Minutes to wait before attempt n+1 after n failed attempts; after the last one the mail is given up ("failed"). */
export const RETRY_DELAYS_MINUTES = [1, 5, 30, 120, 720] as const;
/** Hours an unconfirmed subscription (and an address with nothing confirmed) is kept. */
export const UNCONFIRMED_HOURS = 48;
/** The Berlin hour from which the daily digest of a day goes out. */
export const DIGEST_HOUR = 7;
/** Confirmation mails one address may be sent within 24 hours (new subscriptions and repeated requests together). */
export const CONFIRMATIONS_PER_ADDRESS_PER_DAY = 5;
/** Subscriptions one address may hold. */
export const MAX_SUBSCRIPTIONS_PER_ADDRESS = 50;

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** The address as stored (trimmed, lower case), or null when it is not a plain mailbox address (no display name, no IP literal, at most 254 characters). */
export function normaliseEmail(text: string): string | null {
  const t = text.trim().toLowerCase();
  if (t.length > 254 || !EMAIL.test(t)) return null;
  const [local] = t.split('@');
  if (local.length > 64 || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return null;
  return t;
}

/** When a mail that has failed `attempts` times is due again (ISO), or null when it is given up. */
export function retryAt(nowIso: string, attempts: number): string | null {
  const minutes = RETRY_DELAYS_MINUTES[attempts - 1];
  if (minutes === undefined) return null;
  return addMinutes(nowIso, minutes);
}

/** Whether a daily digest is due: once per Berlin day, from DIGEST_HOUR on. */
export function isDigestDue(lastDigestOn: string | null, berlinDay: string, berlinHour: number): boolean {
  return berlinHour >= DIGEST_HOUR && (lastDigestOn === null || lastDigestOn < berlinDay);
}

/** The creation time before which an unconfirmed subscription is deleted. */
export function unconfirmedCutoff(nowIso: string): string {
  return addMinutes(nowIso, -UNCONFIRMED_HOURS * 60);
}

export function addMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
