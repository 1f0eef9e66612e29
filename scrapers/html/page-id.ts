/**
 * The id a page is read under: the one its address asks for, else the one it states of itself (its meta, its
 * own forms and links). A page that states another id than its address asks for is not read: under the address's
 * id it would overwrite that record with another's content (MismatchedPageError). Pure.
 */
import { MismatchedPageError } from '../errors';

/** `what`: the record kind as the message names it ("Vorlage", "the meeting", "the agenda item"); `name`: the URL parameter. */
export function pageId(what: string, name: string, fromUrl: string | null, own: string | null): string | null {
  if (fromUrl && own && own !== fromUrl) {
    throw new MismatchedPageError(`the page is ${what} ${name}=${own}, not ${name}=${fromUrl} its address asks for; not read`);
  }
  return fromUrl ?? own;
}
