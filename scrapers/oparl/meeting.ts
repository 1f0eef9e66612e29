/**
 * OParl Meeting → MeetingRecord. Times are Europe/Berlin local; ALLRIS's `end` at the midnight after
 * the start is a placeholder and dropped. room / location come from an embedded Location, the status
 * from `meetingState`, the agenda from embedded AgendaItem objects, `cancelled: true` from OParl's `cancelled` or a `meetingState` that says so (as the HTML head's status). Pure.
 */
import type { ParseContext } from '../html/context';
import type { FileRef, MeetingRecord } from '../records';
import { oparlBase } from './base';
import { agendaEntry } from './agenda-item';
import { isNextMidnight, oparlDateTime } from './datetime';
import { embedded, embeddedList, fileUrl, firstId, firstName, oparlString, type OparlObject } from './quirks';
import { vendorDate, vendorString, vendorTime } from './ratsradar';
import { cancelledField, isCancelledText } from '../shared/cancelled';
import { filesField } from '../shared/document-forms';

/** "Rathaus, Markt 1, 12345 Stadt": the Location's description, else its address parts. */
function locationText(loc: OparlObject): string | null {
  const description = oparlString(loc.description);
  if (description) return description;
  const town = [oparlString(loc.postalCode), oparlString(loc.locality)].filter(Boolean).join(' ');
  const parts = [oparlString(loc.streetAddress), town].filter((s): s is string => !!s);
  return parts.length ? parts.join(', ') : null;
}

/** The meeting's documents, embedded ones only: the invitation, the results and verbatim protocols, the auxiliary files. */
function meetingFiles(m: OparlObject): FileRef[] {
  const out: FileRef[] = [];
  for (const f of [...embeddedList(m.invitation), ...embeddedList(m.resultsProtocol), ...embeddedList(m.verbatimProtocol), ...embeddedList(m.auxiliaryFile)]) {
    const url = fileUrl(f);
    const name = oparlString(f.name) ?? oparlString(f.fileName) ?? url;
    if (name) out.push({ name, url });
  }
  return out;
}

export function mapMeeting(m: OparlObject, ctx: ParseContext): MeetingRecord {
  const start = oparlDateTime(m.start);
  const endRaw = oparlDateTime(m.end);
  const end = endRaw && !isNextMidnight(start, endRaw) ? endRaw : null;
  const location = embedded(m.location);
  return {
    ...oparlBase(m, 'Meeting', ctx),
    name: oparlString(m.name),
    organization: firstName(m.organization) ?? vendorString(m, 'organization'),
    organizationSourceId: firstId(m.organization),
    date: start?.date ?? vendorDate(m, 'date'),
    start: start?.time ?? vendorTime(m, 'startTime'),
    end: end?.time ?? vendorTime(m, 'endTime'),
    // only in the hour that occurs twice (the night summer time ends): which of the two it was
    ...(start?.offset ? { startOffset: start.offset } : {}),
    ...(end?.offset ? { endOffset: end.offset } : {}),
    room: location ? oparlString(location.room) : null,
    location: location ? locationText(location) : null,
    statusText: oparlString(m.meetingState),
    agendaItem: embeddedList(m.agendaItem).map(agendaEntry),
    ...cancelledField(m.cancelled === true || isCancelledText(oparlString(m.meetingState))),
    ...filesField(meetingFiles(m)),
  };
}
