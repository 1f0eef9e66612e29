/**
 * The record types of ../shared/CONTRACTS.md, section 2 (format 1).
 * Every parser returns one of these; the database and the domain read them.
 */
import type { ResultCode, RoleCode } from './shared/codes';

export const RECORD_FORMAT = 1 as const;

export type SystemName = 'allris3' | 'allris4' | 'oparl';

export interface RecordBase {
  type: string;
  format: typeof RECORD_FORMAT;
  system: SystemName;
  systemVersion: string | null;
  sourceId: string | null;
  url: string | null;
}

export interface ConsultationMeetingRecord {
  date: string | null;
  name: string | null;
  meetingSourceId: string | null;
  agendaItemSourceId: string | null;
  result: string | null;
  resultCode: ResultCode;
}

export type StationStatus = 'Erledigt' | 'Geplant' | 'Bereit' | 'Gestoppt';

export interface ConsultationRecord {
  organization: string | null;
  /**
   * The committee's own id where the source gives one (an OParl Consultation's first Organization URL);
   * absent otherwise. An addition to the record contract (format 1, optional): OParl names a station's
   * committee by URL only, and the import takes its name from that Organization once it is known.
   */
  organizationSourceId?: string;
  role: string | null;
  roleCode: RoleCode | null;
  /** As shown on the page (Erledigt, Geplant, Bereit, Gestoppt, or another word); null where the page has none. */
  stationStatus: string | null;
  meetings: ConsultationMeetingRecord[];
}

export interface FileRef {
  name: string;
  url: string | null;
}

export interface TextSection {
  heading: string | null;
  text: string;
}

export interface PaperRecord extends RecordBase {
  type: 'Paper';
  reference: string | null;
  name: string | null;
  paperType: string | null;
  public: boolean | null;
  statusText: string | null;
  originator: string[];
  underDirectionOf: string[];
  date: string | null;
  relatedReferences: string[];
  consultation: ConsultationRecord[];
  /**
   * false when the page does not show a Beratungsfolge at all ("not shown", as opposed to an empty
   * one): `consultation` is then [] and means nothing, and the importer keeps the stations it has
   * (scrapers/required/vo020.ts, src/db/shrink-guard.ts). Absent otherwise (optional field, format 1).
   */
  consultationShown?: false;
  files: FileRef[];
  text: TextSection[];
}

export interface AgendaItemEntry {
  number: string | null;
  public: boolean | null;
  /**
   * optional (format 1): true when the agenda marks the item as added later, a "Nachtrag" (ALLRIS 3's TOP
   * `title="Nachtrags-TOP"`, ALLRIS 4's row class `nachtrag`); absent otherwise
   */
  supplement?: true;
  /**
   * optional (format 1): the agenda's remark on the item (its grey "Zusatzinfo": "Nach eingegangener Stellungnahme
   * … fortgesetzt"), without its parentheses; absent where there is none or where it names a person (a Referent/-in,
   * a Verfasser/-in who is no faction or office, "Herr …")
   */
  note?: string;
  sourceId: string | null;
  name: string | null;
  paperReference: string | null;
  paperSourceId: string | null;
  result: string | null;
  resultCode: ResultCode;
  /**
   * added to format 1: the committee's role for this item as its agenda states it — ALLRIS 4's
   * "Zuständigkeit" column ("Entscheidung", "Kenntnisnahme", "Vorberatung"); null where the column is empty,
   * absent where the agenda has no such column
   */
  role?: string | null;
  /**
   * added to format 1: the documents the agenda row links (ALLRIS 4's "toDoc" column: the motion's
   * "Sammeldokument öffentlich"); absent where the row links none
   */
  files?: FileRef[];
}

export interface MeetingRecord extends RecordBase {
  type: 'Meeting';
  name: string | null;
  organization: string | null;
  organizationSourceId: string | null;
  date: string | null;
  start: string | null;
  end: string | null;
  /**
   * The UTC offset ("+02:00", "+01:00") of `start` / `end`, an optional addition: given only where the
   * local time occurs twice (02:00–02:59 in the night summer time ends) and the source said which one
   * it meant (an OParl date-time with its offset).
   */
  startOffset?: string;
  endOffset?: string;
  room: string | null;
  location: string | null;
  statusText: string | null;
  agendaItem: AgendaItemEntry[];
  /** optional (format 1): true when the RIS marks the meeting as cancelled ("AUSFALL", "entfällt"); absent otherwise */
  cancelled?: boolean;
  /**
   * optional (format 1): the meeting's own documents in page order (Einladung, Bekanntmachung, Niederschrift;
   * not its agenda items' papers), as a paper's `files`; absent where the page offers none
   */
  files?: FileRef[];
}

/** The vote on an agenda item, where its page states one (an optional addition to the AgendaItem record). */
export interface Vote {
  /** votes for; null when the text does not say ("einstimmig" alone gives no number) */
  yes: number | null;
  /** votes against; 0 for "einstimmig" unless the text says otherwise */
  no: number | null;
  /** abstentions */
  abstain: number | null;
  /** the vote statement as shown, without its "Abstimmung:" label, table cells joined by spaces */
  text: string;
}

