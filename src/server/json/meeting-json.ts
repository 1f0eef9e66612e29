/**
 * The JSON of a meeting (OpenAPI schema Meeting): GET /meetings/:id.json (or Accept: application/json).
 * Date, time, place, committee, the agenda with results; every motion on it with its derived state,
 * explanation and next step, and for a coming meeting the agenda check; its own documents (files) and those
 * of the motions on its agenda (documents); where its minutes name a motion of its agenda (agendaItem[].minutes).
 */
import type { AgendaItemView, MeetingDocumentView, MeetingFileView, MeetingView, SequenceRowView } from '../../db/queries-meetings';
import type { MinutesMention } from '../../db/queries-minutes';
import type { ProgressSummary } from '../../domain/progress-summary';
import { committeeHref } from '../views/committee-href';
import { linkedDocument } from '../views/document-state';
import { isHttpUrl } from '../helpers/safe-url';
import type { JsonLinks } from './links';
import { minutesJson } from './minutes-json';
import { toDerivedJson } from './motion-json';

/** The agenda check of a coming meeting's item, as the committee JSON gives it: flagged or not, its verdict and messages. */
export interface AgendaCheckJson {
  flagged: boolean;
  blocking: boolean;
  /** "bereit", "Vorstation offen" or "Vorstation ausstehend", as the page and the CSV say */
  label: string;
  messages: string[];
}

export interface MeetingJsonInput {
  meeting: MeetingView;
  items: AgendaItemView[];
  documents: MeetingDocumentView[];
  /** the meeting's own documents (Einladung, Niederschrift …) */
  files: MeetingFileView[];
  future: boolean;
  /** what the JSON names of progress() of the motions on the agenda, by paper id */
  progress: Map<number, ProgressSummary>;
  /** the agenda check of an item's motion (coming meetings only: "bereit" too), null for a past meeting or an item without a motion */
  check: (paperId: number | null) => AgendaCheckJson | null;
  /** the meeting's minutes that name a motion, by its reference number (src/db/queries-minutes.ts loadAgendaMinutes) */
  minutes: ReadonlyMap<string, MinutesMention[]>;
  /** the motions whose Beratungsfolge names the meeting and no known agenda item does (views/meeting-view.ts) */
  fromSequences: readonly SequenceRowView[];
}

/** The committee a meeting, queue or motion names: its name, id and links where its page is known. */
export function committeeJson(links: JsonLinks, sourceKey: string, name: string | null, organizationId: number | null) {
  const href = committeeHref(sourceKey, name, organizationId);
  return {
    name,
    id: organizationId,
    links: href ? { self: organizationId != null ? links.organization(organizationId).self : null, html: links.url(href) } : null,
  };
}

/** A meeting's date, times, place and status as the RIS shows them. */
export function meetingWhenWhere<M extends Pick<MeetingView, 'start' | 'end' | 'room' | 'location' | 'statusText'> & { date: string | null }>(m: M) {
  return { date: m.date as M['date'], start: m.start, end: m.end, room: m.room, location: m.location, statusText: m.statusText };
}

/** A meeting's own document (Einladung, Niederschrift …): its link and what became of ratsradar's fetch. */
export function meetingFileJson(f: MeetingFileView) {
  const { url, state } = linkedDocument(f);
  return { name: f.name, url, document: state?.kind ?? null, pages: state ? (f.pageCount ?? null) : null };
}

export function toMeetingJson(input: MeetingJsonInput, links: JsonLinks, today: string) {
  const { meeting: m } = input;
  return {
    type: 'Meeting' as const,
    id: m.id,
    today,
    links: { ...links.meeting(m.id), agendaCsv: links.url(`/meetings/${m.id}/agenda.csv`) },
    source: { key: m.sourceKey, name: m.sourceName, demo: m.isDemo },
    sourceId: m.externalId,
    originalUrl: isHttpUrl(m.url) ? m.url : null,
    name: m.name,
    organization: committeeJson(links, m.sourceKey, m.organization, m.organizationId),
    ...meetingWhenWhere(m),
    cancelled: m.cancelled,
    agendaRead: m.agendaRead,
    future: input.future,
    updatedAt: m.updatedAt,
    agendaItem: input.items.map((i) => {
      const pr = i.paperId != null ? input.progress.get(i.paperId) : undefined;
      return {
        id: i.id,
        number: i.number,
        public: i.public,
        supplement: i.supplement,
        note: i.note,
        name: i.name,
        paperReference: i.paperReference,
        paper: i.paperId != null && pr
          ? { id: i.paperId, reference: i.paperReference, name: i.paperName, links: links.paper(i.paperId), ...toDerivedJson(pr) }
          : null,
        result: i.result,
        resultCode: i.resultCode,
        // what the meeting page shows beside the result: the vote, the decision's text, the RIS's status of it
        decision: { vote: i.decision.voteText, text: i.decision.decisionText, status: i.decision.statusText },
        originalUrl: isHttpUrl(i.url) ? i.url : null,
        check: input.check(i.paperId),
        minutes: minutesJson(i.paperReference ? input.minutes.get(i.paperReference) : null),
      };
    }),
    files: input.files.map(meetingFileJson),
    documents: input.documents.map((d) => ({
      agendaItemId: d.itemId,
      number: d.number,
      paperId: d.paperId,
      reference: d.reference,
      name: d.name,
      url: isHttpUrl(d.url) ? d.url : null,
    })),
    fromSequences: input.fromSequences.map((r) => ({ id: r.paperId, reference: r.reference, name: r.name, links: links.paper(r.paperId), role: r.role, result: r.result })),
  };
}
