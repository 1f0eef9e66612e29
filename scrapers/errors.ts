/** Errors a parser throws, named by what the caller should do (DESIGN.md habit 7). */

/** The bytes are not a page of a RIS we know (empty, binary, another site, an error page). Skip it. */
export class NotARisPageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotARisPageError';
  }
}

/**
 * A RIS page that did not come whole: it does not end as a page of its kind ends (scrapers/shared/
 * page-end.ts). A NotARisPageError, so every caller that skips those skips these; the crawler fetches
 * it once more, `import` counts it as failed.
 */
export class TruncatedPageError extends NotARisPageError {
  constructor(message: string) {
    super(message);
    this.name = 'TruncatedPageError';
  }
}

/**
 * A page that states another record than its address asks for: `vo020.asp?VOLFDNR=1016851` answered with the
 * page of Vorlage 1018473 (a cache or load balancer mixing up answers, a session's stale page). Read under the
 * address's id it would overwrite that record with another's content, so it is not read: a NotARisPageError that
 * the crawler fetches once more and reports, and that `import` counts as failed (never stored).
 */
export class MismatchedPageError extends NotARisPageError {
  constructor(message: string) {
    super(message);
    this.name = 'MismatchedPageError';
  }
}

/**
 * An answer of ALLRIS 4's stateful calendar (the Wicket AJAX month, ALLRIS-NOTES §2b) that belongs to
 * another state of its page: empty (a page version already used, or the session gone) or showing another
 * month than the one asked for. Nothing wrong with the layout: the crawler asks once more on a fresh page
 * version, and reports the month as failed ('stale-session') when that does not help.
 */
export class StaleSessionError extends NotARisPageError {
  constructor(message: string) {
    super(message);
    this.name = 'StaleSessionError';
  }
}

/** What an ALLRIS error page (served with status 200) says, and so what the crawler does. */
export type AllrisErrorKind = 'rate-limited' | 'denied' | 'not-public' | 'server-error';

/**
 * One of ALLRIS's error pages that come with status 200 (ALLRIS-NOTES §2a, §7): "Zu viele Zugriffe"
 * ('rate-limited': back off, try again), "Zugriff verweigert" ('denied': a program switched off),
 * "Keine Information verfügbar" / a login redirect ('not-public'), or ALLRIS 4's page for any other
 * failure, "Es ist ein Fehler aufgetreten" ('server-error': an HTTP 500 in a 200's clothes, try again).
 * Not a RIS page with content.
 */
export class AllrisErrorPage extends NotARisPageError {
  constructor(
    message: string,
    readonly kind: AllrisErrorKind,
  ) {
    super(message);
    this.name = 'AllrisErrorPage';
  }
}

/** A RIS page whose layout we do not understand: a selector that must match found nothing. Save the page for a new test. */
export class LayoutChangedError extends Error {
  constructor(
    message: string,
    readonly page: string | null = null,
    readonly selector: string | null = null,
  ) {
    super(message);
    this.name = 'LayoutChangedError';
  }
}

/** A known RIS page kind that ratsradar does not parse yet (to010, au020, …). Reported as skipped. */
export class UnsupportedPageError extends Error {
  constructor(
    message: string,
    readonly pageKind: string,
  ) {
    super(message);
    this.name = 'UnsupportedPageError';
  }
}
