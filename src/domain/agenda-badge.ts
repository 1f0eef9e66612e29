/**
 * The agenda-check badge of a meeting in the calendar: how many motions on its agenda are ready
 * ("bereit"), have an earlier station that is still open with nothing scheduled before the meeting
 * ("offen", the agenda check's 'blocking'), or one that is scheduled before it or held without a
 * published result ("ausstehend", 'pending'). Pure: it counts the checks of src/domain/agenda-check.ts.
 *
 * RULES
 * - A meeting before today gets no badge ('past'); one without any known agenda item 'unknown'.
 * - Agenda items without a motion (opening, reports) are not counted; a motion the check cannot place
 *   in its Beratungsfolge (not in sequence) counts as ready: nothing before this meeting is open.
 * - The badge's kind is the worst count: 'open' before 'pending' before 'ready'; an agenda of items
 *   without motions only is 'none'.
 */
import type { AgendaCheck } from './agenda-check';

/** 'later': not checked on this page (a view checks a bounded number of meetings; the meeting's page has the check) */
export type BadgeKind = 'past' | 'unknown' | 'none' | 'ready' | 'pending' | 'open' | 'later';

export interface AgendaBadge {
  kind: BadgeKind;
  ready: number;
  pending: number;
  open: number;
  /** German, e.g. "2 bereit · 1 offen" */
  label: string;
}

export interface BadgeInput {
  /** the meeting lies before today */
  past: boolean;
  /** agenda items known for the meeting (with or without a motion) */
  items: number;
  /** the agenda check of each motion on the agenda */
  checks: readonly AgendaCheck[];
}

export function agendaBadge(m: BadgeInput): AgendaBadge {
  const zero = { ready: 0, pending: 0, open: 0 };
  if (m.past) return { kind: 'past', ...zero, label: '' };
  if (m.items === 0) return { kind: 'unknown', ...zero, label: 'Tagesordnung noch nicht bekannt' };
  const counts = { ...zero };
  // a motion whose Beratungsfolge is known only from agendas gets no verdict: it is named apart, never "bereit"
  let unknown = 0;
  for (const c of m.checks) {
    if (c.severity === 'blocking') counts.open++;
    else if (c.severity === 'pending') counts.pending++;
    else if (c.sequenceUnknown) unknown++;
    else counts.ready++;
  }
  const kind: BadgeKind = counts.open ? 'open' : counts.pending ? 'pending' : counts.ready ? 'ready' : 'none';
  const parts = [
    counts.ready ? `${counts.ready} bereit` : null,
    counts.open ? `${counts.open} offen` : null,
    counts.pending ? `${counts.pending} ausstehend` : null,
    unknown ? `${unknown} ohne bekannte Beratungsfolge` : null,
  ].filter(Boolean);
  return { kind, ...counts, label: parts.length === 0 ? 'keine Vorlagen auf der Tagesordnung' : parts.join(' · ') };
}
