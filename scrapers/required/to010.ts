/**
 * to010 (Sitzung / Tagesordnung), every generation: the meeting head (its date and its Gremium). The agenda table is
 * the parsers' own check (an agenda table — a header-only one is an honestly empty agenda — or a
 * LayoutChangedError): ALLRIS 3 `table.tl1` with its TOP/Betreff header, `_r` and ALLRIS 4 `#toTable`.
 */
import type { MeetingRecord } from '../records';
import type { PageParts } from './parts';

export const MEETING_PARTS: PageParts<MeetingRecord> = {
  type: 'Meeting',
  parts: [
    { part: 'the meeting head\'s date (Datum)', present: (r) => r.date !== null },
    { part: 'the meeting head\'s committee (Gremium)', present: (r) => r.organization !== null || r.organizationSourceId !== null },
  ],
};
