/** One autocannon run on loopback against a rotating list of paths; latencies kept at full (sub-ms) precision. */
import autocannon from 'autocannon';
// autocannon's per-connection queue of answers (a file of the package, not its API: bench/autocannon-internals.d.ts)
import PipelinedRequestsQueue = require('autocannon/lib/pipelinedRequestsQueue');

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

/** What the clients of a run send: `Accept-Encoding: gzip, deflate` as Python requests and browsers do, or nothing (identity). */
export type ClientEncoding = 'gzip' | 'identity';

/** The request headers of a client of that kind. */
export function clientHeaders(encoding: ClientEncoding): Record<string, string> {
  return encoding === 'gzip' ? { 'accept-encoding': 'gzip, deflate' } : {};
}

export interface LoadOptions {
  /** every request with a query parameter of its own (uniquePath): no answer from a cache keyed by the URL */
  unique?: boolean;
  /** what the clients accept: no Accept-Encoding (identity, the default) or gzip */
  encoding?: ClientEncoding;
  /**
   * autocannon keeps every answer's body as a string (PipelinedRequestsQueue.addBody: `req.body += data`, a
   * UTF-8 decode of every chunk) for checks this bench does not use; for a large answer that costs the
   * client more than the server spends on it (5.4 ms a 476 KiB OParl list page, 0.6 ms its 26 KiB of
   * gzip, against the server's 0.3–0.6 ms), so the run measures the client. `discardBodies` counts the
   * bytes and drops them instead, for this run only.
   */
  discardBodies?: boolean;
}

/** Runs `run` with autocannon's body keeping switched off (see LoadOptions.discardBodies), or as it is. */
async function withBodies<T>(discard: boolean, run: () => Promise<T>): Promise<T> {
  const proto = PipelinedRequestsQueue.prototype;
  const keep = proto.addBody;
  if (discard) proto.addBody = () => {};
  try {
    return await run();
  } finally {
    proto.addBody = keep;
  }
}

/**
 * Runs `connections` connections for `seconds` against `paths` (taken in turn). With `unique`, every
 * request gets a query parameter of its own (uniquePath), so that no answer comes from a cache keyed by
 * the URL (the server's response cache, src/server/response-cache.ts): every request renders. The
 * clients send no Accept-Encoding (identity answers) unless `encoding` is 'gzip'; they count the bytes
 * as they come and do not decompress.
 */
export async function runLoad(port: number, paths: string[], connections: number, seconds: number, unique = false, opts: LoadOptions = {}): Promise<LoadResult> {
  return withBodies(opts.discardBodies === true, () => load(port, paths, connections, seconds, unique || opts.unique === true, opts.encoding ?? 'identity'));
}

async function load(port: number, paths: string[], connections: number, seconds: number, unique: boolean, encoding: ClientEncoding): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  let non2xx = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        duration: seconds,
        headers: clientHeaders(encoding),
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
