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
  },
  (t) => [uniqueIndex('consultation_meetings_position').on(t.consultationId, t.position), index('consultation_meetings_date').on(t.date)],
);

export type SourceRow = typeof sources.$inferSelect;
export type PaperRow = typeof papers.$inferSelect;
export type ConsultationRow = typeof consultations.$inferSelect;
export type ConsultationMeetingRow = typeof consultationMeetings.$inferSelect;
