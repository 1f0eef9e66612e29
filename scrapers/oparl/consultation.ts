/**
 * OParl Consultation (embedded in a Paper) → one station of the Beratungsfolge. OParl has no station
 * status; a consultation that names a meeting or an agenda item gives one meeting row, with the
 * meeting's date and name and the agenda item's result where those objects are embedded. Pure.
 */
import { classifyResult, classifyRole, cleanResultText } from '../shared/codes';
import type { ConsultationMeetingRecord, ConsultationRecord } from '../records';
import { oparlDate } from './datetime';
import { embedded, embeddedList, firstId, firstName, idOf, isObject, oparlString, type OparlObject } from './quirks';

function meetingRow(c: OparlObject): ConsultationMeetingRecord | null {
  const agendaItem = isObject(c.agendaItem) ? c.agendaItem : null;
  const meetingRef = c.meeting ?? agendaItem?.meeting;
  const meetingSourceId = idOf(meetingRef);
  const agendaItemSourceId = idOf(c.agendaItem);
  if (!meetingSourceId && !agendaItemSourceId) return null;
  const meeting = embedded(meetingRef);
  const result = cleanResultText(oparlString(agendaItem?.result));
  return {
    date: oparlDate(meeting?.start),
    name: oparlString(meeting?.name),
    meetingSourceId,
    agendaItemSourceId,
    result,
    resultCode: classifyResult(result),
  };
}

export function mapConsultation(c: OparlObject): ConsultationRecord {
  const role = oparlString(c.role);
  const row = meetingRow(c);
  const organization = firstName(c.organization);
  // the id of the Organization the name is from, else of the first one named (by URL: OParl's usual form)
  const organizationSourceId = organization != null
    ? idOf(embeddedList(c.organization).find((o) => oparlString(o.name) === organization))
    : firstId(c.organization);
  // `authoritative: true` is the decision (ALLRIS sets it for every Entscheidung, ALLRIS-NOTES §5): it
  // settles a station whose role is missing or a word of its own; a role the rules know stays as it is
  const code = classifyRole(role);
  return {
    // the import names a station from the Organization with this id once it has it (src/db/station-names.ts)
    organization,
    ...(organizationSourceId ? { organizationSourceId } : {}),
    role,
    roleCode: c.authoritative === true && (code === null || code === 'other') ? 'decision' : code,
    stationStatus: null,
    meetings: row ? [row] : [],
  };
}
