/** What a page kind must show: the types each kind's file of required parts declares (index.ts checks them). */
import type { RisRecord } from '../records';

/** One part a page of a kind must show. */
export interface RequiredPart<R extends RisRecord = RisRecord> {
  /** named in the error: "the Betreff (head table)" */
  part: string;
  /** whether the page shows it: judged on the record, and on the page text where the record cannot tell */
  present: (record: R, text: string) => boolean;
}

export interface PageParts<R extends RisRecord = RisRecord> {
  /** the record type the kind's parser returns */
  type: R['type'];
  parts: RequiredPart<R>[];
  /** marks what the page does not show (as opposed to shows empty) */
  mark?: (record: R, text: string) => R;
}
