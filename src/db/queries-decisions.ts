/**
 * What agenda items state about the decisions on papers (vote, Beschluss text), and which agenda item
 * each meeting row of a Beratungsfolge is linked to: for the motion page's meeting rows and the list
 * CSV's decision columns (src/domain/decisions.ts matches and formats them). Prepared once per connection.
 */
import type Database from 'better-sqlite3';
import type { DecisionStatus, TextSection, Vote } from '../../scrapers/records';
import type { DecisionItem } from '../domain/decisions';
import type { RawRow } from './raw-rows';
import { declareStatements } from './registry';
import type { agendaItems, consultationMeetings, consultations, papers } from './schema';

/** An agenda item naming a paper (paper_id not null), its date and committee from its meeting where it has one. */
type ItemDbRow = Pick<RawRow<typeof agendaItems>, 'id' | 'external_id' | 'meeting_id' | 'date' | 'organization' | 'vote' | 'text' | 'provenance' | 'decision_status'>
  & { paper_id: number };

/** A meeting row of a Beratungsfolge: its station's and its own position, and what it is linked to. */
type RowLinkDbRow = Pick<RawRow<typeof consultations>, 'paper_id'> & Pick<RawRow<typeof consultationMeetings>, 'meeting_id' | 'agenda_item_id'>
  & { station: number; row: number };

/** Row links of a paper: [station][row] → the meeting and the agenda item the row is linked to. */
export type RowLinks = { meetingId: number | null; agendaItemId: number | null }[][];

const IDS = 'SELECT value FROM json_each(?)';
function prepare(sqlite: Database.Database) {
  return {
    items: sqlite.prepare<[string], ItemDbRow>(`SELECT a.id, a.paper_id, a.external_id, a.meeting_id,
      COALESCE(m.date, a.date) AS date, COALESCE(m.organization, a.organization) AS organization, a.vote, a.text, a.provenance,
      a.decision_status FROM agenda_items a LEFT JOIN meetings m ON m.id = a.meeting_id WHERE a.paper_id IN (${IDS}) ORDER BY a.paper_id, a.id`),
    links: sqlite.prepare<[string], RowLinkDbRow>(`SELECT c.paper_id, c.position AS station, cm.position AS row, cm.meeting_id,
      cm.agenda_item_id FROM consultations c JOIN consultation_meetings cm ON cm.consultation_id = c.id
      WHERE c.paper_id IN (${IDS}) ORDER BY c.paper_id, c.position, cm.position`),
    papers: sqlite.prepare<[string], Pick<RawRow<typeof papers>, 'id' | 'originator' | 'url'>>(
      `SELECT id, originator, url FROM papers WHERE id IN (${IDS})`,
    ),
  };
}

// raw SQL: the decision columns of the committee page (bench: fresh render)
const stmts = declareStatements('queries-decisions', prepare);

function json<T>(text: string | null, fallback: T): T {
  if (text == null) return fallback;
  try {
    return (JSON.parse(text) as T) ?? fallback;
  } catch {
    return fallback;
  }
}

/** An agenda_items row's vote, decision status, text and provenance, as the domain reads them. */
export function toDecisionItem(r: Omit<ItemDbRow, 'paper_id'>): DecisionItem {
  const vote = json<Vote | null>(r.vote, null);
  const text = json<TextSection[]>(r.text, []);
  const status = json<DecisionStatus | null>(r.decision_status, null);
  return {
    id: r.id, externalId: r.external_id, meetingId: r.meeting_id, date: r.date, organization: r.organization,
    vote: vote && typeof vote === 'object' && typeof vote.text === 'string' ? vote : null,
    status: status && typeof status === 'object' && typeof status.text === 'string' ? { text: status.text, date: typeof status.date === 'string' ? status.date : null } : null,
    text: Array.isArray(text) ? text.filter((s) => s && typeof s.text === 'string') : [],
    oparlText: json<Record<string, string>>(r.provenance, {}).text === 'oparl',
  };
}

/** The agenda items naming the papers `ids`, by paper id, with what they state of the decision. */
export function loadDecisionItems(sqlite: Database.Database, ids: Iterable<number>): Map<number, DecisionItem[]> {
  const out = new Map<number, DecisionItem[]>();
  const list = [...new Set(ids)];
  if (!list.length) return out;
  for (const r of stmts(sqlite).items.all(JSON.stringify(list))) {
    let l = out.get(r.paper_id);
    if (!l) out.set(r.paper_id, (l = []));
    l.push(toDecisionItem(r));
  }
  return out;
}

/** The meeting and agenda item each meeting row of the papers `ids` is linked to, by paper id. */
export function loadRowLinks(sqlite: Database.Database, ids: Iterable<number>): Map<number, RowLinks> {
  const out = new Map<number, RowLinks>();
  const list = [...new Set(ids)];
  if (!list.length) return out;
  for (const r of stmts(sqlite).links.all(JSON.stringify(list))) {
    let l = out.get(r.paper_id);
    if (!l) out.set(r.paper_id, (l = []));
    (l[r.station] ??= [])[r.row] = { meetingId: r.meeting_id, agendaItemId: r.agenda_item_id };
  }
  return out;
}

/** Each paper's originators (Einreicher: factions, members, offices as the page names them — never staff) and its RIS address. */
export function loadOriginators(sqlite: Database.Database, ids: Iterable<number>): Map<number, { originator: string[]; url: string | null }> {
  const list = [...new Set(ids)];
  const out = new Map<number, { originator: string[]; url: string | null }>();
  if (!list.length) return out;
  for (const r of stmts(sqlite).papers.all(JSON.stringify(list))) {
    const o = json<unknown>(r.originator, []);
    out.set(r.id, { originator: Array.isArray(o) ? o.filter((x): x is string => typeof x === 'string') : [], url: r.url });
  }
  return out;
}
