/** The pieces bench/generate.ts builds a city from: committees with their meeting calendars, organizations, words. */
import type { MeetingRecord, OrganizationRecord } from '../scrapers/records';
import type { Random } from './random';
import { COMMITTEES, FIRST_NAMES, LAST_NAMES, MEMBER_ROLES, PLACES, ROOMS, TEXT_WORDS, type CitySpec } from './vocabulary';

const DAY = 86_400_000;
export const toDays = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
export const toIso = (days: number) => new Date(days * DAY).toISOString().slice(0, 10);


export interface Committee {
  name: string;
  meetingName: string;
  sourceId: string;
  isCouncil: boolean;
  calendar: PlannedMeeting[];
}

export interface PlannedMeeting {
  sourceId: string;
  day: number;
  committee: Committee;
  start: string;
  room: string;
  items: MeetingRecord['agendaItem'];
}

export const SYSTEM_VERSION = { allris3: '3.9.5', allris4: '4.1.7' } as const;

export function urls(spec: CitySpec) {
  const ext = spec.system === 'allris3' ? '.asp' : '';
  const b = spec.baseUrl;
  return {
    paper: (id: string) => `${b}vo020${ext}?VOLFDNR=${id}`,
    meeting: (id: string) => `${b}to010${ext}?SILFDNR=${id}`,
    committee: (id: string) => (spec.system === 'allris3' ? `${b}au020.asp?AULFDNR=${id}` : `${b}gr020?GRLFDNR=${id}`),
    faction: (id: string) => `${b}fr020${ext}?FRLFDNR=${id}`,
    file: (id: number) => `${b}do027${ext}?DOLFDNR=${id}`,
  };
}

export function fill(template: string, rnd: Random, year: number, faction: string, committee: Committee): string {
  return template
    .replace('{year}', String(year))
    .replace('{n}', String(rnd.int(1, 400)))
    .replace('{place}', rnd.pick(PLACES))
    .replace('{faction}', faction)
    .replace('{committee}', committee.meetingName.replace(/^Sitzung (des|der) /, ''));
}

export function words(rnd: Random, length: number): string {
  const out: string[] = [];
  let n = 0;
  let sentence = 0;
  while (n < length) {
    let w = rnd.pick(TEXT_WORDS);
    if (sentence === 0) w = w[0].toUpperCase() + w.slice(1);
    sentence++;
    if (sentence > 6 && rnd.chance(0.15)) {
      w += '.';
      sentence = 0;
    }
    out.push(w);
    n += w.length + 1;
  }
  return out.join(' ');
}

/** The first meeting of a calendar on or after `day` (binary search), or null. */
export function meetingOnOrAfter(calendar: PlannedMeeting[], day: number): PlannedMeeting | null {
  let lo = 0;
  let hi = calendar.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (calendar[mid].day < day) lo = mid + 1;
    else hi = mid;
  }
  return lo < calendar.length ? calendar[lo] : null;
}

export function buildCommittees(rnd: Random, spec: CitySpec, firstDay: number, lastDay: number, ids: { meeting: number }): Committee[] {
  const count = rnd.int(8, 16);
  const chosen = rnd.sample(COMMITTEES, count);
  const list: Committee[] = [
    { name: spec.council[0], meetingName: spec.council[1], sourceId: '1', isCouncil: true, calendar: [] },
    ...chosen.map(([name, meetingName], k) => ({ name, meetingName, sourceId: String(100 + k), isCouncil: false, calendar: [] })),
  ];
  for (const c of list) {
    const interval = c.isCouncil ? 42 : rnd.int(18, 35);
    const room = rnd.pick(ROOMS);
    const start = c.isCouncil ? '17:00' : rnd.pick(['16:00', '17:00', '17:30', '18:00', '18:30']);
    for (let day = firstDay + rnd.int(0, interval - 1); day <= lastDay; day += interval + rnd.int(-3, 3)) {
      c.calendar.push({ sourceId: String(ids.meeting++), day, committee: c, start, room, items: [] });
    }
  }
  return list;
}

interface Person {
  name: string;
  faction: string;
}

export function buildOrganizations(rnd: Random, spec: CitySpec, committees: Committee[], factions: string[]): OrganizationRecord[] {
  const u = urls(spec);
  const base = { format: 1 as const, system: spec.system, systemVersion: SYSTEM_VERSION[spec.system] };
  const pairs = LAST_NAMES.flatMap((l) => FIRST_NAMES.map((f) => `${l}, ${f}`));
  const people: Person[] = rnd.sample(pairs, rnd.int(40, 120)).map((name) => ({ name, faction: rnd.pick(factions) }));
  const members = (min: number, max: number, pool: Person[]) =>
    rnd.sample(pool, Math.min(pool.length, rnd.int(min, max))).map((p) => ({ name: p.name, role: rnd.weighted(MEMBER_ROLES), group: p.faction }));
  const orgs: OrganizationRecord[] = committees.map((c) => ({
    ...base, type: 'Organization', sourceId: c.sourceId, url: u.committee(c.sourceId), name: c.name,
    members: c.isCouncil ? members(30, 60, people) : members(9, 35, people),
  }));
  factions.forEach((f, k) => {
    const id = String(1000 + k);
    const pool = people.filter((p) => p.faction === f);
    orgs.push({ ...base, type: 'Organization', sourceId: id, url: u.faction(id), name: f, members: members(3, 30, pool) });
  });
  return orgs;
}

