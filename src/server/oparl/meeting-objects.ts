/**
 * Meeting rows → OParl 1.1 Meetings with their Location and AgendaItems embedded; agenda item rows →
 * AgendaItems. Times are Berlin wall-clock times stored as seen, written as UTC instants (the UTC
 * offset kept where the hour occurs twice). OParl's AgendaItem names its paper only through its
 * Consultation; `ratsradar:paper` names it directly (and `ratsradar:paperReference` the reference the
 * agenda shows), as does `ratsradar:vote` the vote where the minutes give one, and `ratsradar:decisionStatus`
 * the RIS's status of the decision ({ text, date }) where it tracks one.
 */
import {
  loadItemConsultations, loadOparlMeetingItems, type OparlAgendaItemRow, type OparlMeetingRow,
} from '../../db/queries-oparl-entities';
import { loadFilesOfMeetings, type MeetingFileView } from '../../db/queries-meetings';
import { localToUtc } from '../../util/berlin-time';
import { decisionTextOf } from '../../domain/decisions';
import { isMinutesName, isVerbatimMinutesName } from '../../domain/minutes';
import type { TextSection } from '../../../scrapers/records';
import { compact, deletedObject, isHttp, times, VENDOR, type OparlContext, type OparlJson } from './context';
import { consultationKey, meetingFileKey, typeUrl } from './urls';

const V = (name: string) => `${VENDOR}${name}`;

function instant(date: string | null, time: string | null, offset: string | null): string | null {
  if (!date || !time) return null;
  const d = localToUtc(date, time, offset);
  return d ? d.toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
}

