/**
 * The OParl System (ratsradar itself), one Body per source, and a body's Organizations, Persons and
 * Memberships. People are elected members only (the people table never holds staff); a person's
 * memberships are embedded, and each stands at its own id too. Legislative terms are not known to
 * ratsradar: a Body's `legislativeTerm` is empty.
 */
import { organizationKeysByName, type OparlBodyRow } from '../../db/queries-oparl';
import {
  loadOrganizationMemberships, loadPersonMemberships,
  type OparlMembershipRow, type OparlOrganizationRow, type OparlPersonRow,
} from '../../db/queries-oparl-entities';
import { compact, isHttp, times, VENDOR, type OparlContext, type OparlJson } from './context';
import { membershipKey, typeUrl, type OparlKind, type OparlUrls } from './urls';
import { personName } from './person-name';

const V = (name: string) => `${VENDOR}${name}`;

export function systemObject(urls: OparlUrls): OparlJson {
  return {
    id: urls.system, type: typeUrl('System'), oparlVersion: 'https://schema.oparl.org/1.1/', body: urls.bodies,
    name: 'ratsradar', website: urls.web('/'), web: urls.web('/'),
  };
}

/** The list fields of a Body: every kind ratsradar serves (Location has no list of its own in a Body: locationList). */
const BODY_LISTS: [field: string, kind: OparlKind][] = [
  ['organization', 'Organization'], ['person', 'Person'], ['meeting', 'Meeting'], ['paper', 'Paper'], ['agendaItem', 'AgendaItem'],
  ['consultation', 'Consultation'], ['file', 'File'], ['membership', 'Membership'], ['locationList', 'Location'],
];

export function bodyObject(urls: OparlUrls, b: OparlBodyRow): OparlJson {
  const lists = Object.fromEntries(BODY_LISTS.map(([field, kind]) => [field, urls.list(b.key, kind)]));
  return compact({
    id: urls.body(b.key), type: typeUrl('Body'), system: urls.system, name: b.name, shortName: b.key,
    website: isHttp(b.base_url) ? b.base_url : null,
    ...lists,
    legislativeTerm: [],
    ...times(b.created_at, b.last_sync_at ?? b.created_at),
    // the city's page (its numbers, committees, calendar, motions)
    web: urls.web(`/staedte/${encodeURIComponent(b.key)}`),
    [V('sourceKey')]: b.key,
    [V('demo')]: b.is_demo === 1,
    [V('risOparlUrl')]: isHttp(b.oparl_url) ? b.oparl_url : null,
  }, ['legislativeTerm']);
}

const ORGANIZATION_TYPES: Record<string, string> = { committee: 'Gremium', faction: 'Fraktion', party: 'Partei' };

function membershipObject(c: OparlContext, m: OparlMembershipRow, groups: Map<string, string>, embedded: boolean): OparlJson {
  return compact({
    id: c.urls.object(c.source.key, 'Membership', membershipKey(m.org_key, m.position)), type: typeUrl('Membership'),
    person: embedded ? null : c.urls.object(c.source.key, 'Person', m.person_name),
    organization: c.urls.object(c.source.key, 'Organization', m.org_key),
    role: m.role,
    onBehalfOf: m.group_name && groups.has(m.group_name) ? c.urls.object(c.source.key, 'Organization', groups.get(m.group_name)!) : null,
    ...times(null, m.updated_at),
    [V('group')]: m.group_name,
  });
}

/** Memberships; embedded in their Person (`embedded`) without the back-reference `person` (OParl 1.1: only where fetched on its own). */
export function membershipObjects(c: OparlContext, rows: OparlMembershipRow[], embedded = false): OparlJson[] {
  const groups = organizationKeysByName(c.sqlite, c.source.id, rows.map((m) => m.group_name).filter((g): g is string => !!g));
  return rows.map((m) => membershipObject(c, m, groups, embedded));
}

export function organizationObjects(c: OparlContext, orgs: OparlOrganizationRow[]): OparlJson[] {
  const members = loadOrganizationMemberships(c.sqlite, orgs.map((o) => o.id));
  return orgs.map((o) => compact({
    id: c.urls.object(c.source.key, 'Organization', o.entity_key), type: typeUrl('Organization'), body: c.urls.body(c.source.key),
    name: o.name,
    membership: members.filter((m) => m.organization_id === o.id).map((m) => c.urls.object(c.source.key, 'Membership', membershipKey(m.org_key, m.position))),
    organizationType: o.kind ? (ORGANIZATION_TYPES[o.kind] ?? null) : null,
    classification: o.kind,
    endDate: o.end_date,
    ...times(o.created, o.updated_at),
    web: c.urls.web(`/organizations/${o.id}`),
    [V('originalUrl')]: isHttp(o.url) ? o.url : null,
  }));
}

export function personObjects(c: OparlContext, people: OparlPersonRow[]): OparlJson[] {
  const rows = loadPersonMemberships(c.sqlite, people.map((p) => p.id));
  const memberships = membershipObjects(c, rows, true);
  return people.map((p) => compact({
    id: c.urls.object(c.source.key, 'Person', p.name), type: typeUrl('Person'), body: c.urls.body(c.source.key), ...personName(p.name),
    membership: c.omitInternal ? null : memberships.filter((_m, i) => rows[i].person_id === p.id),
    ...times(null, p.modified),
  }));
}

