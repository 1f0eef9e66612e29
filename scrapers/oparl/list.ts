/**
 * An OParl list page ({ data: [...], links: { next }, pagination }) or a bare JSON array of objects
 * (as some tools store them) → ListRecord. itemType is the items' type; an empty page takes it from
 * its URLs ("…/papers.asp?body=1" → Paper). A list has no id of its own: sourceId is `links.self`
 * where given, url is null (it is no HTML page). Pure.
 */
import { LayoutChangedError } from '../errors';
import { recordBase, type ParseContext } from '../html/context';
import type { ListRecord } from '../records';
import { oparlType } from './base';
import { mapObject, typeNameOf } from './objects';
import { isObject, oparlUrl, type OparlObject } from './quirks';

const LIST_PATHS: [RegExp, string][] = [
  [/\/papers\b/i, 'Paper'],
  [/\/meetings\b/i, 'Meeting'],
  [/\/agendaItems\b/i, 'AgendaItem'],
  [/\/organizations\b/i, 'Organization'],
  [/\/persons\b/i, 'Person'],
  [/\/files\b/i, 'File'],
  [/\/bodies\b/i, 'Body'],
  [/\/consultations\b/i, 'Consultation'],
  [/\/memberships\b/i, 'Membership'],
  [/\/locations\b/i, 'Location'],
  [/\/legislativeTerms\b/i, 'LegislativeTerm'],
];

function itemTypeFromUrls(urls: (string | null)[]): string | null {
  for (const u of urls) {
    const path = (u ?? '').replace(/[?#].*$/, '');
    for (const [re, type] of LIST_PATHS) if (re.test(path)) return type;
  }
  return null;
}

export function mapList(data: unknown[], links: OparlObject | null, ctx: ParseContext): ListRecord {
  // an object the server marks `deleted: true` (OParl's soft delete) has gone from the RIS: no record of it
  const objects = data.filter((x) => x !== null && x !== undefined && !(isObject(x) && x.deleted === true));
  const bad = objects.findIndex((x) => !isObject(x));
  if (bad >= 0) throw new LayoutChangedError(`OParl list entry ${bad} is not an object`, ctx.url, `data[${bad}]`);
  const items = objects as OparlObject[];
  const self = oparlUrl(links?.self);
  const next = oparlUrl(links?.next);
  const itemType = items.length
    ? typeNameOf(items[0])
    : itemTypeFromUrls([self, oparlUrl(links?.first), next, ctx.url]);
  if (!itemType) throw new LayoutChangedError('empty OParl list whose item type nothing tells', ctx.url, 'data[0].type');
  return {
    ...recordBase(ctx, 'List', 'oparl', self, { systemVersion: (items.length ? oparlType(items[0])?.version : null) ?? ctx.systemVersion, url: null }),
    itemType,
    items: items.map((item) => mapObject(item, ctx)),
    next,
  };
}
