/**
 * A paper (Vorlage) as the domain reads it: what progress() and the derived columns need, nothing the
 * scraper's record carries beside it. A PaperRecord (scrapers/records.ts) is one, and so is what the
 * database's bulk reads assemble (src/db/queries-progress.ts).
 */
import type { ConsultationRecord } from '../../scrapers/records';
import type { DatedPaper } from './data-age';

/** One station of a Beratungsfolge with its meeting rows, in page order. */
export type Station = ConsultationRecord;

export interface Paper extends DatedPaper {
  /** the paper's own date (YYYY-MM-DD), when it has one */
  date: string | null;
  /** its Beratungsfolge, in page order */
  consultation: Station[];
}
