/**
 * ALLRIS answers some errors with status 200 (ALLRIS-NOTES §7.8, §2a). scrapers/detect.ts knows
 * them and throws an AllrisErrorPage of their kind; here that becomes what the crawler does:
 * "rate-limited" → back off and try again; "denied" (a program switched off) and "not-public" → give up
 * on the page, it is not an error of ours.
 */
import { AllrisErrorPage, type AllrisErrorKind } from '../../../scrapers/errors';
import { detectBody } from './detected-body';

export type ErrorPageKind = AllrisErrorKind;

export function classifyErrorPage(body: Uint8Array, url: string): ErrorPageKind | null {
  const d = detectBody(body, url);
  return d instanceof AllrisErrorPage ? d.kind : null;
}

/** A redirect to ALLRIS's login page means the page is not public. */
export function isNoauthLocation(location: string): boolean {
  return /(^|\/)noauth\.asp\b/i.test(location);
}
