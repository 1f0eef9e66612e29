/**
 * GET /meetings/:id — date, time, place, committee, the agenda with results, votes and Beschluss texts,
 * each item linked to its motion, with the earlier stations of that motion and what became of them;
 * for a coming meeting the agenda check of every motion on it; the documents known for the meeting
 * (its own — Einladung, Niederschrift — and those of the motions on its agenda); the "Stand" line (when its data was read from the RIS).
 * /meetings/:id.json (or Accept: application/json) — the same as JSON (src/server/json/meeting-json.ts),
 * every motion with its derived state.
 */
import type { Request, Response } from 'express';
import { loadMeetingDataAsOf } from '../../db/queries-meeting-age';
import { loadFilesOfMeetings, loadMeetingDocuments } from '../../db/queries-meetings';
import { loadAgendaMinutes } from '../../db/queries-minutes';
import { deriveDataAge } from '../../domain/data-age';
import { formatGermanDate } from '../../domain/german-format';
import type { AppContext } from '../context';
import { HttpError } from '../http-error';
import { jsonLinks } from '../json/links';
import { toMeetingJson } from '../json/meeting-json';
import { pageFormat, sendJson, splitJsonSuffix } from '../json/negotiate';
import { committeeHref } from '../views/committee-href';
import { linkedDocument } from '../views/document-state';
import { isHttpUrl } from '../helpers/safe-url';
import { minutesView } from '../views/minutes-view';
import { loadMeetingAgenda } from '../views/meeting-view';
import { parseId } from './ids';

export function meetingRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const { idText, json: jsonPath } = splitJsonSuffix(req.params.id);
    const asJson = jsonPath || pageFormat(req) === 'json';
    const id = parseId(idText);
    const today = ctx.today();
    const { agenda, documents, files, minutes, dataAsOf } = ctx.read(() => {
      const agenda = id === null ? null : loadMeetingAgenda(ctx.sqlite, id, today);
      if (!agenda) throw new HttpError(404, 'Diese Sitzung gibt es nicht.');
      const documents = loadMeetingDocuments(ctx.sqlite, agenda.meeting.id, agenda.items)
        .map(linkedDocument);
      const files = (loadFilesOfMeetings(ctx.sqlite, [agenda.meeting.id]).get(agenda.meeting.id) ?? [])
        .map(linkedDocument);
      const minutes = loadAgendaMinutes(ctx.sqlite, agenda.meeting.id, agenda.items.map((i) => i.paperReference).filter((r): r is string => !!r));
      return { agenda, documents, files, minutes, dataAsOf: loadMeetingDataAsOf(ctx.sqlite, agenda.meeting.id) };
    });
    const { meeting, items, future } = agenda;
    if (asJson) {
      const checks = new Map(items.filter((i) => i.paperId != null && i.checkStatus != null).map((i) => [i.paperId as number, {
        flagged: i.check != null, blocking: i.check?.blocking ?? false, label: i.checkStatus as string, messages: i.check?.messages ?? [],
      }]));
      sendJson(res, toMeetingJson({ meeting, items, documents, files, future, progress: agenda.progress, fromSequences: agenda.fromSequences, check: (paperId) => (paperId == null ? null : (checks.get(paperId) ?? null)), minutes }, jsonLinks(req), today));
      return;
    }
    const age = deriveDataAge({ today, dataAsOf, heldDates: [] });
    res.type('html').send(
      ctx.render('meeting', {
        title: [meeting.name ?? meeting.organization ?? 'Sitzung', meeting.date ? formatGermanDate(meeting.date) : null].filter(Boolean).join(' – '),
        today,
        meeting,
        committeeHref: committeeHref(meeting.sourceKey, meeting.organization, meeting.organizationId),
        originalUrl: isHttpUrl(meeting.url) ? meeting.url : null,
        items: items.map((i) => ({ ...i, minutes: minutesView(i.paperReference ? minutes.get(i.paperReference) : undefined) })),
        hasItems: items.length > 0,
        feedKind: meeting.date ? 'meeting' : 'meeting-undated',
        fromSequences: agenda.fromSequences,
        flaggedCount: items.filter((i) => i.check).length,
        documents,
        files,
        future,
        stand: { text: `${age.stamp}; ausgewertet am ${formatGermanDate(today)}`, dataAsOf },
      }),
    );
  };
}
