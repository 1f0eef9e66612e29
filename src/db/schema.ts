/**
 * The database schema (drizzle), with schema-content.ts (documents, change events). Migrations are generated from both with `npm run db:generate`
 * (drizzle-kit) into src/db/migrations and applied at start-up (openDb in connection.ts). Append-only: change
 * this file, generate a new migration, commit both.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A RIS installation (or an import folder, or the demo data set) that records come from. */
export const sources = sqliteTable('sources', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** stable short key: "hamburg-altona", "demo", … */
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  system: text('system'),
  baseUrl: text('base_url'),
  oparlUrl: text('oparl_url'),
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%SZ','now'))`),
  lastSyncAt: text('last_sync_at'),
  /** how to crawl it (src/ingest/crawl/sources.ts SourceConfig: calendar program, responsive, further hosts), as JSON */
  crawlConfig: text('crawl_config', { mode: 'json' }).$type<Record<string, unknown>>(),
  /** a demo source only: the days its dates were shifted by when it was loaded (src/ingest/demo-shift.ts) */
  demoShiftDays: integer('demo_shift_days'),
});

export const papers = sqliteTable(
  'papers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceId: integer('source_id').notNull().references(() => sources.id, { onDelete: 'cascade' }),
    /** the record's identity inside its source: VOLFDNR / OParl id, else "ref:<reference>" */
    entityKey: text('entity_key').notNull(),
    externalId: text('external_id'),
    system: text('system').notNull(),
    systemVersion: text('system_version'),
    url: text('url'),
    reference: text('reference'),
    name: text('name'),
    paperType: text('paper_type'),
    public: integer('public', { mode: 'boolean' }),
    statusText: text('status_text'),
    originator: text('originator', { mode: 'json' }).$type<string[]>().notNull(),
    underDirectionOf: text('under_direction_of', { mode: 'json' }).$type<string[]>().notNull(),
    date: text('date'),
    relatedReferences: text('related_references', { mode: 'json' }).$type<string[]>().notNull(),
    files: text('files', { mode: 'json' }).$type<{ name: string; url: string | null }[]>().notNull(),
    text: text('text', { mode: 'json' }).$type<{ heading: string | null; text: string }[]>().notNull(),
    /** sha256 of what the row says (its columns and its Beratungsfolge, write-paper.ts rowHash): equal → not written again */
    recordHash: text('record_hash').notNull(),
    firstSeenAt: text('first_seen_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** which record (system) each field came from, e.g. { "consultation": "allris3", "files": "oparl" } */
    provenance: text('provenance', { mode: 'json' }).$type<Record<string, string>>(),
    oparlId: text('oparl_id'),
    /**
     * When the data of this paper was last read from the RIS (UTC instant, YYYY-MM-DDTHH:MM:SSZ): the latest
     * read of any page that contributed (fetch time, a saved page's own stated time or file time, the demo's
     * story day; src/db/data-as-of.ts). NULL: not known. Never the import time.
     */
    dataAsOf: text('data_as_of'),
    // Derived by src/domain/progress for a given day (see src/db/derive.ts), so lists can filter and sort in SQL.
    state: text('state'),
    currentOrganization: text('current_organization'),
    nextOrganization: text('next_organization'),
    nextRole: text('next_role'),
    nextDate: text('next_date'),
    lastActivity: text('last_activity'),
    /** the day the derived columns were last written; NULL: the paper changed since, derive it (derive.ts) */
    derivedOn: text('derived_on'),
  },
  (t) => [
    uniqueIndex('papers_entity_key').on(t.sourceId, t.entityKey),
    // the state filter, and a covering index for the dashboard's one narrow read of a list's papers
    // (queries-dashboard.ts): the derived columns stand at the end of long rows, behind the text sections
    index('papers_state').on(t.state, t.sourceId, t.date, t.lastActivity),
    index('papers_activity').on(t.lastActivity),
    index('papers_reference').on(t.reference),
    // a committee's queue: papers of a source whose derived next station is that committee
    index('papers_next_organization').on(t.sourceId, t.nextOrganization, t.nextDate),
    index('papers_next_date').on(t.nextDate),
    index('papers_date').on(t.date),
    index('papers_paper_type').on(t.paperType),
    // link.ts: agenda items find their paper by VOLFDNR or OParl id
    index('papers_external_id').on(t.sourceId, t.externalId),
    index('papers_oparl').on(t.sourceId, t.oparlId).where(sql`${t.oparlId} IS NOT NULL`),
    // derive.ts: the papers an import or a trigger left to derive (a handful, found without reading every paper)
    index('papers_underived').on(t.id).where(sql`${t.derivedOn} IS NULL`),
  ],
);

