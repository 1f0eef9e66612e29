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

/**
 * Where a paper's Beratungsfolge is known from, when not from its own page (or OParl object): 'agenda' — only the
 * agendas that name it (what comes after them is not known); 'unknown' — no page that lists it was read (a list
 * row only). Absent: from its own page, which lists the whole Beratungsfolge.
 */
export type SequenceSource = 'agenda' | 'unknown';

export interface Paper extends DatedPaper {
  /** the paper's own date (YYYY-MM-DD), when it has one */
  date: string | null;
  /** its Beratungsfolge, in page order */
  consultation: Station[];
  /** where its Beratungsfolge is known from, where not from its own page (SequenceSource) */
  sequence?: SequenceSource;
}
