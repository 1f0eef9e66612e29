/**
 * Agendas feed the motion: the published agenda items (to010/to020, OParl AgendaItem) that name a
 * paper are merged into its Beratungsfolge before progress() reads it. ALLRIS publishes the agenda
 * days or weeks before the paper's own page shows the date, so without this a motion that is on
 * next week's agenda would still say "noch ohne Termin". Pure: no clock, no I/O.
 *
 * RULES (items in date order; items without a date or of a cancelled meeting are left out)
 *  1. Already known: a station of the item's committee (any station when the item names none) has
 *     a row on the item's date → nothing is added; where that row has no result and the item has
 *     one, the row takes the item's result (marked as coming from the agenda).
 *  2. Dates a planned station: the first station of the item's committee, in page order, that has
 *     no row on or after the item's date, no closing result, and either no dated row at all or a
 *     last past row that holds it (vertagt, nicht behandelt), and is not shown "Erledigt" or
 *     "Gestoppt" → the item becomes a new row of that station, marked as coming from the agenda.
 *     Rows at a cancelled meeting without a result do not count here (stations.ts calledOff).
 *  3. Otherwise a planned step is added after the last station: the item's committee with no role,
 *     marked as coming from the agenda (`fromAgenda`); later items of that committee add their rows
 *     to it. Such a step never decides the paper, and never makes an earlier station "skipped".
 * Station and row indexes of the page's own Beratungsfolge are kept (rows and steps are appended).
 */
import type { ConsultationRecord } from '../../scrapers/records';
import type { ResultCode } from '../../scrapers/shared/codes';
import { sameCommittee } from './queue';
import { calledOff, CLOSING_RESULTS, HOLDING_RESULTS, readStationStatus } from './stations';
import type { AgendaConsultation, AgendaMeetingRow, AgendaSource, PaperAgendaItem } from './agenda-types';

export type { AgendaConsultation, AgendaMeetingRow, AgendaSource, PaperAgendaItem } from './agenda-types';


const source = (i: PaperAgendaItem): AgendaSource => ({ date: i.date as string, meetingId: i.meetingId, number: i.number });

function toRow(i: PaperAgendaItem): AgendaMeetingRow {
  return {
    date: i.date,
    name: i.meetingName,
    meetingSourceId: i.meetingSourceId,
    agendaItemSourceId: i.agendaItemSourceId,
    result: i.resultCode && i.resultCode !== 'open' ? i.result : null,
    resultCode: i.resultCode ?? 'open',
    agenda: source(i),
  };
}

const ofCommittee = (c: AgendaConsultation, org: string | null) => org == null || sameCommittee(c.organization, org);

/** A station of the page that the item can date (rule 2). */
function datable(c: AgendaConsultation, date: string): boolean {
  if (readStationStatus(c.stationStatus) === 'done' || readStationStatus(c.stationStatus) === 'stopped') return false;
  // a row at a cancelled meeting holds no date of the station's: the item may date it anew
  const rows = c.meetings.filter((m) => !calledOff(m));
  if (rows.some((m) => m.date != null && m.date >= date)) return false;
  if (rows.some((m) => CLOSING_RESULTS.has(m.resultCode))) return false;
  const dated = rows.filter((m) => m.date != null);
  if (!dated.length) return true;
  return HOLDING_RESULTS.has(dated[dated.length - 1].resultCode);
}

/** The Beratungsfolge with the paper's agenda items merged in (see RULES). Returns new objects; the input is not changed. */
export function mergeAgenda(consultation: readonly ConsultationRecord[], items: readonly PaperAgendaItem[] | null | undefined): AgendaConsultation[] {
  const out: AgendaConsultation[] = consultation.map((c) => ({ ...c, meetings: c.meetings.map((m) => ({ ...m })) }));
  if (!items?.length) return out;
  const usable = items
    .filter((i) => typeof i.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(i.date) && !i.cancelled)
    .sort((a, b) => ((a.date as string) < (b.date as string) ? -1 : (a.date as string) > (b.date as string) ? 1 : 0));
  const pageCount = out.length;
  for (const item of usable) {
    const date = item.date as string;
    const known = out.flatMap((c) => (ofCommittee(c, item.organization) ? c.meetings.filter((m) => m.date === date) : []));
    if (known.length) {
      const hasResult = item.resultCode != null && item.resultCode !== 'open';
      const row = known[0];
      if (hasResult && row.resultCode === 'open' && known.every((m) => m.resultCode === 'open')) {
        row.result = item.result;
        row.resultCode = item.resultCode as ResultCode;
        row.resultFromAgenda = true;
      }
      continue;
    }
    const page = item.organization == null ? null
      : out.slice(0, pageCount).find((c) => sameCommittee(c.organization, item.organization) && datable(c, date));
    if (page) {
      page.meetings.push(toRow(item));
      continue;
    }
    const added = out.slice(pageCount).find((c) => c.organization === item.organization || sameCommittee(c.organization, item.organization));
    if (added) {
      added.meetings.push(toRow(item));
    } else {
      out.push({ organization: item.organization, role: null, roleCode: null, stationStatus: null, meetings: [toRow(item)], fromAgenda: true });
    }
  }
  return out;
}
