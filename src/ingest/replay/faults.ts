/**
 * Faults the replay server injects on demand, so the crawler's resilience is tested over real HTTP.
 * A rule names the URLs it applies to (a substring of the URL, or "*"), the fault, and how many
 * times it fires (then the page is served normally: a fault the crawler should outlast).
 */

export type FaultKind =
  /** an HTTP status without the page (500, 503, 404, …) */
  | 'status'
  /** 429 Too Many Requests with Retry-After (seconds) */
  | 'too-many'
  /** the answer comes after `delayMs` */
  | 'slow'
  /** no answer at all: the connection stays open and silent */
  | 'timeout'
  /** headers announce the whole body, half of it comes, then the connection closes */
  | 'truncate'
  /** a complete HTTP answer whose page is cut in half (a malformed page) */
  | 'cut'
  /** the connection is reset before any answer */
  | 'reset'
  /** ALLRIS's error pages that come with status 200 */
  | 'error-page'
  /** a Content-Type charset that contradicts the bytes */
  | 'wrong-charset'
  /** A → A' → A → … */
  | 'redirect-loop';

export const ERROR_PAGE_VARIANTS = ['zu-viele-zugriffe', 'fehler', 'zugriff-verweigert', 'keine-information', 'noauth'] as const;
export type ErrorPageVariant = (typeof ERROR_PAGE_VARIANTS)[number];

export interface FaultRule {
  /** a substring of the requested URL, or "*" for every URL (robots.txt is never faulted by "*") */
  match: string;
  fault: FaultKind;
  /** how many requests the fault hits; default: every one */
  times?: number;
  status?: number;
  retryAfter?: number;
  delayMs?: number;
  variant?: ErrorPageVariant;
  charset?: string;
}

export interface FaultConfig {
  rules?: FaultRule[];
  /** robots.txt per host ("*" for every host); hosts without one answer 404 */
  robots?: Record<string, string>;
}

const KINDS: FaultKind[] = ['status', 'too-many', 'slow', 'timeout', 'truncate', 'cut', 'reset', 'error-page', 'wrong-charset', 'redirect-loop'];

/** Checks a fault configuration read from a file; throws with one line naming what is wrong. */
export function validateFaults(v: unknown): FaultConfig {
  const o = (v ?? {}) as Record<string, unknown>;
  if (typeof o !== 'object' || Array.isArray(o)) throw new Error('the fault file must hold an object { rules, robots }');
  const rules = o.rules ?? [];
  if (!Array.isArray(rules)) throw new Error('"rules" must be a list');
  rules.forEach((r: Record<string, unknown>, i) => {
    if (typeof r?.match !== 'string') throw new Error(`rule ${i + 1} needs "match" (a URL substring or "*")`);
    if (!KINDS.includes(r.fault as FaultKind)) throw new Error(`rule ${i + 1}: unknown fault "${String(r.fault)}" (one of ${KINDS.join(', ')})`);
    if (r.variant !== undefined && !ERROR_PAGE_VARIANTS.includes(r.variant as ErrorPageVariant)) {
      throw new Error(`rule ${i + 1}: unknown error page "${String(r.variant)}" (one of ${ERROR_PAGE_VARIANTS.join(', ')})`);
    }
  });
  const robots = o.robots ?? {};
  if (typeof robots !== 'object' || Array.isArray(robots)) throw new Error('"robots" must map hosts to robots.txt text');
  return { rules: rules as FaultRule[], robots: robots as Record<string, string> };
}

/** Keeps the rules and counts how often each has fired. */
export class FaultPlan {
  private readonly fired = new Map<FaultRule, number>();
  constructor(private rules: FaultRule[] = []) {}

  add(rule: FaultRule): void {
    this.rules.push(rule);
  }

  clear(): void {
    this.rules = [];
    this.fired.clear();
  }

  /** The rule that hits this request (and counts it), or null. */
  take(url: string): FaultRule | null {
    const isRobots = /\/robots\.txt$/i.test(new URL(url).pathname);
    for (const rule of this.rules) {
      if (rule.match === '*' ? isRobots : !url.includes(rule.match)) continue;
      const n = this.fired.get(rule) ?? 0;
      if (rule.times !== undefined && n >= rule.times) continue;
      this.fired.set(rule, n + 1);
      return rule;
    }
    return null;
  }
}
