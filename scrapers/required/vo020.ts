/**
 * vo020 (Vorlage / Drucksache), every generation: the head with the reference and the Betreff. The
 * Beratungsfolge is not required (a paper may have none yet), but a page that shows none at all —
 * no "Beratungsfolge" label, no #bfTable — says nothing about it: "not shown", never "empty".
 */
import type { PaperRecord } from '../records';
import type { PageParts } from './parts';

/** The Beratungsfolge label (ALLRIS 3 `td.kb1`, `_r`/4 headings) or the #bfTable of ALLRIS 4 and `_r`. */
const SHOWS_CONSULTATION = />\s*Beratungsfolge\s*:?\s*</i;
const BF_TABLE = /id=["']?bfTable["'\s>]/i;

function markNotShown(record: PaperRecord, text: string): PaperRecord {
  if (record.consultation.length > 0 || SHOWS_CONSULTATION.test(text) || BF_TABLE.test(text)) return record;
  return { ...record, consultationShown: false };
}

export const PAPER_PARTS: PageParts<PaperRecord> = {
  type: 'Paper',
  parts: [
    { part: 'the reference (Drucksachen-/Vorlagen-Nr.)', present: (r) => r.reference !== null },
    { part: 'the Betreff (head table)', present: (r) => r.name !== null },
  ],
  mark: markNotShown,
};
