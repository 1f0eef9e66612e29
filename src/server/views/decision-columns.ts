/**
 * The decision columns of the list CSV, per paper: the result, the deciding committee, the decision
 * date and the vote (of the deciding meeting row's agenda item), the submitters (Einreicher) and the
 * motion's address in the RIS. Progress is derived for the CSV's papers at once (a few statements per
 * list, src/db/queries-progress.ts).
 */
import type Database from 'better-sqlite3';
import { loadDecisionItems, loadOriginators, loadRowLinks } from '../../db/queries-decisions';
import { loadProgressPapers } from '../../db/queries-progress';
import { decisionOf, itemOfRow } from '../../domain/decisions';
import { progress } from '../../domain/progress';
import { safeUrl } from '../helpers/safe-url';

export interface DecisionColumns {
  decision: string | null;
  organization: string | null;
  date: string | null;
  vote: string | null;
  originators: string | null;
  risUrl: string | null;
}

export const DECISION_HEADER = ['Entscheidung', 'Entscheidendes Gremium', 'Entscheidungsdatum', 'Abstimmung', 'Einreicher', 'Original im RIS'];

/** The decision columns of the papers `ids` on `today`, by paper id (chunked: at most 1000 papers per read). */
export function loadDecisionColumns(sqlite: Database.Database, ids: readonly number[], today: string): Map<number, DecisionColumns> {
  const out = new Map<number, DecisionColumns>();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const papers = loadProgressPapers(sqlite, chunk);
    const items = loadDecisionItems(sqlite, chunk);
    const links = loadRowLinks(sqlite, chunk);
    const originators = loadOriginators(sqlite, chunk);
    for (const id of chunk) {
      const stored = papers.get(id);
      const o = originators.get(id);
      const base = { originators: o?.originator.length ? o.originator.join('; ') : null, risUrl: safeUrl(o?.url) || null };
      const d = stored ? progress(stored.paper, today, { agenda: stored.agenda }) : null;
      const decision = d?.decision;
      if (!d || !decision) {
        out.set(id, { decision: null, organization: null, date: null, vote: null, ...base });
        continue;
      }
      const row = d.stations[decision.stationIndex]?.meetings[decision.meetingIndex];
      const link = links.get(id)?.[decision.stationIndex]?.[decision.meetingIndex];
      const item = row
        ? itemOfRow({ ...row, meetingId: link?.meetingId ?? row.agenda?.meetingId ?? null, agendaItemId: link?.agendaItemId ?? null }, decision.organization, items.get(id) ?? [])
        : null;
      out.set(id, {
        decision: decision.result ?? 'im RIS als erledigt markiert, ohne Ergebnis',
        organization: decision.organization, date: decision.date, vote: decisionOf(item).voteText, ...base,
      });
    }
  }
  return out;
}
