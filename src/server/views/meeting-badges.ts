/**
 * The agenda-check badge of each coming meeting among `meetings`: its agenda items and the motions on
 * them read at once, progress() once per motion, the agenda check per motion and meeting
 * (src/domain/agenda-check.ts), counted by src/domain/agenda-badge.ts.
 */
import type Database from 'better-sqlite3';
import { loadAgendaPapers } from '../../db/queries-meeting-calendar';
import { loadProgressPapers } from '../../db/queries-progress';
import { agendaBadge, type AgendaBadge } from '../../domain/agenda-badge';
import { checkAgendaItem, type AgendaCheck } from '../../domain/agenda-check';
import { progress, type Progress } from '../../domain/progress';

export interface BadgeMeeting {
  id: number;
  date: string;
  organization: string | null;
}

export function loadMeetingBadges(sqlite: Database.Database, meetings: readonly BadgeMeeting[], today: string): Map<number, AgendaBadge> {
  const out = new Map<number, AgendaBadge>();
  const coming = meetings.filter((m) => m.date >= today);
  for (const m of meetings) if (m.date < today) out.set(m.id, agendaBadge({ past: true, items: 0, checks: [] }));
  const agendas = loadAgendaPapers(sqlite, [...new Set(coming.map((m) => m.id))]);
  const papers = loadProgressPapers(sqlite, [...agendas.values()].flat().filter((x): x is number => x != null));
  const progressOf = new Map<number, Progress>();
  const pr = (id: number): Progress | null => {
    const stored = papers.get(id);
    if (!stored) return null;
    let p = progressOf.get(id);
    if (!p) progressOf.set(id, (p = progress(stored.record, today, { agenda: stored.agenda })));
    return p;
  };
  for (const m of coming) {
    const items = agendas.get(m.id) ?? [];
    const checks: AgendaCheck[] = [];
    for (const paperId of new Set(items.filter((x): x is number => x != null))) {
      const p = m.organization ? pr(paperId) : null;
      if (p && m.organization) checks.push(checkAgendaItem(p, { organization: m.organization, date: m.date }));
    }
    out.set(m.id, agendaBadge({ past: false, items: items.length, checks }));
  }
  return out;
}
