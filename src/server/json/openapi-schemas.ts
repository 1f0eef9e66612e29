/**
 * The component schemas of /openapi.json: one per JSON answer (PaperListPage, SearchPage, Paper,
 * Meeting, Organization with its Queue, Health, Error) and the parts they share (MotionSummary,
 * Derived, NextStep, …). Field names are the record names of CONTRACTS.md. Objects ratsradar builds
 * are closed (no other properties), so a field added to a view without its schema fails the tests.
 */
import { RESULT_CODES, ROLE_CODES } from '../../../scrapers/shared/codes';
import { PAPER_STATES, STATION_STATES } from '../../domain/states';
import { LIST_SORTS } from '../../db/queries-lists';
import { WAY_SCHEMAS } from './openapi-schemas-ways';
import { arrayOf, bool, composed, date, dateTime, enumOf, int, nullable, obj, ref, str, time, uri, type Schema } from './schema-kit';

const nstr = nullable(str);
const ndate = nullable(date);
const roleCode = nullable(enumOf(ROLE_CODES));
const resultCode = enumOf(RESULT_CODES);

const check = obj({ flagged: bool, blocking: bool, label: str, messages: arrayOf(str) }, { description: 'The agenda check of a motion on a coming agenda (src/domain/agenda-check.ts).' });

/** A meeting's own document (meeting-json.ts meetingFileJson): the component MeetingFile. */
const MEETING_FILE = obj({
  name: str, url: nullable(uri),
  document: { ...nullable(enumOf(['read', 'no-text', 'unreadable', 'failed', 'link'])), description: 'What became of ratsradar’s fetch: its text read, a PDF without text layer, unreadable, the fetch failed (tried again), left a link; null: not fetched (yet).' },
  pages: { ...nullable(int), description: 'The document’s page count, where ratsradar fetched and opened it.' },
}, { description: 'A meeting’s own document (Einladung, Niederschrift …) as its page lists it: its link and what became of ratsradar’s fetch.' });

/** What the start page's list and the search's page share. */
const LIST_PAGE = {
  filters: ref('Filters'),
  sort: enumOf(LIST_SORTS),
  pagination: ref('Pagination'),
  links: ref('ListLinks'),
  facets: ref('Facets'),
  items: arrayOf(ref('MotionSummary')),
};

