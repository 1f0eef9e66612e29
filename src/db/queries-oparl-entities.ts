/**
 * Read queries of the OParl server for meetings (with their agenda items and the consultation each
 * item answers), agenda items, organizations and people with their memberships. A page of rows at
 * once, by row id within one source (see queries-oparl.ts). Meetings, agenda items and organizations
 * were first seen when their first record came (records.first_seen_at); people carry no times of
 * their own: a person is as new as the newest organization listing them.
 */
import type Database from 'better-sqlite3';
import { sinceSql, type OparlPageFilter } from './queries-oparl';
import { stmt } from './registry';
import { ownPageSql } from './merge';

export interface OparlMeetingRow {
  id: number; entity_key: string; url: string | null; name: string | null; organization: string | null; org_key: string | null;
  date: string | null; start: string | null; end: string | null; start_offset: string | null; end_offset: string | null;
  room: string | null; location: string | null; status_text: string | null; cancelled: number; created: string | null; updated_at: string;
  /** 1: its own page (or OParl object) was read, so its agenda items are its agenda (merge.ts ownPageSql) */
  agenda_read: number;
}

export interface OparlAgendaItemRow {
  id: number; entity_key: string; meeting_id: number | null; meeting_key: string | null; position: number | null;
  number: string | null; public: number | null; name: string | null; paper_key: string | null; paper_reference: string | null;
  result: string | null; result_code: string | null; vote: string | null; decision_status: string | null; text: string | null; url: string | null;
  /** which facet gave each field (its `text`: "oparl" where the text is an OParl resolutionText) */
  provenance: string | null;
  created: string | null; updated_at: string;
}

export interface OparlOrganizationRow {
  id: number; entity_key: string; kind: string | null; url: string | null; name: string | null; end_date: string | null; created: string | null; updated_at: string;
}

export interface OparlPersonRow { id: number; name: string; modified: string | null }

export interface OparlMembershipRow {
  organization_id: number; org_key: string; org_name: string | null; person_id: number; person_name: string; position: number;
  role: string | null; group_name: string | null; updated_at: string;
}

const IDS = 'SELECT value FROM json_each(?)';
const created = (kind: string, alias: string) =>
  `(SELECT min(r.first_seen_at) FROM records r WHERE r.source_id = ${alias}.source_id AND r.kind = '${kind}' AND r.entity_key = ${alias}.entity_key)`;

const MEETING_SQL = `SELECT m.id, m.entity_key, m.url, m.name, m.organization, o.entity_key AS org_key, m.date, m.start, m.end,
  m.start_offset, m.end_offset, m.room, m.location, m.status_text, m.cancelled, ${created('Meeting', 'm')} AS created, m.updated_at,
  ${ownPageSql('m')} AS agenda_read
  FROM meetings m LEFT JOIN organizations o ON o.id = m.organization_id`;

export function listOparlMeetings(sqlite: Database.Database, f: OparlPageFilter): OparlMeetingRow[] {
  return stmt<[OparlPageFilter], OparlMeetingRow>(sqlite, `${MEETING_SQL} WHERE m.source_id = @sourceId AND m.id > @after
    AND ${sinceSql(created('Meeting', 'm'), 'm.updated_at')} ORDER BY m.id LIMIT @limit`).all(f);
}

export function findOparlMeeting(sqlite: Database.Database, sourceId: number, key: string): OparlMeetingRow | null {
  return stmt<[number, string], OparlMeetingRow>(sqlite, `${MEETING_SQL} WHERE m.source_id = ? AND m.entity_key = ?`).get(sourceId, key) ?? null;
}

/** A page of the meetings that have documents of their own (the File list's last part). */
export function listOparlMeetingsWithFiles(sqlite: Database.Database, f: OparlPageFilter): OparlMeetingRow[] {
  return stmt<[OparlPageFilter], OparlMeetingRow>(sqlite, `${MEETING_SQL} WHERE m.source_id = @sourceId AND m.id > @after
    AND EXISTS (SELECT 1 FROM meeting_files mf WHERE mf.meeting_id = m.id)
    AND ${sinceSql(created('Meeting', 'm'), 'm.updated_at')} ORDER BY m.id LIMIT @limit`).all(f);
}

const ITEM_SQL = `SELECT a.id, a.entity_key, a.meeting_id, m.entity_key AS meeting_key, a.position, a.number, a.public, a.name,
  p.entity_key AS paper_key, a.paper_reference, a.result, a.result_code, a.vote, a.decision_status, a.text, a.url, a.provenance, ${created('AgendaItem', 'a')} AS created,
  a.updated_at
  FROM agenda_items a LEFT JOIN meetings m ON m.id = a.meeting_id LEFT JOIN papers p ON p.id = a.paper_id`;

/** The agenda items of these meetings, in agenda order. */
export function loadOparlMeetingItems(sqlite: Database.Database, meetingIds: number[]): OparlAgendaItemRow[] {
  if (!meetingIds.length) return [];
  return stmt<[string], OparlAgendaItemRow>(sqlite, `${ITEM_SQL} WHERE a.meeting_id IN (${IDS}) ORDER BY a.meeting_id, a.position, a.id`)
    .all(JSON.stringify(meetingIds));
}

export function listOparlAgendaItems(sqlite: Database.Database, f: OparlPageFilter): OparlAgendaItemRow[] {
  return stmt<[OparlPageFilter], OparlAgendaItemRow>(sqlite, `${ITEM_SQL} WHERE a.source_id = @sourceId AND a.id > @after
    AND ${sinceSql(created('AgendaItem', 'a'), 'a.updated_at')} ORDER BY a.id LIMIT @limit`).all(f);
}

