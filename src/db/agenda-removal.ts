/**
 * Agenda items a meeting's own page no longer lists: an agenda published again without an item, an item
 * taken off before the meeting. The meeting's latest own page (ALLRIS to010 / OParl Meeting) is what its
 * agenda is, so an item listed there before (its 'entry' facet names this meeting) and missing now goes:
 * its row (the Beratungsfolge rows linked to it lose the link, its paper is derived again; its 'entry' facet stays,
 * marked `removed`, until a page lists it again) and
 * the 'agenda:<item>' appearance of its paper, which is merged again from what else it has (a paper known
 * only from that appearance keeps its name and reference, without a station: that it exists is still
 * true). Papers taken off a coming agenda get an "off_agenda" event, unless the page names them still (under
 * another item). What the item's own page said (a to020
 * or OParl AgendaItem facet, its documents) stays stored: an item put back on the agenda has its Beschluss
 * text again at once, even where the crawl finds its page unchanged and does not read it again.
 *
 * Left alone: a page without any agenda item (not published yet, or cut — it says nothing of the items),
 * a page the shrink guard holds back (shrink-guard.ts: the callers never import it; a meeting inside an OParl
 * list page, which no caller guards, is checked here), and an item this batch read on a page of its own
 * (that page says it exists).
 */
import type { MeetingRecord, PaperRecord } from '../../scrapers/records';
import type { Batch } from './import-batch';
import { agendaEntryKey, meetingKey, paperKey } from './identity';
import { declareStatements } from './registry';
import { isShrink } from './shrink-guard';
import { agendaTurnKey, insertEvents } from './write-events';
import { dropFacet, hasOtherFacets, loadFacet } from './facets';
import { NAMED_FACET } from './merge';

const stmts = declareStatements('agenda-removal', (sqlite) => ({
  meeting: sqlite.prepare<[number, string], { id: number; date: string | null; organization: string | null; externalId: string | null }>(
    'SELECT id, date, organization, external_id AS externalId FROM meetings WHERE source_id = ? AND entity_key = ?',
  ),
  items: sqlite.prepare<[number], { id: number; key: string; paperId: number | null; organization: string | null }>(
    'SELECT id, entity_key AS key, paper_id AS paperId, organization FROM agenda_items WHERE meeting_id = ?',
  ),
  dropItem: sqlite.prepare<[number]>('DELETE FROM agenda_items WHERE id = ?'),
  paperKeyOf: sqlite.prepare<[number], string>('SELECT entity_key FROM papers WHERE id = ?').pluck(),
}));

/** What an item's 'entry' facet says of its meeting and paper (record-facets.ts addMeeting). */
interface StoredEntry {
  meetingSourceId: string | null;
  /** set where the agenda no longer lists the item (dropUnlistedItems) */
  removed?: boolean;
  system: PaperRecord['system'];
  paperSourceId: string | null;
  paperReference: string | null;
}

/**
 * Removes the stored agenda items of `m`'s meeting that its page (saved in this batch) no longer lists;
 * returns how many. Runs before the batch's entities are merged (the papers it touches are merged again).
 * `guard`: the record was not seen by a caller's shrink guard (a meeting inside an OParl list page), so a
 * suspicious shrink of the agenda (shrink-guard.ts SHRINK_RULE) removes nothing.
 */
export function dropUnlistedItems(b: Batch, m: MeetingRecord, guard: boolean): number {
  if (m.agendaItem.length === 0) return 0;
  const key = meetingKey(m);
  if (!key) return 0;
  const s = stmts(b.sqlite);
  const meeting = s.meeting.get(b.sourceId, key);
  if (!meeting) return 0;
  const listed = new Set(m.agendaItem.map((e, position) => agendaEntryKey(m.system, e.sourceId, key, position)));
  // the papers the page still names (under another item: a new TOLFDNR, a position that moved): not taken off
  const stillNamed = new Set(m.agendaItem.flatMap((e) => [e.paperSourceId && `id:${e.paperSourceId}`, e.paperReference && `ref:${e.paperReference}`].filter(Boolean)));
  const meetingSourceId = m.sourceId ?? key;
  const stored = s.items.all(meeting.id);
  if (guard && isShrink(stored.length, m.agendaItem.length)) return 0;
  let removed = 0;
  for (const item of stored) {
    if (listed.has(item.key) || b.touched.has(`AgendaItem\u0000${item.key}`)) continue;
    const entry = loadFacet<StoredEntry>(b.sqlite, b.sourceId, 'AgendaItem', item.key, 'entry');
    if (!entry || entry.meetingSourceId !== meetingSourceId) continue;
    dropPaperAppearance(b, item.key, entry, item.paperId);
    // the entry stays, marked: the item's own page (to020), read later, neither puts it back on the agenda nor
    // brings back its motion's appearance there (record-facets.ts addAgendaItem, import.ts materialise); the
    // page listing it again replaces the mark
    b.save('AgendaItem', item.key, 'entry', { ...entry, removed: true });
    s.dropItem.run(item.id);
    const named = (entry.paperSourceId && stillNamed.has(`id:${entry.paperSourceId}`)) || (entry.paperReference && stillNamed.has(`ref:${entry.paperReference}`));
    if (item.paperId !== null && !named && b.events && meeting.date !== null && meeting.date >= b.events.today) {
      const where = meeting.externalId ? `m:${meeting.externalId}` : `i:${meeting.id}`;
      // the committee as the "on the agenda" event names it (write-events.ts: the meeting's, else the item's)
      const committee = meeting.organization ?? item.organization;
      const key = agendaTurnKey(b.sqlite, 'off_agenda', item.paperId, where, meeting.date, committee);
      if (key !== null) insertEvents(b.sqlite, b.events, item.paperId, [{
        kind: 'off_agenda', key, happenedOn: meeting.date, committee, payload: { date: meeting.date },
      }]);
    }
    removed++;
  }
  // the Beratungsfolge rows that pointed at a removed item may find another one of the meeting
  if (removed) b.links.oldItemMeetings.add(meeting.id);
  return removed;
}

/** The paper's 'agenda:<item>' facet goes; the paper is merged again from its other facets (or keeps its name). */
function dropPaperAppearance(b: Batch, itemKey: string, entry: StoredEntry, paperId: number | null): void {
  const s = stmts(b.sqlite);
  const facet = `agenda:${itemKey}`;
  const byRecord = paperKey({ system: entry.system, sourceId: entry.paperSourceId, reference: entry.paperReference } as PaperRecord);
  const keys = new Set([paperId !== null ? s.paperKeyOf.get(paperId) : undefined, byRecord].filter((k): k is string => !!k));
  for (const paper of keys) {
    const found = loadFacet<PaperRecord>(b.sqlite, b.sourceId, 'Paper', paper, facet);
    if (!found) continue;
    // known from this appearance only: it stays known, by what the agenda said of it, without the station (saved
    // before the appearance goes, so that it counts as a change of the paper, not a new one)
    if (!hasOtherFacets(b.sqlite, b.sourceId, 'Paper', paper, facet)) b.save('Paper', paper, NAMED_FACET, { ...found, consultation: [] });
    dropFacet(b.sqlite, b.sourceId, 'Paper', paper, facet);
    b.remergePaper(paper, 'updated');
  }
}