/**
 * The references each paper names as Bezug (papers.related_references), one row each, lower-cased as
 * SQLite's lower() does (ASCII only, as LIKE compares): the papers naming a reference are found by index.
 * Derived from papers by triggers (migration 0005), so every writer keeps it without knowing it.
 */
export const paperRelatedReferences = sqliteTable(
  'paper_related_references',
  {
    paperId: integer('paper_id').notNull().references(() => papers.id, { onDelete: 'cascade' }),
    sourceId: integer('source_id').notNull(),
    referenceKey: text('reference_key').notNull(),
  },
  (t) => [
    index('paper_related_references_key').on(t.sourceId, t.referenceKey, t.paperId),
    index('paper_related_references_paper').on(t.paperId),
  ],
);

/** A station of a paper's Beratungsfolge. */
export const consultations = sqliteTable(
  'consultations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    paperId: integer('paper_id').notNull().references(() => papers.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** the committee's name: as the record gives it, else that of the Organization `organizationExternalId` names (station-names.ts) */
    organization: text('organization'),
    /** the committee's id in the source where the record gives one (an OParl Organization URL) */
    organizationExternalId: text('organization_external_id'),
    role: text('role'),
    roleCode: text('role_code'),
    stationStatus: text('station_status'),
  },
  (t) => [
    uniqueIndex('consultations_paper_position').on(t.paperId, t.position), index('consultations_organization').on(t.organization),
    index('consultations_organization_external_id').on(t.organizationExternalId).where(sql`${t.organizationExternalId} IS NOT NULL`),
  ],
);

/** A meeting row of a station. */
export const consultationMeetings = sqliteTable(
  'consultation_meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    consultationId: integer('consultation_id').notNull().references(() => consultations.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    date: text('date'),
    name: text('name'),
    meetingExternalId: text('meeting_external_id'),
    agendaItemExternalId: text('agenda_item_external_id'),
    result: text('result'),
    resultCode: text('result_code').notNull(),
    /** links made by src/db/link.ts: the meeting and agenda item this row refers to, once known */
    meetingId: integer('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    agendaItemId: integer('agenda_item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
    /**
     * copies, written with the row, of its paper's source and its station's committee (neither changes:
     * a changed paper gets new stations and rows), so that the rows of one source or one committee are
     * found without going through every source's rows of a date or a meeting id
     */
    sourceId: integer('source_id').references(() => sources.id),
    organization: text('organization'),
  },
  // the link indexes hold linked rows only (link.ts): a row is written unlinked and linked once, so an entry is
  // written once, when the link is made, not first under NULL and then moved (migration 0010)
  (t) => [index('consultation_meetings_meeting').on(t.meetingId).where(sql`${t.meetingId} IS NOT NULL`), uniqueIndex('consultation_meetings_position').on(t.consultationId, t.position),
    // link.ts: the rows that name a meeting by its id, in their source
    index('consultation_meetings_meeting_external_id').on(t.sourceId, t.meetingExternalId),
    // by date, with the station: the papers a new day can change (derive.ts), across sources
    index('consultation_meetings_date_rows').on(t.date, t.consultationId),
    // a committee's rows by date: its page's planned rows (queries-committee.ts), and link.ts's rows that a
    // meeting of that committee and day may link
    index('consultation_meetings_committee').on(t.sourceId, t.organization, t.date),
    // a committee's past rows that link no known meeting (its page's "Weitere Sitzungstage laut Beratungsfolgen"):
    // only those, not every past row of a large committee read to find the few
    index('consultation_meetings_committee_unlinked').on(t.sourceId, t.organization, t.date).where(sql`${t.meetingId} IS NULL`),
    // link.ts: the meeting rows that name an agenda item that has just been imported, in their source
    index('consultation_meetings_agenda_item_external_id').on(t.sourceId, t.agendaItemExternalId).where(sql`${t.agendaItemExternalId} IS NOT NULL`),
    // the foreign key's check when an agenda item is written or deleted (else every row is read)
    index('consultation_meetings_agenda_item').on(t.agendaItemId).where(sql`${t.agendaItemId} IS NOT NULL`)],
);

/**
 * Every record as it was imported, one row per (source, kind, identity, facet): the facet is the
 * system that delivered it ("allris3", "allris4", "oparl") or a partial view ("calendar", "list",
 * "entry" for an agenda item seen in a meeting's agenda). The entity tables below are merged from
 * these rows, so an HTML and an OParl record of the same object become one row (src/db/merge.ts).
 */