/** The end: on the start's day, or the day after when it is earlier than the start (a meeting past midnight). */
function meetingEnd(m: OparlMeetingRow): string | null {
  const start = instant(m.date, m.start, m.start_offset);
  const end = instant(m.date, m.end, m.end_offset);
  if (!start || !end || end >= start) return end;
  return new Date(Date.parse(end) + 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The decision text only, as the pages show it (domain/decisions.ts): an ALLRIS item's Beschluss sections, an OParl
 * item's resolutionText — never a protocol section ("Protokoll", "Wortprotokoll"), which names staff and speakers.
 */
function resolutionText(text: string | null, provenance: string | null): string | null {
  if (!text) return null;
  const fromOparl = provenance != null && (JSON.parse(provenance) as Record<string, string>).text === 'oparl';
  return decisionTextOf(JSON.parse(text) as TextSection[], fromOparl);
}

type ItemConsultations = ReturnType<typeof loadItemConsultations>;

function agendaItemObject(c: OparlContext, a: OparlAgendaItemRow, consultations: ItemConsultations, embedded: boolean): OparlJson {
  const id = c.urls.object(c.source.key, 'AgendaItem', a.entity_key);
  const cons = consultations.get(a.id);
  const t = times(a.created, a.updated_at);
  if (a.url && c.gone.has(a.url)) return deletedObject(id, typeUrl('AgendaItem'), t);
  return compact({
    id, type: typeUrl('AgendaItem'),
    meeting: a.meeting_key && !embedded ? c.urls.object(c.source.key, 'Meeting', a.meeting_key) : null,
    number: a.number, order: a.position ?? 0, name: a.name, public: a.public === null ? null : a.public === 1,
    consultation: cons ? c.urls.object(c.source.key, 'Consultation', consultationKey(cons.paperKey, cons.station, cons.row)) : null,
    result: a.result, resolutionText: resolutionText(a.text, a.provenance),
    ...t,
    web: a.meeting_id ? c.urls.web(`/meetings/${a.meeting_id}`) : null,
    [V('paper')]: a.paper_key ? c.urls.object(c.source.key, 'Paper', a.paper_key) : null,
    [V('paperReference')]: a.paper_reference,
    [V('resultCode')]: a.result_code,
    // a count the minutes do not give is left out, as every property without information is
    [V('vote')]: a.vote ? compact(JSON.parse(a.vote) as OparlJson) : null,
    [V('decisionStatus')]: a.decision_status ? compact(JSON.parse(a.decision_status) as OparlJson) : null,
    [V('originalUrl')]: isHttp(a.url) ? a.url : null,
  });
}

/**
 * AgendaItems; embedded in their Meeting (`embedded`) without the back-reference `meeting`, which OParl 1.1
 * asks for only where the AgendaItem is fetched on its own.
 */
export function agendaItemObjects(c: OparlContext, items: OparlAgendaItemRow[], embedded = false): OparlJson[] {
  const consultations = loadItemConsultations(c.sqlite, items.map((a) => a.id));
  return items.map((a) => agendaItemObject(c, a, consultations, embedded));
}

/**
 * A meeting's place as an OParl Location (at its own id, named after the meeting), or null when none is
 * known. Embedded in its Meeting (`embedded`) without the back-reference `meetings` (OParl 1.1: given only
 * where the Location is not embedded).
 */
export function locationObject(c: OparlContext, m: OparlMeetingRow, embedded = false): OparlJson | null {
  if (!m.room && !m.location) return null;
  return compact({
    id: c.urls.object(c.source.key, 'Location', m.entity_key), type: typeUrl('Location'),
    description: m.location, room: m.room, meetings: embedded ? null : [c.urls.object(c.source.key, 'Meeting', m.entity_key)],
    ...times(m.created, m.updated_at),
  });
}

/**
 * A meeting's own document as an OParl File. Its address is the RIS's; one only a form posts stands in by
 * the meeting's page in the RIS (`ratsradar:accessUrlIsPage`), else by ratsradar's. Embedded in its Meeting
 * (`embedded`) without the back-reference `meeting`.
 */
export function meetingFileObject(c: OparlContext, m: OparlMeetingRow, f: MeetingFileView, position: number, embedded = false): OparlJson {
  const accessUrl = isHttp(f.url) ? f.url : isHttp(m.url) ? m.url : c.urls.web(`/meetings/${m.id}`);
  return compact({
    type: typeUrl('File'), ...times(m.created, m.updated_at),
    id: c.urls.object(c.source.key, 'File', meetingFileKey(m.entity_key, position)), name: f.name,
    // what ratsradar fetched at the address, where it kept it
    mimeType: f.mimeType ?? null, size: f.size ?? null, accessUrl,
    meeting: embedded ? null : [c.urls.object(c.source.key, 'Meeting', m.entity_key)],
    [V('accessUrlIsPage')]: isHttp(f.url) ? null : true,
    [V('sha256')]: f.contentHash ?? null,
  });
}

/** The meetings' own documents as Files, by meeting id (a document's position: its place in the meeting's list). */
export function meetingFilesOf(c: OparlContext, meetings: OparlMeetingRow[], embedded = false): Map<number, OparlJson[]> {
  const files = loadFilesOfMeetings(c.sqlite, meetings.map((m) => m.id));
  return new Map(meetings.filter((m) => files.has(m.id)).map((m) => [m.id, files.get(m.id)!.map((f, i) => meetingFileObject(c, m, f, i, embedded))]));
}

/**
 * Which of OParl's Meeting properties a document is, by its name: the first "Einladung" the invitation
 * (else the first agenda, "Tagesordnung" / "TO", as ALLRIS's OParl names it), the first "Wortprotokoll" the
 * verbatim protocol, the first other minutes ("Niederschrift", "Protokoll", "NIE": domain/minutes.ts) the results protocol; every other one
 * (and any second of a kind) an auxiliary file.
 */
function fileRoles(names: string[]): ('invitation' | 'resultsProtocol' | 'verbatimProtocol' | 'auxiliaryFile')[] {
  const first = (re: RegExp) => names.findIndex((n) => re.test(n));
  const verbatim = names.findIndex(isVerbatimMinutesName);
  const results = names.findIndex((n, i) => i !== verbatim && isMinutesName(n));
  const einladung = first(/einladung/i);
  const invitation = einladung >= 0 ? einladung : names.findIndex((n, i) => i !== verbatim && i !== results && /[Tt]agesordnung|\bTO\b/.test(n));
  return names.map((_, i) => (i === invitation ? 'invitation' : i === verbatim ? 'verbatimProtocol' : i === results ? 'resultsProtocol' : 'auxiliaryFile'));
}

function filesByRole(files: OparlJson[]) {
  const roles = fileRoles(files.map((f) => String(f.name ?? '')));
  const one = (role: string) => files.find((_, i) => roles[i] === role) ?? null;
  const aux = files.filter((_, i) => roles[i] === 'auxiliaryFile');
  return { invitation: one('invitation'), resultsProtocol: one('resultsProtocol'), verbatimProtocol: one('verbatimProtocol'), auxiliaryFile: aux.length ? aux : null };
}

export function meetingObjects(c: OparlContext, meetings: OparlMeetingRow[]): OparlJson[] {
  const items = c.omitInternal ? [] : loadOparlMeetingItems(c.sqlite, meetings.map((m) => m.id));
  const files = c.omitInternal ? new Map<number, OparlJson[]>() : meetingFilesOf(c, meetings, true);
  const objects = agendaItemObjects(c, items, true);
  const byMeeting = new Map<number, OparlJson[]>();
  items.forEach((a, i) => {
    const l = byMeeting.get(a.meeting_id!) ?? [];
    l.push(objects[i]);
    byMeeting.set(a.meeting_id!, l);
  });
  return meetings.map((m) => {
    const id = c.urls.object(c.source.key, 'Meeting', m.entity_key);
    const t = times(m.created, m.updated_at);
    if (m.url && c.gone.has(m.url)) return deletedObject(id, typeUrl('Meeting'), t);
    return compact({
      id, type: typeUrl('Meeting'), name: m.name, meetingState: m.status_text,
      // OParl's own flag, where the RIS marks the meeting as cancelled (absent otherwise, as OParl allows)
      cancelled: m.cancelled === 1 ? true : null,
      start: instant(m.date, m.start, m.start_offset), end: meetingEnd(m),
      location: c.omitInternal ? null : locationObject(c, m, true),
      organization: m.org_key ? [c.urls.object(c.source.key, 'Organization', m.org_key)] : null,
      ...filesByRole(files.get(m.id) ?? []),
      agendaItem: c.omitInternal ? null : (byMeeting.get(m.id) ?? []),
      ...t,
      web: c.urls.web(`/meetings/${m.id}`),
      [V('date')]: m.date,
      // a time the RIS shows without a date is no OParl date-time
      [V('startTime')]: m.date ? null : m.start,
      [V('endTime')]: m.date ? null : m.end,
      [V('organization')]: m.organization,
      [V('originalUrl')]: isHttp(m.url) ? m.url : null,
      // known from a calendar row or an agenda item's own page only: `agendaItem` holds those items, not its agenda
      [V('agendaRead')]: m.agenda_read === 1 ? null : false,
    });
  });
}
