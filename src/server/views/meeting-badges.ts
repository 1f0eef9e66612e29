/**
 * The agenda-check badge of each coming meeting among `meetings`: its agenda items and the motions on
 * them read at once with their stored progress summaries (src/db/queries-summaries.ts), the agenda
 * check per motion and meeting (src/domain/agenda-check.ts), counted by src/domain/agenda-badge.ts.
 *
 * A meeting's check reads some ten motions: a month of every city's meetings at 100k motions is thousands. So a page checks at most BADGE_MAX of its
 * earliest coming meetings (this week and next week first); the others get a 'later' badge that points
 * to the meeting's own page, where the check is. Each meeting's badge is kept until the data or the day
 * changes (dataStamp, as memoByData keeps the lists' pages and facets; at most CACHE_MAX badges), so
 * the calendar's pages share what one of them checked.
 */
import type Database from 'better-sqlite3';
import { loadAgendaPapers } from '../../db/queries-meeting-calendar';
import { loadPaperSummaries } from '../../db/queries-summaries';
import { agendaBadge, type AgendaBadge } from '../../domain/agenda-badge';
import { checkAgendaItem, type AgendaCheck } from '../../domain/agenda-check';
import { dataStamp } from '../data-stamp';

/** coming meetings checked per page */
export const BADGE_MAX = 24;
/** badges kept per connection */
const CACHE_MAX = 5000;

export interface BadgeMeeting {
  id: number;
  date: string;
  organization: string | null;
  /** false: its own page was not read, its items are not its agenda (the badge says the agenda is not known) */
  agendaRead?: boolean;
}

const PAST = agendaBadge({ past: true, items: 0, checks: [] });
const LATER: AgendaBadge = { kind: 'later', ready: 0, pending: 0, open: 0, label: 'Agenda-Check auf der Sitzungsseite' };

function checkMeetings(sqlite: Database.Database, coming: readonly BadgeMeeting[], today: string): Map<number, AgendaBadge> {
  const out = new Map<number, AgendaBadge>();
  const agendas = loadAgendaPapers(sqlite, coming.map((m) => m.id));
  const papers = loadPaperSummaries(sqlite, [...agendas.values()].flat().filter((x): x is number => x != null), today);
  const pr = (id: number) => papers.get(id)?.summary ?? null;
  for (const m of coming) {
    const items = agendas.get(m.id) ?? [];
    const checks: AgendaCheck[] = [];
    for (const paperId of new Set(items.filter((x): x is number => x != null))) {
      const p = m.organization ? pr(paperId) : null;
      if (p && m.organization) checks.push(checkAgendaItem(p, { organization: m.organization, date: m.date }, !papers.get(paperId)?.agendaOnly));
    }
    out.set(m.id, agendaBadge({ past: false, items: m.agendaRead === false ? 0 : items.length, checks }));
  }
  return out;
}

const caches = new WeakMap<Database.Database, { key: string; badges: Map<number, AgendaBadge> }>();

/** The badges kept for the current data and day (emptied when either changes). */
function cacheFor(sqlite: Database.Database, today: string): Map<number, AgendaBadge> {
  const key = `${dataStamp(sqlite)}|${today}`;
  let c = caches.get(sqlite);
  if (!c || c.key !== key || c.badges.size > CACHE_MAX) caches.set(sqlite, (c = { key, badges: new Map() }));
  return c.badges;
}

export function loadMeetingBadges(sqlite: Database.Database, meetings: readonly BadgeMeeting[], today: string): Map<number, AgendaBadge> {
  const unique = [...new Map(meetings.map((m) => [m.id, m])).values()];
  const coming = unique.filter((m) => m.date >= today).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
  const checked = coming.slice(0, BADGE_MAX);
  const cache = cacheFor(sqlite, today);
  const missing = checked.filter((m) => !cache.has(m.id));
  if (missing.length) for (const [id, b] of checkMeetings(sqlite, missing, today)) cache.set(id, b);
  const out = new Map<number, AgendaBadge>();
  for (const m of unique) out.set(m.id, m.date < today ? PAST : checked.includes(m) ? cache.get(m.id)! : LATER);
  return out;
}
