// Placeholder until the parser lands: reports the page kind as not parsed yet.
import { UnsupportedPageError } from '../errors';
import type { ParseContext } from '../parse';
import type { RisRecord } from '../records';

export function parseOparl(_ctx: ParseContext): RisRecord {
  throw new UnsupportedPageError('oparl pages are not parsed yet', 'oparl');
}
