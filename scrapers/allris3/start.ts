// Placeholder until the parser lands: reports the page kind as not parsed yet.
import { UnsupportedPageError } from '../errors';
import type { ParseContext } from '../parse';
import type { RisRecord } from '../records';

export function parseAllris3StartPage(_ctx: ParseContext): RisRecord {
  throw new UnsupportedPageError('allris3 start pages are not parsed yet', 'start');
}
