/**
 * The change events of a motion (paper_events, schema-content.ts): what kinds there are and what an
 * event carries. The payload holds codes, ISO dates and the RIS's own names (a committee, a file
 * name) — never a sentence ratsradar wrote; the German sentence is rendered from kind + payload by
 * eventSentence (event-text.ts), so a better wording reaches every stored event. Pure types.
 */
import type { ResultCode, RoleCode } from '../../scrapers/shared/codes';

export const EVENT_KINDS = [
  'new', 'station_added', 'date_set', 'date_moved', 'on_agenda', 'off_agenda', 'result', 'state', 'document', 'consultation_changed',
  'meeting_cancelled', 'meeting_document',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** A station's status as a code (ALLRIS 4 "Erledigt" / "Geplant" / "Bereit" / "Gestoppt"; anything else "other"). */
export const STATION_STATUS_CODES = ['done', 'planned', 'ready', 'stopped', 'other', 'none'] as const;
export type StationStatusCode = (typeof STATION_STATUS_CODES)[number];

export interface EventVote {
  yes: number | null;
  no: number | null;
  abstain: number | null;
}

export interface EventPayload {
  /** the station's role (station_added, date_set, date_moved, on_agenda, result) */
  role?: RoleCode | null;
  /** the meeting day (date_set, on_agenda, off_agenda, result, meeting_cancelled, meeting_document); the paper's own date (new) */
  date?: string | null;
  /** date_moved: the day before and after */
  from?: string | null;
  to?: string | null;
  /** result: its code; vote where the agenda item states one */
  result?: ResultCode;
  vote?: EventVote | null;
  /** state: the station status before and after */
  status?: StationStatusCode;
  previousStatus?: StationStatusCode;
  /** meeting_cancelled, meeting_document: the meeting's name as the RIS writes it, where no committee is known */
  meeting?: string | null;
  /** document, meeting_document: the file's name as the RIS writes it */
  file?: string | null;
  /** consultation_changed: how many stations there were and are */
  stations?: number;
  previousStations?: number;
  /**
   * the identity of the meeting row inside the paper (the RIS's meeting id, else committee, role and
   * position): a calendar event keeps its UID by it, and counts its moves for SEQUENCE
   */
  row?: string;
}

/** An event as it is written and read (without the row's own id and the paper it belongs to). */
export interface EventDraft {
  kind: EventKind;
  /** what makes this change this change: the same change seen again has the same key */
  key: string;
  /** the day it happened in the RIS (ISO day), when known */
  happenedOn: string | null;
  /** the committee it is about, as the RIS names it */
  committee: string | null;
  payload: EventPayload;
}

/** A stored event. */
export interface PaperEvent extends Omit<EventDraft, 'key'> {
  id: number;
  eventKey: string;
  paperId: number;
  sourceId: number;
  /** when ratsradar learned it (ISO instant) */
  learnedAt: string;
  runId: number | null;
}
