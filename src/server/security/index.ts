/**
 * The server's protections, installed by createApp: security headers, request limits, the rate
 * limit on search and feeds, and the admin routes behind their token (src/server/security/*.ts).
 */
import type express from 'express';
import { OPARL_HEADERS, OPARL_PATH_PREFIX } from '../oparl/headers';
import { securityHeaders } from './headers';
import { requestLimits } from './limits';
import { searchAndFeedLimiter } from './rate-limit';
import { adminRouter } from './admin';

export { clientErrors, endError, lastResortErrors } from './errors';

/** RATSRADAR_TRUST_PROXY: "true", a number of proxy hops, or addresses/subnets (Express's 'trust proxy'), so the rate limit sees clients, not the proxy. */
function trustProxy(text: string | undefined): boolean | number | string | null {
  if (!text) return null;
  if (text === 'true') return true;
  return /^\d+$/.test(text) ? Number(text) : text;
}

export function installSecurity(app: express.Express): void {
  const trust = trustProxy(process.env.RATSRADAR_TRUST_PROXY);
  if (trust !== null) app.set('trust proxy', trust);
  app.use(securityHeaders({ prefix: OPARL_PATH_PREFIX, headers: OPARL_HEADERS })); // the OParl API's own (oparl/headers.ts)
  app.use(requestLimits());
  app.use(searchAndFeedLimiter());
  app.use('/admin', adminRouter());
}
