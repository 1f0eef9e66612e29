/**
 * A motion as every JSON list names it (OpenAPI schema MotionSummary): its identity and the derived
 * state with its explanation, current station, next step and awaited result — from progress(), the
 * same function the pages show. Field names are the record names of CONTRACTS.md.
 */
import type { ListRow } from '../../db/queries-lists';
import type { Progress } from '../../domain/progress';
import type { ProgressSummary } from '../../domain/progress-summary';
import type { JsonLinks } from './links';

/** What a list row or a queue row knows of a motion. */
export type MotionRow = Pick<ListRow, 'id' | 'reference' | 'name' | 'paperType' | 'date' | 'sourceKey' | 'sourceName' | 'isDemo'> &
  Partial<Pick<ListRow, 'lastActivity' | 'updatedAt' | 'firstSeenAt'>>;

/** The derived part of a motion: state, explanation, current station, next step, awaited result (OpenAPI schema Derived). */
export function toDerivedJson(pr: ProgressSummary) {
  const current = pr.currentStation != null ? pr.stations[pr.currentStation] : null;
  return {
    state: pr.state,
    stateLabel: pr.label,
    explanation: pr.explanation,
    explanationEn: pr.explanationEn,
    currentOrganization: current?.organization ?? null,
    next: pr.next
      ? {
          organization: pr.next.organization,
          role: pr.next.role,
          roleCode: pr.next.roleCode,
          date: pr.next.date,
          // the date is read from a published agenda, not the motion's own page
          fromAgenda: pr.next.agenda ? { date: pr.next.agenda.date, meetingId: pr.next.agenda.meetingId, number: pr.next.agenda.number } : null,
        }
      : null,
    awaiting: pr.awaiting ? { organization: pr.awaiting.organization, role: pr.awaiting.role, date: pr.awaiting.date } : null,
    decision: pr.decision
      ? { organization: pr.decision.organization, role: pr.decision.role, date: pr.decision.date, result: pr.decision.result, resultCode: pr.decision.resultCode }
      : null,
    lastActivity: pr.lastActivity,
  };
}

export function toMotionSummary(row: MotionRow, pr: Progress, links: JsonLinks) {
  return {
    id: row.id,
    links: links.paper(row.id),
    source: { key: row.sourceKey, name: row.sourceName, demo: row.isDemo },
    reference: row.reference,
    name: row.name,
    paperType: row.paperType,
    date: row.date,
    ...toDerivedJson(pr),
    firstSeenAt: row.firstSeenAt ?? null,
    updatedAt: row.updatedAt ?? null,
  };
}

export type MotionSummary = ReturnType<typeof toMotionSummary>;