export interface AgendaItemRecord extends RecordBase {
  type: 'AgendaItem';
  number: string | null;
  public: boolean | null;
  name: string | null;
  meetingSourceId: string | null;
  meetingName: string | null;
  organization: string | null;
  date: string | null;
  paperReference: string | null;
  paperSourceId: string | null;
  result: string | null;
  resultCode: ResultCode;
  text: TextSection[];
  /** added to format 1: the vote where the page states one, else null (absent in records of older versions) */
  vote?: Vote | null;
  /**
   * added to format 1: where the RIS tracks what became of the decision (ALLRIS 4 "Status Beschluss",
   * its Beschlussverfolgung), its status as written and the day beside it; absent where the page has none
   */
  decisionStatus?: DecisionStatus;
  /**
   * added to format 1: the documents the item's page offers (ALLRIS 4 to020: its Niederschriftsauszug, the
   * motion's Sammeldokument and attachments); absent where it offers none
   */
  files?: FileRef[];
  /**
   * added to format 1: what the item's page says of its meeting beside its day (ALLRIS 3 to020 head "Zeit: 18:00 -
   * 20:00", "Raum:", "Ort:"), read as a meeting's head is; each absent where the page does not say it
   */
  meetingStart?: string;
  meetingEnd?: string;
  meetingRoom?: string;
  meetingLocation?: string;
  /**
   * optional (format 1): the type of the item's paper as the item's page names it ("Vorlage-Art", "Drucksache-Art",
   * "Vorlageart": "Beschlussvorlage"), a Paper's paperType; absent where the page names none
   */
  paperType?: string;
  /** optional (format 1): the lead office of the item's paper as the item's page names it ("Federführend"), a Paper's underDirectionOf; absent where none */
  paperUnderDirectionOf?: string[];
}

/** The status the RIS gives a decision ("Beschlussumsetzung erwünscht") and the day it writes beside it. */
export interface DecisionStatus {
  text: string;
  date: string | null;
}

export interface MeetingListEntry {
  sourceId: string | null;
  name: string | null;
  date: string | null;
  start: string | null;
  end: string | null;
  room: string | null;
  /**
   * optional (format 1): the meeting's page (to010) where the row links it, with the SILFDNR as its only
   * parameter, absolute; absent where the row links no meeting page (no public agenda, internal or cancelled
   * meetings) and where the calendar's own URL is not known
   */
  url?: string;
  /** optional (format 1): true when the calendar marks the meeting as cancelled; absent otherwise */
  cancelled?: boolean;
}

export interface MeetingListRecord extends RecordBase {
  type: 'MeetingList';
  meetings: MeetingListEntry[];
}

export interface OrganizationMember {
  name: string;
  role: string | null;
  group: string | null;
}

export interface OrganizationRecord extends RecordBase {
  type: 'Organization';
  name: string | null;
  members: OrganizationMember[];
  /** optional (format 1), OParl only: its `organizationType` ("Gremium", "Fraktion", "Partei", "Verwaltungsbereich" …) as given */
  organizationType?: string;
  /** optional (format 1), OParl only: its `classification` ("Ausschuss", "Hauptorgan", "Fraktion" …) as given */
  classification?: string;
  /**
   * optional (format 1): the day it ended, YYYY-MM-DD, where the source says so — a former faction of an ALLRIS 3
   * fr010 list ("(bis 28.05.2019)"), an OParl Organization's `endDate`; absent for one that exists
   */
  endDate?: string;
}

/** ALLRIS start page (allris.net.asp) or OParl System. */
export interface SystemRecord extends RecordBase {
  type: 'System';
  name: string | null;
  /** ALLRIS: the programs its menu offers ("vo020", "si010_e", …); null for OParl */
  programs: string[] | null;
  oparlVersion: string | null;
  bodies: string[];
}

/** OParl Body. */
export interface BodyRecord extends RecordBase {
  type: 'Body';
  name: string | null;
  shortName: string | null;
  /** the Body's list URLs: paper, meeting, organization, person, … */
  lists: Record<string, string>;
}

/** An OParl list page or an ALLRIS vo040 list. */
export interface ListRecord extends RecordBase {
  type: 'List';
  itemType: 'Paper' | 'Meeting' | 'AgendaItem' | 'Organization' | 'Person' | 'File' | 'Body' | string;
  items: RisRecord[];
  next: string | null;
}

export interface PersonRecord extends RecordBase {
  type: 'Person';
  name: string | null;
  organizations: { name: string | null; sourceId: string | null; role: string | null }[];
}

export interface FileRecord extends RecordBase {
  type: 'File';
  name: string | null;
  fileName: string | null;
  mimeType: string | null;
  accessUrl: string | null;
  size: number | null;
}

export type RisRecord =
  | PaperRecord | MeetingRecord | AgendaItemRecord | MeetingListRecord | OrganizationRecord | SystemRecord | BodyRecord
  | ListRecord | PersonRecord | FileRecord;