export const COMPONENT_SCHEMAS: Record<string, Schema> = {
  Error: obj({ error: str, status: int }, { description: 'Every error answer of a JSON request: one line in German, and the HTTP status.' }),
  Dashboard: obj({
    type: { const: 'Dashboard' },
    today: date,
    topic: nullable(obj({ id: str, label: str })),
    city: nstr,
    tables: arrayOf(obj({
      key: enumOf(['staedte', 'dauer', 'ruhend', 'ergebnisse', 'monate']),
      heading: str,
      caption: str,
      columns: arrayOf(str),
      rows: arrayOf(arrayOf({ type: ['string', 'number'] })),
      csv: uri,
    })),
    links: obj({ self: uri, html: uri }),
  }, { description: 'The dashboard: the table beside each chart (numbers as numbers) and its CSV address.' }),
  Source: obj({ key: str, name: str, demo: bool }, { description: 'The RIS a motion, meeting or committee comes from (sourceKey, its name, whether it is demo data).' }),
  ObjectLinks: obj({ self: uri, html: uri }, { description: 'An object’s JSON (self) and its page (html), absolute.' }),
  PageLinks: obj({ self: uri, first: uri, prev: nullable(uri), next: nullable(uri), last: uri }, { open: true, description: 'Links of a paged list; next is null on the last page.' }),
  Pagination: obj({ page: { type: 'integer', minimum: 1 }, pageSize: { type: 'integer', minimum: 1 }, total: { type: 'integer', minimum: 0 }, pages: { type: 'integer', minimum: 1 } }),
  NextStep: obj({
    organization: nstr,
    role: nstr,
    roleCode,
    date: ndate,
    fromAgenda: nullable(obj({ date, meetingId: nullable(int), number: nstr }, { description: 'The date comes from this published agenda, not the motion’s own page.' })),
  }, { description: 'The committee that deals with the motion next, and when where known.' }),
  Derived: obj({
    state: enumOf(PAPER_STATES),
    stateLabel: str,
    explanation: { type: 'string', description: 'Why the motion has this state (German): the station and meeting row that set it.' },
    explanationEn: str,
    currentOrganization: nstr,
    next: nullable(ref('NextStep')),
    awaiting: nullable(obj({ organization: nstr, role: nstr, date: ndate }, { description: 'A committee that has met on the motion and whose result is not published yet.' })),
    decision: nullable(obj({ organization: nstr, role: nstr, date: ndate, result: nstr, resultCode })),
    lastActivity: ndate,
  }, { open: true, description: 'ratsradar’s reading of where a motion stands, today (progress(), src/domain/progress.ts).' }),
  MotionSummary: composed([ref('Derived')], {
    id: int,
    links: ref('ObjectLinks'),
    source: ref('Source'),
    reference: nstr,
    name: nstr,
    paperType: nstr,
    date: ndate,
    firstSeenAt: nullable(dateTime),
    updatedAt: nullable(dateTime),
  }, 'A motion in a list, with its derived state, explanation and next step.'),
  Facets: obj(Object.fromEntries(['source', 'state', 'organization', 'paperType', 'year'].map((k) => [k, arrayOf(obj({ value: str, label: str, count: int }))]))),
  Filters: obj({
    source: nstr, state: nullable(enumOf(PAPER_STATES)), organization: nstr, paperType: nstr, year: nullable({ type: 'string', pattern: '^\\d{4}$' }),
    faction: nstr,
  }, { optional: ['faction'] }),
  ListLinks: composed([ref('PageLinks')], { html: uri, csv: uri }, 'The list’s pages, its HTML page and its CSV (every motion of the list, not one page).'),
  PaperListPage: obj({
    type: { const: 'PaperList' },
    today: date,
    topic: nullable(obj({ id: str, label: str, description: nstr })),
    ...LIST_PAGE,
  }, { description: 'One page of the start page’s list (/vorlagen.json = /?format=json).' }),
  SearchPage: obj({
    type: { const: 'SearchPage' },
    today: date,
    q: str,
    ...LIST_PAGE,
  }, { description: 'One page of a search’s matches (/suche.json?q= = /suche?format=json), exact reference matches first.' }),
  MeetingFile: MEETING_FILE,
  MinutesMention: obj({
    name: str,
    url: nullable(uri),
    pages: arrayOf(obj({ page: int, url: nullable(uri) })),
  }, { description: 'A meeting’s minutes (Niederschrift, Protokoll) that ratsradar read and that name the motion’s reference number: the pages that do (the first five), each linked (#page=N).' }),
  CommitteeRef: obj({ name: nstr, id: nullable(int), links: nullable(obj({ self: nullable(uri), html: uri })) }),
  Meeting: obj({
    type: { const: 'Meeting' },
    id: int,
    today: date,
    links: obj({ self: uri, html: uri, agendaCsv: uri }),
    source: ref('Source'),
    sourceId: nstr,
    originalUrl: nullable(uri),
    name: nstr,
    organization: ref('CommitteeRef'),
    date: ndate,
    start: nullable(time),
    end: nullable(time),
    room: nstr,
    location: nstr,
    statusText: nstr,
    cancelled: bool,
    agendaRead: { ...bool, description: 'Its own page (or OParl object) was read, so `agendaItem` is its agenda; false: only a calendar row or agenda items’ own pages named it, and `agendaItem` holds those items only.' },
    future: bool,
    updatedAt: dateTime,
    agendaItem: arrayOf(obj({
      id: int,
      number: nstr,
      public: nullable(bool),
      supplement: { ...bool, description: 'The agenda marks the item as added later, a "Nachtrag" ("Nachtrags-TOP").' },
      note: { ...nstr, description: 'The agenda’s remark on the item (its “Zusatzinfo”: “Nach eingegangener Stellungnahme … fortgesetzt”); never one naming a person.' },
      name: nstr,
      paperReference: nstr,
      paper: nullable(composed([ref('Derived')], { id: int, reference: nstr, name: nstr, links: ref('ObjectLinks') })),
      result: nstr,
      resultCode: nullable(resultCode),
      decision: obj({ vote: nstr, text: nstr, status: nstr }, {
        description: 'As the meeting page shows it: the vote where the minutes give one ("Dafür 25, Dagegen 8, Enthaltungen 0"), the decision’s text (its Beschluss sections, never a protocol), the RIS’s status of the decision ("Beschlussumsetzung erwünscht (22.12.2025)").',
      }),
      originalUrl: nullable(uri),
      check: { ...nullable(check), description: 'For a coming meeting, the agenda check of the item\u2019s motion ("bereit" too); null for a past meeting or an item without a motion.' },
      minutes: { ...arrayOf(ref('MinutesMention')), description: 'The meeting’s minutes that name this item’s motion (its reference number); empty when none does or none was read.' },
    })),
    files: {
      ...arrayOf(ref('MeetingFile')),
      description: 'The meeting’s own documents as its page lists them (Einladung, Bekanntmachung, Niederschrift); links to the RIS.',
    },
    documents: arrayOf(obj({ agendaItemId: int, number: nstr, paperId: int, reference: nstr, name: nstr, url: nullable(uri) })),
    fromSequences: {
      ...arrayOf(obj({ id: int, reference: nstr, name: nstr, links: ref('ObjectLinks'), role: nstr, result: nstr })),
      description: 'The motions whose Beratungsfolge names this meeting (a row links it) and that no known agenda item of it names, with the row’s role and result: what is known of a meeting whose agenda was not read, or a motion its agenda leaves out.',
    },
  }, { description: 'A meeting with its agenda; every motion on it with its derived state.' }),
  QueueItem: composed([ref('Derived')], {
    id: int,
    links: ref('ObjectLinks'),
    source: ref('Source'),
    reference: nstr,
    name: nstr,
    role: nstr,
    roleCode,
    meetingDate: { ...ndate, description: 'The committee’s next meeting on the motion, where known.' },
    deadline: { ...ndate, description: 'The committee must deliberate before this day (a later decisive station meets then).' },
    waitingSince: ndate,
    check: nullable(check),
  }, 'A motion waiting for the committee.'),
  Queue: obj({ pagination: ref('Pagination'), links: composed([ref('PageLinks')], {}), items: arrayOf(ref('QueueItem')) }, { description: 'The motions whose next station is the committee, paged.' }),
  Organization: obj({
    type: { const: 'Organization' },
    id: nullable(int),
    today: date,
    links: obj({ self: uri, html: nullable(uri), feed: nullable(uri), calendar: nullable(uri), meetingsCsv: nullable(uri) }),
    source: ref('Source'),
    name: str,
    kind: nstr,
    endedOn: { ...ndate, description: 'The day it ended, when that is past (a former faction); null for one that exists.' },
    originalUrl: nullable(uri),
    queue: nullable(ref('Queue')),
    coming: arrayOf(obj({
      meetingId: nullable(int),
      links: nullable(ref('ObjectLinks')),
      date,
      start: nullable(time),
      name: nstr,
      room: nstr,
      cancelled: bool,
      published: bool,
      flagged: int,
      hiddenItems: int,
      items: arrayOf(obj({ number: nstr, name: nstr, paperId: nullable(int), paperReference: nstr, links: nullable(ref('ObjectLinks')), plannedOnly: bool, public: bool, check: nullable(check) })),
    })),
    pastMeetings: arrayOf(obj({
      id: int, links: ref('ObjectLinks'), name: nstr, date, start: nullable(time), room: nstr, cancelled: bool, items: int,
      agendaRead: { ...bool, description: 'Its own page was read, so `items` counts its agenda; false: only a calendar row or agenda items’ own pages named it, and `items` counts those.' },
      minutes: { ...arrayOf(ref('MeetingFile')), description: 'The meeting’s minutes (Niederschrift, Protokoll) as its page lists them.' },
    })),
    members: arrayOf(obj({ name: str, role: nstr, group: nstr })),
    pastFromSequences: {
      ...arrayOf(obj({ date, papers: arrayOf(obj({ id: int, reference: nstr, name: nstr, links: ref('ObjectLinks'), result: nstr })) })),
      description: 'Past days its motions’ Beratungsfolgen name for it without a meeting of it known (no calendar row, agenda or page of that meeting read), newest first, at most 20, each with the motions and their rows’ results.',
    },
  }, { description: 'A committee (or faction): its queue (null for a faction), coming meetings with agendas and the agenda check, past meetings, members.' }),
  MeetingListPage: obj({
    type: { const: 'MeetingList' },
    today: date,
    organization: obj({ id: int, name: nstr, sourceName: str, links: ref('ObjectLinks') }),
    pagination: ref('Pagination'),
    links: composed([ref('PageLinks')], { csv: uri, feed: uri, calendar: uri }),
    items: arrayOf(obj({
      id: int, links: ref('ObjectLinks'), name: nstr, organization: nstr, date, start: nullable(time), end: nullable(time), room: nstr, location: nstr,
      statusText: nstr, future: bool, agendaItems: int, updatedAt: dateTime,
      minutes: { ...arrayOf(ref('MeetingFile')), description: 'The meeting’s minutes (Niederschrift, Protokoll) as its page lists them.' },
    })),
  }, { description: 'A committee’s meetings, newest first: the data of its feed, calendar and meetings.csv.' }),
  ...recordSchemas(),
  ...WAY_SCHEMAS,
};

