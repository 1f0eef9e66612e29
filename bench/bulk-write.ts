/**
 * Writes generated cities (bench/generate.ts) as rows, fast: the real schema (openDb() runs the
 * migrations), prepared statements, one transaction per city, ids assigned here so that every link
 * (meeting → committee, agenda item → meeting and paper, a paper's meeting rows → meeting and agenda
 * item) is written directly. Optionally the search index (search-index.ts indexPaper) and the derived
 * state columns (derive.ts derivedColumns, exactly what refreshDerived stores). The records (facets)
 * table is not written: the server does not read it.
 */
import type Database from 'better-sqlite3';
import { derivedOf } from '../src/db/derive';
import type { PaperAgendaItem } from '../src/domain/agenda-steps';
import { indexPaper } from '../src/db/search-index';
import type { GeneratedCity } from './generate';

export interface WriteOptions {
  /** write papers_fts rows */
  search: boolean;
  /** write the derived state columns for `today` */
  derived: boolean;
  today: string;
  /** the import timestamp written to updated_at and friends */
  now: string;
}

export interface WriteCounts {
  sources: number;
  organizations: number;
  memberships: number;
  papers: number;
  consultations: number;
  consultationMeetings: number;
  meetings: number;
  agendaItems: number;
  files: number;
}

export function emptyCounts(): WriteCounts {
  return { sources: 0, organizations: 0, memberships: 0, papers: 0, consultations: 0, consultationMeetings: 0, meetings: 0, agendaItems: 0, files: 0 };
}

