/**
 * The headers every answer under /oparl/ carries in place of the pages' security headers
 * (src/server/security/headers.ts). OParl 1.1 ("Cross-Origin Resource Sharing"): a server MUST send
 * `Access-Control-Allow-Origin: *` with every JSON answer, so that web applications of other origins
 * can read the API. The pages' headers guard HTML documents (framing, opener, referrer, DNS prefetch,
 * the old IE and Flash switches, a CSP naming the stylesheet and images); an OParl answer is JSON and
 * never a document, so what it needs of them is that it is never sniffed as something else
 * (`X-Content-Type-Options: nosniff`) and, were a browser to show it, loads nothing and is framed by
 * nobody (`Content-Security-Policy: default-src 'none';frame-ancestors 'none'`). Fewer header lines
 * also cost every answer less: the server sets and writes them, every client parses them.
 */

/** The path prefix of the OParl API (src/server/oparl/router.ts is mounted at /oparl/v1.1). */
export const OPARL_PATH_PREFIX = '/oparl/';

export const OPARL_HEADERS: readonly (readonly [name: string, value: string])[] = [
  ['Access-Control-Allow-Origin', '*'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Content-Security-Policy', "default-src 'none';frame-ancestors 'none'"],
];
