/** Materialises merged meetings, agenda items, organizations (with members), people and files. */
import type Database from 'better-sqlite3';
import type { FileRecord, FileRef, MeetingRecord, OrganizationRecord } from '../../scrapers/records';
import { documentIdentities } from '../domain/document-identity';
import { organizationKind } from '../domain/organization-kind';
import { declareStatements } from './registry';
import { ownPageSql } from './merge';
import type { files } from './schema';

/** What the crawler knows of a document link (schema.ts documentFetchColumns): kept when its rows are written again. */
export type DocumentFetch = Pick<typeof files.$inferSelect, 'contentHash' | 'fetchState' | 'fetchError' | 'fetchAttempts' | 'fetchedAt'>;

/** The fetch columns as a SELECT reads them into a DocumentFetch. */
export const FETCH_SELECT = 'content_hash AS contentHash, fetch_state AS fetchState, fetch_error AS fetchError, fetch_attempts AS fetchAttempts, fetched_at AS fetchedAt';

/** The values of the fetch columns for an INSERT (content_hash, fetch_state, fetch_error, fetch_attempts, fetched_at): `k`'s, or not fetched. */
export const fetchValues = (k: DocumentFetch | undefined) =>
  [k?.contentHash ?? null, k?.fetchState ?? null, k?.fetchError ?? null, k?.fetchAttempts ?? 0, k?.fetchedAt ?? null] as const;

/**
 * Statements writing the row of an entity (source_id, entity_key): found by its key, then updated by id
 * or inserted (cheaper than INSERT … ON CONFLICT … RETURNING, which makes SQLite buffer the row).
 * `columns` maps column → named parameter; `onUpdate` adds SET terms (their right sides see the old row).
 */
function entityStatements<Old extends { id: number }>(
  sqlite: Database.Database, table: string, old: string, columns: Record<string, string>, onUpdate = '',
) {
  const names = Object.keys(columns);
  return {
    /** the parameters of `insert`, in its order (positional parameters bind faster than named ones) */
    order: ['sourceId', 'key', ...names.map((c) => columns[c])],
    find: sqlite.prepare<[number, string], Old>(`SELECT id${old ? `, ${old}` : ''} FROM ${table} WHERE source_id = ? AND entity_key = ?`),
    insert: sqlite.prepare<unknown[]>(`INSERT INTO ${table} (source_id, entity_key, ${names.join(', ')})
      VALUES (${['?', '?', ...names.map(() => '?')].join(', ')})`),
    update: sqlite.prepare<Record<string, unknown>>(`UPDATE ${table} SET ${names.map((c) => `${c} = @${columns[c]}`).join(', ')}
      ${onUpdate ? `, ${onUpdate}` : ''} WHERE id = @id`),
  };
}

type EntityStatements<Old extends { id: number }> = ReturnType<typeof entityStatements<Old>>;

/**
 * Writes the row of an entity; returns its id and, when it was there before, what `find` read of it.
 * `isNew`: the entity had no facets stored before this import, so it has no row yet (rows are written
 * only from facets): it is inserted without looking.
 */
function writeEntity<Old extends { id: number }>(
  s: EntityStatements<Old>, params: Record<string, unknown> & { sourceId: number; key: string }, isNew: boolean,
): { id: number; previous: Old | undefined } {
  const previous = isNew ? undefined : s.find.get(params.sourceId, params.key);
  if (previous) {
    s.update.run({ ...params, id: previous.id });
    return { id: previous.id, previous };
  }
  const values = new Array<unknown>(s.order.length);
  for (let i = 0; i < values.length; i++) values[i] = params[s.order[i]];
  return { id: Number(s.insert.run(values).lastInsertRowid), previous };
}

