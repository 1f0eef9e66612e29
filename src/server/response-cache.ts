/**
 * Rendered answers kept per ETag. The ETag (src/server/http-cache.ts) already names everything an
 * answer depends on — the build, the data stamp, the day and the URL with scheme and host — so an
 * answer rendered once is sent again as it is, until a row changes or the day does; then the stamp
 * in the key changes and the whole cache is dropped. Only 200 answers are kept (not redirects or
 * errors), at most MAX_ENTRIES and MAX_BYTES of bodies, least recently used out first.
 *
 * A client that accepts gzip gets text answers of 1 KiB and more gzipped (src/server/gzip-answer.ts):
 * the gzip of exactly the identity bytes, made when the first such client asks and kept beside them.
 * Both are one answer in two encodings: the same weak ETag, and `Vary: Accept-Encoding` (http-cache.ts).
 */
import type { Response } from 'express';
import { compressible, gzipOf } from './gzip-answer';

const MAX_ENTRIES = 2000;
const MAX_BYTES = 48 * 1024 * 1024;

interface Entry {
  contentType: string | undefined;
  disposition: string | undefined;
  body: Buffer;
  /** the gzip of `body`: undefined until a gzip client asks, null when it is not worth it */
  gzip: Buffer | null | undefined;
}

export interface ResponseCache {
  /**
   * Sends the kept answer for `key` (gzipped when `gzip` and worth it) and returns true, or returns false
   * (and keeps what the route sends under `key`, sending that gzipped in the same way).
   */
  serve(res: Response, key: string, generation: string, gzip?: boolean): boolean;
  /**
   * True when an answer under `key` in this generation was a 200 (kept or, too large to keep, only sent): what
   * a conditional request may be told is not modified — never an error or a redirect (RFC 9110 13.2.1).
   */
  answeredOk(key: string, generation: string): boolean;
}

const header = (res: Response, name: string): string | undefined => {
  const v = res.getHeader(name);
  return typeof v === 'string' ? v : undefined;
};

type End = Response['end'];

export function createResponseCache(maxEntries = MAX_ENTRIES, maxBytes = MAX_BYTES): ResponseCache {
  const entries = new Map<string, Entry>();
  // the keys answered 200 in this generation (a key's string only; bounded like the entries)
  const ok = new Set<string>();
  let bytes = 0;
  let current = '';
  const newGeneration = (generation: string) => {
    if (generation === current) return;
    entries.clear();
    ok.clear();
    bytes = 0;
    current = generation;
  };
  const answered = (key: string) => {
    ok.delete(key);
    ok.add(key);
    if (ok.size > 8 * maxEntries) ok.delete(ok.values().next().value as string);
  };
  const size = (e: Entry) => e.body.length + (e.gzip?.length ?? 0);
  const drop = (key: string) => {
    const e = entries.get(key);
    if (!e) return;
    bytes -= size(e);
    entries.delete(key);
  };
  const trim = () => {
    for (const k of entries.keys()) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break;
      drop(k);
    }
  };
  /** The gzip of an entry's body, made (and counted) the first time it is asked for; null when not worth it. */
  const gzipped = (e: Entry): Buffer | null => {
    if (e.gzip === undefined) {
      e.gzip = compressible(e.contentType, undefined, e.body.length) ? gzipOf(e.body) : null;
      bytes += e.gzip?.length ?? 0;
    }
    return e.gzip;
  };
  return {
    answeredOk(key, generation) {
      newGeneration(generation);
      return ok.has(key) || entries.has(key);
    },
    serve(res, key, generation, gzip = false) {
      newGeneration(generation);
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        const gz = gzip ? gzipped(hit) : null;
        if (hit.contentType) res.setHeader('Content-Type', hit.contentType);
        if (hit.disposition) res.setHeader('Content-Disposition', hit.disposition);
        if (gz) res.setHeader('Content-Encoding', 'gzip');
        // the bytes as they are, past express's send: the type is set, the validators were checked
        // (http-cache.ts answered a matching one with 304), and there is no ETag to compute
        const bytes = gz ?? hit.body;
        res.statusCode = 200;
        res.setHeader('Content-Length', bytes.length);
        if (res.req.method === 'HEAD') res.end();
        else res.end(bytes);
        if (gz) trim();
        return true;
      }
      const send = res.send.bind(res);
      res.send = (body?: unknown) => {
        res.send = send;
        if (res.statusCode !== 200 || generation !== current || !(typeof body === 'string' || Buffer.isBuffer(body))) return send(body);
        // express's send sets the type (a string's charset) and the length, turns a string into bytes, then
        // ends: the answer is kept (and gzipped) there, with the headers as express left them and the bytes
        // express made (a second conversion of a rendered page cost 40–80 µs); a HEAD, which express ends
        // without a body, and a short string, which it sends as it is, are converted here
        const end = res.end as End;
        res.end = ((...args: Parameters<End>) => {
          res.end = end;
          if (res.statusCode !== 200) return end.apply(res, args);
          answered(key);
          const sent = (args[0] ?? body) as string | Buffer;
          const buf = Buffer.isBuffer(sent) ? sent : Buffer.from(sent, 'utf8');
          if (buf.length > maxBytes / 8) return end.apply(res, args);
          const e: Entry = { contentType: header(res, 'Content-Type'), disposition: header(res, 'Content-Disposition'), body: buf, gzip: undefined };
          if (header(res, 'Content-Encoding') !== undefined) e.gzip = null;
          drop(key);
          entries.set(key, e);
          bytes += buf.length;
          const gz = gzip ? gzipped(e) : null;
          trim();
          if (!gz) return end.apply(res, args);
          res.setHeader('Content-Encoding', 'gzip');
          res.setHeader('Content-Length', gz.length);
          const finish = end as (this: Response, chunk?: Buffer) => Response;
          return res.req.method === 'HEAD' ? finish.call(res) : finish.call(res, gz);
        }) as End;
        return send(body);
      };
      return false;
    },
  };
}
