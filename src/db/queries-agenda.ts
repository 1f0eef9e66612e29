/**
 * The agenda items that name a paper (agenda_items.paper_id, linked by id or by reference in link.ts),
 * with their meeting's date, committee and name, as src/domain/agenda-steps.ts reads them: every
 * reader of progress() hands them over, so that the motion page, its calendar and feed, the
 * committee pages and the stored list columns (derive.ts) agree.
 */
import type Database from 'better-sqlite3';
import type { ResultCode } from '../../scrapers/shared/codes';
import type { PaperAgendaItem } from '../domain/agenda-steps';
import type { RawRow } from './raw-rows';
import { declareStatements } from './registry';
import type { agendaItems } from './schema';

/** An agenda item naming a paper as paperAgendaSql reads it: date, committee and name from its meeting where it has one. */
export type AgendaDbRow = Pick<RawRow<typeof agendaItems>, 'meeting_id' | 'meeting_external_id' | 'number' | 'result' | 'result_code'> & {
  paper_id: number; date: string | null; organization: string | null; meeting_name: string | null;
  item_external_id: RawRow<typeof agendaItems>['external_id'];
  /** meetings.cancelled (null without a meeting row) */
  cancelled: number | null;
};

/** The reads of the agenda items of the papers `where` picks (`where` gets the paper id column to test). */
export const paperAgendaSql = (where: (paperId: string) => string) => `SELECT a.paper_id, COALESCE(m.date, a.date) AS date,
  COALESCE(m.organization, a.organization) AS organization, COALESCE(m.name, a.meeting_name) AS meeting_name, a.meeting_id,
  a.meeting_external_id, a.external_id AS item_external_id, a.number, a.result, a.result_code, m.cancelled
  FROM agenda_items a LEFT JOIN meetings m ON m.id = a.meeting_id WHERE ${where('a.paper_id')} ORDER BY a.paper_id, a.id`;

/** Groups agenda rows by paper, as the domain reads them. */
export function groupAgenda(rows: readonly AgendaDbRow[]): Map<number, PaperAgendaItem[]> {
  const out = new Map<number, PaperAgendaItem[]>();
  for (const r of rows) {
    let l = out.get(r.paper_id);
    if (!l) out.set(r.paper_id, (l = []));
    l.push({
      date: r.date, organization: r.organization, meetingName: r.meeting_name, meetingId: r.meeting_id,
      meetingSourceId: r.meeting_external_id, agendaItemSourceId: r.item_external_id, number: r.number,
      result: r.result, resultCode: (r.result_code as ResultCode | null) ?? null,
      cancelled: r.cancelled === 1,
    });
  }
  return out;
}

const agendaOf = declareStatements('queries-agenda', (sqlite) =>
  sqlite.prepare<[string], AgendaDbRow>(paperAgendaSql((id) => `${id} IN (SELECT value FROM json_each(?))`)),
);

/** The agenda items of the papers `ids`, by paper id (papers without any are absent). */
export function loadPaperAgendas(sqlite: Database.Database, ids: Iterable<number>): Map<number, PaperAgendaItem[]> {
  const list = [...new Set(ids)];
  if (!list.length) return new Map();
  return groupAgenda(agendaOf(sqlite).all(JSON.stringify(list)));
}

/** The agenda items of one paper. */
export function loadPaperAgenda(sqlite: Database.Database, id: number): PaperAgendaItem[] {
  return loadPaperAgendas(sqlite, [id]).get(id) ?? [];
}
