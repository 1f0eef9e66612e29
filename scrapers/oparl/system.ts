/**
 * OParl System → SystemRecord and OParl Body → BodyRecord. A System names its body list (a URL) or,
 * rarely, embeds the bodies; a Body names one list URL per object kind. OParl 1.1 spells some list
 * fields with a "List" suffix (legislativeTermList, locationList): the record uses the object kind.
 * ALLRIS 1.0 embeds the legislative terms instead of naming a list: nothing to record then. Pure.
 */
import type { ParseContext } from '../html/context';
import type { BodyRecord, SystemRecord } from '../records';
import { oparlBase } from './base';
import { asList, idOf, oparlString, oparlUrl, type OparlObject } from './quirks';

/** "https://schema.oparl.org/1.1/" → "1.1". */
function versionOf(v: unknown): string | null {
  const s = oparlString(v);
  if (!s) return null;
  const m = /\/(1\.\d+)\/?$/.exec(s) ?? /^(1\.\d+)$/.exec(s);
  return m ? m[1] : null;
}

export function mapSystem(s: OparlObject, ctx: ParseContext): SystemRecord {
  const bodies: string[] = [];
  for (const b of asList(s.body)) {
    const id = idOf(b);
    if (id && !bodies.includes(id)) bodies.push(id);
  }
  return {
    ...oparlBase(s, 'System', ctx),
    name: oparlString(s.name),
    programs: null,
    oparlVersion: versionOf(s.oparlVersion),
    bodies,
  };
}

/** Body field → list name in the record. */
const BODY_LISTS: [field: string, list: string][] = [
  ['organization', 'organization'],
  ['person', 'person'],
  ['meeting', 'meeting'],
  ['paper', 'paper'],
  ['agendaItem', 'agendaItem'],
  ['consultation', 'consultation'],
  ['file', 'file'],
  ['membership', 'membership'],
  ['legislativeTermList', 'legislativeTerm'],
  ['legislativeTerm', 'legislativeTerm'],
  ['locationList', 'location'],
];

export function mapBody(b: OparlObject, ctx: ParseContext): BodyRecord {
  const lists: Record<string, string> = {};
  for (const [field, list] of BODY_LISTS) {
    const url = typeof b[field] === 'string' ? oparlUrl(b[field]) : null;
    if (url && !(list in lists)) lists[list] = url;
  }
  return {
    ...oparlBase(b, 'Body', ctx),
    name: oparlString(b.name),
    shortName: oparlString(b.shortName),
    lists,
  };
}
