/** Materialises merged meetings, agenda items, organizations (with members), people and files. */
import type Database from 'better-sqlite3';
import type { FileRecord, MeetingRecord, OrganizationRecord } from '../../scrapers/records';

const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function prepare(sqlite: Database.Database) {
  return {
    meeting: sqlite.prepare<Record<string, unknown>, { id: number }>(`INSERT INTO meetings (source_id, entity_key, source_record_id,
      oparl_id, system, url, name, organization, organization_source_id, date, start, "end", room, location, status_text,
      provenance, updated_at)
      VALUES (@sourceDbId, @key, @sourceId, @oparlId, @system, @url, @name, @organization, @organizationSourceId, @date,
      @start, @end, @room, @location, @statusText, @provenance, @now)
      ON CONFLICT (source_id, entity_key) DO UPDATE SET source_record_id=excluded.source_record_id, oparl_id=excluded.oparl_id,
      system=excluded.system, url=excluded.url, name=excluded.name, organization=excluded.organization,
      organization_source_id=excluded.organization_source_id, date=excluded.date, start=excluded.start, "end"=excluded."end",
      room=excluded.room, location=excluded.location, status_text=excluded.status_text, provenance=excluded.provenance,
      updated_at=excluded.updated_at
      RETURNING id`),
    agendaItem: sqlite.prepare<Record<string, unknown>, { id: number }>(`INSERT INTO agenda_items (source_id, entity_key,
      source_record_id, meeting_source_id, position, number, public, name, meeting_name, organization, date, paper_reference,
      paper_source_id, result, result_code, vote, text, url, provenance, updated_at)
      VALUES (@sourceDbId, @key, @sourceId, @meetingSourceId, @position, @number, @public, @name, @meetingName, @organization,
      @date, @paperReference, @paperSourceId, @result, @resultCode, @vote, @text, @url, @provenance, @now)
      ON CONFLICT (source_id, entity_key) DO UPDATE SET source_record_id=excluded.source_record_id,
      meeting_source_id=excluded.meeting_source_id, position=excluded.position, number=excluded.number, public=excluded.public,
      name=excluded.name, meeting_name=excluded.meeting_name, organization=excluded.organization, date=excluded.date,
      paper_reference=excluded.paper_reference, paper_source_id=excluded.paper_source_id, result=excluded.result,
      result_code=excluded.result_code, vote=excluded.vote, text=excluded.text, url=excluded.url,
      provenance=excluded.provenance, updated_at=excluded.updated_at,
      paper_id=CASE WHEN agenda_items.paper_source_id IS excluded.paper_source_id AND agenda_items.paper_reference IS excluded.paper_reference THEN agenda_items.paper_id ELSE NULL END,
      meeting_id=CASE WHEN agenda_items.meeting_source_id IS excluded.meeting_source_id THEN agenda_items.meeting_id ELSE NULL END
      RETURNING id`),
    organization: sqlite.prepare<Record<string, unknown>, { id: number }>(`INSERT INTO organizations (source_id, entity_key, kind,
      source_record_id, oparl_id, system, url, name, provenance, updated_at)
      VALUES (@sourceDbId, @key, @kind, @sourceId, @oparlId, @system, @url, @name, @provenance, @now)
      ON CONFLICT (source_id, entity_key) DO UPDATE SET kind=excluded.kind, source_record_id=excluded.source_record_id,
      oparl_id=excluded.oparl_id, system=excluded.system, url=excluded.url, name=excluded.name, provenance=excluded.provenance,
      updated_at=excluded.updated_at
      RETURNING id`),
    person: sqlite.prepare<[number, string, string | null], { id: number }>(`INSERT INTO people (source_id, name, role) VALUES (?, ?, ?)
      ON CONFLICT (source_id, name) DO UPDATE SET role = COALESCE(excluded.role, people.role) RETURNING id`),
    deleteMemberships: sqlite.prepare('DELETE FROM memberships WHERE organization_id = ?'),
    membership: sqlite.prepare('INSERT INTO memberships (organization_id, person_id, position, role, group_name) VALUES (?, ?, ?, ?, ?)'),
    file: sqlite.prepare(`INSERT INTO files (source_id, entity_key, name, file_name, mime_type, url, size)
      VALUES (@sourceDbId, @key, @name, @fileName, @mimeType, @url, @size)
      ON CONFLICT (source_id, entity_key) DO UPDATE SET name=excluded.name, file_name=excluded.file_name,
      mime_type=excluded.mime_type, url=excluded.url, size=excluded.size`),
  };
}

