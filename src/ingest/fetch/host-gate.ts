/**
 * Politeness per host: at most `concurrency` requests in flight, and request starts at least
 * 1/rate seconds apart (or the robots.txt Crawl-delay, when longer). A 429, an ALLRIS "Zu viele
 * Zugriffe" page or a Retry-After pauses the whole host, not just the one URL.
 */

export interface GateOptions {
  /** requests per second per host */
  rate: number;
  /** requests in flight per host */
  concurrency: number;
}

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

interface HostState {
  inFlight: number;
  /** earliest start of the next request (ms since the epoch) */
  nextStart: number;
  intervalMs: number;
  waiting: (() => void)[];
}

/** A granted request slot: `at` is the start the next interval counts from. */
export interface Slot {
  at: number;
  release: () => void;
}

export class HostGate {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly opts: GateOptions,
    private readonly now: () => number = Date.now,
    private readonly sleep: Sleep = realSleep,
  ) {
    if (!(opts.rate > 0)) throw new Error('the rate must be a positive number of requests per second');
    if (!(opts.concurrency >= 1)) throw new Error('the concurrency must be at least 1');
  }

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) this.hosts.set(host, (s = { inFlight: 0, nextStart: 0, intervalMs: 1000 / this.opts.rate, waiting: [] }));
    return s;
  }

  /** A robots.txt Crawl-delay (seconds) makes the interval longer, never shorter. */
  setCrawlDelay(host: string, seconds: number): void {
    const s = this.state(host);
    s.intervalMs = Math.max(1000 / this.opts.rate, seconds * 1000);
  }

  /** No request to this host for `ms` from now. */
  pause(host: string, ms: number): void {
    const s = this.state(host);
    s.nextStart = Math.max(s.nextStart, this.now() + ms);
  }

  /**
   * Waits for a free slot and the next allowed start. Returns the start time the interval was
   * measured from (use it as the request's start, so that the spacing holds exactly on the same
   * clock) and the function that frees the slot.
   */
  async acquire(host: string): Promise<Slot> {
    const s = this.state(host);
    while (s.inFlight >= this.opts.concurrency) await new Promise<void>((resolve) => s.waiting.push(resolve));
    s.inFlight++;
    for (;;) {
      const wait = s.nextStart - this.now();
      if (wait <= 0) break;
      await this.sleep(wait);
    }
    const at = this.now();
    s.nextStart = at + s.intervalMs;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      s.inFlight--;
      s.waiting.shift()?.();
    };
    return { at, release };
  }
}
