/**
 * OParl Organization → OrganizationRecord and OParl Person → PersonRecord. Members and a person's
 * organizations come from embedded Membership objects only (ALLRIS usually gives membership URLs:
 * then the lists are empty). Elected members' names belong here; no contact data is read. Pure.
 */
import type { ParseContext } from '../html/context';
import type { OrganizationMember, OrganizationRecord, PersonRecord } from '../records';
import { oparlBase } from './base';
import { embedded, embeddedList, firstName, idOf, oparlString, type OparlObject } from './quirks';
import { oparlDate } from './datetime';

/** A person's display name: `name`, else "givenName familyName". */
export function personName(p: OparlObject): string | null {
  return oparlString(p.name) ?? oparlString([oparlString(p.givenName), oparlString(p.familyName)].filter(Boolean).join(' '));
}

export function mapOrganization(o: OparlObject, ctx: ParseContext): OrganizationRecord {
  const members: OrganizationMember[] = [];
  for (const m of embeddedList(o.membership)) {
    const person = embedded(m.person);
    const name = person ? personName(person) : null;
    if (!name) continue;
    members.push({ name, role: oparlString(m.role), group: firstName(m.onBehalfOf) });
  }
  const organizationType = oparlString(o.organizationType);
  const classification = oparlString(o.classification);
  const endDate = oparlDate(o.endDate);
  return {
    ...oparlBase(o, 'Organization', ctx),
    name: oparlString(o.name) ?? oparlString(o.shortName),
    members,
    // what kind of body it is, as the source says (src/domain/organization-kind.ts reads it where its id does not tell)
    ...(organizationType ? { organizationType } : {}),
    ...(classification ? { classification } : {}),
    // the day it ended (a former faction), where the source gives one
    ...(endDate ? { endDate } : {}),
  };
}

export function mapPerson(p: OparlObject, ctx: ParseContext): PersonRecord {
  return {
    ...oparlBase(p, 'Person', ctx),
    name: personName(p),
    organizations: embeddedList(p.membership).map((m) => ({
      name: firstName(m.organization),
      sourceId: idOf(m.organization),
      role: oparlString(m.role),
    })),
  };
}
