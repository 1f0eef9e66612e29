/**
 * Registers the JSON routes that are not a page's own path with `.json` (those — /papers/:id.json,
 * /meetings/:id.json, /organizations/:id.json — are answered by the page's route): the paper lists
 * /vorlagen.json and /suche.json, a committee's meetings (the data of its feed and calendar) and
 * /openapi.json, the OpenAPI 3.1 document describing every JSON answer.
 */
import type express from 'express';
import type { AppContext } from '../context';
import { jsonLinks } from '../json/links';
import { sendJson } from '../json/negotiate';
import { openApiDocument } from '../json/openapi';
import { listJsonRoute, searchJsonRoute } from './list-json';
import { organizationMeetingsJsonRoute } from './meetings-json';

export function registerJsonRoutes(app: express.Express, ctx: AppContext): void {
  app.get('/vorlagen.json', listJsonRoute(ctx));
  app.get('/suche.json', searchJsonRoute(ctx));
  app.get('/organizations/:id/meetings.json', organizationMeetingsJsonRoute(ctx));
  app.get('/openapi.json', (req, res) => sendJson(res, openApiDocument(jsonLinks(req).base)));
}
