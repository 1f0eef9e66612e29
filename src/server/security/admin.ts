/**
 * The admin guard: everything that changes state (start a scrape, add a source) sits behind it.
 * It needs RATSRADAR_ADMIN_TOKEN (at least 16 characters) from the environment, sent as
 * `Authorization: Bearer <token>`. Without a configured token every admin route answers 404: the
 * admin side is off. A wrong or missing token gets 401. Tokens are compared in constant time.
 *
 * Mount state-changing routes on adminRouter(): POST /admin/ping proves the guard (204).
 */
import crypto from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import { HttpError } from '../http-error';

export const MIN_TOKEN_LENGTH = 16;

function digest(text: string): Buffer {
  return crypto.createHash('sha256').update(text, 'utf8').digest();
}

/** The configured token, or null when the admin side is off (none set, or too short to be a secret). */
export function adminTokenFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  const token = env.RATSRADAR_ADMIN_TOKEN?.trim();
  return token && token.length >= MIN_TOKEN_LENGTH ? token : null;
}

export function requireAdmin(token: string | null): express.RequestHandler {
  const expected = token === null ? null : digest(token);
  return (req: Request, res: Response, next: NextFunction) => {
    if (expected === null) return next(new HttpError(404, 'Diese Seite gibt es nicht.'));
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!m || !crypto.timingSafeEqual(digest(m[1]), expected)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="ratsradar admin"');
      return next(new HttpError(401, 'Anmeldung erforderlich.'));
    }
    next();
  };
}

/** The router for state-changing routes under /admin: every request passes the guard first. */
export function adminRouter(token: string | null = adminTokenFromEnv()): express.Router {
  const router = express.Router();
  router.use(requireAdmin(token));
  router.use(express.urlencoded({ extended: false, limit: '16kb' }));
  router.use(express.json({ limit: '16kb' }));
  router.post('/ping', (_req, res) => {
    res.status(204).end();
  });
  return router;
}
