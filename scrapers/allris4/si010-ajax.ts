// Placeholder until the parser lands: reports the page kind as not parsed yet.
import { UnsupportedPageError } from '../errors';
import type { ParseContext } from '../parse';
import type { RisRecord } from '../records';

export function parseAllris4MeetingList(_ctx: ParseContext): RisRecord {
  throw new UnsupportedPageError('allris4 si010-ajax pages are not parsed yet', 'si010-ajax');
}
