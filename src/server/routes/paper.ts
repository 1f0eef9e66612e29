/** GET /papers/:id — a motion's timeline, its case and documents; /papers/:id.json (or Accept: application/json) — the same data as JSON (json/paper-json.ts). */
import type { Request, Response } from 'express';
import { loadPaper } from '../../db/queries';
import { documentStatesOfPaper } from '../../db/documents';
import { loadMinutesMentions } from '../../db/queries-minutes';
import { loadPaperAgenda } from '../../db/queries-agenda';
import { loadDecisionItems, loadRowLinks } from '../../db/queries-decisions';
import { loadPaperLinks } from '../../db/queries-meetings';
import { loadCaseCandidates, loadHistoryIfRecorded, loadLastChecked } from '../../db/queries-paper-page';
import { loadOriginatorContext } from '../../db/queries-originators';
import { groupCase, referenceStem } from '../../domain/case';
import { progress } from '../../domain/progress';
import type { AppContext } from '../context';
import { HttpError } from '../http-error';
import { jsonLinks } from '../json/links';
import { pageFormat, sendJson, splitJsonSuffix } from '../json/negotiate';
import { toPaperJsonView } from '../json/paper-json';
import { toPaperView } from '../views/paper-view';
import { alertForm } from '../alerts/alert-form';

export function paperRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const raw = String(req.params.id);
    const { idText, json: jsonPath } = splitJsonSuffix(raw);
    const asJson = jsonPath || pageFormat(req) === 'json';
    if (!/^[1-9]\d{0,14}$/.test(idText)) throw new HttpError(404, 'Diese Vorlage gibt es nicht.');
    const today = ctx.today();
    const page = ctx.read(() => {
      const stored = loadPaper(ctx.sqlite, Number(idText));
      if (!stored) throw new HttpError(404, 'Diese Vorlage gibt es nicht.');
      const agenda = loadPaperAgenda(ctx.sqlite, stored.meta.id);
      const pr = progress(stored.record, today, { agenda });
      const p = stored.record;
      const links = loadPaperLinks(ctx.sqlite, stored.meta.id, p.consultation.map((c) => c.organization));
      const decisionItems = loadDecisionItems(ctx.sqlite, [stored.meta.id]).get(stored.meta.id) ?? [];
      // the meetings of its Beratungsfolge, decisions and agendas, in that order (the JSON lists the minutes so)
      const meetingIds = [...new Set([...links.meetings.flat(), ...decisionItems.map((i) => i.meetingId), ...agenda.map((a) => a.meetingId)])]
        .filter((id): id is number => id != null);
      const minutes = loadMinutesMentions(ctx.sqlite, p.reference, meetingIds);
      if (asJson) return { stored, pr, json: { meetingIds, minutes }, extras: null };
      const stem = p.reference ? referenceStem(p.reference) : '';
      const candidates = loadCaseCandidates(ctx.sqlite, stored.meta.id, stem, p.reference, p.relatedReferences);
      const self = candidates.find((c) => c.id === stored.meta.id) ?? {
        id: stored.meta.id, reference: p.reference, name: p.name, state: pr.state, date: p.date, relatedReferences: p.relatedReferences,
      };
      const caseMembers = groupCase({ ...self, relatedReferences: p.relatedReferences }, candidates);
      const lastChecked = loadLastChecked(ctx.sqlite, stored.meta.id);
      const history = loadHistoryIfRecorded(ctx.sqlite, stored.meta.id);
      const originators = loadOriginatorContext(ctx.sqlite, stored.meta.sourceKey);
      const documents = documentStatesOfPaper(ctx.sqlite, stored.meta.id);
      const rowLinks = loadRowLinks(ctx.sqlite, [stored.meta.id]).get(stored.meta.id) ?? [];
      return { stored, pr, json: null, extras: { links, caseMembers, lastChecked, history, documents, decisionItems, rowLinks, originators, minutes } };
    });
    if (page.json) {
      sendJson(res, toPaperJsonView(page.stored, page.pr, today, jsonLinks(req), page.json));
      return;
    }
    res.type('html').send(ctx.render('paper', { ...toPaperView(page.stored, page.pr, today, page.extras), alertForm: alertForm(ctx, 'paper', page.stored.meta.id) }));
  };
}
