/**
 * One entry point for every saved page: bytes (+ URL) → one record of CONTRACTS.md section 2. Pure.
 * Throws NotARisPageError (not a RIS page we can read), UnsupportedPageError (a RIS page kind no
 * parser reads yet) or LayoutChangedError (a page of a known kind whose layout we do not understand).
 */
import { detectPage, type Detected } from './detect';
import { UnsupportedPageError } from './errors';
import type { RisRecord } from './records';
import { parseAllris3Paper } from './allris3/vo020';
import { parseAllris3rPaper } from './allris3/vo020-r';
import { parseAllris4Paper } from './allris4/vo020';

export interface ParseContext {
  /** the decoded text of the page */
  text: string;
  url: string | null;
  systemVersion: string | null;
}

export function parsePage(bytes: Uint8Array, url: string | null = null): RisRecord {
  const d = detectPage(bytes, url);
  return parseDetected(d, url);
}

export function parseDetected(d: Detected, url: string | null): RisRecord {
  const ctx: ParseContext = { text: d.text, url, systemVersion: d.systemVersion };
  if (d.kind === 'vo020') {
    if (d.system === 'allris4') return parseAllris4Paper(ctx);
    if (isResponsive(d.text)) return parseAllris3rPaper(ctx);
    return parseAllris3Paper(ctx);
  }
  throw new UnsupportedPageError(`${d.system} ${d.kind} pages are not parsed yet`, d.kind);
}

/** ALLRIS 3 responsive `_r` programs use ALLRIS-4-like markup inside <div id="allris">. */
function isResponsive(text: string): boolean {
  return /<div[^>]+id=["']?allris["'\s>]/i.test(text) && /id=["']?bfTable|_r\.asp/i.test(text);
}
