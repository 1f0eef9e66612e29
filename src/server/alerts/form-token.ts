/**
 * The subscribe form's token: proves a POST comes from a form this server rendered (a page on another
 * site cannot read one; Origin and Sec-Fetch-Site are checked as well). No account, no cookie: the
 * token is an HMAC of the day it was issued, valid that day and the next, so a page kept by the
 * response cache (whose entries live one day) always carries a valid one. The key is
 * RATSRADAR_FORM_SECRET, else random per process (a restart invalidates open forms: the user submits again).
 */
import crypto from 'node:crypto';

export interface FormTokens {
  issue(today: string): string;
  verify(token: string, today: string): boolean;
}

function previousDay(day: string): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

export function createFormTokens(secret: string = process.env.RATSRADAR_FORM_SECRET || crypto.randomBytes(32).toString('hex')): FormTokens {
  const mac = (day: string) => crypto.createHmac('sha256', secret).update(`subscribe|${day}`).digest('base64url');
  return {
    issue: (today) => `${today}.${mac(today)}`,
    verify(token, today) {
      const m = /^(\d{4}-\d{2}-\d{2})\.([A-Za-z0-9_-]{43})$/.exec(token);
      if (!m || (m[1] !== today && m[1] !== previousDay(today))) return false;
      const expected = Buffer.from(mac(m[1]));
      const given = Buffer.from(m[2]);
      return given.length === expected.length && crypto.timingSafeEqual(given, expected);
    },
  };
}
