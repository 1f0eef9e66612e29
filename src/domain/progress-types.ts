/** What progress() (./progress.ts) returns, in a module of its own: the modules progress.ts calls read these types too. */
import type { ResultCode, RoleCode } from '../../scrapers/shared/codes';
import type { AgendaSource } from './agenda-types';
import type { PaperState } from './states';
import type { StationProgress } from './stations';

export interface NextStep {
  stationIndex: number;
  organization: string | null;
  role: string | null;
  roleCode: RoleCode | null;
  /** Its next meeting date where one is known. */
  date: string | null;
  /** Where that date comes from a published agenda, not the paper's own page: the meeting. */
  agenda: AgendaSource | null;
  /**
   * Without a date: the day of the station's meeting that was cancelled (its latest row at a cancelled
   * meeting, after its last meeting held) — why it has none: "noch ohne neuen Termin (Sitzung am … abgesagt)".
   * Absent otherwise.
   */
  cancelledDate?: string;
  /**
   * Without a date (and no cancelled meeting): the station's meeting row names its meeting or agenda item, but no
   * date is known of it (an OParl consultation that links a meeting not read) — it is assigned to a meeting, not
   * "noch ohne Termin", and whether that meeting has passed is not known. Absent otherwise.
   */
  undatedMeeting?: true;
}

/** A committee that has met on the paper and whose result is not published yet. */
export interface AwaitedResult {
  stationIndex: number;
  organization: string | null;
  role: string | null;
  /** the meeting's date (its latest past row) */
  date: string | null;
}

/** An open station that must deliberate before the dated next step. */
export interface Deadline {
  stationIndex: number;
  organization: string | null;
  role: string | null;
  /** the day of the next step: it must deliberate before it */
  before: string;
  /** the station of the next step */
  nextStationIndex: number;
  nextOrganization: string | null;
}

export interface Decision {
  stationIndex: number;
  meetingIndex: number;
  organization: string | null;
  role: string | null;
  result: string | null;
  resultCode: ResultCode;
  date: string | null;
}

/** The station and meeting row that set the state (what the explanation names). */
export interface StateBasis {
  stationIndex: number | null;
  meetingIndex: number | null;
  date: string | null;
}

export interface Progress {
  today: string;
  /** the day durations run to: today, or earlier when the data is older (data-age.ts) */
  countTo: string;
  state: PaperState;
  /** German label of the state (STATE_LABELS). */
  label: string;
  stations: StationProgress[];
  currentStation: number | null;
  next: NextStep | null;
  /** The committee that has met and whose result is still to be published (not a next step). */
  awaiting: AwaitedResult | null;
  deadlines: Deadline[];
  decision: Decision | null;
  decisionDate: string | null;
  deferralCount: number;
  referralCount: number;
  /** Latest past meeting date. */
  lastActivity: string | null;
  /** For 'stalled': the day since which nothing happened; else null. */
  stalledSince: string | null;
  basis: StateBasis | null;
  /** One or two German sentences naming the station and meeting row that set the state. */
  explanation: string;
  explanationEn: string;
}

/** A meeting row in the whole Beratungsfolge, with a sort key (date, then page order). */
export interface RowRef {
  s: number;
  m: number;
  key: string;
}
