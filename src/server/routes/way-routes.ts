/** Registers the ways in: cities (/staedte), committees (/gremien), the meeting calendar (/sitzungen), and the English paths that lead to them. */
import type express from 'express';
import type { Request, Response } from 'express';
import type { AppContext } from '../context';
import { cityRoute, citiesRoute } from './cities';
import { committeesOfSourceRedirect, committeesRoute } from './committees';
import { meetingIcsRoute, meetingsRedirect, sitzungenIcsRoute, sitzungenRoute } from './sitzungen';

const redirectTo = (to: string) => (_req: Request, res: Response) => res.redirect(301, to);

export function registerWayRoutes(app: express.Express, ctx: AppContext): void {
  // each page also as JSON: the .json address, ?format=json or Accept: application/json
  app.get(['/staedte', '/staedte.json'], citiesRoute(ctx));
  app.get('/staedte/:key', cityRoute(ctx));
  app.get(['/gremien', '/gremien.json'], committeesRoute(ctx));
  app.get('/gremien/:source', committeesOfSourceRedirect());
  app.get(['/sitzungen', '/sitzungen.json'], sitzungenRoute(ctx));
  app.get('/sitzungen.ics', sitzungenIcsRoute(ctx));
  app.get('/meetings/:id/calendar.ics', meetingIcsRoute(ctx));
  app.get('/meetings', meetingsRedirect());
  app.get('/organizations', redirectTo('/gremien'));
  app.get('/cities', redirectTo('/staedte'));
  app.get('/sources', redirectTo('/staedte'));
}
