/**
 * CSV of every list view: GET /vorlagen.csv (= /?format=csv: the start page's list with its topic,
 * filters and sort), /suche.csv (= /suche?format=csv), /organizations/:id/meetings.csv (a
 * committee's meetings) and /meetings/:id/agenda.csv (a meeting's agenda). Paper lists are exported
 * whole, up to CSV_MAX_ROWS rows, not page by page.
 */
import type { Request, Response } from 'express';
import { meetingsOfOrganization, organizationHeader } from '../../db/queries-calendar';
import type { ListRow, ListSpec } from '../../db/queries-lists';
import { listPage } from '../../db/queries-lists';
import type { TopicSet } from '../../domain/topics';
import type { AppContext } from '../context';
import { baseUrl } from '../base-url';
import { sendCsv, type CsvValue } from '../csv-output';
import { HttpError } from '../http-error';
import { loadTopics } from '../topics-file';
import { searchSpec, topicSpec } from '../views/list-data';
import { listParamsOf } from './city-params';
import { stateLabel } from '../views/list-view';
import { parseId } from './ids';
import { DECISION_HEADER, loadDecisionColumns, type DecisionColumns } from '../views/decision-columns';
import { loadMeetingAgenda } from '../views/meeting-view';
import { loadAgendaMinutes, type MinutesMention } from '../../db/queries-minutes';
import { withMinutes } from '../../db/queries-meetings';
import { isHttpUrl } from '../helpers/safe-url';

/** "Niederschrift öffent. Teil: S. 1, 3" for each of a meeting's minutes that name the motion, " | " between them. */
const minutesCell = (mentions: readonly MinutesMention[] | undefined): string | null =>
  mentions?.length ? mentions.map((d) => `${d.name}: S. ${d.pages.join(', ')}`).join(' | ') : null;

export const CSV_MAX_ROWS = 5000;

const PAPER_HEADER = [
  'Vorlage', 'Betreff', 'Stadt', 'Art', 'Datum', 'Status', 'Aktuelle Station', 'Nächste Station', 'Rolle', 'Nächster Termin',
  'Letzte Aktivität', 'Demo', 'Link', ...DECISION_HEADER,
];

function paperRecords(rows: ListRow[], base: string, decisions: Map<number, DecisionColumns>): CsvValue[][] {
  return rows.map((r) => {
    const d = decisions.get(r.id);
    return [
      r.reference, r.name, r.sourceName, r.paperType, r.date, stateLabel(r.state), r.currentOrganization, r.nextOrganization,
      r.nextRole, r.nextDate, r.lastActivity, r.isDemo ? 'ja' : 'nein', `${base}/papers/${r.id}`,
      d?.decision, d?.organization, d?.date, d?.vote, d?.originators, d?.risUrl,
    ];
  });
}

/** Sends a whole paper list (in its sort order, at most CSV_MAX_ROWS) as CSV, with each paper's decision. */
export function sendPaperCsv(ctx: AppContext, req: Request, res: Response, spec: ListSpec, filename: string): void {
  const today = ctx.today();
  const { rows, decisions } = ctx.read(() => {
    const { rows } = listPage(ctx.sqlite, spec, CSV_MAX_ROWS, 0);
    return { rows, decisions: loadDecisionColumns(ctx.sqlite, rows.map((r) => r.id), today) };
  });
  sendCsv(res, filename, PAPER_HEADER, paperRecords(rows, baseUrl(req), decisions));
}

/** GET /vorlagen.csv — the start page's list. */
export function listCsvRoute(ctx: AppContext) {
  const topics: TopicSet = loadTopics();
  return (req: Request, res: Response) => {
    const p = listParamsOf(ctx, req, topics, 'topic');
    sendPaperCsv(ctx, req, res, topicSpec(p), `ratsradar-${p.topic?.id ?? 'alle'}.csv`);
  };
}

/** GET /suche.csv?q= — the search's matches. */
export function searchCsvRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const spec = searchSpec(listParamsOf(ctx, req, null, 'search'), ctx.sqlite);
    if (!spec) throw new HttpError(400, 'Bitte einen Suchbegriff angeben.');
    sendPaperCsv(ctx, req, res, spec, 'ratsradar-suche.csv');
  };
}

/** GET /organizations/:id/meetings.csv — the committee's meetings (all known, newest first, at most CSV_MAX_ROWS), with their minutes' addresses. */
export function organizationMeetingsCsvRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const id = parseId(req.params.id);
    const org = id === null ? null : organizationHeader(ctx.sqlite, id);
    if (!org || id === null) throw new HttpError(404, 'Dieses Gremium gibt es nicht.');
    const base = baseUrl(req);
    const meetings = ctx.read(() => withMinutes(ctx.sqlite, meetingsOfOrganization(ctx.sqlite, id, '0000-01-01', CSV_MAX_ROWS)));
    const rows = meetings.map((m): CsvValue[] => [
      m.date, m.start, m.end, m.name, m.organization, m.room, m.location, m.statusText, m.items, `${base}/meetings/${m.id}`,
      // the minutes' addresses in the RIS, " | " between them
      m.minutes.map((f) => f.url).filter(isHttpUrl).join(' | ') || null,
    ]);
    sendCsv(res, `ratsradar-gremium-${id}-sitzungen.csv`, ['Datum', 'Beginn', 'Ende', 'Sitzung', 'Gremium', 'Raum', 'Ort', 'Status', 'Tagesordnungspunkte', 'Link', 'Niederschrift'], rows);
  };
}

/**
 * GET /meetings/:id/agenda.csv — the meeting's agenda items with results, votes, the agenda check (coming meetings), the earlier
 * stations and where the meeting's minutes name the item's motion.
 */
export function meetingAgendaCsvRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const id = parseId(req.params.id);
    const today = ctx.today();
    const found = id === null ? null : ctx.read(() => {
      const agenda = loadMeetingAgenda(ctx.sqlite, id, today);
      return agenda && { ...agenda, minutes: loadAgendaMinutes(ctx.sqlite, id, agenda.items.map((i) => i.paperReference).filter((r): r is string => !!r)) };
    });
    if (!found || id === null) throw new HttpError(404, 'Diese Sitzung gibt es nicht.');
    const base = baseUrl(req);
    const rows = found.items.map((i): CsvValue[] => [
      i.number, i.public === false ? 'nichtöffentlich' : i.public === true ? 'öffentlich' : null, i.name, i.paperReference,
      i.result, i.paperId ? `${base}/papers/${i.paperId}` : null, i.decision.voteText, i.decision.decisionText, i.checkStatus,
      i.check ? i.check.messages.join(' | ') : null, i.earlier.map((e) => e.text).join(' | ') || null,
      minutesCell(i.paperReference ? found.minutes.get(i.paperReference) : undefined), i.supplement ? 'ja' : null,
    ]);
    sendCsv(res, `ratsradar-sitzung-${id}-tagesordnung.csv`, [
      'TOP', 'Öffentlichkeit', 'Gegenstand', 'Vorlage', 'Ergebnis', 'Link zur Vorlage', 'Abstimmung', 'Beschluss', 'Agenda-Check',
      'Offene Vorstationen', 'Bisherige Beratung', 'Genannt in der Niederschrift', 'Nachtrag',
    ], rows);
  };
}