function prepare(sqlite: Database.Database) {
  return {
    maxId: (table: string) => (sqlite.prepare(`SELECT COALESCE(MAX(id), 0) AS n FROM ${table}`).get() as { n: number }).n,
    source: sqlite.prepare('INSERT INTO sources (key, name, system, base_url, is_demo) VALUES (?, ?, ?, ?, 0)'),
    organization: sqlite.prepare(`INSERT INTO organizations (id, source_id, entity_key, kind, external_id, system, url, name,
      provenance, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    person: sqlite.prepare('INSERT INTO people (id, source_id, name, role) VALUES (?, ?, ?, NULL)'),
    membership: sqlite.prepare('INSERT INTO memberships (organization_id, person_id, position, role, group_name) VALUES (?, ?, ?, ?, ?)'),
    paper: sqlite.prepare(`INSERT INTO papers (id, source_id, entity_key, external_id, system, system_version, url, reference,
      name, paper_type, public, status_text, originator, under_direction_of, date, related_references, files, text, record_hash,
      first_seen_at, updated_at, provenance, state, current_organization, next_organization, next_role, next_date, last_activity,
      derived_on) VALUES (@id, @sourceId, @entityKey, @externalId, @system, @systemVersion, @url, @reference, @name, @paperType,
      @public, @statusText, @originator, @underDirectionOf, @date, @relatedReferences, @files, @text, @recordHash, @now, @now,
      @provenance, @state, @currentOrganization, @nextOrganization, @nextRole, @nextDate, @lastActivity, @derivedOn)`),
    file: sqlite.prepare('INSERT INTO files (source_id, paper_id, position, name, url) VALUES (?, ?, ?, ?, ?)'),
    meeting: sqlite.prepare(`INSERT INTO meetings (id, source_id, entity_key, external_id, system, url, name, organization,
      organization_external_id, organization_id, date, start, "end", room, location, status_text, provenance, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    derivedOn: sqlite.prepare('UPDATE papers SET derived_on = ? WHERE source_id = ?'),
    summary: sqlite.prepare('INSERT INTO paper_progress (paper_id, summary) VALUES (?, ?)'),
    deadline: sqlite.prepare('INSERT INTO paper_deadlines (paper_id, source_id, organization, before) VALUES (?, ?, ?, ?)'),
    agendaItem: sqlite.prepare(`INSERT INTO agenda_items (id, source_id, entity_key, external_id, meeting_external_id, meeting_id,
      position, number, public, name, meeting_name, organization, date, paper_reference, paper_external_id, paper_id, result,
      result_code, text, provenance, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?)`),
    station: sqlite.prepare(`INSERT INTO consultations (paper_id, position, organization, role, role_code, station_status)
      VALUES (?, ?, ?, ?, ?, ?)`),
    row: sqlite.prepare(`INSERT INTO consultation_meetings (consultation_id, position, date, name, meeting_external_id,
      agenda_item_external_id, result, result_code, meeting_id, agenda_item_id, source_id, organization) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  };
}

const provenanceOf = (record: object, facet: string) =>
  JSON.stringify(Object.fromEntries(Object.keys(record).filter((k) => k !== 'type' && k !== 'format').map((k) => [k, facet])));

/** Writes one generated city in one transaction; adds what it wrote to `counts`. */
export function writeCity(sqlite: Database.Database, city: GeneratedCity, opts: WriteOptions, counts: WriteCounts): void {
  const s = prepare(sqlite);
  const { now } = opts;
  const sys = city.spec.system;
  sqlite.transaction(() => {
    const sourceId = Number(s.source.run(city.source.key, city.source.name, sys, city.source.baseUrl ?? null).lastInsertRowid);
    counts.sources++;
    let orgId = s.maxId('organizations');
    let personId = s.maxId('people');
    let paperId = s.maxId('papers');
    let meetingId = s.maxId('meetings');
    let itemId = s.maxId('agenda_items');
    const orgBySourceId = new Map<string, number>();
    const people = new Map<string, number>();
    for (const o of city.organizations) {
      const id = ++orgId;
      const faction = /FRLFDNR=/.test(o.url ?? '');
      const key = `${faction ? 'fr' : sys === 'allris3' ? 'au' : 'gr'}:${o.sourceId}`;
      s.organization.run(id, sourceId, key, faction ? 'faction' : 'committee', o.sourceId, sys, o.url, o.name, provenanceOf(o, sys), now);
      if (!faction) orgBySourceId.set(o.sourceId!, id);
      o.members.forEach((m, k) => {
        let pid = people.get(m.name);
        if (pid === undefined) {
          pid = ++personId;
          people.set(m.name, pid);
          s.person.run(pid, sourceId, m.name);
        }
        s.membership.run(id, pid, k, m.role, m.group);
        counts.memberships++;
      });
      counts.organizations++;
    }
    const paperBySourceId = new Map<string, number>();
    // the agenda items that name each paper, as progress() reads them (derive.ts derivedOf), with the ids
    // the meetings get below (in order from meetingId + 1)
    const agendaOf = new Map<string, PaperAgendaItem[]>();
    for (const [k, m] of city.meetings.entries()) {
      for (const a of m.agendaItem) {
        if (!a.paperSourceId) continue;
        let l = agendaOf.get(a.paperSourceId);
        if (!l) agendaOf.set(a.paperSourceId, (l = []));
        l.push({ date: m.date, organization: m.organization, meetingName: m.name, meetingId: meetingId + 1 + k, meetingSourceId: m.sourceId,
          agendaItemSourceId: a.sourceId, number: a.number, result: a.result, resultCode: a.resultCode });
      }
    }
    const paperProvenance = city.papers.length ? provenanceOf(city.papers[0], sys) : '{}';
    for (const p of city.papers) {
      const id = ++paperId;
      paperBySourceId.set(p.sourceId!, id);
      const derived = opts.derived ? derivedOf(p, opts.today, agendaOf.get(p.sourceId!) ?? []) : null;
      const d = derived?.columns ?? null;
      s.paper.run({
        id, sourceId, entityKey: p.sourceId, externalId: p.sourceId, system: sys, systemVersion: p.systemVersion, url: p.url, reference: p.reference,
        name: p.name, paperType: p.paperType, public: p.public === null ? null : p.public ? 1 : 0, statusText: p.statusText,
        originator: JSON.stringify(p.originator), underDirectionOf: JSON.stringify(p.underDirectionOf), date: p.date,
        relatedReferences: JSON.stringify(p.relatedReferences), files: JSON.stringify(p.files), text: JSON.stringify(p.text),
        recordHash: `bench:${p.sourceId}`, now, provenance: paperProvenance,
        state: d?.state ?? null, currentOrganization: d?.currentOrganization ?? null, nextOrganization: d?.nextOrganization ?? null,
        // derived_on is set once the city's agenda items are written (their insert trigger marks their papers stale)
        nextRole: d?.nextRole ?? null, nextDate: d?.nextDate ?? null, lastActivity: d?.lastActivity ?? null, derivedOn: null,
      });
      if (derived) {
        s.summary.run(id, derived.summary);
        for (const x of derived.deadlines) s.deadline.run(id, sourceId, x.organization, x.before);
      }
      p.files.forEach((f, k) => s.file.run(sourceId, id, k, f.name, f.url));
      counts.files += p.files.length;
      if (opts.search) indexPaper(sqlite, id, p.reference, p.name, false, p.text);
      counts.papers++;
    }
    const meetingBySourceId = new Map<string, number>();
    const itemBySourceId = new Map<string, number>();
    const meetingProvenance = city.meetings.length ? provenanceOf(city.meetings[0], sys) : '{}';
    const itemProvenance = JSON.stringify({ name: 'entry', number: 'entry', result: 'entry', public: 'entry' });
    for (const m of city.meetings) {
      const id = ++meetingId;
      meetingBySourceId.set(m.sourceId!, id);
      s.meeting.run(id, sourceId, m.sourceId, m.sourceId, sys, m.url, m.name, m.organization, m.organizationSourceId,
        orgBySourceId.get(m.organizationSourceId!) ?? null, m.date, m.start, m.end, m.room, m.location, m.statusText, meetingProvenance, now);
      m.agendaItem.forEach((a, k) => {
        const aid = ++itemId;
        itemBySourceId.set(a.sourceId!, aid);
        s.agendaItem.run(aid, sourceId, a.sourceId, a.sourceId, m.sourceId, id, k, a.number, a.public ? 1 : 0, a.name, m.name,
          m.organization, m.date, a.paperReference, a.paperSourceId, a.paperSourceId ? (paperBySourceId.get(a.paperSourceId) ?? null) : null,
          a.result, a.resultCode, itemProvenance, now);
        counts.agendaItems++;
      });
      counts.meetings++;
    }
    for (const p of city.papers) {
      const pid = paperBySourceId.get(p.sourceId!)!;
      p.consultation.forEach((c, k) => {
        const cid = Number(s.station.run(pid, k, c.organization, c.role, c.roleCode, c.stationStatus).lastInsertRowid);
        counts.consultations++;
        c.meetings.forEach((r, j) => {
          s.row.run(cid, j, r.date, r.name, r.meetingSourceId, r.agendaItemSourceId, r.result, r.resultCode,
            meetingBySourceId.get(r.meetingSourceId!) ?? null, itemBySourceId.get(r.agendaItemSourceId!) ?? null, sourceId, c.organization);
          counts.consultationMeetings++;
        });
      });
    }
    if (opts.derived) s.derivedOn.run(opts.today, sourceId);
  })();
}
