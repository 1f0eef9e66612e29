/**
 * E-mail alerts on the web (README "E-mail alerts"); registered before the response cache, every answer no-store:
 *   POST /benachrichtigen                       subscribe (form token, same-origin, rate limits) → confirmation mail queued
 *   GET|POST /benachrichtigen/bestaetigen/:t    confirm (GET shows a button: link scanners do not confirm)
 *   GET|POST /benachrichtigen/abbestellen/:t    unsubscribe; POST is the RFC 8058 one-click target
 *   GET /benachrichtigen/verwalten/:t           the address's subscriptions; POST …/loeschen deletes the address
 *   GET /datenschutz                            what is stored, why, and how to delete it
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import {
  confirmSubscription, deleteAddress, loadManaged, subscribe, subscriptionByConfirmToken, unsubscribe,
} from '../../db/alerts-store';
import { searchMatchExpression } from '../../db/fts-query';
import { ALERT_KINDS, CADENCES, normaliseEmail, UNCONFIRMED_HOURS, type AlertKind, type Cadence } from '../../domain/alert-rules';
import { describeFollowed } from '../../alerts/subscription-label';
import { nowIso } from '../../util/clock';
import type { AppContext } from '../context';
import { HttpError } from '../http-error';
import { stmt } from '../../db/registry';

const BAD_LINK = 'Dieser Link ist ungültig oder abgelaufen. Unbestätigte Anmeldungen werden nach 48 Stunden gelöscht.';
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

/** RATSRADAR_SUBSCRIBE_LIMIT: subscribe requests per client and hour (default 10). */
export function subscribeLimitFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.RATSRADAR_SUBSCRIBE_LIMIT ?? 10);
  return Number.isInteger(n) && n > 0 ? n : 10;
}

function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

function field(body: unknown, name: string): string {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  if (typeof v !== 'string') return '';
  return v.trim();
}

function token(req: Request): string {
  const t = String(req.params.token ?? '');
  if (!TOKEN.test(t)) throw new HttpError(404, BAD_LINK);
  return t;
}

/** The POST comes from a page of this site: a browser's Origin / Sec-Fetch-Site say so when present. */
function sameOrigin(req: Request): boolean {
  const site = req.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.get('origin');
  if (!origin || origin === 'null') return origin !== 'null';
  try {
    return new URL(origin).host === req.get('host');
  } catch {
    return false;
  }
}

