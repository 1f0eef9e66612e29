/**
 * The JSON of the committee lists (OpenAPI schemas CommitteeList and CommitteeSummary): GET
 * /gremien.json?stadt=KEY (= /gremien with ?format=json or Accept: application/json), every city's
 * committees or one city's; a city's JSON (city-json.ts) lists its committees alike.
 */
import type { CityRow } from '../../db/queries-cities';
import type { CommitteeListRow } from '../views/committee-list-view';
import type { JsonLinks } from './links';

export const COMMITTEES_JSON_PATH = '/gremien.json';

/** A committee of a city's list: its kind, members, queue and next meeting. */
export function committeeSummaryJson(c: CommitteeListRow, links: JsonLinks) {
  return {
    name: c.name,
    id: c.organizationId,
    links: { self: c.organizationId != null ? links.organization(c.organizationId).self : null, html: links.url(c.href) },
    kind: c.kindLabel,
    faction: c.isFaction,
    endedOn: c.endedOn,
    members: c.members,
    queue: c.queue,
    deadlines: c.deadlines,
    nextMeeting: c.next ? { id: c.next.id, links: links.meeting(c.next.id), date: c.next.date, start: c.next.start } : null,
  };
}

/** A city as other objects name it: key, name, demo and its page. */
export function cityRefJson(c: CityRow, links: JsonLinks) {
  const key = encodeURIComponent(c.key);
  return { key: c.key, name: c.name, demo: c.isDemo, links: { self: links.url(`/staedte/${key}.json`), html: links.url(`/staedte/${key}`) } };
}

export interface CommitteeListJsonInput {
  today: string;
  city: CityRow | null;
  groups: { city: CityRow; committees: CommitteeListRow[] }[];
}

export function toCommitteeListJson(input: CommitteeListJsonInput, links: JsonLinks) {
  const q = input.city ? `stadt=${encodeURIComponent(input.city.key)}` : '';
  return {
    type: 'CommitteeList' as const,
    today: input.today,
    filters: { stadt: input.city?.key ?? null },
    groups: input.groups.map((g) => ({ city: cityRefJson(g.city, links), committees: g.committees.map((c) => committeeSummaryJson(c, links)) })),
    links: { self: links.url(COMMITTEES_JSON_PATH, q), html: links.url('/gremien', q) },
  };
}
