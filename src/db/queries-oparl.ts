/**
 * Read queries of the OParl server (src/server/oparl): the bodies (sources), and papers with what an
 * OParl Paper embeds — its Beratungsfolge with the meeting and agenda item each row is linked to, its
 * documents, the organizations and papers it names — read for a page of papers at once. Lists go by
 * row id (a cursor, never an object id) within one source, filtered by first-seen / updated time.
 */
import type Database from 'better-sqlite3';
import { stmt } from './registry';

/** Which rows of a list page: after the cursor, created / modified at or after (since) and at or before (until) the given UTC instants. */
export interface OparlPageFilter {
  sourceId: number;
  after: number;
  createdSince: string | null;
  createdUntil: string | null;
  modifiedSince: string | null;
  modifiedUntil: string | null;
  limit: number;
}

export interface OparlBodyRow {
  id: number; key: string; name: string; base_url: string | null; oparl_url: string | null; is_demo: number;
  created_at: string; last_sync_at: string | null;
}

export interface OparlPaperRow {
  id: number; entity_key: string; external_id: string | null; url: string | null; reference: string | null;
  name: string | null; paper_type: string | null; public: number | null; status_text: string | null; originator: string;
  under_direction_of: string; date: string | null; related_references: string; first_seen_at: string; updated_at: string;
  data_as_of: string | null;
}

export interface OparlStationRow {
  paper_id: number; station: number; organization: string | null; role: string | null; role_code: string | null;
  station_status: string | null; row: number | null; date: string | null; name: string | null; meeting_external_id: string | null;
  agenda_item_external_id: string | null; result: string | null; result_code: string | null; meeting_key: string | null;
  item_key: string | null;
}

export interface OparlFileRow {
  id: number; paper_id: number | null; entity_key: string | null; position: number | null; name: string | null;
  file_name: string | null; mime_type: string | null; url: string | null; size: number | null; content_hash: string | null;
}

const BODY_COLUMNS = 'id, key, name, base_url, oparl_url, is_demo, created_at, last_sync_at';
const PAPER_COLUMNS = `id, entity_key, external_id, url, reference, name, paper_type, public, status_text, originator,
  under_direction_of, date, related_references, first_seen_at, updated_at, data_as_of`;
const IDS = 'SELECT value FROM json_each(?)';

export function loadOparlBodies(sqlite: Database.Database): OparlBodyRow[] {
  return stmt<[], OparlBodyRow>(sqlite, `SELECT ${BODY_COLUMNS} FROM sources ORDER BY id`).all();
}

export function loadOparlBody(sqlite: Database.Database, key: string): OparlBodyRow | null {
  return stmt<[string], OparlBodyRow>(sqlite, `SELECT ${BODY_COLUMNS} FROM sources WHERE key = ?`).get(key) ?? null;
}

/** `(@createdSince IS NULL OR <created> >= @createdSince) AND …` for a list's four time filters. */
export function sinceSql(created: string, modified: string): string {
  return `(@createdSince IS NULL OR ${created} >= @createdSince) AND (@createdUntil IS NULL OR ${created} <= @createdUntil)
    AND (@modifiedSince IS NULL OR ${modified} >= @modifiedSince) AND (@modifiedUntil IS NULL OR ${modified} <= @modifiedUntil)`;
}

export function listOparlPapers(sqlite: Database.Database, f: OparlPageFilter): OparlPaperRow[] {
  return stmt<[OparlPageFilter], OparlPaperRow>(sqlite, `SELECT ${PAPER_COLUMNS} FROM papers
    WHERE source_id = @sourceId AND id > @after AND ${sinceSql('first_seen_at', 'updated_at')} ORDER BY id LIMIT @limit`).all(f);
}

export function findOparlPaper(sqlite: Database.Database, sourceId: number, key: string): OparlPaperRow | null {
  return stmt<[number, string], OparlPaperRow>(sqlite, `SELECT ${PAPER_COLUMNS} FROM papers WHERE source_id = ? AND entity_key = ?`).get(sourceId, key) ?? null;
}

