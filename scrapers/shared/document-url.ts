/**
 * The address a document link of an ALLRIS 3 page gets (ALLRIS-NOTES §2): the stable download program
 * `do027.asp?DOLFDNR=…` — also where the page only offers a form that posts to it — and never the
 * `___tmp/tmp/…` copy the server makes per session, which expires (robots.txt often disallows it too):
 * such a link has no lasting address, so its url is null ("nur im RIS abrufbar"); nor has a Wicket listener
 * link of ALLRIS 4. Pure.
 */
import { resolveUrl } from './text';

/** The stable address of a `<form action="do027.asp">` from its hidden fields, or null without a DOLFDNR. */
export function documentFormUrl(action: string | undefined, fields: Record<string, string>, base: string | null): string | null {
  if (!action || !/do027\w*\.asp/i.test(action)) return null;
  const byName = new Map(Object.entries(fields).map(([k, v]) => [k.toUpperCase(), v.trim()]));
  const id = byName.get('DOLFDNR');
  if (!id || !/^\d+$/.test(id)) return null;
  const query = [`DOLFDNR=${id}`];
  for (const [name, key] of [['options', 'OPTIONS'], ['typ', 'TYP']] as const) {
    const v = byName.get(key);
    if (v && /^\d+$/.test(v)) query.push(`${name}=${v}`);
  }
  return resolveUrl(`${action.split(/[?#]/)[0]}?${query.join('&')}`, base);
}

/**
 * A Wicket listener link of ALLRIS 4 (`vo020?0--anlagenHeaderPanel-attachmentsList-0-attachment-link&VOLFDNR=…`,
 * `to020?3-1.-…-link&…`, older `?5-1.ILinkListener-…`, a bare page version `?3&…`): it names a component of
 * the page version that rendered it, in that session (ALLRIS-NOTES §2b), so it is no lasting address either.
 */
const WICKET_LISTENER = /^[^?#]*\?\d+(?:-|&|$)/;

/** A document link's address: null for an expiring `___tmp/` copy or a session's Wicket listener, else the link read against the page. */
export function documentLinkUrl(href: string | undefined, base: string | null): string | null {
  if (!href || /(^|\/)___tmp\//i.test(href) || WICKET_LISTENER.test(href)) return null;
  return resolveUrl(href, base);
}
