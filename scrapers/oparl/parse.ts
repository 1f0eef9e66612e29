/**
 * OParl 1.0 / 1.1 JSON (ALLRIS's OParl endpoints, the specification's examples) → the same records as
 * the HTML parsers (CONTRACTS.md section 2), dispatched on the object's `type`; list pages and bare
 * arrays become a List record. Invalid JSON and JSON that is not OParl throw NotARisPageError. Pure.
 */
import { LayoutChangedError, NotARisPageError } from '../errors';
import type { ParseContext } from '../html/context';
import type { RisRecord } from '../records';
import { readOparlJson } from './json';
import { mapList } from './list';
import { mapObject } from './objects';
import { isObject } from './quirks';

export function parseOparl(ctx: ParseContext): RisRecord {
  const json = readOparlJson(ctx.text);
  if (Array.isArray(json)) return mapList(json, null, ctx);
  if (!isObject(json)) throw new NotARisPageError('JSON, but not an OParl object (neither an object nor a list)');
  if ('data' in json && !('type' in json)) {
    if (!Array.isArray(json.data)) throw new LayoutChangedError('OParl list page whose "data" is not an array', ctx.url, 'data');
    return mapList(json.data, isObject(json.links) ? json.links : null, ctx);
  }
  return mapObject(json, ctx);
}
