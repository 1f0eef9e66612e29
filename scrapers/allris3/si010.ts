// Placeholder until the parser lands: reports the page kind as not parsed yet.
import { UnsupportedPageError } from '../errors';
import type { ParseContext } from '../parse';
import type { RisRecord } from '../records';

export function parseAllris3MeetingList(_ctx: ParseContext): RisRecord {
  throw new UnsupportedPageError('allris3 si010 pages are not parsed yet', 'si010');
}
