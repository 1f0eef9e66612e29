/** to020 (Tagesordnungspunkt / Auszug), every generation: the item's Betreff and its head: the meeting it belongs to, its date and committee. */
import type { AgendaItemRecord } from '../records';
import type { PageParts } from './parts';

export const AGENDA_ITEM_PARTS: PageParts<AgendaItemRecord> = {
  type: 'AgendaItem',
  parts: [
    { part: 'the Betreff of the agenda item', present: (r) => r.name !== null },
    { part: 'the meeting (Sitzung link or name)', present: (r) => r.meetingSourceId !== null || r.meetingName !== null },
    { part: 'the date (Datum)', present: (r) => r.date !== null },
    { part: 'the committee (Gremium)', present: (r) => r.organization !== null },
  ],
};