/** Every station of these papers with its meeting rows (a station without rows once, row null), in page order. */
export function loadOparlStations(sqlite: Database.Database, paperIds: number[]): OparlStationRow[] {
  if (!paperIds.length) return [];
  return stmt<[string], OparlStationRow>(sqlite, `SELECT c.paper_id, c.position AS station, c.organization, c.role, c.role_code,
      c.station_status, m.position AS row, m.date, m.name, m.meeting_external_id, m.agenda_item_external_id, m.result, m.result_code,
      mt.entity_key AS meeting_key, ai.entity_key AS item_key
    FROM consultations c LEFT JOIN consultation_meetings m ON m.consultation_id = c.id
      LEFT JOIN meetings mt ON mt.id = m.meeting_id LEFT JOIN agenda_items ai ON ai.id = m.agenda_item_id
    WHERE c.paper_id IN (${IDS}) ORDER BY c.paper_id, c.position, m.position`).all(JSON.stringify(paperIds));
}

const FILE_COLUMNS = 'id, paper_id, entity_key, position, name, file_name, mime_type, url, size, content_hash';

/** The documents of these papers (their pages' files), in page order. */
export function loadOparlPaperFiles(sqlite: Database.Database, paperIds: number[]): OparlFileRow[] {
  if (!paperIds.length) return [];
  return stmt<[string], OparlFileRow>(sqlite, `SELECT ${FILE_COLUMNS} FROM files WHERE paper_id IN (${IDS}) ORDER BY paper_id, position`)
    .all(JSON.stringify(paperIds));
}

/** Files that are OParl objects of their own (no paper's page lists them), a page of them. */
export function listOparlOwnFiles(sqlite: Database.Database, f: OparlPageFilter): OparlFileRow[] {
  return stmt<[OparlPageFilter], OparlFileRow>(sqlite, `SELECT ${FILE_COLUMNS} FROM files
    WHERE source_id = @sourceId AND paper_id IS NULL AND entity_key IS NOT NULL AND id > @after ORDER BY id LIMIT @limit`).all(f);
}

export function findOparlOwnFile(sqlite: Database.Database, sourceId: number, key: string): OparlFileRow | null {
  return stmt<[number, string], OparlFileRow>(sqlite, `SELECT ${FILE_COLUMNS} FROM files WHERE source_id = ? AND entity_key = ? AND paper_id IS NULL`)
    .get(sourceId, key) ?? null;
}

/** Entity keys of a source's organizations by name (the first row of a name), for the names a page names. */
export function organizationKeysByName(sqlite: Database.Database, sourceId: number, names: Iterable<string>): Map<string, string> {
  const list = [...new Set(names)];
  if (!list.length) return new Map();
  const rows = stmt<[number, string], { name: string; entity_key: string }>(sqlite, `SELECT name, entity_key FROM organizations
    WHERE source_id = ? AND name IN (${IDS}) ORDER BY id DESC`).all(sourceId, JSON.stringify(list));
  return new Map(rows.map((r) => [r.name, r.entity_key]));
}

/** Keys of a source's papers by reference (the first row of a reference), for the references a page names. */
export function paperKeysByReference(sqlite: Database.Database, sourceId: number, references: Iterable<string>): Map<string, string> {
  const list = [...new Set(references)];
  if (!list.length) return new Map();
  const rows = stmt<[number, string], { reference: string; entity_key: string }>(sqlite, `SELECT reference, entity_key FROM papers
    WHERE +source_id = ? AND reference IN (${IDS}) ORDER BY id DESC`).all(sourceId, JSON.stringify(list));
  return new Map(rows.map((r) => [r.reference, r.entity_key]));
}

/**
 * The RIS addresses the source's crawls found gone (404 / 410) at their last request: the objects read
 * from them have disappeared from the RIS. From the crawl journal, newest entry per URL.
 */
export function loadGoneUrls(sqlite: Database.Database, sourceId: number): Set<string> {
  const rows = stmt<[number], { url: string; outcome: string | null; state: string }>(sqlite, `SELECT q.url, q.outcome, q.state
    FROM crawl_queue q JOIN crawl_runs r ON r.id = q.run_id WHERE r.source_id = ? AND q.state IN ('done', 'skipped') ORDER BY q.id`).all(sourceId);
  const gone = new Set<string>();
  for (const r of rows) {
    if (r.outcome === 'not-found') gone.add(r.url);
    else gone.delete(r.url);
  }
  return gone;
}
