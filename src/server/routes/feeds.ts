/**
 * Atom feeds, every one built from change events (src/db/queries-events.ts, one entry per event,
 * src/server/event-entries.ts): GET /papers/:id/feed.atom (the motion), /feed.atom (the start page's
 * list: a topic or every paper, with the same filters — city, state, committee, type, year, faction),
 * /suche/feed.atom?q= (a search), /organizations/:id/feed.atom (a committee: what happened there and
 * the new motions it will deliberate; a faction: what happened to the motions it filed).
 */
import type { Request, Response } from 'express';
import { organizationHeader } from '../../db/queries-calendar';
import { loadEvents, type EventFilter } from '../../db/queries-events';
import { UNKNOWN_COMMITTEE } from '../../domain/explain';
import { originatorHeading } from '../../domain/originators';
import type { Progress } from '../../domain/progress';
import { agendaSourceText, awaitingText, nextStepText } from '../../domain/step-texts';
import type { TopicSet } from '../../domain/topics';
import type { AppContext } from '../context';
import { ATOM_TAG, clipText, toAtom } from '../atom';
import { baseUrl } from '../base-url';
import { stampSeenAt } from '../data-stamp';
import { eventEntries, eventsUpdated } from '../event-entries';
import { HttpError } from '../http-error';
import { loadTopics } from '../topics-file';
import { toDate } from '../to-date';
import { factionNames, isFactionKind } from '../views/factions';
import { searchSpec } from '../views/list-data';
import { listQuery } from '../views/list-params';
import { listParamsOf } from './city-params';
import { parseId } from './ids';
import { paperOfRoute } from './paper-param';

export const FEED_SIZE = 50;
/** a motion's own feed: all its events, at most this many */
const PAPER_FEED_SIZE = 200;

function sendAtom(res: Response, xml: string): void {
  res.type('application/atom+xml; charset=utf-8').send(xml);
}

/** GET /papers/:id/feed.atom — the motion's change events, newest first. */
export function paperFeedRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const { id, stored, progress: pr } = paperOfRoute(ctx, req.params.id);
    const base = baseUrl(req);
    const page = `${base}/papers/${id}`;
    const p = stored.record;
    const title = clipText([p.reference, p.name].filter(Boolean).join(' – ') || 'Vorlage', 300);
    const events = loadEvents(ctx.sqlite, { paperId: id, limit: PAPER_FEED_SIZE });
    const updated = toDate(stored.meta.updatedAt) ?? new Date(0);
    sendAtom(res, toAtom({
      id: `${ATOM_TAG}paper/${id}/feed`,
      title: `${title} – ratsradar`,
      subtitle: `Stand: ${pr.label}. ${pr.explanation}${nextLine(pr)}`,
      link: page,
      self: `${page}/feed.atom`,
      updated: eventsUpdated(events, updated),
      entries: eventEntries(events, base, false),
    }));
  };
}

/** " Nächster Schritt: Rat der Stadt Musterstadt am 17.12.2026 (Entscheidung), laut Tagesordnung …" for the paper feed's subtitle. */
function nextLine(pr: Progress): string {
  const parts: string[] = [];
  // the awaited result, unless the explanation before it says so already ("In Beratung: Hauptausschuss, Sitzung am …, Ergebnis noch nicht veröffentlicht")
  if (pr.awaiting && !pr.explanation.includes(awaitingText(pr.awaiting))) parts.push(` ${pr.awaiting.organization ?? UNKNOWN_COMMITTEE}: ${awaitingText(pr.awaiting)}.`);
  if (pr.next) parts.push(` Nächster Schritt: ${nextStepText(pr.next)}${pr.next.agenda ? `, ${agendaSourceText(pr.next.agenda)}` : ''}.`);
  return parts.join('');
}

/** GET /feed.atom — the events of the start page's list (topic and filters as on /), newest first. */
export function listFeedRoute(ctx: AppContext) {
  const topics: TopicSet = loadTopics();
  return (req: Request, res: Response) => {
    const p = listParamsOf(ctx, req, topics, 'topic');
    const events = loadEvents(ctx.sqlite, { topic: p.topic, list: p.filters, limit: FEED_SIZE });
    const base = baseUrl(req);
    const qs = listQuery(p, {}, false);
    const label = p.filters.faction ? originatorHeading(p.filters.faction) : p.topic ? `Thema: ${p.topic.label}` : 'Alle Vorlagen';
    sendAtom(res, toAtom({
      id: `${ATOM_TAG}list/${qs}`,
      // the city a feed is filtered by is in its title: a reader lists several cities' feeds apart
      title: `${label}${p.cityName ? ` – ${p.cityName}` : ''} – ratsradar`,
      subtitle: p.topic?.description,
      link: `${base}/${qs ? `?${qs}` : ''}`,
      self: `${base}/feed.atom${qs ? `?${qs}` : ''}`,
      updated: eventsUpdated(events, stampSeenAt(ctx.sqlite)),
      entries: eventEntries(events, base, true),
    }));
  };
}

/** GET /suche/feed.atom?q= — the events of the motions the search finds, newest first. */
export function searchFeedRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const p = listParamsOf(ctx, req, null, 'search');
    if (!searchSpec(p, ctx.sqlite)) throw new HttpError(400, 'Bitte einen Suchbegriff angeben.');
    const events = loadEvents(ctx.sqlite, { search: p.q, list: p.filters, limit: FEED_SIZE });
    const base = baseUrl(req);
    const qs = listQuery(p, {}, false);
    sendAtom(res, toAtom({
      id: `${ATOM_TAG}search/${qs}`,
      title: `Suche „${p.q}“${p.cityName ? ` – ${p.cityName}` : ''} – ratsradar`,
      link: `${base}/suche?${qs}`,
      self: `${base}/suche/feed.atom?${qs}`,
      updated: eventsUpdated(events, stampSeenAt(ctx.sqlite)),
      entries: eventEntries(events, base, true),
    }));
  };
}

/** GET /organizations/:id/feed.atom — a committee's events (or a faction's motions' events), newest first. */
export function organizationFeedRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const id = parseId(req.params.id);
    const org = id === null ? null : organizationHeader(ctx.sqlite, id);
    if (!org || id === null) throw new HttpError(404, 'Dieses Gremium gibt es nicht.');
    const faction = isFactionKind(org.kind);
    const name = org.name ?? '';
    const filter: EventFilter = faction
      ? { faction: { sourceId: org.sourceId, name, names: factionNames(ctx.sqlite, org.sourceId, name) }, limit: FEED_SIZE }
      : { committee: { sourceId: org.sourceId, name }, limit: FEED_SIZE };
    const events = org.name ? loadEvents(ctx.sqlite, filter) : [];
    const base = baseUrl(req);
    sendAtom(res, toAtom({
      id: `${ATOM_TAG}organization/${id}/feed`,
      title: `${org.name ?? 'Gremium'} – ${org.sourceName} – ratsradar`,
      subtitle: faction ? `Neuigkeiten zu den Anträgen von ${org.name}` : `Neuigkeiten aus ${org.name ?? 'diesem Gremium'}`,
      link: `${base}/organizations/${id}`,
      self: `${base}/organizations/${id}/feed.atom`,
      updated: eventsUpdated(events, toDate(org.updatedAt) ?? new Date(0)),
      entries: eventEntries(events, base, true),
    }));
  };
}
