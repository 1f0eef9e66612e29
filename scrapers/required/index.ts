/**
 * What a page of each kind cannot lack (DESIGN.md habit 2): one declarative list of required
 * parts per page kind, each in its own file, checked on the record a parser returned (and the page
 * text where the record cannot tell). A page without one of its parts has changed its layout (renamed
 * labels, an emptied content area): LayoutChangedError naming the page kind and the missing part, so
 * the page is refused and saved instead of stored as a valid record that wipes what was right. Pure.
 *
 * Parts a page may legitimately lack are not required; where "the page does not show it" must not
 * read as "it is empty" (a paper's Beratungsfolge), the kind's `mark` says so on the record.
 */
import { LayoutChangedError } from '../errors';
import type { RisRecord } from '../records';
import type { PageParts } from './parts';

export type { PageParts, RequiredPart } from './parts';
import { AGENDA_ITEM_PARTS } from './to020';
import { MEETING_PARTS } from './to010';
import { OPARL_PARTS } from './oparl';
import { ORGANIZATION_PARTS } from './organization';
import { PAPER_PARTS } from './vo020';

/**
 * Page kind (detect.ts) → its required parts. Tables are the parsers' own checks, kept there: the agenda
 * table of to010 (a header-only table is an honestly empty agenda), the calendar table of si010, the
 * list tables of fr010 / vo040 (an empty filter result is an empty list), the start page's menu.
 */
const BY_KIND: Record<string, PageParts[]> = {
  vo020: [PAPER_PARTS as PageParts],
  to010: [MEETING_PARTS as PageParts],
  to020: [AGENDA_ITEM_PARTS as PageParts],
  au020: [ORGANIZATION_PARTS as PageParts],
  pa020: [ORGANIZATION_PARTS as PageParts],
  fr020: [ORGANIZATION_PARTS as PageParts],
  gr020: [ORGANIZATION_PARTS as PageParts],
  oparl: OPARL_PARTS as PageParts[],
};

/** The record if the page shows every part its kind requires (with what it does not show marked); else LayoutChangedError. */
export function checkRequiredParts<R extends RisRecord>(kind: string, record: R, text: string, url: string | null): R {
  const spec = BY_KIND[kind]?.find((s) => s.type === record.type) as PageParts<R> | undefined;
  if (!spec) return record;
  for (const p of spec.parts) {
    if (!p.present(record, text)) {
      throw new LayoutChangedError(`${kind} page ${url ?? '(no url)'}: ${p.part} not found — the page's layout has changed`, url, p.part);
    }
  }
  return spec.mark ? spec.mark(record, text) : record;
}
