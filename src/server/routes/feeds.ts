/**
 * Atom feeds: GET /papers/:id/feed.atom (the motion's timeline events), /feed.atom (the start page's
 * list: a topic or every paper, with the same filters), /suche/feed.atom?q= (a search) and
 * /organizations/:id/feed.atom (the committee's meetings).
 */
import crypto from 'node:crypto';
import type { Request, Response } from 'express';
import { meetingsOfOrganization, organizationHeader } from '../../db/queries-calendar';
import { loadPaper } from '../../db/queries';
import { loadPaperAgenda } from '../../db/queries-agenda';
import { loadPaperLinks } from '../../db/queries-meetings';
import type { ListRow } from '../../db/queries-lists';
import { UNKNOWN_COMMITTEE } from '../../domain/explain';
import { progress, type Progress } from '../../domain/progress';
import { agendaSourceText, awaitingText, nextStepText } from '../../domain/step-texts';
import type { TopicSet } from '../../domain/topics';
import { berlinToUtc } from '../../util/berlin-time';
import type { AppContext } from '../app';
import { ATOM_TAG, clipText, newest, toAtom, type AtomEntry } from '../atom';
import { baseUrl } from '../base-url';
import { HttpError } from '../http-error';
import { loadTopics } from '../topics-file';
import { dayDe as dateDe, toDate } from '../to-date';
import { loadPage, searchSpec, topicSpec } from '../views/list-data';
import { listQuery, parseListParams } from '../views/list-params';
import { stateLabel } from '../views/list-view';
import { parseId } from './ids';

export const FEED_SIZE = 50;

function sendAtom(res: Response, xml: string): void {
  res.type('application/atom+xml; charset=utf-8').send(xml);
}

const shortHash = (text: string) => crypto.createHash('sha1').update(text).digest('hex').slice(0, 10);

/** GET /papers/:id/feed.atom */
export function paperFeedRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const id = parseId(req.params.id);
    const stored = id === null ? null : loadPaper(ctx.sqlite, id);
    if (!stored || id === null) throw new HttpError(404, 'Diese Vorlage gibt es nicht.');
    const today = ctx.today();
    const pr = progress(stored.record, today, { agenda: loadPaperAgenda(ctx.sqlite, id) });
    const base = baseUrl(req);
    const page = `${base}/papers/${id}`;
    const links = loadPaperLinks(ctx.sqlite, id, stored.record.consultation.map((c) => c.organization));
    const p = stored.record;
    // clipped once here: every entry's summary repeats it
    const title = clipText([p.reference, p.name].filter(Boolean).join(' – ') || 'Vorlage', 300);
    const entries: AtomEntry[] = [];
    pr.stations.forEach((s, i) => {
      s.meetings.forEach((m, j) => {
        if (!m.date) return;
        const when = toDate(m.date);
        if (!when) return;
        const station = `${s.organization ?? UNKNOWN_COMMITTEE}${s.role ? ` (${s.role})` : ''}`;
        const what = m.future ? `geplant am ${dateDe(m.date)}` : (m.result ?? `Sitzung am ${dateDe(m.date)}, Ergebnis noch nicht veröffentlicht`);
        const agenda = m.agenda ? ` Laut Tagesordnung der Sitzung vom ${dateDe(m.agenda.date)}.` : '';
        const meetingId = links.meetings[i]?.[j] ?? m.agenda?.meetingId ?? null;
        entries.push({
          id: `${ATOM_TAG}paper/${id}/meeting/${m.date}/${shortHash(`${s.organization}|${s.role}|${j}`)}`,
          title: `${station}: ${what}`,
          link: meetingId ? `${base}/meetings/${meetingId}` : page,
          updated: when,
          summary: `${title}. ${m.name ? `${m.name}, ` : ''}${dateDe(m.date)}${m.future ? ' (geplant)' : ''}${m.result ? `: ${m.result}` : ''}.${agenda}`,
        });
      });
    });
    const paperDate = toDate(p.date) ?? toDate(stored.meta.firstSeenAt);
    if (paperDate) {
      entries.push({ id: `${ATOM_TAG}paper/${id}`, title: `Vorlage: ${title}`, link: page, updated: paperDate, summary: `${p.paperType ?? 'Vorlage'} ${title}, ${stored.meta.sourceName}.` });
    }
    entries.sort((a, b) => b.updated.getTime() - a.updated.getTime());
    const now = toDate(stored.meta.updatedAt) ?? new Date(0);
    const endOfToday = berlinToUtc(today, '23:59') ?? now;
    sendAtom(res, toAtom({
      id: `${ATOM_TAG}paper/${id}/feed`,
      title: `${title} – ratsradar`,
      subtitle: `Stand: ${pr.label}. ${pr.explanation}${nextLine(pr)}`,
      link: page,
      self: `${page}/feed.atom`,
      updated: newest([now, ...entries.filter((e) => e.updated <= endOfToday).map((e) => e.updated)], now),
      entries: entries.slice(0, 200),
    }));
  };
}

