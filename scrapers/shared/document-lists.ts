/** Where a page lists its documents, for releases whose links carry no marking class. Pure. */
import type { Element } from 'domhandler';
import { attr, closest, hasClass } from '../html/dom';

/**
 * A link inside the document or attachment list of a release that does not mark its links with
 * `a.doclink` / `a.attlink`: `#dokumenteHeaderPanel`, `#anlagenHeaderPanel` (`aside.attachments`),
 * `table.attachmentTable`.
 */
export function inDocumentList(a: Element): boolean {
  return (
    closest(a, (el) =>
      attr(el, 'id') === 'dokumenteHeaderPanel' ||
      attr(el, 'id') === 'anlagenHeaderPanel' ||
      (el.name === 'aside' && hasClass(el, 'attachments')) ||
      (el.name === 'table' && hasClass(el, 'attachmentTable')),
    ) !== undefined
  );
}
