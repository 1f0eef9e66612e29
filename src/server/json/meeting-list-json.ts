/**
 * The JSON of a committee's meetings (OpenAPI schema MeetingListPage): GET /organizations/:id/meetings.json,
 * every known meeting newest first — the data of its feed, calendar and meetings.csv (the same meetings,
 * at most CSV_MAX_ROWS), MEETINGS_PAGE_SIZE a page with absolute links; each with its minutes as they are linked.
 */
import type { CalendarMeeting } from '../../db/queries-calendar';
import type { MeetingFileView } from '../../db/queries-meetings';
import type { JsonLinks } from './links';
import { pageLinks } from './list-json';
import { meetingFileJson, meetingWhenWhere } from './meeting-json';

export const MEETINGS_PAGE_SIZE = 100;

export interface MeetingListJsonInput {
  organization: { id: number; name: string | null; sourceName: string };
  /** every meeting of the list, newest first */
  meetings: CalendarMeeting[];
  page: number;
  /** the minutes of the page's meetings (Niederschrift, Protokoll), by meeting id */
  minutes: ReadonlyMap<number, MeetingFileView[]>;
}

/** The meetings of page `page` (MEETINGS_PAGE_SIZE a page). */
export const meetingsOfPage = <M>(meetings: readonly M[], page: number): M[] => meetings.slice((page - 1) * MEETINGS_PAGE_SIZE, page * MEETINGS_PAGE_SIZE);

export function toMeetingListJson(input: MeetingListJsonInput, links: JsonLinks, today: string) {
  const { organization: org, page } = input;
  const total = input.meetings.length;
  const pages = Math.max(1, Math.ceil(total / MEETINGS_PAGE_SIZE));
  const path = `/organizations/${org.id}/meetings.json`;
  return {
    type: 'MeetingList' as const,
    today,
    organization: { id: org.id, name: org.name, sourceName: org.sourceName, links: links.organization(org.id) },
    pagination: { page, pageSize: MEETINGS_PAGE_SIZE, total, pages },
    links: {
      ...pageLinks(links, path, page, pages, (n) => (n > 1 ? `seite=${n}` : '')),
      csv: links.url(`/organizations/${org.id}/meetings.csv`),
      feed: links.url(`/organizations/${org.id}/feed.atom`),
      calendar: links.url(`/organizations/${org.id}/calendar.ics`),
    },
    items: meetingsOfPage(input.meetings, page).map((m) => ({
      id: m.id,
      links: links.meeting(m.id),
      name: m.name,
      organization: m.organization,
      ...meetingWhenWhere(m),
      future: m.date >= today,
      agendaItems: m.items,
      updatedAt: m.updatedAt,
      minutes: (input.minutes.get(m.id) ?? []).map(meetingFileJson),
    })),
  };
}
