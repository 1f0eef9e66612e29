// Placeholder until the parser lands: reports the page kind as not parsed yet.
import { UnsupportedPageError } from '../errors';
import type { ParseContext } from '../parse';
import type { RisRecord } from '../records';

export function parseAllris3PaperList(_ctx: ParseContext): RisRecord {
  throw new UnsupportedPageError('allris3 vo040 pages are not parsed yet', 'vo040');
}
