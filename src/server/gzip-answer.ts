/**
 * Content-Encoding: gzip for the answers the response cache keeps (src/server/response-cache.ts). A
 * client that accepts gzip (browsers, Python requests — Meine Stadt Transparent's importer —, the OParl
 * validator, `curl --compressed`, ratsradar's own fetcher) gets the gzip of the very bytes an identity
 * client gets; the gzip is made once per kept answer and sent again from the cache. Only text answers
 * of at least GZIP_MIN_BYTES are compressed (below that the header costs more than it saves), and only
 * when the gzip is smaller.
 */
import zlib from 'node:zlib';
import type { Request } from 'express';

/** Answers shorter than this are sent as they are. */
export const GZIP_MIN_BYTES = 1024;

/**
 * The level by size. The gzip is made on the request that renders the answer (or the first hit of a gzip
 * client), so its time is that request's. Below 64 KiB (motion, meeting and start pages, OParl objects)
 * level 1 is 2–3× faster than 6 for a few per cent more bytes (a 10 KiB motion page: 0.17 ms for 3.1 KiB
 * against 0.44 ms for 2.9 KiB); above, every byte saved is worth it, since the answer is made once and
 * sent again from the cache many times, each time paid per byte by the server's socket and the client:
 * level 9 (an OParl list page of 476 KiB: 4 ms for 24.0 KiB, against 3 ms for 25.9 KiB at level 6 and
 * 1.7 ms for 39 KiB at level 1).
 */
const LARGE = 64 * 1024;
const levelFor = (length: number) => (length < LARGE ? 1 : 9);

/** HTML, JSON (OParl), CSV, Atom/RSS, iCalendar, XML, JavaScript, CSS, SVG — not PDFs or images. */
const TEXTUAL = /^\s*(text\/|application\/(json|xml|javascript|[\w.-]+\+(json|xml))\s*(;|$)|image\/svg\+xml)/i;

/** Whether a 200 answer of this type, encoding and length is worth compressing. */
export function compressible(contentType: string | undefined, contentEncoding: string | undefined, length: number): boolean {
  return length >= GZIP_MIN_BYTES && contentEncoding === undefined && contentType !== undefined && TEXTUAL.test(contentType);
}

/** The gzip of `body`, or null when it is not smaller. */
export function gzipOf(body: Buffer): Buffer | null {
  const gz = zlib.gzipSync(body, { level: levelFor(body.length) });
  return gz.length < body.length ? gz : null;
}

const Q = /;\s*q\s*=\s*([\d.]+)/i;

/**
 * Whether the request's Accept-Encoding takes gzip: `gzip` with q > 0, or else `*` with q > 0 (RFC 9110
 * 12.5.3); without the header, identity only. (A loop of its own: express's negotiator took 2.4 µs a
 * request, this some 0.3.)
 */
export function acceptsGzip(req: Request): boolean {
  const header = req.headers['accept-encoding'];
  if (!header) return false;
  let star = false;
  for (const part of header.split(',')) {
    const semi = part.indexOf(';');
    const name = (semi < 0 ? part : part.slice(0, semi)).trim().toLowerCase();
    if (name !== 'gzip' && name !== '*') continue;
    const q = semi < 0 ? null : Q.exec(part.slice(semi));
    const ok = q === null || Number(q[1]) > 0;
    if (name === 'gzip') return ok;
    star = ok;
  }
  return star;
}