export const records = sqliteTable(
  'records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceId: integer('source_id').notNull().references(() => sources.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    entityKey: text('entity_key').notNull(),
    facet: text('facet').notNull(),
    record: text('record', { mode: 'json' }).notNull(),
    /** sha256 of `record` as stored; another text with the same value (keys in another order) is unchanged too (facets.ts) */
    recordHash: text('record_hash').notNull(),
    firstSeenAt: text('first_seen_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('records_identity').on(t.sourceId, t.kind, t.entityKey, t.facet)],
);

export const organizations = sqliteTable(
  'organizations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceId: integer('source_id').notNull().references(() => sources.id, { onDelete: 'cascade' }),
    /** "au:235", "gr:160", "fr:1121", "pa:1", "oparl:<id>" or "name:<name>" */
    entityKey: text('entity_key').notNull(),
    kind: text('kind'),
    externalId: text('external_id'),
    oparlId: text('oparl_id'),
    system: text('system').notNull(),
    url: text('url'),
    name: text('name'),
    /** the day it ended (YYYY-MM-DD: a former faction), where its source says so; null for one that exists */
    endDate: text('end_date'),
    provenance: text('provenance', { mode: 'json' }).$type<Record<string, string>>(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('organizations_key').on(t.sourceId, t.entityKey),
    index('organizations_name').on(t.sourceId, t.name),
    // link.ts: meetings find their committee by AULFDNR / GRLFDNR
    index('organizations_external_id').on(t.sourceId, t.externalId),
    // station-names.ts: an OParl station names its committee by the Organization's URL
    index('organizations_oparl').on(t.sourceId, t.oparlId).where(sql`${t.oparlId} IS NOT NULL`),
  ],
);

/** People: name and role only (elected members of committees and factions; never staff). */
export const people = sqliteTable(
  'people',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceId: integer('source_id').notNull().references(() => sources.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role'),
  },
  (t) => [uniqueIndex('people_name').on(t.sourceId, t.name)],
);

export const memberships = sqliteTable(
  'memberships',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    organizationId: integer('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    personId: integer('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    role: text('role'),
    groupName: text('group_name'),
  },
  (t) => [uniqueIndex('memberships_position').on(t.organizationId, t.position), index('memberships_person').on(t.personId)],
);

export const meetings = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceId: integer('source_id').notNull().references(() => sources.id, { onDelete: 'cascade' }),
    /** SILFDNR, the OParl meeting number, or "cal:<date>:<start>:<name>" for a calendar row without an id */
    entityKey: text('entity_key').notNull(),
    externalId: text('external_id'),
    oparlId: text('oparl_id'),
    system: text('system').notNull(),
    url: text('url'),
    name: text('name'),
    organization: text('organization'),
    organizationExternalId: text('organization_external_id'),
    organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    date: text('date'),
    start: text('start'),
    end: text('end'),
    /** UTC offsets of start / end, only where the local time occurs twice (MeetingRecord.startOffset) */
    startOffset: text('start_offset'),
    endOffset: text('end_offset'),
    room: text('room'),
    location: text('location'),
    statusText: text('status_text'),
    /**
     * 1 where the RIS marks the meeting as cancelled — the merged record's `cancelled`, which the parsers set
     * from a calendar row ("ENTFÄLLT!", "(ABGESAGT!!)"), a meeting head's status or OParl — else 0
     */
    cancelled: integer('cancelled', { mode: 'boolean' }).notNull().default(false),
    provenance: text('provenance', { mode: 'json' }).$type<Record<string, string>>(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('meetings_key').on(t.sourceId, t.entityKey),
    index('meetings_date').on(t.date),
    index('meetings_org').on(t.organizationId, t.date),
    index('meetings_org_name').on(t.sourceId, t.organization, t.date),
    // link.ts: agenda items and meeting rows find their meeting by SILFDNR or OParl id; meetings their committee
    index('meetings_external_id').on(t.sourceId, t.externalId),
    index('meetings_oparl').on(t.sourceId, t.oparlId).where(sql`${t.oparlId} IS NOT NULL`),
    index('meetings_organization_external_id').on(t.sourceId, t.organizationExternalId).where(sql`${t.organizationExternalId} IS NOT NULL`),
  ],
);