function stmts(sqlite: Database.Database) {
  let s = cache.get(sqlite);
  if (!s) cache.set(sqlite, (s = prepare(sqlite)));
  return s;
}

const bool = (v: boolean | null | undefined) => (v === null || v === undefined ? null : v ? 1 : 0);

export function writeMeeting(
  sqlite: Database.Database, sourceDbId: number, key: string, m: Partial<MeetingRecord>,
  provenance: Record<string, string>, oparlId: string | null, now: string,
): number {
  return stmts(sqlite).meeting.get({
    sourceDbId, key, oparlId, now,
    sourceId: m.sourceId ?? null, system: m.system ?? 'allris3', url: m.url ?? null, name: m.name ?? null,
    organization: m.organization ?? null, organizationSourceId: m.organizationSourceId ?? null, date: m.date ?? null,
    start: m.start ?? null, end: m.end ?? null, room: m.room ?? null, location: m.location ?? null,
    statusText: m.statusText ?? null, provenance: JSON.stringify(provenance),
  })!.id;
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
  text?: { heading: string | null; text: string }[];
}

export function writeAgendaItem(
  sqlite: Database.Database, sourceDbId: number, key: string, a: MergedAgendaItem, provenance: Record<string, string>, now: string,
): number {
  return stmts(sqlite).agendaItem.get({
    sourceDbId, key, now,
    sourceId: a.sourceId ?? null, meetingSourceId: a.meetingSourceId ?? null, position: a.position ?? null,
    number: a.number ?? null, public: bool(a.public), name: a.name ?? null, meetingName: a.meetingName ?? null,
    organization: a.organization ?? null, date: a.date ?? null, paperReference: a.paperReference ?? null,
    paperSourceId: a.paperSourceId ?? null, result: a.result ?? null, resultCode: a.resultCode ?? null,
    vote: a.vote === undefined || a.vote === null ? null : JSON.stringify(a.vote),
    text: JSON.stringify(a.text ?? []), url: a.url ?? null, provenance: JSON.stringify(provenance),
  })!.id;
}

/** The kind of organization an entity key names. */
function kindOf(key: string): string {
  const prefix = key.split(':')[0];
  return ({ au: 'committee', gr: 'committee', pa: 'parliament', fr: 'faction', at: 'office' } as Record<string, string>)[prefix] ?? 'organization';
}

export function writeOrganization(
  sqlite: Database.Database, sourceDbId: number, key: string, o: Partial<OrganizationRecord>,
  provenance: Record<string, string>, oparlId: string | null, now: string,
): number {
  const s = stmts(sqlite);
  const id = s.organization.get({
    sourceDbId, key, oparlId, now, kind: kindOf(key),
    sourceId: o.sourceId ?? null, system: o.system ?? 'allris3', url: o.url ?? null, name: o.name ?? null,
    provenance: JSON.stringify(provenance),
  })!.id;
  s.deleteMemberships.run(id);
  (o.members ?? []).forEach((m, i) => {
    const personId = s.person.get(sourceDbId, m.name, null)!.id;
    s.membership.run(id, personId, i, m.role, m.group);
  });
  return id;
}

export function writePerson(sqlite: Database.Database, sourceDbId: number, name: string, role: string | null): number {
  return stmts(sqlite).person.get(sourceDbId, name, role)!.id;
}

export function writeFile(sqlite: Database.Database, sourceDbId: number, key: string, f: FileRecord): void {
  stmts(sqlite).file.run({
    sourceDbId, key, name: f.name, fileName: f.fileName, mimeType: f.mimeType, url: f.accessUrl ?? f.url, size: f.size,
  });
}
