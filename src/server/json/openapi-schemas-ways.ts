/**
 * The component schemas of the ways in (/staedte, /staedte/{key}, /gremien, /sitzungen) for
 * /openapi.json: CityList, City, CommitteeList, MeetingCalendar and their parts. Closed objects, as
 * in openapi-schemas.ts: a field added to a JSON view without its schema fails the tests.
 */
import type { BadgeKind } from '../../domain/agenda-badge';
import { arrayOf, bool, date, enumOf, int, nullable, obj, ref, str, time, uri, type Schema } from './schema-kit';

const nstr = nullable(str);
const BADGE_KINDS: readonly BadgeKind[] = ['past', 'unknown', 'none', 'ready', 'pending', 'open', 'later'];

const cityLinks = obj({ self: uri, html: uri, committees: uri, calendar: uri, ics: uri, motions: uri }, { description: 'The city’s JSON and page, its committees, its calendar (JSON and iCal) and its motions (JSON).' });
const cityHead = { key: str, name: str, demo: bool, system: nstr, links: cityLinks };
const week = { from: date, to: date, items: arrayOf(ref('CalendarMeeting')) };

export const WAY_SCHEMAS: Record<string, Schema> = {
  CityNumbers: obj({
    papers: int,
    meetings: int,
    comingMeetings: { ...int, description: 'Meetings from today on that are not cancelled.' },
    cancelledComingMeetings: { ...int, description: 'Meetings from today on that the RIS marks as cancelled.' },
    states: arrayOf(obj({ state: str, label: str, count: int })),
    lastSync: { ...nstr, description: 'When the crawler last synced the city successfully; null for saved pages.' },
  }, { description: 'A city’s numbers: motions (and by derived state), meetings, coming meetings.' }),
  CityRef: obj({ key: str, name: str, demo: bool, links: ref('ObjectLinks') }),
  CityList: obj({
    type: { const: 'CityList' },
    today: date,
    items: arrayOf(obj({ ...cityHead, numbers: ref('CityNumbers') })),
    links: ref('ObjectLinks'),
  }, { description: 'Every city (source) with its numbers (/staedte).' }),
  CommitteeSummary: obj({
    name: str,
    id: nullable(int),
    links: obj({ self: nullable(uri), html: uri }),
    kind: { ...str, description: 'German: Ausschuss, Fraktion, …' },
    faction: bool,
    endedOn: { ...nullable(date), description: 'The day it ended, when that is past (a former faction: the RIS lists it "bis 28.05.2019"); null for one that exists.' },
    members: int,
    queue: { ...int, description: 'Motions whose next station it is (0 for a faction).' },
    deadlines: { ...int, description: 'Motions scheduled at a later station that this committee has to deal with first (its deadline; the committee page counts them to its queue, at most 200; 0 for a faction).' },
    nextMeeting: nullable(obj({ id: int, links: ref('ObjectLinks'), date, start: nullable(time) })),
  }, { description: 'A committee as a city’s list shows it.' }),
  CalendarMeeting: obj({
    id: int,
    links: ref('ObjectLinks'),
    name: { ...str, description: 'The meeting’s name, else its committee’s, else "Sitzung".' },
    organization: ref('CommitteeRef'),
    source: ref('Source'),
    date,
    start: nullable(time),
    end: nullable(time),
    place: { ...nstr, description: 'Room and location, as the RIS names them.' },
    cancelled: bool,
    agendaCheck: nullable(obj({ kind: enumOf(BADGE_KINDS), ready: int, pending: int, open: int, label: str })),
  }, { description: 'A meeting of the calendar, with the agenda check of its coming agenda.' }),
  City: obj({
    type: { const: 'City' },
    today: date,
    ...cityHead,
    numbers: ref('CityNumbers'),
    committees: arrayOf(ref('CommitteeSummary')),
    comingMeetings: arrayOf(ref('CalendarMeeting')),
    pastMeetings: arrayOf(obj({
      id: int, links: ref('ObjectLinks'), name: nstr, organization: nstr, date, start: nullable(time), cancelled: bool,
      minutes: { ...arrayOf(ref('MeetingFile')), description: 'The meeting’s minutes (Niederschrift, Protokoll) as its page lists them.' },
    })),
    topic: obj({ id: str, label: str, total: int, items: arrayOf(ref('MotionSummary')) }, { description: 'The motions of the default topic, newest activity first (the first page; links.motions has them all).' }),
  }, { description: 'One city (/staedte/{key}): numbers, committees, coming and latest meetings, motions of the default topic.' }),
  CommitteeList: obj({
    type: { const: 'CommitteeList' },
    today: date,
    filters: obj({ stadt: nstr }),
    groups: arrayOf(obj({ city: ref('CityRef'), committees: arrayOf(ref('CommitteeSummary')) })),
    links: ref('ObjectLinks'),
  }, { description: 'The committees of every city, or of one (/gremien).' }),
  MeetingCalendar: obj({
    type: { const: 'MeetingCalendar' },
    today: date,
    filters: obj({ stadt: nstr, gremium: nstr, monat: { type: 'string', pattern: '^\\d{4}-\\d{2}$' } }),
    thisWeek: obj({ ...week, truncated: bool }),
    nextWeek: obj(week),
    month: obj({
      month: { type: 'string', pattern: '^\\d{4}-\\d{2}$' }, label: str, from: date, to: date, count: int, truncated: bool, items: arrayOf(ref('CalendarMeeting')),
      nearest: {
        ...nullable(obj({ before: nullable(ref('CalendarMeeting')), after: nullable(ref('CalendarMeeting')) })),
        description: 'For a month without meetings: the latest meeting before it and the first after it (with the same filters); null when the month has meetings.',
      },
    }),
    links: obj({ self: uri, html: uri, prev: uri, next: uri, ics: uri }),
  }, { description: 'The meeting calendar (/sitzungen): this week, next week and the month’s meetings.' }),
};
