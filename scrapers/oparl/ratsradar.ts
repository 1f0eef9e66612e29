/**
 * Quirk: ratsradar's own OParl server (src/server/oparl, README "OParl 1.1"). OParl names a
 * consultation's meeting, committee and result only by URL, and has no field for a station of the
 * Beratungsfolge with several meetings, for its status as the RIS shows it, or for the names the RIS
 * gives where OParl wants URLs; ratsradar writes those as `ratsradar:` vendor properties. Read here
 * where the standard fields say nothing, so that ratsradar reading ratsradar gets the same records
 * back. Pure.
 */
import type { ConsultationMeetingRecord, ConsultationRecord } from '../records';
import { classifyResult, classifyRole, cleanResultText } from '../shared/codes';
import { oparlDate } from './datetime';
import { asList, firstName, idOf, oparlBoolean, oparlString, oparlUrl, type OparlObject } from './quirks';

const key = (name: string) => `ratsradar:${name}`;

export function vendorString(o: OparlObject | null | undefined, name: string): string | null {
  return o ? oparlString(o[key(name)]) : null;
}

export function vendorStrings(o: OparlObject, name: string): string[] {
  const out: string[] = [];
  for (const v of asList(o[key(name)])) {
    const s = oparlString(v);
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

export function vendorBoolean(o: OparlObject, name: string): boolean | null {
  return oparlBoolean(o[key(name)]);
}

export function vendorUrl(o: OparlObject | null | undefined, name: string): string | null {
  return o ? oparlUrl(o[key(name)]) : null;
}

export function vendorDate(o: OparlObject, name: string): string | null {
  return oparlDate(o[key(name)]);
}

/** A wall-clock time "HH:MM", or null. */
export function vendorTime(o: OparlObject, name: string): string | null {
  const s = vendorString(o, name);
  return s && /^([01]\d|2[0-3]):[0-5]\d$/.test(s) ? s : null;
}

const count = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null);

function meetingRow(c: OparlObject): ConsultationMeetingRecord {
  const result = cleanResultText(vendorString(c, 'result'));
  return {
    date: vendorDate(c, 'meetingDate'),
    name: vendorString(c, 'meetingName'),
    meetingSourceId: idOf(c.meeting),
    agendaItemSourceId: idOf(c.agendaItem),
    result,
    resultCode: classifyResult(result),
  };
}

/**
 * Consultations that carry `ratsradar:station` → the Beratungsfolge: one station per station number
 * (in order), one meeting row per consultation with a `ratsradar:row`. Null when they carry none.
 */
export function vendorStations(consultations: OparlObject[]): ConsultationRecord[] | null {
  if (!consultations.length || !consultations.every((c) => count(c[key('station')]) !== null)) return null;
  const out: ConsultationRecord[] = [];
  let last: number | null = null;
  for (const c of consultations) {
    const station = count(c[key('station')]);
    if (station !== last) {
      const role = oparlString(c.role);
      out.push({
        organization: vendorString(c, 'organization') ?? firstName(c.organization),
        role, roleCode: classifyRole(role), stationStatus: vendorString(c, 'stationStatus'), meetings: [],
      });
      last = station;
    }
    if (count(c[key('row')]) !== null) out[out.length - 1].meetings.push(meetingRow(c));
  }
  return out;
}

/** A File whose accessUrl is only the page that offers the document (`ratsradar:accessUrlIsPage`): no address of its own. */
export function isPageStandIn(f: OparlObject): boolean {
  return vendorBoolean(f, 'accessUrlIsPage') === true;
}
