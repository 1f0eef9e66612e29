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
