/**
 * The JSON of the cities (OpenAPI schemas CityList and City): GET /staedte.json (= /staedte with
 * ?format=json or Accept: application/json), every city with its numbers; GET /staedte/:key.json (= the
 * city's page with ?format=json or Accept), one city: its numbers, committees, coming and latest
 * meetings and its motions of the default topic (the first page, as the page shows them).
 */
import type { CityRow, PastMeetingRow } from '../../db/queries-cities';
import type { ListRow } from '../../db/queries-lists';
import type { MeetingFileView } from '../../db/queries-meetings';
import type { Progress } from '../../domain/progress';
import type { CalendarItem } from '../views/calendar-view';
import type { CommitteeListRow } from '../views/committee-list-view';
import { calendarMeetingJson } from './calendar-json';
import { cityRefJson, committeeSummaryJson } from './committee-list-json';
import type { JsonLinks } from './links';
import { meetingFileJson } from './meeting-json';
import { toMotionSummary } from './motion-json';

export interface CityNumbersView {
  papers: number;
  meetings: number;
  comingMeetings: number;
  cancelledComingMeetings: number;
  states: { state: string; label: string; count: number }[];
  lastSync: string | null;
}

function numbersJson(n: CityNumbersView) {
  return {
    papers: n.papers, meetings: n.meetings, comingMeetings: n.comingMeetings, cancelledComingMeetings: n.cancelledComingMeetings, states: n.states.map((s) => ({ ...s })), lastSync: n.lastSync };
}

/** A city's addresses: its JSON and page, its committees, calendar (JSON and iCal) and motions (JSON). */
function cityLinks(c: CityRow, links: JsonLinks) {
  const q = `stadt=${encodeURIComponent(c.key)}`;
  return {
    ...cityRefJson(c, links).links,
    committees: links.url('/gremien.json', q),
    calendar: links.url('/sitzungen.json', q),
    ics: links.url('/sitzungen.ics', q),
    motions: links.url('/vorlagen.json', q),
  };
}

function cityHead(c: CityRow, links: JsonLinks) {
  return { key: c.key, name: c.name, demo: c.isDemo, system: c.system, links: cityLinks(c, links) };
}

export function toCityListJson(today: string, cities: { city: CityRow; numbers: CityNumbersView }[], links: JsonLinks) {
  return {
    type: 'CityList' as const,
    today,
    items: cities.map(({ city, numbers }) => ({ ...cityHead(city, links), numbers: numbersJson(numbers) })),
    links: { self: links.url('/staedte.json'), html: links.url('/staedte') },
  };
}

export interface CityJsonInput {
  today: string;
  city: CityRow;
  numbers: CityNumbersView;
  committees: CommitteeListRow[];
  coming: CalendarItem[];
  /** with each meeting's minutes (queries-meetings.ts withMinutes) */
  past: (PastMeetingRow & { minutes: MeetingFileView[] })[];
  topic: { id: string; label: string; total: number; rows: ListRow[]; progress: Map<number, Progress> };
}

export function toCityJson(input: CityJsonInput, links: JsonLinks) {
  const { city, topic } = input;
  return {
    type: 'City' as const,
    today: input.today,
    ...cityHead(city, links),
    numbers: numbersJson(input.numbers),
    committees: input.committees.map((c) => committeeSummaryJson(c, links)),
    comingMeetings: input.coming.map((m) => calendarMeetingJson(m, links)),
    pastMeetings: input.past.map((m) => ({
      id: m.id, links: links.meeting(m.id), name: m.name, organization: m.organization, date: m.date, start: m.start, cancelled: m.cancelled,
      minutes: m.minutes.map(meetingFileJson),
    })),
    topic: {
      id: topic.id,
      label: topic.label,
      total: topic.total,
      items: topic.rows.map((r) => {
        const pr = topic.progress.get(r.id);
        if (!pr) throw new Error(`no progress for paper ${r.id}`);
        return toMotionSummary(r, pr, links);
      }),
    },
  };
}
