/**
 * GET /meetings/:id — date, time, place, committee, the agenda with results, each item linked to
 * its motion; for a coming meeting the agenda check of every motion on it; the documents known for
 * the meeting (those of the motions on its agenda). /meetings/:id.json (or Accept: application/json)
 * — the same as JSON (src/server/json/meeting-json.ts), every motion with its derived state.
 */
import type { Request, Response } from 'express';
import { loadMeeting, loadMeetingDocuments } from '../../db/queries-meetings';
import { loadProgressPapers, type ProgressPaper } from '../../db/queries-progress';
import { checkAgendaItem } from '../../domain/agenda-check';
import { progress, type Progress } from '../../domain/progress';
import type { AppContext } from '../app';
import { HttpError } from '../http-error';
import { jsonLinks } from '../json/links';
import { toMeetingJson } from '../json/meeting-json';
import { pageFormat, sendJson, splitJsonSuffix } from '../json/negotiate';
import { committeeHref } from '../views/committee-href';
import { parseId } from './ids';

function formatDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

const isHttp = (u: string | null): u is string => typeof u === 'string' && /^https?:\/\//i.test(u);

export function meetingRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const { idText, json: jsonPath } = splitJsonSuffix(req.params.id);
    const asJson = jsonPath || pageFormat(req) === 'json';
    const id = parseId(idText);
    const today = ctx.today();
    const { found, papers, documents } = ctx.read(() => {
      const found = id === null ? null : loadMeeting(ctx.sqlite, id);
      if (!found) throw new HttpError(404, 'Diese Sitzung gibt es nicht.');
      const future = found.meeting.date ? found.meeting.date >= today : false;
      // the agenda check of a coming meeting (and the JSON's derived states): every motion on it, read at once
      const papers = future || asJson ? loadProgressPapers(ctx.sqlite, found.items.map((i) => i.paperId).filter((x): x is number => x != null)) : new Map<number, ProgressPaper>();
      const documents = loadMeetingDocuments(ctx.sqlite, found.meeting.id).map((d) => ({ ...d, url: isHttp(d.url) ? d.url : null }));
      return { found, papers, documents };
    });
    const { meeting, items } = found;
    const future = meeting.date ? meeting.date >= today : false;
    const progressById = new Map<number, Progress>();
    for (const [pid, stored] of papers) progressById.set(pid, progress(stored.record, today, { agenda: stored.agenda }));
    const checkFor = (paperId: number | null) => {
      if (!future || paperId == null || !meeting.organization || !meeting.date) return null;
      const pr = progressById.get(paperId);
      if (!pr) return null;
      const c = checkAgendaItem(pr, { organization: meeting.organization, date: meeting.date });
      return c.flagged ? { blocking: c.severity === 'blocking', messages: c.issues.map((i) => i.message) } : null;
    };
    if (asJson) {
      sendJson(res, toMeetingJson({ meeting, items, documents, future, progress: progressById, check: checkFor }, jsonLinks(req), today));
      return;
    }
    const viewItems = items.map((i) => ({
      ...i,
      publicLabel: i.public === false ? 'N' : i.public === true ? 'Ö' : '',
      check: checkFor(i.paperId),
    }));
    res.type('html').send(
      ctx.render('meeting', {
        title: [meeting.name ?? meeting.organization ?? 'Sitzung', meeting.date ? formatDay(meeting.date) : null].filter(Boolean).join(' – '),
        today,
        meeting,
        committeeHref: committeeHref(meeting.sourceKey, meeting.organization, meeting.organizationId),
        originalUrl: isHttp(meeting.url) ? meeting.url : null,
        items: viewItems,
        hasItems: items.length > 0,
        flaggedCount: viewItems.filter((i) => i.check).length,
        documents,
        future,
      }),
    );
  };
}
