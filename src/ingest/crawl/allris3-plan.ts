/**
 * ALLRIS 3 (classic, `_raw` and responsive `_r`): the shared ALLRIS plan (allris-plan.ts), plus the start
 * page (allris.net.asp: its menu names the calendar variant when sources.json does not), the vo040 paper
 * list (its pages in the RIS session: prepare) and, in a full run, the factions (fr010 → fr020).
 */
import type { Planned } from './journal';
import { AllrisPlan } from './allris-plan';
import { allris3Urls, type AllrisUrls } from './allris-urls';
import type { Fetcher } from '../fetch/fetcher';
import { listPageNumber } from './allris-plan';
import type { PlanContext, RequestPlan } from './plan';

export class Allris3Plan extends AllrisPlan {
  calendarKind = 'calendar';
  /** the vo040 page this process's RIS session stands at (0: none asked in it yet) */
  private listPage = 0;

  /**
   * vo040's next page ("shownext") is the session's next page: where the session does not stand at the page
   * before — a crawl resumed by a new process, a page asked once more — it is walked there again first (the
   * list's first page, then "shownext" up to the page before), answers not kept. Else nothing to prepare.
   */
  async prepare(ctx: PlanContext, page: Planned, fetcher: Fetcher): Promise<RequestPlan> {
    if (page.kind !== 'paper-list') return {};
    const n = listPageNumber(page.url);
    if (n > 1 && this.listPage !== n - 1) {
      let ok = (await fetcher.get({ url: this.urls(ctx).paperList! })).kind === 'ok';
      for (let k = 2; ok && k < n; k++) ok = (await fetcher.get({ url: page.url.replace(/#.*$/, '') })).kind === 'ok';
    }
    this.listPage = n;
    return {};
  }

  urls(ctx: PlanContext): AllrisUrls {
    return allris3Urls(ctx.source);
  }

  roots(ctx: PlanContext): Planned[] {
    const u = this.urls(ctx);
    const out: Planned[] = [];
    if (ctx.mode === 'full' || !ctx.source.calendar) out.push({ url: u.start!, kind: 'start' });
    // without a configured calendar the months come from the start page's menu (expand 'System')
    if (ctx.source.calendar) out.push(...this.months(ctx));
    if (ctx.mode === 'incremental') out.push(...this.known(ctx));
    out.push({ url: u.paperList!, kind: 'paper-list' });
    if (ctx.mode === 'full') out.push({ url: u.factionList!, kind: 'faction-list' });
    return out;
  }

  /** No start page (or no calendar in its menu): the classic si010. */
  fallback(ctx: PlanContext, page: Planned): Planned[] {
    return page.kind === 'start' && !ctx.source.calendar ? this.months(ctx, 'si010') : [];
  }
}