export function findOparlAgendaItem(sqlite: Database.Database, sourceId: number, key: string): OparlAgendaItemRow | null {
  return stmt<[number, string], OparlAgendaItemRow>(sqlite, `${ITEM_SQL} WHERE a.source_id = ? AND a.entity_key = ?`).get(sourceId, key) ?? null;
}

/** The consultation (paper key, station, row) each of these agenda items answers, by agenda item id. */
export function loadItemConsultations(sqlite: Database.Database, itemIds: number[]): Map<number, { paperKey: string; station: number; row: number }> {
  if (!itemIds.length) return new Map();
  const rows = stmt<[string], { agenda_item_id: number; paper_key: string; station: number; row: number }>(sqlite, `SELECT
      cm.agenda_item_id, p.entity_key AS paper_key, c.position AS station, cm.position AS row
    FROM agenda_items a JOIN consultation_meetings cm ON cm.agenda_item_id = a.id
      -- found by index: the rows of the item's meeting, or those naming its id
      AND (cm.meeting_id = a.meeting_id OR (cm.source_id = a.source_id AND cm.agenda_item_external_id = a.external_id))
      JOIN consultations c ON c.id = cm.consultation_id JOIN papers p ON p.id = c.paper_id
    WHERE a.id IN (${IDS}) ORDER BY cm.id DESC`).all(JSON.stringify(itemIds));
  return new Map(rows.map((r) => [r.agenda_item_id, { paperKey: r.paper_key, station: r.station, row: r.row }]));
}

const ORG_SQL = `SELECT o.id, o.entity_key, o.kind, o.url, o.name, o.end_date, ${created('Organization', 'o')} AS created, o.updated_at FROM organizations o`;

export function listOparlOrganizations(sqlite: Database.Database, f: OparlPageFilter): OparlOrganizationRow[] {
  return stmt<[OparlPageFilter], OparlOrganizationRow>(sqlite, `${ORG_SQL} WHERE o.source_id = @sourceId AND o.id > @after
    AND ${sinceSql(created('Organization', 'o'), 'o.updated_at')} ORDER BY o.id LIMIT @limit`).all(f);
}

export function findOparlOrganization(sqlite: Database.Database, sourceId: number, key: string): OparlOrganizationRow | null {
  return stmt<[number, string], OparlOrganizationRow>(sqlite, `${ORG_SQL} WHERE o.source_id = ? AND o.entity_key = ?`).get(sourceId, key) ?? null;
}

const MEMBERSHIP_SQL = `SELECT ms.organization_id, o.entity_key AS org_key, o.name AS org_name, ms.person_id, pe.name AS person_name,
  ms.position, ms.role, ms.group_name, o.updated_at
  FROM memberships ms JOIN organizations o ON o.id = ms.organization_id JOIN people pe ON pe.id = ms.person_id`;

export function loadOrganizationMemberships(sqlite: Database.Database, orgIds: number[]): OparlMembershipRow[] {
  if (!orgIds.length) return [];
  return stmt<[string], OparlMembershipRow>(sqlite, `${MEMBERSHIP_SQL} WHERE ms.organization_id IN (${IDS}) ORDER BY ms.organization_id, ms.position`)
    .all(JSON.stringify(orgIds));
}

export function loadPersonMemberships(sqlite: Database.Database, personIds: number[]): OparlMembershipRow[] {
  if (!personIds.length) return [];
  return stmt<[string], OparlMembershipRow>(sqlite, `${MEMBERSHIP_SQL} WHERE ms.person_id IN (${IDS}) ORDER BY ms.person_id, ms.organization_id, ms.position`)
    .all(JSON.stringify(personIds));
}

export function findOparlMembership(sqlite: Database.Database, sourceId: number, orgKey: string, position: number): OparlMembershipRow | null {
  return stmt<[number, string, number], OparlMembershipRow>(sqlite, `${MEMBERSHIP_SQL} WHERE o.source_id = ? AND o.entity_key = ? AND ms.position = ?`)
    .get(sourceId, orgKey, position) ?? null;
}

const PERSON_MODIFIED = '(SELECT max(o.updated_at) FROM memberships ms JOIN organizations o ON o.id = ms.organization_id WHERE ms.person_id = pe.id)';
const PERSON_SQL = `SELECT pe.id, pe.name, ${PERSON_MODIFIED} AS modified FROM people pe`;

export function listOparlPersons(sqlite: Database.Database, f: OparlPageFilter): OparlPersonRow[] {
  return stmt<[OparlPageFilter], OparlPersonRow>(sqlite, `${PERSON_SQL} WHERE pe.source_id = @sourceId AND pe.id > @after
    AND ${sinceSql(PERSON_MODIFIED, PERSON_MODIFIED)} ORDER BY pe.id LIMIT @limit`).all(f);
}

export function findOparlPerson(sqlite: Database.Database, sourceId: number, name: string): OparlPersonRow | null {
  return stmt<[number, string], OparlPersonRow>(sqlite, `${PERSON_SQL} WHERE pe.source_id = ? AND pe.name = ?`).get(sourceId, name) ?? null;
}

/** A page of a source's memberships (by organization, then position). */
export function listOparlMemberships(sqlite: Database.Database, f: OparlPageFilter): (OparlMembershipRow & { id: number })[] {
  return stmt<[OparlPageFilter], OparlMembershipRow & { id: number }>(sqlite, `SELECT ms.id, ${MEMBERSHIP_SQL.slice('SELECT '.length)}
    WHERE o.source_id = @sourceId AND ms.id > @after AND ${sinceSql('o.updated_at', 'o.updated_at')} ORDER BY ms.id LIMIT @limit`).all(f);
}
