/** One autocannon run on loopback against a rotating list of paths; latencies kept at full (sub-ms) precision. */
import autocannon from 'autocannon';

export interface LoadResult {
  /** 2xx responses per second */
  reqPerSec: number;
  /** latency percentiles of 2xx responses, ms */
  p50: number;
  p99: number;
  mean: number;
  responses: number;
  non2xx: number;
  errors: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** the query parameter that makes every request's URL unique (see `unique` below) */
export const UNIQUE_PARAM = '_r';
let uniqueCounter = 0;

/** `path` with the next value of a counter that never repeats in this process: `/x` → `/x?_r=17`, `/x?q=a` → `/x?q=a&_r=18`. */
export function uniquePath(path: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}${UNIQUE_PARAM}=${++uniqueCounter}`;
}

/**
 * Runs `connections` connections for `seconds` against `paths` (taken in turn). With `unique`, every
 * request gets a query parameter of its own (uniquePath), so that no answer comes from a cache keyed by
 * the URL (the server's response cache, src/server/response-cache.ts): every request renders.
 */
export async function runLoad(port: number, paths: string[], connections: number, seconds: number, unique = false): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  let non2xx = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        duration: seconds,
        requests: [{ method: 'GET', setupRequest: (req) => {
          const p = paths[next++ % paths.length];
          return { ...req, path: unique ? uniquePath(p) : p };
        } }],
      },
      (err: unknown, res: autocannon.Result) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      else non2xx++;
    });
  });
  const sorted = Float64Array.from(latencies).sort();
  const sum = latencies.reduce((s, v) => s + v, 0);
  return {
    reqPerSec: latencies.length / result.duration,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: latencies.length ? sum / latencies.length : NaN,
    responses: latencies.length,
    non2xx,
    errors: result.errors,
  };
}
