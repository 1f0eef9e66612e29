/**
 * What every OParl-made record shares: the object's type (and the OParl version in its type URL),
 * sourceId = the object's own `id` (never the request URL: ALLRIS's ids can differ from it), and
 * url = its `web` link when that is a usable absolute http(s) URL, or the ALLRIS page an "N/A"-prefixed
 * relative `web` link names. Pure.
 */
import { LayoutChangedError } from '../errors';
import { recordBase, type ParseContext } from '../html/context';
import type { RecordBase } from '../records';
import { oparlString, oparlUrl, type OparlObject } from './quirks';

export interface OparlType {
  /** "1.0" / "1.1" */
  version: string;
  /** "Paper", "Meeting", … */
  name: string;
}

const TYPE_URL = /^https?:\/\/(?:schema\.oparl\.org|oparl\.org\/schema)\/(1\.\d+)\/([A-Za-z]+)\/?$/;

/** The OParl type of an object from its `type` URL ("https://schema.oparl.org/1.1/Paper"), or null. */
export function oparlType(obj: OparlObject): OparlType | null {
  const t = oparlString(obj.type);
  const m = t ? TYPE_URL.exec(t) : null;
  return m ? { version: m[1], name: m[2] } : null;
}

/**
 * ALLRIS 3's OParl 1.0 writes an object's page as "N/A" glued to its relative link ("N/Avo020.asp?VOLFDNR=1000030",
 * Leipzig; ALLRIS-NOTES §7.11): that link, resolved against the ALLRIS folder the API lives in (the part of the
 * object's id before "oparl/": "https://ratsinfo.leipzig.de/bi/oparl/1.0/papers.asp?id=1000030" → ".../bi/"). Null
 * for anything else.
 */
export function naPrefixedPage(web: unknown, id: string): string | null {
  const m = typeof web === 'string' ? /^N\/A([a-z]{2}\d{3}(?:_[a-z])?\.asp\?[A-Z]+=\d+)$/i.exec(web.trim()) : null;
  const root = m ? /^(https?:\/\/[^?#\s]*?\/)oparl\//i.exec(id) : null;
  return m && root ? oparlUrl(root[1] + m[1]) : null;
}

/** The fields of RecordBase for an OParl object; an object without an `id` is a layout we do not understand. */
export function oparlBase<T extends string>(obj: OparlObject, type: T, ctx: ParseContext): RecordBase & { type: T } {
  const id = oparlString(obj.id);
  if (!id) {
    throw new LayoutChangedError(`OParl ${type} without an id`, ctx.url, `${type}.id`);
  }
  const url = oparlUrl(obj.web) ?? naPrefixedPage(obj.web, id);
  return recordBase(ctx, type, 'oparl', id, { systemVersion: oparlType(obj)?.version ?? ctx.systemVersion, url });
}