export const agendaItems = sqliteTable(
  'agenda_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceId: integer('source_id').notNull().references(() => sources.id, { onDelete: 'cascade' }),
    /** TOLFDNR, the OParl agenda item number, or "<meeting key>#<position>" for an item without an id */
    entityKey: text('entity_key').notNull(),
    externalId: text('external_id'),
    meetingExternalId: text('meeting_external_id'),
    meetingId: integer('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    position: integer('position'),
    number: text('number'),
    public: integer('public', { mode: 'boolean' }),
    name: text('name'),
    meetingName: text('meeting_name'),
    organization: text('organization'),
    date: text('date'),
    paperReference: text('paper_reference'),
    paperExternalId: text('paper_external_id'),
    paperId: integer('paper_id').references(() => papers.id, { onDelete: 'set null' }),
    result: text('result'),
    resultCode: text('result_code'),
    vote: text('vote', { mode: 'json' }),
    text: text('text', { mode: 'json' }).$type<{ heading: string | null; text: string }[]>(),
    url: text('url'),
    provenance: text('provenance', { mode: 'json' }).$type<Record<string, string>>(),
    updatedAt: text('updated_at').notNull(),
    /** the RIS's status of the decision (ALLRIS 4 "Status Beschluss"): { text, date } (JSON), null where it gives none */
    decisionStatus: text('decision_status', { mode: 'json' }).$type<{ text: string; date: string | null }>(),
    /** 1 where its agenda marks the item as added later, a "Nachtrag" ("Nachtrags-TOP"); null otherwise */
    supplement: integer('supplement', { mode: 'boolean' }),
    /** the agenda's remark on the item ("Zusatzinfo", never one naming a person), null where there is none */
    note: text('note'),
  },
  (t) => [
    uniqueIndex('agenda_items_key').on(t.sourceId, t.entityKey),
    // linked rows only, as consultation_meetings_meeting
    index('agenda_items_meeting').on(t.meetingId, t.position).where(sql`${t.meetingId} IS NOT NULL`),
    index('agenda_items_paper').on(t.paperId).where(sql`${t.paperId} IS NOT NULL`),
    index('agenda_items_meeting_external_id').on(t.sourceId, t.meetingExternalId),
    // link.ts: meeting rows find their agenda item by TOLFDNR; agenda items wait for their paper by VOLFDNR or reference
    index('agenda_items_external_id').on(t.sourceId, t.externalId),
    index('agenda_items_paper_external_id').on(t.sourceId, t.paperExternalId).where(sql`${t.paperExternalId} IS NOT NULL`),
    index('agenda_items_paper_reference').on(t.sourceId, t.paperReference).where(sql`${t.paperReference} IS NOT NULL`),
  ],
);

/**
 * The crawler's fetch of a linked document, as every table of document links keeps it (a motion's `files`,
 * a meeting's `meeting_files`; src/db/documents.ts). New column builders per call: one set per table.
 */
export function documentFetchColumns() {
  return {
    /** sha256 of the fetched document: its name in the page store and its row in `documents` */
    contentHash: text('content_hash'),
    /** the crawler's document fetch: null (not tried), "fetched", "failed" (retried later), "skipped" (type, size, count) */
    fetchState: text('fetch_state'),
    fetchError: text('fetch_error'),
    fetchAttempts: integer('fetch_attempts').notNull().default(0),
    fetchedAt: text('fetched_at'),
  };
}

/** Documents: a paper's files (from its page) and OParl File objects. */
export const files = sqliteTable(
  'files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceId: integer('source_id').notNull().references(() => sources.id, { onDelete: 'cascade' }),
    paperId: integer('paper_id').references(() => papers.id, { onDelete: 'cascade' }),
    /** the OParl File id, when the file is an OParl object of its own */
    entityKey: text('entity_key'),
    position: integer('position'),
    name: text('name'),
    fileName: text('file_name'),
    mimeType: text('mime_type'),
    url: text('url'),
    size: integer('size'),
    ...documentFetchColumns(),
  },
  (t) => [
    index('files_paper').on(t.paperId),
    uniqueIndex('files_key').on(t.sourceId, t.entityKey),
    index('files_hash').on(t.contentHash).where(sql`${t.contentHash} IS NOT NULL`),
  ],
);

export type SourceRow = typeof sources.$inferSelect;
export type PaperRow = typeof papers.$inferSelect;
export type ConsultationRow = typeof consultations.$inferSelect;
export type ConsultationMeetingRow = typeof consultationMeetings.$inferSelect;

// The crawler's tables (page store index, runs and journal, paper history, sync status, derive day) stand
// in schema-crawl.ts, documents and change events in schema-content.ts, alerts in schema-alerts.ts.
