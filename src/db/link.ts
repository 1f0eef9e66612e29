/**
 * Links records that arrived in any order (run after every import, per source): a paper's meeting
 * rows → meetings and agenda items (by SILFDNR / TOLFDNR, or OParl ids, else by date and committee),
 * agenda items → their meeting and their paper (by VOLFDNR, else reference), meetings → their
 * committee (by AULFDNR/GRLFDNR/PALFDNR, else name). Only rows still unlinked are looked at.
 */
import type Database from 'better-sqlite3';

const cache = new WeakMap<Database.Database, Database.Statement[]>();

function prepare(sqlite: Database.Database): Database.Statement[] {
  return [
    // agenda items → meeting
    sqlite.prepare(`UPDATE agenda_items SET meeting_id = (
        SELECT m.id FROM meetings m WHERE m.source_id = agenda_items.source_id
          AND (m.source_record_id = agenda_items.meeting_source_id OR m.oparl_id = agenda_items.meeting_source_id
               OR m.entity_key = agenda_items.meeting_source_id)
        ORDER BY m.id LIMIT 1)
      WHERE source_id = @source AND meeting_id IS NULL AND meeting_source_id IS NOT NULL`),
    // agenda items → paper, by id
    sqlite.prepare(`UPDATE agenda_items SET paper_id = (
        SELECT p.id FROM papers p WHERE p.source_id = agenda_items.source_id
          AND (p.source_record_id = agenda_items.paper_source_id OR p.source_key = agenda_items.paper_source_id
               OR p.oparl_id = agenda_items.paper_source_id)
        ORDER BY p.id LIMIT 1)
      WHERE source_id = @source AND paper_id IS NULL AND paper_source_id IS NOT NULL`),
    // … else by reference, when exactly one paper has it
    sqlite.prepare(`UPDATE agenda_items SET paper_id = (
        SELECT MIN(p.id) FROM papers p WHERE p.source_id = agenda_items.source_id AND p.reference = agenda_items.paper_reference
        HAVING COUNT(*) = 1)
      WHERE source_id = @source AND paper_id IS NULL AND paper_reference IS NOT NULL`),
    // meetings → organization, by the committee id of the meeting page, else by name
    sqlite.prepare(`UPDATE meetings SET organization_id = COALESCE(
        (SELECT o.id FROM organizations o WHERE o.source_id = meetings.source_id AND meetings.organization_source_id IS NOT NULL
           AND o.source_record_id = meetings.organization_source_id AND o.kind IN ('committee', 'parliament') ORDER BY o.id LIMIT 1),
        (SELECT o.id FROM organizations o WHERE o.source_id = meetings.source_id AND o.name = meetings.organization
           ORDER BY o.id LIMIT 1))
      WHERE source_id = @source AND organization_id IS NULL`),
    // a paper's meeting rows → meetings, by id
    sqlite.prepare(`UPDATE consultation_meetings SET meeting_id = (
        SELECT m.id FROM meetings m WHERE m.source_id = @source
          AND (m.source_record_id = consultation_meetings.meeting_source_id OR m.oparl_id = consultation_meetings.meeting_source_id)
        ORDER BY m.id LIMIT 1)
      WHERE meeting_id IS NULL AND meeting_source_id IS NOT NULL
        AND consultation_id IN (SELECT c.id FROM consultations c JOIN papers p ON p.id = c.paper_id WHERE p.source_id = @source)`),
    // … else by date and committee, when exactly one meeting matches
    sqlite.prepare(`UPDATE consultation_meetings SET meeting_id = (
        SELECT MIN(m.id) FROM meetings m JOIN consultations c ON c.id = consultation_meetings.consultation_id
        WHERE m.source_id = @source AND m.date = consultation_meetings.date AND m.organization = c.organization
        HAVING COUNT(*) = 1)
      WHERE meeting_id IS NULL AND date IS NOT NULL
        AND consultation_id IN (SELECT c.id FROM consultations c JOIN papers p ON p.id = c.paper_id WHERE p.source_id = @source)`),
    // a paper's meeting rows → agenda items, by TOLFDNR / OParl id …
    sqlite.prepare(`UPDATE consultation_meetings SET agenda_item_id = (
        SELECT a.id FROM agenda_items a WHERE a.source_id = @source
          AND (a.source_record_id = consultation_meetings.agenda_item_source_id OR a.entity_key = consultation_meetings.agenda_item_source_id)
        ORDER BY a.id LIMIT 1)
      WHERE agenda_item_id IS NULL AND agenda_item_source_id IS NOT NULL
        AND consultation_id IN (SELECT c.id FROM consultations c JOIN papers p ON p.id = c.paper_id WHERE p.source_id = @source)`),
    // … else the item of the linked meeting that is about this paper
    sqlite.prepare(`UPDATE consultation_meetings SET agenda_item_id = (
        SELECT MIN(a.id) FROM agenda_items a JOIN consultations c ON c.id = consultation_meetings.consultation_id
        WHERE a.meeting_id = consultation_meetings.meeting_id AND a.paper_id = c.paper_id HAVING COUNT(*) = 1)
      WHERE agenda_item_id IS NULL AND meeting_id IS NOT NULL
        AND consultation_id IN (SELECT c.id FROM consultations c JOIN papers p ON p.id = c.paper_id WHERE p.source_id = @source)`),
  ];
}

export function relink(sqlite: Database.Database, sourceDbId: number): void {
  let list = cache.get(sqlite);
  if (!list) cache.set(sqlite, (list = prepare(sqlite)));
  for (const st of list) st.run({ source: sourceDbId });
}
