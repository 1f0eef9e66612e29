/**
 * The database schema (drizzle). Migrations are generated from this file with `npm run db:generate`
 * (drizzle-kit) into src/db/migrations and applied at start-up (see migrate.ts). Append-only: change
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
});

export const papers = sqliteTable(
  'papers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceDbId: integer('source_id').notNull().references(() => sources.id, { onDelete: 'cascade' }),
    /** the record's identity inside its source: VOLFDNR / OParl id, else "ref:<reference>" */
    sourceKey: text('source_key').notNull(),
    sourceId: text('source_record_id'),
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
    /** sha256 of the canonical record JSON: equal hash → import reports "unchanged" */
    recordHash: text('record_hash').notNull(),
    firstSeenAt: text('first_seen_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** which record (system) each field came from, e.g. { "consultation": "allris3", "files": "oparl" } */
    provenance: text('provenance', { mode: 'json' }).$type<Record<string, string>>(),
    oparlId: text('oparl_id'),
    // Derived by src/domain/progress for a given day (see src/db/derive.ts), so lists can filter and sort in SQL.
    state: text('state'),
    currentOrganization: text('current_organization'),
    nextOrganization: text('next_organization'),
    nextRole: text('next_role'),
    nextDate: text('next_date'),
    lastActivity: text('last_activity'),
    derivedOn: text('derived_on'),
  },
  (t) => [
    uniqueIndex('papers_source_key').on(t.sourceDbId, t.sourceKey),
    index('papers_state').on(t.state),
    index('papers_activity').on(t.lastActivity),
    index('papers_reference').on(t.reference),
  ],
);

/** A station of a paper's Beratungsfolge. */
export const consultations = sqliteTable(
  'consultations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    paperId: integer('paper_id').notNull().references(() => papers.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    organization: text('organization'),
    role: text('role'),
    roleCode: text('role_code'),
    stationStatus: text('station_status'),
  },
  (t) => [uniqueIndex('consultations_paper_position').on(t.paperId, t.position), index('consultations_organization').on(t.organization)],
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
    meetingSourceId: text('meeting_source_id'),
    agendaItemSourceId: text('agenda_item_source_id'),
    result: text('result'),
    resultCode: text('result_code').notNull(),
    /** links made by src/db/link.ts: the meeting and agenda item this row refers to, once known */
    meetingId: integer('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    agendaItemId: integer('agenda_item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
  },
  (t) => [index('consultation_meetings_meeting').on(t.meetingId), index('consultation_meetings_sid').on(t.meetingSourceId), uniqueIndex('consultation_meetings_position').on(t.consultationId, t.position), index('consultation_meetings_date').on(t.date)],
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
    sourceDbId: integer('source_id').notNull().references(() => sources.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    entityKey: text('entity_key').notNull(),
    facet: text('facet').notNull(),
    record: text('record', { mode: 'json' }).notNull(),
    recordHash: text('record_hash').notNull(),
    firstSeenAt: text('first_seen_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('records_identity').on(t.sourceDbId, t.kind, t.entityKey, t.facet)],
);

export const organizations = sqliteTable(
  'organizations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceDbId: integer('source_id').notNull().references(() => sources.id, { onDelete: 'cascade' }),
    /** "au:235", "gr:160", "fr:1121", "pa:1", "oparl:<id>" or "name:<name>" */
    entityKey: text('entity_key').notNull(),
    kind: text('kind'),
    sourceId: text('source_record_id'),
    oparlId: text('oparl_id'),
    system: text('system').notNull(),
    url: text('url'),
    name: text('name'),
    provenance: text('provenance', { mode: 'json' }).$type<Record<string, string>>(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('organizations_key').on(t.sourceDbId, t.entityKey), index('organizations_name').on(t.sourceDbId, t.name)],
);

/** People: name and role only (elected members of committees and factions; never staff). */
export const people = sqliteTable(
  'people',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceDbId: integer('source_id').notNull().references(() => sources.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role'),
  },
  (t) => [uniqueIndex('people_name').on(t.sourceDbId, t.name)],
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
    sourceDbId: integer('source_id').notNull().references(() => sources.id, { onDelete: 'cascade' }),
    /** SILFDNR, the OParl meeting number, or "cal:<date>:<start>:<name>" for a calendar row without an id */
    entityKey: text('entity_key').notNull(),
    sourceId: text('source_record_id'),
    oparlId: text('oparl_id'),
    system: text('system').notNull(),
    url: text('url'),
    name: text('name'),
    organization: text('organization'),
    organizationSourceId: text('organization_source_id'),
    organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    date: text('date'),
    start: text('start'),
    end: text('end'),
    room: text('room'),
    location: text('location'),
    statusText: text('status_text'),
    provenance: text('provenance', { mode: 'json' }).$type<Record<string, string>>(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('meetings_key').on(t.sourceDbId, t.entityKey),
    index('meetings_date').on(t.date),
    index('meetings_org').on(t.organizationId, t.date),
    index('meetings_org_name').on(t.sourceDbId, t.organization, t.date),
  ],
);

export const agendaItems = sqliteTable(
  'agenda_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceDbId: integer('source_id').notNull().references(() => sources.id, { onDelete: 'cascade' }),
    /** TOLFDNR, the OParl agenda item number, or "<meeting key>#<position>" for an item without an id */
    entityKey: text('entity_key').notNull(),
    sourceId: text('source_record_id'),
    meetingSourceId: text('meeting_source_id'),
    meetingId: integer('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    position: integer('position'),
    number: text('number'),
    public: integer('public', { mode: 'boolean' }),
    name: text('name'),
    meetingName: text('meeting_name'),
    organization: text('organization'),
    date: text('date'),
    paperReference: text('paper_reference'),
    paperSourceId: text('paper_source_id'),
    paperId: integer('paper_id').references(() => papers.id, { onDelete: 'set null' }),
    result: text('result'),
    resultCode: text('result_code'),
    vote: text('vote', { mode: 'json' }),
    text: text('text', { mode: 'json' }).$type<{ heading: string | null; text: string }[]>(),
    url: text('url'),
    provenance: text('provenance', { mode: 'json' }).$type<Record<string, string>>(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('agenda_items_key').on(t.sourceDbId, t.entityKey),
    index('agenda_items_meeting').on(t.meetingId, t.position),
    index('agenda_items_paper').on(t.paperId),
    index('agenda_items_meeting_sid').on(t.sourceDbId, t.meetingSourceId),
  ],
);

/** Documents: a paper's files (from its page) and OParl File objects. */
export const files = sqliteTable(
  'files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceDbId: integer('source_id').notNull().references(() => sources.id, { onDelete: 'cascade' }),
    paperId: integer('paper_id').references(() => papers.id, { onDelete: 'cascade' }),
    /** the OParl File id, when the file is an OParl object of its own */
    entityKey: text('entity_key'),
    position: integer('position'),
    name: text('name'),
    fileName: text('file_name'),
    mimeType: text('mime_type'),
    url: text('url'),
    size: integer('size'),
  },
  (t) => [index('files_paper').on(t.paperId), uniqueIndex('files_key').on(t.sourceDbId, t.entityKey)],
);

export type SourceRow = typeof sources.$inferSelect;
export type PaperRow = typeof papers.$inferSelect;
export type ConsultationRow = typeof consultations.$inferSelect;
export type ConsultationMeetingRow = typeof consultationMeetings.$inferSelect;
