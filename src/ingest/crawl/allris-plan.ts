/**
 * The crawl plan of ALLRIS 3 and ALLRIS 4 HTML (ISSUE: calendar months in the window → meetings → agenda
 * items → papers, plus the vo040 paper list newest first for papers that reach no meeting).
 *
 * Full run: the calendar months of --since … --until; every meeting in it; every public agenda item and
 * every paper on its agenda; each paper's meetings in the window; the committee of each meeting; vo040
 * back to --since; the factions (fr010 → fr020).
 * Incremental run (a source crawled before): what can have changed — the calendar from a month back to
 * two ahead; the meetings from two weeks back to two months ahead (also those known from before); the
 * agenda items and papers of meetings whose page changed; open papers (state not final); on vo040, the
 * papers newer than the newest seen.
 */
import type { ListRecord, MeetingRecord, PaperRecord, RisRecord } from '../../../scrapers/records';
import { FINAL_STATES } from '../../domain/states';
import type { Planned } from './journal';
import { knownIds, type CrawlPlan, type PlanContext, type VisitedPage } from './plan';
import { calendarFromPrograms, type AllrisUrls } from './allris-urls';
import { inWindow, monthsOf } from './window';
import { stmt } from '../../db/registry';

/** vo040 pages read at most per run (paging lives in the ASP session: each page is "shownext"). */
const MAX_LIST_PAGES = 20;

/** Which page of the vo040 list a planned address is (`#page=N`; the list's own address: 1). */
export function listPageNumber(url: string): number {
  return Number(/#page=(\d+)$/.exec(url)?.[1] ?? 1);
}

function paperKnown(ctx: PlanContext, id: string): boolean {
  return !!stmt(ctx.sqlite, 'SELECT 1 FROM papers WHERE source_id = ? AND external_id = ?').get(ctx.sourceId, id);
}

export abstract class AllrisPlan implements CrawlPlan {
  abstract urls(ctx: PlanContext): AllrisUrls;
  abstract calendarKind: string;

  protected months(ctx: PlanContext, program?: string): Planned[] {
    const u = this.urls(ctx);
    return monthsOf(ctx.calendarWindow).map(([y, m]) => ({ url: u.calendarMonth(y, m, program), kind: this.calendarKind }));
  }

  /** Incremental roots: meetings of the window and open papers known from before. */
  protected known(ctx: PlanContext): Planned[] {
    const u = this.urls(ctx);
    const meetings = knownIds(ctx.sqlite, `SELECT external_id FROM meetings WHERE source_id = ? AND date BETWEEN ? AND ? ORDER BY date, id`,
      ctx.sourceId, ctx.meetingWindow.from, ctx.meetingWindow.to);
    const finals = FINAL_STATES.map(() => '?').join(', ');
    const open = knownIds(ctx.sqlite, `SELECT external_id FROM papers WHERE source_id = ? AND (state IS NULL OR state NOT IN (${finals})) ORDER BY id`,
      ctx.sourceId, ...FINAL_STATES);
    return [...meetings.map((id) => ({ url: u.meeting(id), kind: 'meeting' })), ...open.map((id) => ({ url: u.paper(id), kind: 'paper' }))];
  }

  roots(ctx: PlanContext): Planned[] {
    return ctx.mode === 'full' ? this.months(ctx) : [...this.months(ctx), ...this.known(ctx)];
  }

  expand(ctx: PlanContext, page: VisitedPage, record: RisRecord): Planned[] {
    const u = this.urls(ctx);
    const full = ctx.mode === 'full';
    const fresh = full || page.change !== 'unchanged';
    const out: Planned[] = [];
    switch (record.type) {
      case 'System': {
        const program = calendarFromPrograms(record.programs);
        if (!ctx.source.calendar) out.push(...this.months(ctx, program ?? undefined));
        return out;
      }
      case 'MeetingList':
        for (const m of record.meetings) if (m.sourceId && inWindow(m.date, ctx.meetingWindow)) out.push({ url: u.meeting(m.sourceId), kind: 'meeting' });
        return out;
      case 'Meeting':
        return this.expandMeeting(ctx, page, record, fresh);
      case 'AgendaItem':
        if (record.paperSourceId && (fresh || !paperKnown(ctx, record.paperSourceId))) out.push({ url: u.paper(record.paperSourceId), kind: 'paper' });
        return out;
      case 'Paper':
        return this.expandPaper(ctx, record);
      case 'List':
        return this.expandList(ctx, page, record);
      default:
        return out;
    }
  }

  private expandMeeting(ctx: PlanContext, page: VisitedPage, m: MeetingRecord, fresh: boolean): Planned[] {
    const u = this.urls(ctx);
    const out: Planned[] = [];
    if (ctx.mode === 'full' && m.organizationSourceId) out.push({ url: u.committee(m.organizationSourceId, page.text), kind: 'committee' });
    for (const e of m.agendaItem) {
      if (fresh && e.sourceId && e.public !== false) out.push({ url: u.item(e.sourceId), kind: 'item' });
      if (e.paperSourceId && (fresh || !paperKnown(ctx, e.paperSourceId))) out.push({ url: u.paper(e.paperSourceId), kind: 'paper' });
    }
    return out;
  }

  private expandPaper(ctx: PlanContext, p: PaperRecord): Planned[] {
    const u = this.urls(ctx);
    const out: Planned[] = [];
    for (const station of p.consultation) {
      for (const m of station.meetings) {
        if (m.meetingSourceId && m.date && inWindow(m.date, ctx.meetingWindow)) out.push({ url: u.meeting(m.meetingSourceId), kind: 'meeting' });
      }
    }
    return out;
  }

  private expandList(ctx: PlanContext, page: VisitedPage, l: ListRecord): Planned[] {
    const u = this.urls(ctx);
    const out: Planned[] = [];
    if (l.itemType === 'Organization' && u.faction) {
      if (ctx.mode === 'full') for (const o of l.items) if (o.sourceId && /^\d+$/.test(o.sourceId)) out.push({ url: u.faction(o.sourceId), kind: 'faction' });
      return out;
    }
    if (l.itemType !== 'Paper') return out;
    const since = ctx.meetingWindow.from;
    let continues = l.items.length > 0;
    for (const item of l.items) {
      const p = item as PaperRecord;
      if (!p.sourceId || !/^\d+$/.test(p.sourceId)) continue;
      const wanted = ctx.mode === 'full' || ctx.newestPaperId === null ? p.date === null || p.date >= since : Number(p.sourceId) > ctx.newestPaperId;
      if (wanted) out.push({ url: u.paper(p.sourceId), kind: 'paper' });
      else continues = false;
    }
    const pageNo = listPageNumber(page.url);
    if (l.next && continues && pageNo < MAX_LIST_PAGES) out.push({ url: `${new URL(l.next, page.url).href.replace(/#.*$/, '')}#page=${pageNo + 1}`, kind: 'paper-list' });
    return out;
  }
}
