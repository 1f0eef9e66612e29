/**
 * ALLRIS answers some errors with status 200 (ALLRIS-NOTES §7.8, §2a). scrapers/detect.ts knows
 * them and says which in its NotARisPageError message; here that becomes what the crawler does:
 * "rate-limited" → back off and try again; "denied" (a program switched off) and "not-public" → give up
 * on the page, it is not an error of ours.
 */
import { detectPage } from '../../../scrapers/detect';
import { NotARisPageError } from '../../../scrapers/errors';

export type ErrorPageKind = 'rate-limited' | 'denied' | 'not-public';

export function classifyErrorPage(body: Uint8Array, url: string): ErrorPageKind | null {
  try {
    detectPage(body, url);
    return null;
  } catch (err) {
    if (!(err instanceof NotARisPageError)) return null;
    if (/Zu viele Zugriffe/i.test(err.message)) return 'rate-limited';
    if (/Zugriff verweigert/i.test(err.message)) return 'denied';
    if (/Keine Information verf|noauth/i.test(err.message)) return 'not-public';
    return null;
  }
}

/** A redirect to ALLRIS's login page means the page is not public. */
export function isNoauthLocation(location: string): boolean {
  return /(^|\/)noauth\.asp\b/i.test(location);
}