function prepare(sqlite: Database.Database) {
  return {
    // own_page: a facet other than a calendar row or an item's page made the row, so the meeting's own page (or OParl
    // object) and its documents were read
    meeting: entityStatements<{ id: number; date: string | null; own_page: number }>(sqlite, 'meetings',
      `date, ${ownPageSql('meetings')} AS own_page`, {
      external_id: 'externalId', oparl_id: 'oparlId', system: 'system', url: 'url', name: 'name', organization: 'organization',
      organization_external_id: 'organizationExternalId', date: 'date', start: 'start', '"end"': 'end',
      start_offset: 'startOffset', end_offset: 'endOffset', room: 'room', location: 'location',
      status_text: 'statusText', cancelled: 'cancelled', provenance: 'provenance', updated_at: 'now',
    }),
    // a changed meeting or paper reference drops the link it had (link.ts makes it again)
    agendaItem: entityStatements<{ id: number; meeting_id: number | null; paper_id: number | null }>(sqlite, 'agenda_items', 'meeting_id, paper_id', {
      external_id: 'externalId', meeting_external_id: 'meetingExternalId', position: 'position', number: 'number', public: 'public',
      name: 'name', meeting_name: 'meetingName', organization: 'organization', date: 'date', paper_reference: 'paperReference',
      paper_external_id: 'paperExternalId', result: 'result', result_code: 'resultCode', vote: 'vote', decision_status: 'decisionStatus', supplement: 'supplement', note: 'note', text: 'text', url: 'url',
      provenance: 'provenance', updated_at: 'now',
    }, `paper_id = CASE WHEN paper_external_id IS @paperExternalId AND paper_reference IS @paperReference THEN paper_id ELSE NULL END,
      meeting_id = CASE WHEN meeting_external_id IS @meetingExternalId THEN meeting_id ELSE NULL END`),
    organization: entityStatements(sqlite, 'organizations', '', {
      kind: 'kind', external_id: 'externalId', oparl_id: 'oparlId', system: 'system', url: 'url', name: 'name', end_date: 'endDate',
      provenance: 'provenance', updated_at: 'now',
    }),
    // with what the crawler knows of each document: kept when the meeting's documents are written again
    meetingFiles: sqlite.prepare<[number], { name: string; url: string | null } & DocumentFetch>(
      `SELECT name, url, ${FETCH_SELECT} FROM meeting_files WHERE meeting_id = ? ORDER BY position`,
    ),
    deleteMeetingFiles: sqlite.prepare<[number]>('DELETE FROM meeting_files WHERE meeting_id = ?'),
    meetingFile: sqlite.prepare<[number, number, string, string | null, number, string | null, string | null, string | null, number, string | null]>(
      `INSERT INTO meeting_files (meeting_id, position, name, url, source_id, content_hash, fetch_state, fetch_error, fetch_attempts, fetched_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    findPerson: sqlite.prepare<[number, string], { id: number }>('SELECT id FROM people WHERE source_id = ? AND name = ?'),
    insertPerson: sqlite.prepare<[number, string, string | null]>('INSERT INTO people (source_id, name, role) VALUES (?, ?, ?)'),
    setPersonRole: sqlite.prepare<[string, number]>('UPDATE people SET role = ? WHERE id = ?'),
    deleteMemberships: sqlite.prepare('DELETE FROM memberships WHERE organization_id = ?'),
    membership: sqlite.prepare('INSERT INTO memberships (organization_id, person_id, position, role, group_name) VALUES (?, ?, ?, ?, ?)'),
    file: sqlite.prepare(`INSERT INTO files (source_id, entity_key, name, file_name, mime_type, url, size)
      VALUES (@sourceId, @key, @name, @fileName, @mimeType, @url, @size)
      ON CONFLICT (source_id, entity_key) DO UPDATE SET name=excluded.name, file_name=excluded.file_name,
      mime_type=excluded.mime_type, url=excluded.url, size=excluded.size`),
  };
}

// raw SQL: the import's write path for meetings, agenda items, organizations, once per row
const stmts = declareStatements('write-entities', prepare);

const bool = (v: boolean | null | undefined) => (v === null || v === undefined ? null : v ? 1 : 0);

/**
 * Writes a merged meeting; returns its id and, when it was there before, its date then and whether its own
 * page had been read (own_page 1) or only a calendar row (0).
 */
export function writeMeeting(
  sqlite: Database.Database, sourceId: number, key: string, m: Partial<MeetingRecord>,
  provenance: Record<string, string>, oparlId: string | null, now: string, isNew = false,
): { id: number; previous?: { date: string | null; own_page: number } } {
  return writeEntity(stmts(sqlite).meeting, {
    sourceId, key, oparlId, now,
    externalId: m.sourceId ?? null, system: m.system ?? 'allris3', url: m.url ?? null, name: m.name ?? null,
    organization: m.organization ?? null, organizationExternalId: m.organizationSourceId ?? null, date: m.date ?? null,
    start: m.start ?? null, end: m.end ?? null, startOffset: m.startOffset ?? null, endOffset: m.endOffset ?? null, room: m.room ?? null, location: m.location ?? null,
    statusText: m.statusText ?? null, cancelled: m.cancelled === true ? 1 : 0, provenance: JSON.stringify(provenance),
  }, isNew);
}

/** A document a meeting's page lists that it did not before: its name, and which document it is (document-identity.ts). */
export interface AddedDocument {
  name: string;
  identity: string;
}

/**
 * A meeting's own documents as its merged record lists them (none: the rows go); untouched when they are the
 * same. A meeting written for the first time (`isNew`) has none stored: nothing to read or delete. A document
 * written again keeps its fetch (by address). Returns the documents not stored before (by name and address, or
 * name alone where ALLRIS 4 makes the address anew: domain/document-identity.ts) — none for a new meeting.
 */
export function writeMeetingFiles(sqlite: Database.Database, sourceId: number, meetingId: number, files: FileRef[], isNew = false): AddedDocument[] {
  const s = stmts(sqlite);
  const write = (kept: ReadonlyMap<string, DocumentFetch>) => files.forEach((f, i) => {
    s.meetingFile.run(meetingId, i, f.name, f.url ?? null, sourceId, ...fetchValues(f.url ? kept.get(f.url) : undefined));
  });
  if (isNew) {
    write(new Map());
    return [];
  }
  const stored = s.meetingFiles.all(meetingId);
  if (stored.length === files.length && stored.every((f, i) => f.name === files[i].name && f.url === (files[i].url ?? null))) return [];
  s.deleteMeetingFiles.run(meetingId);
  write(new Map(stored.filter((f) => f.url && f.fetchState).map((f) => [f.url!, f])));
  const had = new Set(documentIdentities(stored));
  return documentIdentities(files).flatMap((identity, i) => (had.has(identity) ? [] : [{ name: files[i].name, identity }]));
}

/** The merged view of an agenda item: its agenda row (entry) and its detail page (to020 / OParl AgendaItem). */
export interface MergedAgendaItem {
  system?: string;
  sourceId?: string | null;
  url?: string | null;
  meetingSourceId?: string | null;
  position?: number | null;
  number?: string | null;
  public?: boolean | null;
  name?: string | null;
  meetingName?: string | null;
  organization?: string | null;
  date?: string | null;
  paperReference?: string | null;
  paperSourceId?: string | null;
  result?: string | null;
  resultCode?: string | null;
  vote?: unknown;
  decisionStatus?: { text: string; date: string | null } | null;
  text?: { heading: string | null; text: string }[];
  /** the agenda marks it as added later ("Nachtrag") */
  supplement?: boolean;
  /** the agenda's remark on it ("Zusatzinfo") */
  note?: string | null;
}

/** Writes a merged agenda item; returns its id and, when it was there before, the meeting it was linked to then. */
export function writeAgendaItem(
  sqlite: Database.Database, sourceId: number, key: string, a: MergedAgendaItem, provenance: Record<string, string>, now: string,
  isNew = false,
): { id: number; previous?: { meeting_id: number | null; paper_id: number | null } } {
  return writeEntity(stmts(sqlite).agendaItem, {
    sourceId, key, now,
    externalId: a.sourceId ?? null, meetingExternalId: a.meetingSourceId ?? null, position: a.position ?? null,
    number: a.number ?? null, public: bool(a.public), name: a.name ?? null, meetingName: a.meetingName ?? null,
    organization: a.organization ?? null, date: a.date ?? null, paperReference: a.paperReference ?? null,
    paperExternalId: a.paperSourceId ?? null, result: a.result ?? null, resultCode: a.resultCode ?? null,
    vote: a.vote === undefined || a.vote === null ? null : JSON.stringify(a.vote),
    decisionStatus: a.decisionStatus ? JSON.stringify(a.decisionStatus) : null, supplement: a.supplement === true ? 1 : null, note: a.note ?? null,
    text: JSON.stringify(a.text ?? []), url: a.url ?? null, provenance: JSON.stringify(provenance),
  }, isNew);
}

export function writeOrganization(
  sqlite: Database.Database, sourceId: number, key: string, o: Partial<OrganizationRecord>,
  provenance: Record<string, string>, oparlId: string | null, now: string, isNew = false,
): number {
  const s = stmts(sqlite);
  const { id } = writeEntity(s.organization, {
    sourceId, key, oparlId, now, kind: organizationKind(key, o),
    externalId: o.sourceId ?? null, system: o.system ?? 'allris3', url: o.url ?? null, name: o.name ?? null, endDate: o.endDate ?? null,
    provenance: JSON.stringify(provenance),
  }, isNew);
  if (!isNew) s.deleteMemberships.run(id);
  (o.members ?? []).forEach((m, i) => {
    s.membership.run(id, writePerson(sqlite, sourceId, m.name, null), i, m.role, m.group);
  });
  return id;
}

/** The person of that name in the source (created when new; a role given replaces the stored one). */
export function writePerson(sqlite: Database.Database, sourceId: number, name: string, role: string | null): number {
  const s = stmts(sqlite);
  const found = s.findPerson.get(sourceId, name);
  if (!found) return Number(s.insertPerson.run(sourceId, name, role).lastInsertRowid);
  if (role !== null) s.setPersonRole.run(role, found.id);
  return found.id;
}

export function writeFile(sqlite: Database.Database, sourceId: number, key: string, f: FileRecord): void {
  stmts(sqlite).file.run({
    sourceId, key, name: f.name, fileName: f.fileName, mimeType: f.mimeType, url: f.accessUrl ?? f.url, size: f.size,
  });
}
