/**
 * The JSON of a committee's page (OpenAPI schema Organization): GET /organizations/:id.json, or
 * /gremien/:source/:name?format=json for a committee known only by name (or Accept: application/json).
 * Its queue — one page of QUEUE_PAGE_SIZE motions with their derived state, explanation and next
 * step, paginated with absolute links — its coming meetings with their agendas and the agenda check,
 * past meetings with their minutes, and members (elected members as the RIS lists them; no staff).
 */
import type { CommitteeRef, SequenceDay } from '../../db/queries-committee';
import type { MeetingFileView, MemberView } from '../../db/queries-meetings';
import type { loadCommitteeModel } from '../views/committee-view';
import { QUEUE_PAGE_SIZE } from '../views/committee-view';
import type { JsonLinks } from './links';
import { pageLinks } from './list-json';
import { committeeJson, meetingFileJson } from './meeting-json';
import { toDerivedJson } from './motion-json';
import { isHttpUrl } from '../helpers/safe-url';

type CommitteeModel = ReturnType<typeof loadCommitteeModel>;

export interface PastMeeting {
  id: number;
  name: string | null;
  date: string;
  start: string | null;
  room: string | null;
  cancelled: boolean;
  items: number;
  /** its own page was read: `items` counts its agenda (else the items whose own page was read) */
  agendaRead: boolean;
  /** its minutes (Niederschrift, Protokoll) among its own documents */
  minutes: MeetingFileView[];
}

export interface OrganizationJsonInput {
  committee: CommitteeRef;
  /** the past days its motions' Beratungsfolgen name without a meeting known (queries-committee.ts loadPastSequenceDays) */
  pastFromSequences: readonly SequenceDay[];
  kind: string | null;
  /** the day it ended, when that is past (a former faction) */
  endedOn: string | null;
  url: string | null;
  members: MemberView[];
  /** the staff view (queue, coming meetings); null for a faction */
  staff: CommitteeModel | null;
  past: PastMeeting[];
  page: number;
  /** the committee's JSON address (path) and the query of its queue page n */
  jsonPath: string;
  pageQuery: (n: number) => string;
}

function checkJson(c: CommitteeModel['queue'][number]['check']) {
  return c ? { flagged: c.flagged, blocking: c.blocking, label: c.label, messages: c.messages } : null;
}

function queueJson(staff: CommitteeModel, input: OrganizationJsonInput, links: JsonLinks) {
  const { committee } = input;
  return {
    pagination: { page: input.page, pageSize: QUEUE_PAGE_SIZE, total: staff.queueTotal, pages: staff.queuePages },
    links: pageLinks(links, input.jsonPath, input.page, staff.queuePages, input.pageQuery),
    items: staff.queue.map((q) => ({
      id: q.id,
      links: links.paper(q.id),
      source: { key: committee.sourceKey, name: committee.sourceName, demo: committee.isDemo },
      reference: q.reference,
      name: q.name,
      role: q.role,
      roleCode: q.roleCode,
      meetingDate: q.date,
      deadline: q.deadline,
      waitingSince: q.waitingSince,
      ...toDerivedJson(q.progress),
      check: checkJson(q.check),
    })),
  };
}

function comingJson(staff: CommitteeModel, links: JsonLinks) {
  return staff.coming.map((a) => ({
    meetingId: a.meetingId,
    links: a.meetingId != null ? links.meeting(a.meetingId) : null,
    date: a.date,
    start: a.start,
    name: a.name,
    room: a.room,
    cancelled: a.cancelled,
    published: a.published,
    flagged: a.flagged,
    hiddenItems: a.hidden,
    items: a.items.map((i) => ({
      number: i.number,
      name: i.name,
      paperId: i.paperId,
      paperReference: i.reference,
      links: i.paperId != null ? links.paper(i.paperId) : null,
      plannedOnly: i.plannedOnly,
      public: !i.nonPublic,
      check: checkJson(i.check),
    })),
  }));
}

export function toOrganizationJson(input: OrganizationJsonInput, links: JsonLinks, today: string) {
  const { committee, staff } = input;
  const org = committeeJson(links, committee.sourceKey, committee.name, committee.organizationId);
  const base = committee.organizationId != null ? `/organizations/${committee.organizationId}` : null;
  return {
    type: 'Organization' as const,
    id: committee.organizationId,
    today,
    links: {
      self: links.url(input.jsonPath, input.pageQuery(input.page)),
      html: org.links?.html ?? null,
      feed: base ? links.url(`${base}/feed.atom`) : null,
      calendar: base ? links.url(`${base}/calendar.ics`) : null,
      meetingsCsv: base ? links.url(`${base}/meetings.csv`) : null,
    },
    source: { key: committee.sourceKey, name: committee.sourceName, demo: committee.isDemo },
    name: committee.name,
    kind: input.kind,
    endedOn: input.endedOn,
    originalUrl: isHttpUrl(input.url) ? input.url : null,
    queue: staff ? queueJson(staff, input, links) : null,
    coming: staff ? comingJson(staff, links) : [],
    pastMeetings: input.past.map((m) => ({
      id: m.id, links: links.meeting(m.id), name: m.name, date: m.date, start: m.start, room: m.room, cancelled: m.cancelled, items: m.items, agendaRead: m.agendaRead,
      minutes: m.minutes.map(meetingFileJson),
    })),
    members: input.members.map((m) => ({ name: m.name, role: m.role, group: m.group })),
    pastFromSequences: input.pastFromSequences.map((d) => ({
      date: d.date, papers: d.papers.map((p) => ({ id: p.id, reference: p.reference, name: p.name, links: links.paper(p.id), result: p.result })),
    })),
  };
}
