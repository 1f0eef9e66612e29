/**
 * What every parser gets (ParseContext) and the envelope every record starts with (recordBase).
 * Lives below the parsers and the parse entry point, so that neither imports the other for it. Pure.
 */
import type { Document } from 'domhandler';
import { RECORD_FORMAT, type SystemName } from '../records';

export interface ParseContext {
  /** the decoded text of the page */
  text: string;
  url: string | null;
  systemVersion: string | null;
  /** the parsed HTML document, once a parser asked for it (html/dom.ts documentOf) */
  document?: Document;
}

/** The fields of CONTRACTS.md §2 every record has, in their order; `url` defaults to the page's URL. */
export interface Envelope<T extends string> {
  type: T;
  format: typeof RECORD_FORMAT;
  system: SystemName;
  systemVersion: string | null;
  sourceId: string | null;
  url: string | null;
}

/**
 * The record envelope: `...recordBase(ctx, 'Paper', 'allris3', sourceId)` first in a parser's record.
 * `over` replaces the version (a page that states its own) or the URL (an entry that links elsewhere).
 */
export function recordBase<T extends string>(
  ctx: Pick<ParseContext, 'url' | 'systemVersion'>,
  type: T,
  system: SystemName,
  sourceId: string | null,
  over: { systemVersion?: string | null; url?: string | null } = {},
): Envelope<T> {
  return {
    type,
    format: RECORD_FORMAT,
    system,
    systemVersion: over.systemVersion !== undefined ? over.systemVersion : ctx.systemVersion,
    sourceId,
    url: over.url !== undefined ? over.url : (ctx.url ?? null),
  };
}
