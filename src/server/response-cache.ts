/**
 * Rendered answers kept per ETag. The ETag (src/server/http-cache.ts) already names everything an
 * answer depends on — the build, the data stamp, the day and the URL with scheme and host — so an
 * answer rendered once is sent again as it is, until a row changes or the day does; then the stamp
 * in the key changes and the whole cache is dropped. Only 200 answers are kept (not redirects or
 * errors), at most MAX_ENTRIES and MAX_BYTES of bodies, least recently used out first.
 */
import type { Response } from 'express';

const MAX_ENTRIES = 2000;
const MAX_BYTES = 48 * 1024 * 1024;

interface Entry {
  contentType: string | undefined;
  disposition: string | undefined;
  body: Buffer;
}

export interface ResponseCache {
  /** Sends the kept answer for `key` and returns true, or returns false (and keeps what the route sends under `key`). */
  serve(res: Response, key: string, generation: string): boolean;
}

const header = (res: Response, name: string): string | undefined => {
  const v = res.getHeader(name);
  return typeof v === 'string' ? v : undefined;
};

export function createResponseCache(maxEntries = MAX_ENTRIES, maxBytes = MAX_BYTES): ResponseCache {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let current = '';
  const drop = (key: string) => {
    const e = entries.get(key);
    if (!e) return;
    bytes -= e.body.length;
    entries.delete(key);
  };
  return {
    serve(res, key, generation) {
      if (generation !== current) {
        entries.clear();
        bytes = 0;
        current = generation;
      }
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        if (hit.contentType) res.setHeader('Content-Type', hit.contentType);
        if (hit.disposition) res.setHeader('Content-Disposition', hit.disposition);
        res.status(200).send(hit.body);
        return true;
      }
      const send = res.send.bind(res);
      res.send = (body?: unknown) => {
        res.send = send;
        const out = send(body);
        if (res.statusCode === 200 && generation === current && (typeof body === 'string' || Buffer.isBuffer(body))) {
          const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
          if (buf.length <= maxBytes / 8) {
            drop(key);
            entries.set(key, { contentType: header(res, 'Content-Type'), disposition: header(res, 'Content-Disposition'), body: buf });
            bytes += buf.length;
            for (const k of entries.keys()) {
              if (entries.size <= maxEntries && bytes <= maxBytes) break;
              drop(k);
            }
          }
        }
        return out;
      };
      return false;
    },
  };
}