/** The stored record and progress of /papers/:id.json (records grow optional fields: open objects). */
function recordSchemas(): Record<string, Schema> {
  const meetingRow = obj({ date: ndate, name: nstr, meetingSourceId: nstr, agendaItemSourceId: nstr, result: nstr, resultCode }, { open: true });
  return {
    PaperRecord: obj({
      type: { const: 'Paper' }, format: { const: 1 }, system: enumOf(['allris3', 'allris4', 'oparl']), systemVersion: nstr, sourceId: nstr, url: nstr,
      reference: nstr, name: nstr, paperType: nstr, public: nullable(bool), statusText: nstr, originator: arrayOf(str), underDirectionOf: arrayOf(str),
      date: ndate, relatedReferences: arrayOf(str),
      consultation: arrayOf(obj({ organization: nstr, role: nstr, roleCode, stationStatus: nstr, meetings: arrayOf(meetingRow) }, { open: true })),
      files: arrayOf(obj({ name: nstr, url: nstr }, { open: true })),
      text: arrayOf(obj({ heading: nstr, text: nstr }, { open: true })),
    }, { open: true, description: 'The motion as read from the RIS (CONTRACTS.md, Paper record).' }),
    Progress: obj({
      today: date, countTo: date, state: enumOf(PAPER_STATES), label: str,
      stations: arrayOf(obj({ index: int, organization: nstr, role: nstr, roleCode, status: enumOf(STATION_STATES), meetings: arrayOf(obj({ date: ndate, past: bool, future: bool, cancelled: bool, listedDate: date }, { open: true, optional: ['cancelled', 'listedDate'] })) }, { open: true })),
      currentStation: nullable(int), next: nullable(obj({
        stationIndex: int, organization: nstr, role: nstr, roleCode, date: ndate, cancelledDate: date,
        undatedMeeting: { const: true, description: 'Without a date: its meeting row names a meeting (or agenda item) whose date is not known.' },
      }, { open: true, optional: ['cancelledDate', 'undatedMeeting'] })),
      awaiting: nullable(obj({}, { open: true })), deadlines: arrayOf(obj({}, { open: true })), decision: nullable(obj({}, { open: true })), decisionDate: ndate,
      deferralCount: int, referralCount: int, lastActivity: ndate, stalledSince: ndate, basis: nullable(obj({}, { open: true })),
      explanation: str, explanationEn: str,
    }, { description: 'progress() of the motion, every station and meeting row.' }),
    Paper: composed([ref('Derived')], {
      type: { const: 'Paper' },
      id: int,
      links: obj({ self: uri, html: uri, feed: uri, calendar: uri }),
      source: ref('Source'),
      reference: nstr,
      name: nstr,
      firstSeenAt: dateTime,
      updatedAt: dateTime,
      dataAsOf: nullable(str),
      dataAge: obj({ asOf: ndate, countTo: date, capped: bool, ageDays: nullable(int), stale: bool, maxAgeDays: int }),
      today: date,
      sequence: {
        ...nullable(enumOf(['agenda', 'unknown'])),
        description: 'Where the Beratungsfolge (record.consultation) is known from when not from the motion’s own page: "agenda" — only the agendas that name it (what came after them is not known; never "stalled"), "unknown" — not at all (a row of a motion list, an agenda that no longer names it); null: its own page (or OParl object) was read.',
      },
      record: ref('PaperRecord'),
      progress: ref('Progress'),
      minutes: {
        ...arrayOf(obj({ meeting: obj({ id: int, links: ref('ObjectLinks') }), documents: arrayOf(ref('MinutesMention')) })),
        description: 'The motion’s meetings whose minutes (read by ratsradar) name its reference number, in the order of its Beratungsfolge.',
      },
    }, 'A motion: the record as read, its full progress, and its derived state at the top.'),
    Health: obj({
      status: enumOf(['ok', 'error']), today: date,
      database: obj({ ok: bool, papers: int, meetings: int, error: str }, { optional: ['papers', 'meetings', 'error'] }),
      sources: arrayOf(obj({ key: str, name: str, demo: bool, lastSyncAt: nstr, lastSuccessAt: nstr, lastFailureAt: nstr }, { optional: ['lastSuccessAt', 'lastFailureAt'] })),
    }),
  };
}
