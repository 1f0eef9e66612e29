/**
 * OParl Consultation (embedded in a Paper) → one station of the Beratungsfolge. OParl has no station
 * status; a consultation that names a meeting or an agenda item gives one meeting row, with the
 * meeting's date and name and the agenda item's result where those objects are embedded. Pure.
 */
import { classifyResult, classifyRole, cleanResultText } from '../shared/codes';
import type { ConsultationMeetingRecord, ConsultationRecord } from '../records';
import { oparlDate } from './datetime';
import { embedded, firstName, idOf, isObject, oparlString, type OparlObject } from './quirks';

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
  return {
    organization: firstName(c.organization),
    role,
    roleCode: classifyRole(role),
    stationStatus: null,
    meetings: row ? [row] : [],
  };
}
