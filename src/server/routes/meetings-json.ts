/** GET /organizations/:id/meetings.json — a committee's meetings, newest first, paged (json/meeting-list-json.ts); ?seite=N. */
import type { Request, Response } from 'express';
import { meetingsOfOrganization, organizationHeader } from '../../db/queries-calendar';
import type { AppContext } from '../context';
import { HttpError } from '../http-error';
import { jsonLinks } from '../json/links';
import { MEETINGS_PAGE_SIZE, meetingsOfPage, toMeetingListJson } from '../json/meeting-list-json';
import { withMinutes } from '../../db/queries-meetings';
import { sendJson } from '../json/negotiate';
import { parsePageParam } from '../views/list-params';
import { CSV_MAX_ROWS } from './csv';
import { parseId } from './ids';

export function organizationMeetingsJsonRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const page = parsePageParam(req.query as Record<string, unknown>);
    const id = parseId(req.params.id);
    const loaded = ctx.read(() => {
      const org = id === null ? null : organizationHeader(ctx.sqlite, id);
      if (!org || id === null) throw new HttpError(404, 'Dieses Gremium gibt es nicht.');
      // the same meetings as meetings.csv (all known, newest first, at most CSV_MAX_ROWS); the minutes of the page's
      const meetings = meetingsOfOrganization(ctx.sqlite, id, '0000-01-01', CSV_MAX_ROWS);
      const minutes = new Map(withMinutes(ctx.sqlite, meetingsOfPage(meetings, page)).map((m) => [m.id, m.minutes]));
      return { org, meetings, minutes };
    });
    if (page > 1 && (page - 1) * MEETINGS_PAGE_SIZE >= loaded.meetings.length) throw new HttpError(404, 'Diese Seite gibt es nicht.');
    const organization = { id: loaded.org.id, name: loaded.org.name, sourceName: loaded.org.sourceName };
    sendJson(res, toMeetingListJson({ organization, meetings: loaded.meetings, page, minutes: loaded.minutes }, jsonLinks(req), ctx.today()));
  };
}
