/**
 * One HTTP GET, nothing more: no retries, no redirects followed, no politeness (fetcher.ts does those).
 * A deadline covers connecting, waiting and reading; the body is capped; an answer that ends before its
 * Content-Length is "truncated". With `via`, the request goes to that server (the replay server) with the
 * original Host header, like curl's --connect-to.
 */
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';

export type NetworkErrorKind = 'timeout' | 'reset' | 'refused' | 'truncated' | 'dns' | 'too-large' | 'decode' | 'network';

export class NetworkError extends Error {
  constructor(
    readonly kind: NetworkErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'NetworkError';
  }
}

export interface RawResponse {
  status: number;
  /** lower-case names; repeated headers joined with ", " (set-cookie kept as a list in setCookie) */
  headers: Record<string, string>;
  setCookie: string[];
  body: Buffer;
}

export interface HttpGetOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
  /** send the request to this origin instead (http://127.0.0.1:PORT), keeping the Host header */
  via?: URL;
}

const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 16 }), https: new https.Agent({ keepAlive: true, maxSockets: 16 }) };

function classify(err: NodeJS.ErrnoException): NetworkError {
  if (err instanceof NetworkError) return err;
  switch (err.code) {
    case 'ECONNRESET':
    case 'EPIPE':
      return new NetworkError('reset', `connection reset (${err.code})`);
    case 'ECONNREFUSED':
      return new NetworkError('refused', 'connection refused');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new NetworkError('dns', `host not found (${err.code})`);
    case 'ETIMEDOUT':
      return new NetworkError('timeout', 'timed out');
    default:
      return new NetworkError('network', err.message || String(err.code));
  }
}

/** The body as sent, decompressed; the size limit holds for the decompressed bytes too (a small gzip can unpack huge). */
function decode(body: Buffer, encoding: string | undefined, maxBytes: number): Buffer {
  const limit = { maxOutputLength: maxBytes };
  try {
    switch ((encoding ?? '').trim().toLowerCase()) {
      case 'gzip':
      case 'x-gzip':
        return zlib.gunzipSync(body, limit);
      case 'deflate':
        return zlib.inflateSync(body, limit);
      case 'br':
        return zlib.brotliDecompressSync(body, limit);
      default:
        return body;
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new NetworkError('too-large', `the answer unpacks to more than the limit of ${maxBytes} bytes`);
    throw new NetworkError('decode', `cannot decompress the ${encoding} body: ${(err as Error).message}`);
  }
}

export function httpGet(url: URL, opts: HttpGetOptions): Promise<RawResponse> {
  const target = opts.via ?? url;
  const lib = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (err: NetworkError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(err);
    };
    const req = lib.request(
      {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers: { ...opts.headers, host: url.host },
        agent: target.protocol === 'https:' ? agents.https : agents.http,
        servername: opts.via ? undefined : url.hostname,
      },
      (res) => {
        const declared = Number(res.headers['content-length'] ?? NaN);
        if (Number.isFinite(declared) && declared > opts.maxBytes) {
          fail(new NetworkError('too-large', `the answer announces ${declared} bytes, more than the limit of ${opts.maxBytes}`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > opts.maxBytes) fail(new NetworkError('too-large', `the answer is larger than the limit of ${opts.maxBytes} bytes`));
          else chunks.push(c);
        });
        res.on('error', (err) => fail(res.complete ? classify(err) : new NetworkError('truncated', `the answer ended early after ${size} bytes`)));
        res.on('close', () => {
          if (!res.complete) fail(new NetworkError('truncated', `the answer ended early after ${size} bytes${Number.isFinite(declared) ? ` of ${declared}` : ''}`));
        });
        res.on('end', () => {
          if (settled) return;
          try {
            const body = decode(Buffer.concat(chunks), res.headers['content-encoding'] as string | undefined, opts.maxBytes);
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers)) if (k !== 'set-cookie' && v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
            settled = true;
            clearTimeout(timer);
            resolve({ status: res.statusCode ?? 0, headers, setCookie: res.headers['set-cookie'] ?? [], body });
          } catch (err) {
            fail(err as NetworkError);
          }
        });
      },
    );
    const timer = setTimeout(() => fail(new NetworkError('timeout', `no complete answer within ${opts.timeoutMs} ms`)), opts.timeoutMs);
    req.on('error', (err) => fail(classify(err)));
    req.end();
  });
}
