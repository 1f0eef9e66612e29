/**
 * GET /gremien?stadt=KEY — the committees of every city, or of one: members count, next meeting,
 * queue length, each linked to its page. /organizations, /gremien/:source and /cities redirect here.
 * Also as JSON: /gremien.json, ?format=json or Accept: application/json (json/committee-list-json.ts).
 */
import type { Request, Response } from 'express';
import { loadCities } from '../../db/queries-cities';
import type { AppContext } from '../context';
import { toCommitteeListJson } from '../json/committee-list-json';
import { jsonLinks } from '../json/links';
import { pageFormat, sendJson } from '../json/negotiate';
import { loadCommitteeList } from '../views/committee-list-view';
import { cityParam } from './city-params';

export function committeesRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const today = ctx.today();
    const json = req.path.endsWith('.json') || pageFormat(req) === 'json';
    const model = ctx.read(() => {
      const cities = loadCities(ctx.sqlite);
      const city = cityParam(ctx, req, cities);
      const shown = city ? [city] : cities;
      return {
        title: city ? `Gremien – ${city.name}` : 'Gremien',
        nav: 'gremien',
        today,
        city,
        /** the page's city filter as a query string without "?", for its JSON link */
        query: city ? `stadt=${encodeURIComponent(city.key)}` : '',
        options: cities.map((c) => ({ value: c.key, label: c.name, selected: c.key === city?.key })),
        groups: shown.map((c) => ({ city: c, href: `/staedte/${encodeURIComponent(c.key)}`, committees: loadCommitteeList(ctx.sqlite, c, today) })),
      };
    });
    if (json) {
      sendJson(res, toCommitteeListJson({ today, city: model.city, groups: model.groups }, jsonLinks(req)));
      return;
    }
    res.type('html').send(ctx.render('committees', model));
  };
}

/** GET /gremien/:source → the committees of that city. */
export function committeesOfSourceRedirect() {
  return (req: Request, res: Response) => {
    res.redirect(301, `/gremien?stadt=${encodeURIComponent(String(req.params.source ?? ''))}`);
  };
}
