/**
 * Security headers (helmet) with a strict Content-Security-Policy. ratsradar's pages carry no
 * script at all and no inline style: everything but its own stylesheet and images is refused, and
 * no page may be framed, post forms elsewhere, or change its base URL.
 */
import helmet from 'helmet';
import type { RequestHandler } from 'express';

export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'none'"],
  'script-src': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'none'"],
  'object-src': ["'none'"],
  'form-action': ["'self'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // ratsradar serves plain HTTP on loopback by default; the TLS proxy in front of it sets HSTS
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'same-origin' },
    // feeds, calendars and CSV files are fetched by other programs; nothing here is embedded cross-origin
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
}
