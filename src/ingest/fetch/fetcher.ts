/**
 * The one fetcher all crawl I/O goes through (DESIGN.md habit 1): polite (robots.txt, per-host rate
 * and concurrency, an identifying User-Agent, Accept-Language de-DE), resilient (timeouts; retries with
 * exponential backoff and jitter on network errors, 5xx and 429, honouring Retry-After; ALLRIS's
 * status-200 error pages recognised), bounded (body size, redirects) and confined to the source's own
 * hosts whatever a page links to. It never throws for a bad answer: every outcome is a FetchResult.
 */
import { classifyErrorPage, isNoauthLocation } from './error-pages';
import { HostGate, realSleep, type Sleep } from './host-gate';
import { httpGet, NetworkError } from './http-get';
import { ALLOW_ALL, disallowAll, parseRobots, type RobotsRules } from './robots';
import { CookieJar } from './cookies';

/** Whether bytes are a PDF: "%PDF-" within the first kilobyte (where readers look for it). */
export function isPdfBytes(body: Uint8Array): boolean {
  return Buffer.from(body.buffer, body.byteOffset, Math.min(body.length, 1024)).includes('%PDF-');
}

export type FetchErrorKind =
  | 'foreign-host' | 'robots' | 'not-found' | 'forbidden' | 'not-public' | 'denied' | 'http-4xx' | 'http-5xx'
  | 'rate-limited' | 'redirect-loop' | 'too-many-redirects' | 'timeout' | 'reset' | 'refused' | 'truncated' | 'dns'
  | 'too-large' | 'decode' | 'network'
  /** the run's request budget (--max-requests) is used up: nothing was requested */
  | 'budget';

/** Errors that are the site's answer about the page, not a failure to get it (reported, never retried). */
export const FINAL_ERRORS: readonly FetchErrorKind[] = ['not-found', 'forbidden', 'not-public', 'denied', 'robots', 'foreign-host'];

export interface FetcherOptions {
  userAgent: string;
  /** the token robots.txt groups are matched against */
  agentToken: string;
  rate: number;
  concurrency: number;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** tries per URL, the first included */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** a Retry-After longer than this gives the URL up instead of waiting */
  retryAfterMaxMs: number;
  /** the only hosts ever requested (lower case) */
  allowedHosts: string[];
  /** send every request to this origin (the replay server), keeping the Host header */
  via?: string;
  robots: boolean;
  /** requests this fetcher may make in all (--max-requests); beyond it every get answers 'budget' */
  maxRequests?: number;
  onEvent?: (e: FetchEvent) => void;
  now?: () => number;
  sleep?: Sleep;
  random?: () => number;
}

const FETCHER_DEFAULTS = {
  agentToken: 'ratsradar', rate: 1, concurrency: 1, timeoutMs: 30000, maxBytes: 20 * 1024 * 1024, maxRedirects: 5, maxAttempts: 4,
  backoffBaseMs: 1000, backoffMaxMs: 60000, retryAfterMaxMs: 10 * 60 * 1000, robots: true,
} satisfies Partial<FetcherOptions>;

export type FetchEvent =
  | { type: 'request'; url: string; at: number }
  | { type: 'response'; url: string; status: number; ms: number }
  | { type: 'retry'; url: string; reason: string; waitMs: number; attempt: number }
  | { type: 'robots'; origin: string; outcome: string };

export interface FetchRequest {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  headers?: Record<string, string>;
  /** a body size limit of its own (documents: 50 MB), else the fetcher's */
  maxBytes?: number;
}

interface ResultBase {
  url: string;
  /** the URL the answer finally came from */
  finalUrl: string;
  attempts: number;
}
export interface FetchOk extends ResultBase {
  kind: 'ok';
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}
export interface FetchNotModified extends ResultBase {
  kind: 'not-modified';
  headers: Record<string, string>;
}
export interface FetchFailed extends ResultBase {
  kind: 'failed';
  error: FetchErrorKind;
  message: string;
  status: number | null;
}
export type FetchResult = FetchOk | FetchNotModified | FetchFailed;

