/**
 * The ALLRIS content container of a page: the first element with one of `ids`, else <body>, else the
 * document. City portal wrappers around it (Hildesheim's NOLIS, for one) are never read.
 */
import type { AnyNode, Document } from 'domhandler';
import { byId, findFirst } from '../html/dom';

/** The containers of ALLRIS 3 classic, 3.x _raw and portal-embedded pages, in the order they are looked for. */
export const CONTENT_IDS = ['rismain', 'rismain_raw', 'allriscontainer', 'bomain'] as const;

export function findScope(doc: Document, ids: readonly string[] = CONTENT_IDS): AnyNode {
  for (const id of ids) {
    const el = byId(doc, id);
    if (el) return el;
  }
  return findFirst(doc, (e) => e.name === 'body') ?? doc;
}
