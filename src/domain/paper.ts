/**
 * A paper (Vorlage) as the domain reads it: what progress() and the derived columns need, nothing the
 * scraper's record carries beside it. A PaperRecord (scrapers/records.ts) is one, and so is what the
 * database's bulk reads assemble (src/db/queries-progress.ts).
 */
import type { ConsultationMeetingRecord, ConsultationRecord } from '../../scrapers/records';
import type { DatedPaper } from './data-age';

/** A meeting row of a station, with what the database knows of the meeting it is linked to. */
export interface StationMeeting extends ConsultationMeetingRecord {
  /**
   * The meeting the row is linked to is cancelled (a calendar's "ENTFÄLLT!", a meeting page's "abgesagt"):
   * the row's date is no step, past or coming, until the RIS moves the row. Absent: not known to be.
   */
  cancelled?: boolean;
  /**
   * The date the Beratungsfolge lists for the row where the meeting it is linked to (by its id) has another
   * one: the row's `date` is then the meeting's own — its page or calendar, read more often than the
   * paper's, as an agenda item's is (queries-agenda.ts). Absent where they agree or the row lists none.
   */
  listedDate?: string;
}

/** One station of a Beratungsfolge with its meeting rows, in page order. */
export interface Station extends ConsultationRecord {
  meetings: StationMeeting[];
}

export interface Paper extends DatedPaper {
  /** the paper's own date (YYYY-MM-DD), when it has one */
  date: string | null;
  /** its Beratungsfolge, in page order */
  consultation: Station[];
}