/** " Nächster Schritt: Rat der Stadt Musterstadt am 17.12.2026 (Entscheidung), laut Tagesordnung …" for the paper feed's subtitle. */
function nextLine(pr: Progress): string {
  const parts: string[] = [];
  if (pr.awaiting) parts.push(` ${pr.awaiting.organization ?? UNKNOWN_COMMITTEE}: ${awaitingText(pr.awaiting)}.`);
  if (pr.next) parts.push(` Nächster Schritt: ${nextStepText(pr.next)}${pr.next.agenda ? `, ${agendaSourceText(pr.next.agenda)}` : ''}.`);
  return parts.join('');
}

function listEntries(rows: ListRow[], base: string): AtomEntry[] {
  return rows.map((r) => {
    const next = r.nextOrganization ? ` Nächster Schritt: ${nextStepText({ organization: r.nextOrganization, role: r.nextRole, date: r.nextDate })}.` : '';
    return {
      id: `${ATOM_TAG}paper/${r.id}`,
      title: [r.reference, r.name].filter(Boolean).join(' ') || 'Vorlage',
      link: `${base}/papers/${r.id}`,
      updated: toDate(r.updatedAt) ?? new Date(0),
      published: toDate(r.firstSeenAt) ?? undefined,
      summary: `${r.sourceName}${r.paperType ? `, ${r.paperType}` : ''}. Status: ${stateLabel(r.state)}.${r.currentOrganization ? ` Aktuell: ${r.currentOrganization}.` : ''}${next}${r.lastActivity ? ` Letzte Aktivität: ${dateDe(r.lastActivity)}.` : ''}`,
    };
  });
}

/** GET /feed.atom — the start page's list (topic and filters as on /), newest activity first. */
export function listFeedRoute(ctx: AppContext) {
  const topics: TopicSet = loadTopics();
  return (req: Request, res: Response) => {
    const p = parseListParams(req, topics, 'topic');
    const { rows } = loadPage(ctx.sqlite, topicSpec(p), FEED_SIZE, 0);
    const base = baseUrl(req);
    const qs = listQuery(p, {}, false);
    const label = p.topic ? `Thema: ${p.topic.label}` : 'Alle Vorlagen';
    sendAtom(res, toAtom({
      id: `${ATOM_TAG}list/${qs}`,
      title: `${label} – ratsradar`,
      subtitle: p.topic?.description,
      link: `${base}/${qs ? `?${qs}` : ''}`,
      self: `${base}/feed.atom${qs ? `?${qs}` : ''}`,
      updated: newest(rows.map((r) => toDate(r.updatedAt)), new Date(0)),
      entries: listEntries(rows, base),
    }));
  };
}

/** GET /suche/feed.atom?q= — the search's matches, in the search's order. */
export function searchFeedRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const p = parseListParams(req, null, 'search');
    const spec = searchSpec(p, ctx.sqlite);
    if (!spec) throw new HttpError(400, 'Bitte einen Suchbegriff angeben.');
    const { rows } = loadPage(ctx.sqlite, spec, FEED_SIZE, 0);
    const base = baseUrl(req);
    const qs = listQuery(p, {}, false);
    sendAtom(res, toAtom({
      id: `${ATOM_TAG}search/${qs}`,
      title: `Suche „${p.q}“ – ratsradar`,
      link: `${base}/suche?${qs}`,
      self: `${base}/suche/feed.atom?${qs}`,
      updated: newest(rows.map((r) => toDate(r.updatedAt)), new Date(0)),
      entries: listEntries(rows, base),
    }));
  };
}

/** GET /organizations/:id/feed.atom — the committee's latest 50 meetings (coming ones included), newest first. */
export function organizationFeedRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const id = parseId(req.params.id);
    const org = id === null ? null : organizationHeader(ctx.sqlite, id);
    if (!org || id === null) throw new HttpError(404, 'Dieses Gremium gibt es nicht.');
    const today = ctx.today();
    const meetings = meetingsOfOrganization(ctx.sqlite, id, '0000-01-01', FEED_SIZE);
    const base = baseUrl(req);
    const entries: AtomEntry[] = meetings.map((m) => ({
      id: `${ATOM_TAG}meeting/${m.id}`,
      title: `${dateDe(m.date)}${m.start ? `, ${m.start} Uhr` : ''}: ${m.name ?? m.organization ?? 'Sitzung'}`,
      link: `${base}/meetings/${m.id}`,
      updated: toDate(m.updatedAt) ?? new Date(0),
      published: toDate(m.date) ?? undefined,
      summary: `${m.date >= today ? 'Kommende Sitzung' : 'Sitzung'} am ${dateDe(m.date)}${m.start ? ` um ${m.start} Uhr` : ''}${m.room ? `, ${m.room}` : ''}${m.items ? `; ${m.items} Tagesordnungspunkte` : ''}.`,
    }));
    sendAtom(res, toAtom({
      id: `${ATOM_TAG}organization/${id}/feed`,
      title: `${org.name ?? 'Gremium'} – ${org.sourceName} – ratsradar`,
      subtitle: `Sitzungen von ${org.name ?? 'diesem Gremium'}`,
      link: `${base}/organizations/${id}`,
      self: `${base}/organizations/${id}/feed.atom`,
      updated: newest([toDate(org.updatedAt), ...entries.map((e) => e.updated)], new Date(0)),
      entries,
    }));
  };
}