export function registerAlertRoutes(app: express.Express, ctx: AppContext): void {
  const page = (res: Response, status: number, model: Record<string, unknown>) =>
    res.status(status).type('html').send(ctx.render('alert-page', { today: ctx.today(), ...model }));
  app.get('/datenschutz', noStore, (_req, res) => {
    res.type('html').send(ctx.render('datenschutz', { title: 'Datenschutz', today: ctx.today(), alertsOn: ctx.alerts !== null, hours: UNCONFIRMED_HOURS }));
  });
  const alerts = ctx.alerts;
  if (!alerts) return; // no SMTP configured: no forms, no alert routes (they answer 404)
  const body = express.urlencoded({ extended: false, limit: '4kb', parameterLimit: 20 });
  const perClient = rateLimit({
    windowMs: 60 * 60_000,
    limit: subscribeLimitFromEnv(),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new HttpError(429, 'Zu viele Anmeldungen von Ihrem Anschluss. Bitte in einer Stunde erneut versuchen.')),
  });

  app.post('/benachrichtigen', noStore, perClient, body, (req, res) => {
    if (!sameOrigin(req) || !alerts.tokens.verify(field(req.body, 'token'), ctx.today())) {
      throw new HttpError(403, 'Das Formular ist abgelaufen. Bitte die Seite neu laden und erneut absenden.');
    }
    const email = normaliseEmail(field(req.body, 'email'));
    if (!email) throw new HttpError(400, 'Bitte eine gültige E-Mail-Adresse angeben.');
    const kind = field(req.body, 'art') as AlertKind;
    const cadence = (field(req.body, 'takt') || 'instant') as Cadence;
    const target = field(req.body, 'ziel');
    const city = field(req.body, 'stadt') || null;
    if (!ALERT_KINDS.includes(kind) || !CADENCES.includes(cadence) || !target || target.length > 200 || (city && city.length > 100)) {
      throw new HttpError(400, 'Diese Anmeldung ist unvollständig.');
    }
    const known = ctx.read(() => {
      if (city && stmt(ctx.sqlite, 'SELECT 1 FROM sources WHERE key = ?').pluck().get(city) !== 1) return false;
      if (kind === 'paper') return /^\d{1,15}$/.test(target) && stmt(ctx.sqlite, 'SELECT 1 FROM papers WHERE id = ?').pluck().get(Number(target)) === 1;
      if (kind === 'topic') return alerts.topics?.topics.some((t) => t.id === target) ?? false;
      if (kind === 'search') return searchMatchExpression(target) !== null;
      return true;
    });
    if (!known) throw new HttpError(404, 'Das, wofür Sie benachrichtigt werden möchten, gibt es hier nicht.');
    const outcome = subscribe(ctx.sqlite, { email, kind, target, city, cadence, now: nowIso(), from: alerts.config.from });
    if (outcome === 'limited') throw new HttpError(429, 'Für diese Adresse wurden heute schon genug Bestätigungen verschickt. Bitte morgen erneut versuchen.');
    if (outcome === 'queued') alerts.onQueued?.();
    const followed = describeFollowed(ctx.sqlite, alerts.topics, { kind, target, city });
    // the same answer whether or not the address was known: the page tells no one who subscribes to what
    page(res, 202, {
      title: 'Bitte bestätigen',
      message: `Wir haben eine E-Mail an ${email} geschickt (oder tun es gleich). Erst wenn Sie den Link darin bestätigen, erhalten Sie Nachrichten zu ${followed.label}.`,
      back: { href: followed.path, label: 'Zurück' },
    });
  });

  app.get('/benachrichtigen/bestaetigen/:token', noStore, (req, res) => {
    const sub = subscriptionByConfirmToken(ctx.sqlite, token(req));
    if (!sub) throw new HttpError(404, BAD_LINK);
    const followed = describeFollowed(ctx.sqlite, alerts.topics, sub);
    if (sub.confirmed) {
      page(res, 200, { title: 'Schon bestätigt', message: `Die Benachrichtigung zu ${followed.label} ist bereits bestätigt.`, manageHref: `/benachrichtigen/verwalten/${sub.manageToken}` });
      return;
    }
    page(res, 200, {
      title: 'Benachrichtigung bestätigen',
      message: `Sie möchten ${sub.cadence === 'daily' ? 'einmal täglich eine Zusammenfassung' : 'bei jeder Änderung eine E-Mail'} zu ${followed.label} erhalten.`,
      form: { action: req.originalUrl, button: 'Jetzt bestätigen' },
    });
  });

  app.post('/benachrichtigen/bestaetigen/:token', noStore, body, (req, res) => {
    const t = token(req);
    if (!confirmSubscription(ctx.sqlite, t, nowIso())) throw new HttpError(404, BAD_LINK);
    const sub = subscriptionByConfirmToken(ctx.sqlite, t)!;
    const followed = describeFollowed(ctx.sqlite, alerts.topics, sub);
    page(res, 200, {
      title: 'Bestätigt',
      message: `Danke. Sie erhalten ab jetzt ${sub.cadence === 'daily' ? 'einmal täglich eine Zusammenfassung' : 'eine E-Mail bei jeder Änderung'} zu ${followed.label}.`,
      manageHref: `/benachrichtigen/verwalten/${sub.manageToken}`,
      back: { href: followed.path, label: 'Zurück' },
    });
  });

  app.get('/benachrichtigen/abbestellen/:token', noStore, (req, res) => {
    const t = token(req);
    const exists = stmt(ctx.sqlite, 'SELECT 1 FROM alert_subscriptions WHERE unsubscribe_token = ?').pluck().get(t) === 1;
    if (!exists) throw new HttpError(404, 'Diese Benachrichtigung gibt es nicht (mehr).');
    page(res, 200, { title: 'Abbestellen', message: 'Möchten Sie diese Benachrichtigung abbestellen?', form: { action: req.originalUrl, button: 'Abbestellen' } });
  });

  // RFC 8058: mail programs POST "List-Unsubscribe=One-Click" here, without cookies or any other field
  app.post('/benachrichtigen/abbestellen/:token', noStore, body, (req, res) => {
    if (!unsubscribe(ctx.sqlite, token(req))) throw new HttpError(404, 'Diese Benachrichtigung gibt es nicht (mehr).');
    page(res, 200, { title: 'Abbestellt', message: 'Die Benachrichtigung ist abbestellt. Sie erhalten dazu keine E-Mails mehr.' });
  });

  app.get('/benachrichtigen/verwalten/:token', noStore, (req, res) => {
    const t = token(req);
    const managed = loadManaged(ctx.sqlite, t);
    if (!managed) throw new HttpError(404, 'Zu dieser Adresse sind keine Benachrichtigungen gespeichert.');
    const subscriptions = managed.subscriptions.map((s) => ({
      ...describeFollowed(ctx.sqlite, alerts.topics, s),
      cadenceLabel: s.cadence === 'daily' ? 'täglich' : 'sofort',
      confirmed: s.confirmed,
      unsubscribeAction: `/benachrichtigen/abbestellen/${s.unsubscribeToken}`,
    }));
    res.type('html').send(ctx.render('alert-manage', {
      title: 'Meine Benachrichtigungen', today: ctx.today(), email: managed.email, subscriptions, deleteAction: `/benachrichtigen/verwalten/${t}/loeschen`,
    }));
  });

  app.post('/benachrichtigen/verwalten/:token/loeschen', noStore, body, (req, res) => {
    if (deleteAddress(ctx.sqlite, { manageToken: token(req) }) === null) throw new HttpError(404, 'Zu dieser Adresse sind keine Benachrichtigungen gespeichert.');
    page(res, 200, { title: 'Gelöscht', message: 'Ihre Adresse und alle Benachrichtigungen sind gelöscht.' });
  });
}
