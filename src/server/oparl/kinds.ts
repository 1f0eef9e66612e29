/**
 * Per OParl kind: how a list page is read (rows after a cursor, filtered by time) and turned into
 * objects, and how one object is found by its key. Consultations and Files of papers' pages are read
 * by paper (a page holds the consultations / documents of up to `limit` papers); Files that are OParl
 * objects of their own follow those (cursor "f<row id>"), then the meetings' own documents, read by meeting
 * (cursor "m<meeting id>"); Locations are read by meeting.
 */
import {
  findOparlOwnFile, findOparlPaper, listOparlOwnFiles, listOparlPapers, type OparlPageFilter,
} from '../../db/queries-oparl';
import {
  findOparlAgendaItem, findOparlMeeting, findOparlMembership, findOparlOrganization, findOparlPerson, listOparlAgendaItems,
  listOparlMeetings, listOparlMeetingsWithFiles, listOparlMemberships, listOparlOrganizations, listOparlPersons,
} from '../../db/queries-oparl-entities';
import { membershipObjects, organizationObjects, personObjects } from './body-objects';
import type { OparlContext, OparlJson } from './context';
import { agendaItemObjects, locationObject, meetingFilesOf, meetingObjects } from './meeting-objects';
import { consultationsOf, fileObject, paperFilesOf, paperObjects } from './paper-objects';
import { splitKey, type OparlKind } from './urls';

export interface ListPage {
  objects: OparlJson[];
  /** the cursor of the next page, or null on the last one */
  next: string | null;
}

export interface KindSpec {
  list(c: OparlContext, f: OparlPageFilter, cursor: string): ListPage;
  one(c: OparlContext, key: string): OparlJson | null;
}

/** A cursor is a row id ("123"), or for own Files "f123"; anything else is the start. */
function rowCursor(cursor: string): number {
  return /^\d{1,15}$/.test(cursor) ? Number(cursor) : 0;
}

function paged<R extends { id: number }>(f: OparlPageFilter, rows: R[], toObjects: (rows: R[]) => OparlJson[]): ListPage {
  return { objects: toObjects(rows), next: rows.length === f.limit ? String(rows[rows.length - 1].id) : null };
}

function simple<R extends { id: number }>(
  list: (c: OparlContext, f: OparlPageFilter) => R[], toObjects: (c: OparlContext, rows: R[]) => OparlJson[],
  find: (c: OparlContext, key: string) => R | null,
): KindSpec {
  return {
    list: (c, f, cursor) => paged({ ...f, after: rowCursor(cursor) }, list(c, { ...f, after: rowCursor(cursor) }), (rows) => toObjects(c, rows)),
    one: (c, key) => {
      const row = find(c, key);
      return row ? toObjects(c, [row])[0] : null;
    },
  };
}

const papers = (c: OparlContext, f: OparlPageFilter) => listOparlPapers(c.sqlite, f);

/** The object with this id among the objects of the paper a composite key names. */
function ofPaper(c: OparlContext, key: string, parts: number, objects: (c: OparlContext, rows: NonNullable<ReturnType<typeof findOparlPaper>>[]) => OparlJson[], kind: OparlKind): OparlJson | null {
  const split = splitKey(key, parts);
  const paper = split ? findOparlPaper(c.sqlite, c.source.id, split.head) : null;
  if (!paper) return null;
  const id = c.urls.object(c.source.key, kind, key);
  return objects(c, [paper]).find((o) => o.id === id) ?? null;
}

const files: KindSpec = {
  list(c, f, cursor) {
    if (cursor.startsWith('m')) {
      const meetings = listOparlMeetingsWithFiles(c.sqlite, { ...f, after: rowCursor(cursor.slice(1)) });
      const objects = [...meetingFilesOf(c, meetings).values()].flat();
      return { objects, next: meetings.length === f.limit ? `m${meetings[meetings.length - 1].id}` : null };
    }
    if (!cursor.startsWith('f')) {
      const rows = papers(c, { ...f, after: rowCursor(cursor) });
      if (rows.length === f.limit) return { objects: paperFilesOf(c, rows), next: String(rows[rows.length - 1].id) };
      return { objects: paperFilesOf(c, rows), next: 'f0' };
    }
    const own = listOparlOwnFiles(c.sqlite, { ...f, after: rowCursor(cursor.slice(1)) });
    return { objects: own.map((r) => fileObject(c, r, null)), next: own.length === f.limit ? `f${own[own.length - 1].id}` : 'm0' };
  },
  one(c, key) {
    const own = findOparlOwnFile(c.sqlite, c.source.id, key);
    if (own) return fileObject(c, own, null);
    // "<meeting key>~m~<position>": a meeting's own document
    const split = splitKey(key, 1);
    if (split?.head.endsWith('~m')) {
      const meeting = findOparlMeeting(c.sqlite, c.source.id, split.head.slice(0, -2));
      if (!meeting) return null;
      const id = c.urls.object(c.source.key, 'File', key);
      return meetingFilesOf(c, [meeting]).get(meeting.id)?.find((o) => o.id === id) ?? null;
    }
    return ofPaper(c, key, 1, paperFilesOf, 'File');
  },
};

export const KINDS: Record<OparlKind, KindSpec> = {
  Paper: simple(papers, paperObjects, (c, key) => findOparlPaper(c.sqlite, c.source.id, key)),
  Consultation: {
    list: (c, f, cursor) => paged(f, papers(c, { ...f, after: rowCursor(cursor) }), (rows) => consultationsOf(c, rows)),
    one: (c, key) => ofPaper(c, key, 2, consultationsOf, 'Consultation'),
  },
  File: files,
  Meeting: simple((c, f) => listOparlMeetings(c.sqlite, f), meetingObjects, (c, key) => findOparlMeeting(c.sqlite, c.source.id, key)),
  AgendaItem: simple((c, f) => listOparlAgendaItems(c.sqlite, f), agendaItemObjects, (c, key) => findOparlAgendaItem(c.sqlite, c.source.id, key)),
  Location: {
    list: (c, f, cursor) => paged(f, listOparlMeetings(c.sqlite, { ...f, after: rowCursor(cursor) }),
      (rows) => rows.map((m) => locationObject(c, m)).filter((o): o is OparlJson => o !== null)),
    one: (c, key) => {
      const m = findOparlMeeting(c.sqlite, c.source.id, key);
      return m ? locationObject(c, m) : null;
    },
  },
  Organization: simple((c, f) => listOparlOrganizations(c.sqlite, f), organizationObjects, (c, key) => findOparlOrganization(c.sqlite, c.source.id, key)),
  Person: simple((c, f) => listOparlPersons(c.sqlite, f), personObjects, (c, key) => findOparlPerson(c.sqlite, c.source.id, key)),
  Membership: {
    list: (c, f, cursor) => paged(f, listOparlMemberships(c.sqlite, { ...f, after: rowCursor(cursor) }), (rows) => membershipObjects(c, rows)),
    one: (c, key) => {
      const split = splitKey(key, 1);
      const row = split ? findOparlMembership(c.sqlite, c.source.id, split.head, split.numbers[0]) : null;
      return row ? membershipObjects(c, [row])[0] : null;
    },
  },
};