function retryAfterMs(value: string | undefined, now: number): number | null {
  if (!value) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

class BudgetExceeded extends Error {}

export class Fetcher {
  readonly opts: FetcherOptions;
  private readonly gate: HostGate;
  private readonly robots = new Map<string, Promise<RobotsRules>>();
  private readonly cookies = new CookieJar();
  private readonly now: () => number;
  private readonly sleep: Sleep;
  private readonly random: () => number;
  private readonly via: URL | undefined;
  /** hosts that asked for a pause longer than we wait (Retry-After): host → until when no request goes there */
  private readonly resting = new Map<string, number>();
  /** HTTP requests made so far (robots.txt, retries and redirect hops included) */
  requests = 0;

  constructor(opts: Partial<FetcherOptions> & Pick<FetcherOptions, 'userAgent' | 'allowedHosts'>) {
    const given = Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) as typeof opts;
    this.opts = { ...FETCHER_DEFAULTS, ...given, allowedHosts: opts.allowedHosts.map((h) => h.toLowerCase()) };
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? realSleep;
    this.random = opts.random ?? Math.random;
    this.gate = new HostGate({ rate: this.opts.rate, concurrency: this.opts.concurrency }, this.now, this.sleep);
    this.via = opts.via ? new URL(opts.via) : undefined;
  }

  isAllowedHost(url: string): boolean {
    try {
      return this.opts.allowedHosts.includes(new URL(url).hostname.toLowerCase());
    } catch {
      return false;
    }
  }

  /** Exponential backoff with jitter: base·2^(n−1), capped, then a random part of it ("equal jitter"). */
  backoff(attempt: number): number {
    const d = Math.min(this.opts.backoffMaxMs, this.opts.backoffBaseMs * 2 ** (attempt - 1));
    return Math.round(d / 2 + this.random() * (d / 2));
  }

  private headers(url: URL, extra: Record<string, string> = {}): Record<string, string> {
    const h: Record<string, string> = {
      'user-agent': this.opts.userAgent,
      'accept-language': 'de-DE,de;q=0.9',
      accept: 'text/html,application/xhtml+xml,application/json;q=0.9,text/xml;q=0.9,*/*;q=0.8',
      'accept-encoding': 'gzip, deflate, br',
      ...extra,
    };
    const cookie = this.cookies.header(url.hostname);
    if (cookie) h.cookie = cookie;
    return h;
  }

  private async once(url: URL, headers: Record<string, string>, maxBytes = this.opts.maxBytes) {
    if (this.opts.maxRequests !== undefined && this.requests >= this.opts.maxRequests) throw new BudgetExceeded();
    const { at: started, release } = await this.gate.acquire(url.hostname.toLowerCase());
    if (this.opts.maxRequests !== undefined && this.requests >= this.opts.maxRequests) {
      release();
      throw new BudgetExceeded();
    }
    try {
      this.requests++;
      this.opts.onEvent?.({ type: 'request', url: url.href, at: started });
      const res = await httpGet(url, { headers: this.headers(url, headers), timeoutMs: this.opts.timeoutMs, maxBytes, via: this.via });
      this.cookies.store(url.hostname, res.setCookie);
      this.opts.onEvent?.({ type: 'response', url: url.href, status: res.status, ms: this.now() - started });
      return res;
    } finally {
      release();
    }
  }

  private robotsFor(url: URL): Promise<RobotsRules> {
    if (!this.opts.robots) return Promise.resolve(ALLOW_ALL);
    let p = this.robots.get(url.origin);
    if (!p) {
      p = this.loadRobots(url);
      this.robots.set(url.origin, p);
    }
    return p;
  }

  private async loadRobots(url: URL): Promise<RobotsRules> {
    const robotsUrl = new URL('/robots.txt', url.origin).href;
    const res = await this.get({ url: robotsUrl }, true);
    if (res.kind === 'failed' && res.error === 'budget') {
      this.robots.delete(url.origin);
      throw new BudgetExceeded();
    }
    let rules: RobotsRules;
    if (res.kind === 'ok') rules = parseRobots(robotsUrl, res.body.toString('utf8'), this.opts.agentToken);
    else if (res.kind === 'failed' && res.status !== null && res.status >= 400 && res.status < 500) rules = ALLOW_ALL;
    else rules = disallowAll(`robots.txt could not be read (${res.kind === 'failed' ? res.message : res.kind}), so nothing is fetched`);
    if (rules.crawlDelaySeconds) this.gate.setCrawlDelay(url.hostname.toLowerCase(), rules.crawlDelaySeconds);
    this.opts.onEvent?.({ type: 'robots', origin: url.origin, outcome: rules.blockedReason ?? (res.kind === 'ok' ? 'read' : 'none (all allowed)') });
    return rules;
  }

  /** Fetches one URL of the source; `isRobots` skips the robots check (for robots.txt itself). */
  async get(req: FetchRequest, isRobots = false): Promise<FetchResult> {
    try {
      return await this.fetch(req, isRobots);
    } catch (err) {
      if (!(err instanceof BudgetExceeded)) throw err;
      return { kind: 'failed', url: req.url, finalUrl: req.url, attempts: 0, error: 'budget', message: 'the request budget is used up', status: null };
    }
  }

  private async fetch(req: FetchRequest, isRobots: boolean): Promise<FetchResult> {
    const start = new URL(req.url);
    const failed = (finalUrl: string, attempts: number, error: FetchErrorKind, message: string, status: number | null = null): FetchFailed =>
      ({ kind: 'failed', url: req.url, finalUrl, attempts, error, message, status });
    if (!this.isAllowedHost(start.href)) return failed(start.href, 0, 'foreign-host', `${start.hostname} is not a host of this source`);
    if (!isRobots && !(await this.robotsFor(start)).isAllowed(start.href)) {
      const why = (await this.robotsFor(start)).blockedReason ?? 'disallowed by robots.txt';
      return failed(start.href, 0, 'robots', why);
    }
    // a host that asked for a long pause is not asked again before it ends (Retry-After holds for the whole host)
    const restUntil = this.resting.get(start.hostname.toLowerCase());
    if (restUntil !== undefined && this.now() < restUntil) {
      return failed(start.href, 0, 'rate-limited', `the host asked for a pause until ${new Date(restUntil).toISOString()} (Retry-After): not asked before`);
    }
    const conditional: Record<string, string> = {};
    if (req.etag) conditional['if-none-match'] = req.etag;
    if (req.lastModified) conditional['if-modified-since'] = req.lastModified;
    let current = start;
    const visited = new Set([current.href]);
    let attempt = 0;
    let redirects = 0;
    for (;;) {
      attempt++;
      const retry = async (reason: string, waitMs: number, hostWide: boolean): Promise<boolean> => {
        if (attempt >= this.opts.maxAttempts) return false;
        this.opts.onEvent?.({ type: 'retry', url: current.href, reason, waitMs, attempt });
        if (hostWide) this.gate.pause(current.hostname.toLowerCase(), waitMs);
        else await this.sleep(waitMs);
        return true;
      };
      let res: Awaited<ReturnType<typeof this.once>>;
      try {
        res = await this.once(current, { ...conditional, ...req.headers }, req.maxBytes);
      } catch (err) {
        if (!(err instanceof NetworkError)) throw err;
        const retryable = err.kind !== 'too-large' && err.kind !== 'dns';
        if (retryable && (await retry(err.kind, this.backoff(attempt), false))) continue;
        return failed(current.href, attempt, err.kind, err.message);
      }
      const { status } = res;
      if (status >= 300 && status < 400 && status !== 304 && res.headers.location) {
        attempt--;
        const next = new URL(res.headers.location, current);
        if (isNoauthLocation(next.pathname)) return failed(current.href, attempt + 1, 'not-public', 'the page redirects to the login (noauth.asp): not public', status);
        if (!this.isAllowedHost(next.href)) return failed(current.href, attempt + 1, 'foreign-host', `redirect to another host: ${next.hostname}`, status);
        if (visited.has(next.href)) return failed(current.href, attempt + 1, 'redirect-loop', `redirect loop back to ${next.href}`, status);
        if (++redirects > this.opts.maxRedirects) return failed(current.href, attempt + 1, 'too-many-redirects', `more than ${this.opts.maxRedirects} redirects`, status);
        if (!isRobots && !(await this.robotsFor(next)).isAllowed(next.href)) return failed(next.href, attempt + 1, 'robots', 'redirect target disallowed by robots.txt', status);
        visited.add(next.href);
        current = next;
        continue;
      }
      if (status === 304) return { kind: 'not-modified', url: req.url, finalUrl: current.href, attempts: attempt, headers: res.headers };
      if (status === 200) {
        // a PDF is not one of ALLRIS's error pages (and is not decoded as HTML to find out)
        const errorPage = isRobots || isPdfBytes(res.body) ? null : classifyErrorPage(res.body, current.href);
        if (errorPage === 'rate-limited') {
          if (await retry('ALLRIS "Zu viele Zugriffe" page', this.backoff(attempt) * 2, true)) continue;
          // given up on this page: the host still gets its pause before the next request
          this.gate.pause(current.hostname.toLowerCase(), this.backoff(attempt) * 2);
          return failed(current.href, attempt, 'rate-limited', 'ALLRIS kept answering "Zu viele Zugriffe"', status);
        }
        if (errorPage === 'server-error') {
          // ALLRIS 4's "Es ist ein Fehler aufgetreten" with status 200: a server error, tried again as a 5xx is
          if (await retry('ALLRIS error page "Es ist ein Fehler aufgetreten"', this.backoff(attempt), false)) continue;
          return failed(current.href, attempt, 'http-5xx', `ALLRIS answered its error page "Es ist ein Fehler aufgetreten" ${attempt} times`, status);
        }
        if (errorPage === 'denied') return failed(current.href, attempt, 'denied', 'ALLRIS answered "Zugriff verweigert" (program disabled or not public)', status);
        if (errorPage === 'not-public') return failed(current.href, attempt, 'not-public', 'ALLRIS answered that the page is not public', status);
        return { kind: 'ok', url: req.url, finalUrl: current.href, attempts: attempt, status, headers: res.headers, body: res.body };
      }
      if (status === 429 || status === 503) {
        const after = retryAfterMs(res.headers['retry-after'], this.now());
        if (after !== null && after > this.opts.retryAfterMaxMs) {
          this.resting.set(current.hostname.toLowerCase(), this.now() + after);
          return failed(current.href, attempt, status === 429 ? 'rate-limited' : 'http-5xx', `Retry-After of ${Math.round(after / 1000)} s is longer than we wait`, status);
        }
        const wait = after ?? this.backoff(attempt);
        if (await retry(`HTTP ${status}`, wait, true)) continue;
        // given up on this page: the host still gets its pause before the next request
        this.gate.pause(current.hostname.toLowerCase(), wait);
        return failed(current.href, attempt, status === 429 ? 'rate-limited' : 'http-5xx', `HTTP ${status} after ${attempt} tries`, status);
      }
      if (status >= 500) {
        if (await retry(`HTTP ${status}`, this.backoff(attempt), false)) continue;
        return failed(current.href, attempt, 'http-5xx', `HTTP ${status} after ${attempt} tries`, status);
      }
      if (status === 404 || status === 410) return failed(current.href, attempt, 'not-found', `HTTP ${status}`, status);
      if (status === 401 || status === 403) return failed(current.href, attempt, 'forbidden', `HTTP ${status}`, status);
      return failed(current.href, attempt, 'http-4xx', `HTTP ${status}`, status);
    }
  }
}
