/** GET /meetings/:id — date, time, place, committee, the agenda with results, each item linked to its motion. */
import type { Request, Response } from 'express';
import { loadMeeting } from '../../db/queries-meetings';
import type { AppContext } from '../app';
import { HttpError } from '../http-error';
import { parseId } from './ids';

export function meetingRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const id = parseId(req.params.id);
    const found = id === null ? null : loadMeeting(ctx.sqlite, id);
    if (!found) throw new HttpError(404, 'Diese Sitzung gibt es nicht.');
    const { meeting, items } = found;
    res.type('html').send(
      ctx.render('meeting', {
        title: [meeting.name ?? meeting.organization ?? 'Sitzung', meeting.date ? formatDay(meeting.date) : null].filter(Boolean).join(' – '),
        today: ctx.today(),
        meeting,
        originalUrl: meeting.url && /^https?:\/\//i.test(meeting.url) ? meeting.url : null,
        items: items.map((i) => ({ ...i, publicLabel: i.public === false ? 'N' : i.public === true ? 'Ö' : '' })),
        hasItems: items.length > 0,
        future: meeting.date ? meeting.date >= ctx.today() : false,
      }),
    );
  };
}

function formatDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
