/** The types of agenda items merged into a Beratungsfolge (./agenda-steps.ts), in a module of their own: ./stations.ts reads them, and agenda-steps.ts reads stations.ts. */
import type { ConsultationRecord } from '../../scrapers/records';
import type { ResultCode } from '../../scrapers/shared/codes';
import type { StationMeeting } from './paper';

/** An agenda item that names the paper, with its meeting's date and committee. */
export interface PaperAgendaItem {
  /** the meeting's date, YYYY-MM-DD */
  date: string | null;
  /** the meeting's committee */
  organization: string | null;
  meetingName: string | null;
  /** the meeting page in ratsradar (an opaque id for links), where known */
  meetingId: number | null;
  meetingSourceId: string | null;
  agendaItemSourceId: string | null;
  /** TOP number on the agenda */
  number: string | null;
  result: string | null;
  resultCode: ResultCode | null;
  /** the meeting is cancelled (AUSFALL / abgesagt) */
  cancelled?: boolean;
}

/** Where a row came from when the agenda, not the paper's page, gave it. */
export interface AgendaSource {
  /** the meeting's date (the agenda "der Sitzung vom …") */
  date: string;
  meetingId: number | null;
  number: string | null;
}

export interface AgendaMeetingRow extends StationMeeting {
  /** set when the row (date, or only its result) comes from an agenda item */
  agenda?: AgendaSource;
  /** the result was taken from the agenda item (the paper's page shows none) */
  resultFromAgenda?: boolean;
}

export interface AgendaConsultation extends ConsultationRecord {
  meetings: AgendaMeetingRow[];
  /** a step the page's Beratungsfolge does not list, added from an agenda */
  fromAgenda?: boolean;
}
