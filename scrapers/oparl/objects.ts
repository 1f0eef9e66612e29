/**
 * One OParl object → one record, by the type name in its `type` URL. Objects without an OParl type are
 * not OParl (NotARisPageError); OParl types that have no record (Consultation, Location, Membership,
 * LegislativeTerm) are reported as not parsed (UnsupportedPageError). Pure.
 */
import { NotARisPageError, UnsupportedPageError } from '../errors';
import type { ParseContext } from '../html/context';
import type { RisRecord } from '../records';
import { mapAgendaItem } from './agenda-item';
import { oparlType } from './base';
import { mapFile } from './file';
import { mapMeeting } from './meeting';
import { mapOrganization, mapPerson } from './organization';
import { mapPaper } from './paper';
import type { OparlObject } from './quirks';
import { mapBody, mapSystem } from './system';

type Mapper = (obj: OparlObject, ctx: ParseContext) => RisRecord;

export const MAPPERS: Record<string, Mapper> = {
  System: mapSystem,
  Body: mapBody,
  Paper: mapPaper,
  Meeting: mapMeeting,
  AgendaItem: mapAgendaItem,
  Organization: mapOrganization,
  Person: mapPerson,
  File: mapFile,
};

/** The OParl type name of an object ("Paper"); NotARisPageError when it has none. */
export function typeNameOf(obj: OparlObject): string {
  const t = oparlType(obj);
  if (!t) {
    const given = typeof obj.type === 'string' ? `type "${obj.type.slice(0, 80)}"` : 'no type';
    throw new NotARisPageError(`JSON, but not an OParl object (${given})`);
  }
  return t.name;
}

export function mapObject(obj: OparlObject, ctx: ParseContext): RisRecord {
  const name = typeNameOf(obj);
  const mapper = MAPPERS[name];
  if (!mapper) throw new UnsupportedPageError(`OParl ${name} objects are not parsed`, 'oparl');
  return mapper(obj, ctx);
}
