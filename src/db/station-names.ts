/**
 * A station's committee named by id. OParl names a Consultation's committee by the URL of its
 * Organization only (the record keeps it as `organizationSourceId`, its `organization` is null unless the
 * Organization is embedded): the station takes the name of the source's Organization with that id
 * wherever the import has it — when the paper is written (namedStations), and when the Organization
 * comes later or is renamed (nameStationsOf, from the link step). The paper's record and its row hash
 * keep what the source said, so importing the same paper again changes nothing; the station rows
 * (consultations.organization, and through migration 0026's trigger the meeting rows' copy and the
 * paper's derived state) carry the name. A station whose Organization is not known keeps the record's
 * name (null: "Gremium nicht bekannt"), without the publicity ALLRIS 4 adds to it (migration 0028 for
 * rows written before).
 */
import type Database from 'better-sqlite3';
import type { ConsultationRecord } from '../../scrapers/records';
import { stationCommittee } from '../domain/queue';
import { declareStatements } from './registry';

/** The name of the source's Organization with this id (its OParl URL, or the id its record gave), as SQL. */
const nameById = (id: string) => `(SELECT name FROM (SELECT o.id, o.name FROM organizations o WHERE o.source_id = @source AND o.oparl_id = ${id}
  UNION ALL SELECT o.id, o.name FROM organizations o WHERE o.source_id = @source AND o.external_id = ${id}) WHERE name IS NOT NULL ORDER BY id LIMIT 1)`;

// raw SQL: looked up for every OParl station an import writes (ALLRIS stations have no id and skip it)
const stmts = declareStatements('station-names', (sqlite) => ({
  name: sqlite.prepare<{ source: number; id: string }, string>(`SELECT ${nameById('@id')}`).pluck(),
  /** the written organizations with a name, and the ids their stations may name them by */
  organizations: sqlite.prepare<[string], { id: number; name: string; oparlId: string | null; externalId: string | null }>(
    `SELECT id, name, oparl_id AS oparlId, external_id AS externalId FROM organizations
     WHERE id IN (SELECT value FROM json_each(?)) AND name IS NOT NULL ORDER BY id`,
  ),
  /** the stations of the source's papers that name this organization by id and another name than its own */
  rename: sqlite.prepare<{ source: number; name: string; oparlId: string | null; externalId: string | null }, number>(
    `UPDATE consultations SET organization = @name
     WHERE organization_external_id IN (@oparlId, @externalId) AND organization IS NOT @name
       AND (SELECT p.source_id FROM papers p WHERE p.id = consultations.paper_id) = @source
     RETURNING id`,
  ).pluck(),
  /** every station of the source named by id, with the name its organization has now (relink: a repair) */
  renameAll: sqlite.prepare<{ source: number }, number>(
    `WITH named AS MATERIALIZED (SELECT c.id, ${nameById('c.organization_external_id')} AS name
       FROM papers p CROSS JOIN consultations c ON c.paper_id = p.id
       WHERE p.source_id = @source AND c.organization_external_id IS NOT NULL)
     UPDATE consultations SET organization = named.name FROM named
     WHERE consultations.id = named.id AND named.name IS NOT NULL AND consultations.organization IS NOT named.name
     RETURNING consultations.id`,
  ).pluck(),
}));

/**
 * The stations as the paper's rows name them: a station with an id takes the name of the source's
 * Organization with that id, where there is one; a name with the publicity ALLRIS 4 adds is its committee's
 * ("Verwaltungsausschuss (nicht-öffentlich)" → "Verwaltungsausschuss": one committee page and queue, as its
 * meetings name it). The same array when no station changes.
 */
export function namedStations(sqlite: Database.Database, sourceId: number, stations: readonly ConsultationRecord[] | undefined): ConsultationRecord[] {
  const list = (stations ?? []) as ConsultationRecord[];
  let out: ConsultationRecord[] | null = null;
  list.forEach((c, i) => {
    const byId = c.organizationSourceId ? stmts(sqlite).name.get({ source: sourceId, id: c.organizationSourceId }) : null;
    const name = byId ?? (c.organization == null ? null : stationCommittee(c.organization));
    if (name == null || name === c.organization) return;
    out ??= [...list];
    out[i] = { ...c, organization: name };
  });
  return out ?? list;
}

/**
 * Names the stored stations of the source's papers that name one of these organizations by id (written
 * by this import: new, or renamed); returns the ids of the stations whose name changed.
 */
export function nameStationsOf(sqlite: Database.Database, sourceId: number, organizationIds: ReadonlySet<number>): number[] {
  if (organizationIds.size === 0) return [];
  const s = stmts(sqlite);
  const out: number[] = [];
  for (const o of s.organizations.all(JSON.stringify([...organizationIds]))) {
    if (o.oparlId == null && o.externalId == null) continue;
    out.push(...s.rename.all({ source: sourceId, name: o.name, oparlId: o.oparlId, externalId: o.externalId }));
  }
  return out;
}

/** Names every station of the source that names its committee by id (relink); returns the ids of those whose name changed. */
export function nameAllStations(sqlite: Database.Database, sourceId: number): number[] {
  return stmts(sqlite).renameAll.all({ source: sourceId });
}
