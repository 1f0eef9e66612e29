/**
 * OParl objects: the parsers already refuse an object without its id or type (scrapers/oparl/base.ts);
 * here what a paper and a meeting cannot lack besides. Lists may be empty (a last page).
 */
import type { MeetingRecord, PaperRecord } from '../records';
import type { PageParts } from './parts';

export const OPARL_PARTS: [PageParts<PaperRecord>, PageParts<MeetingRecord>] = [
  { type: 'Paper', parts: [{ part: 'the paper\'s reference or name', present: (r) => r.reference !== null || r.name !== null }] },
  { type: 'Meeting', parts: [{ part: 'the meeting\'s name or start', present: (r) => r.name !== null || r.date !== null }] },
];
