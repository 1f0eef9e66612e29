/**
 * One entry point for every saved page: bytes (+ URL) → one record of CONTRACTS.md section 2. Pure.
 * Throws NotARisPageError (not a RIS page we can read), UnsupportedPageError (a RIS page kind no
 * parser reads yet) or LayoutChangedError (a page of a known kind whose layout we do not understand).
 */
import { detectPage, isResponsive, type Detected } from './detect';
import type { ParseContext } from './html/context';
import { UnsupportedPageError } from './errors';
import type { RisRecord } from './records';
import { capRecord, type Caps } from './shared/caps';
import { parseAllris3Paper } from './allris3/vo020';
import { parseAllris3rPaper } from './allris3/vo020-r';
import { parseAllris4Paper } from './allris4/vo020';
import { parseAllris3Meeting } from './allris3/to010';
import { parseAllris3rMeeting } from './allris3/to010-r';
import { parseAllris4Meeting } from './allris4/to010';
import { parseAllris3AgendaItem } from './allris3/to020';
import { parseAllris4AgendaItem } from './allris4/to020';
import { parseAllris3MeetingList } from './allris3/si010';
import { parseAllris3rMeetingList } from './allris3/si010-r';
import { parseAllris4MeetingList, parseAllris4MeetingListPage } from './allris4/si010-ajax';
import { parseAllris3Organization } from './allris3/au020';
import { parseAllris3FactionList } from './allris3/fr010';
import { parseAllris3Faction } from './allris3/fr020';
import { parseAllris4Organization } from './allris4/gr020';
import { parseAllris3PaperList } from './allris3/vo040';
import { parseAllris3StartPage } from './allris3/start';
import { parseOparl } from './oparl/parse';
import { checkRequiredParts } from './required';

type Parser = (ctx: ParseContext) => RisRecord;

/** Which parser reads which page: by system, page kind and (ALLRIS 3) classic or responsive `_r` markup. */
const PARSERS: Record<string, Parser> = {
  'allris3/vo020': parseAllris3Paper,
  'allris3/vo020/r': parseAllris3rPaper,
  'allris4/vo020': parseAllris4Paper,
  'allris3/to010': parseAllris3Meeting,
  'allris3/to010/r': parseAllris3rMeeting,
  'allris4/to010': parseAllris4Meeting,
  'allris3/to020': parseAllris3AgendaItem,
  'allris4/to020': parseAllris4AgendaItem,
  'allris3/si010': parseAllris3MeetingList,
  'allris3/si010/r': parseAllris3rMeetingList,
  'allris4/si010-ajax': parseAllris4MeetingList,
  'allris4/si010': parseAllris4MeetingListPage,
  'allris3/au020': parseAllris3Organization,
  'allris3/pa020': parseAllris3Organization,
  'allris3/fr010': parseAllris3FactionList,
  'allris3/fr020': parseAllris3Faction,
  'allris4/gr020': parseAllris4Organization,
  'allris3/vo040': parseAllris3PaperList,
  'allris3/start': parseAllris3StartPage,
  'oparl/oparl': parseOparl,
};

/** The record of a page, its fields cut to the caps of shared/caps.ts. */
export function parsePage(bytes: Uint8Array, url: string | null = null): RisRecord {
  return parsePageWithCaps(bytes, url).record;
}

/** The record of a page, its fields cut to the caps of shared/caps.ts, and what was cut (for the caller's report). */
export function parsePageWithCaps(bytes: Uint8Array, url: string | null = null): { record: RisRecord; caps: Caps } {
  return parseDetectedWithCaps(detectPage(bytes, url), url);
}

/** parsePageWithCaps of a page already detected (a crawler detects a fetched body once). */
export function parseDetectedWithCaps(d: Detected, url: string | null): { record: RisRecord; caps: Caps } {
  const record = parseDetected(d, url);
  return { record, caps: capRecord(record) };
}

/** The record of a page as parsed, not yet cut to the caps: for a caller that cuts it itself (capRecord) and reports the cut. */
export function parseUncapped(bytes: Uint8Array, url: string | null = null): RisRecord {
  return parseDetected(detectPage(bytes, url), url);
}

export function parseDetected(d: Detected, url: string | null): RisRecord {
  const ctx: ParseContext = { text: d.text, url, systemVersion: d.systemVersion };
  const key = `${d.system}/${d.kind}`;
  const parser = (d.system === 'allris3' && isResponsive(d.text) && PARSERS[`${key}/r`]) || PARSERS[key];
  if (!parser) throw new UnsupportedPageError(`${d.system} ${d.kind} pages are not parsed yet`, d.kind);
  return checkRequiredParts(d.kind, parser(ctx), d.text, url);
}

export { isResponsive };
export type { ParseContext };
