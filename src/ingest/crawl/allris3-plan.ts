/**
 * ALLRIS 3 (classic, `_raw` and responsive `_r`): the shared ALLRIS plan (allris-plan.ts), plus the start
 * page (allris.net.asp: its menu names the calendar variant when sources.json does not), the vo040 paper
 * list and, in a full run, the factions (fr010 → fr020).
 */
import type { Planned } from './journal';
import { AllrisPlan } from './allris-plan';
import { allris3Urls, type AllrisUrls } from './allris-urls';
import type { PlanContext } from './plan';

export class Allris3Plan extends AllrisPlan {
  calendarKind = 'calendar';

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
