/**
 * The crawl plan of an OParl instance (ISSUE: OParl first, HTML to fill what OParl lacks).
 * System → bodies → the paper, meeting and organization lists, page by page (`links.next`), filtered by
 * `modified_since`: from --since in a full run, from the last successful sync minus a day in an
 * incremental one (the overlap: ALLRIS's OParl returns items whose modified stamp lags). List pages
 * embed the objects, so they are imported as they come. Each paper's HTML page (its `web` link, when
 * it is on the source's hosts) fills in the Beratungsfolge status and planned steps, Einreicher and
 * Federführend; HTML and OParl records of one paper merge into one row (src/db/merge.ts).
 * An OParl system that cannot be had (ALLRIS's OParl answered HTTP 500 for days: Leipzig, Wolfsburg,
 * Laatzen, Lüneburg; ALLRIS-NOTES §7.11) falls back to the ALLRIS HTML of the source's baseUrl: the
 * HTML plan of its generation (ALLRIS 4 under /public/, ALLRIS 3 elsewhere) takes over from its roots and
 * follows every page as it follows them (a paper's page to its meetings too); only the pages that fill in
 * an OParl paper ('oparl-paper-page') lead nowhere.
 */
import type { BodyRecord, ListRecord, PaperRecord, RisRecord } from '../../../scrapers/records';
import type { Fetcher } from '../fetch/fetcher';
import { Allris3Plan } from './allris3-plan';
import { Allris4Plan } from './allris4-plan';
import type { Planned } from './journal';
import type { CrawlPlan, PlanContext, RequestPlan, VisitedPage } from './plan';

const LISTS = ['paper', 'meeting', 'organization'];

/** A list URL with modified_since set (replacing one the URL already has: list URLs carry ?body=…). */
export function withModifiedSince(url: string, since: string | null): string {
  if (!since) return url;
  const u = new URL(url);
  u.searchParams.set('modified_since', since);
  return u.href;
}

function isHtmlPaperLink(url: string | null): url is string {
  return !!url && /\/vo020(_r)?(\.asp)?\?/i.test(url) && /VOLFDNR=\d+/i.test(url);
}

/** An OParl paper's HTML page (its `web` link), read for what OParl lacks: an OParl kind, never followed further. */
const FILL = 'oparl-paper-page';

export class OparlPlan implements CrawlPlan {
  private htmlPlan: { plan: CrawlPlan; system: 'allris3' | 'allris4' } | null = null;

  roots(ctx: PlanContext): Planned[] {
    return ctx.source.oparlUrl ? [{ url: ctx.source.oparlUrl, kind: 'oparl-system' }] : [];
  }

  /** The HTML plan of the source's ALLRIS generation, with the context it builds that generation's URLs in. */
  private html(ctx: PlanContext): { plan: CrawlPlan; ctx: PlanContext } {
    const system = /\/public\/$/i.test(ctx.source.baseUrl) ? 'allris4' : 'allris3';
    this.htmlPlan ??= { plan: system === 'allris4' ? new Allris4Plan() : new Allris3Plan(), system };
    return { plan: this.htmlPlan.plan, ctx: { ...ctx, source: { ...ctx.source, system: this.htmlPlan.system } } };
  }

  /** The OParl system cannot be had: the ALLRIS HTML of the source instead, from its roots (and an HTML page's own fallback). */
  fallback(ctx: PlanContext, page: Planned): Planned[] {
    if (!ctx.source.baseUrl || (page.kind.startsWith('oparl') && page.kind !== 'oparl-system')) return [];
    const h = this.html(ctx);
    return page.kind === 'oparl-system' ? h.plan.roots(h.ctx) : (h.plan.fallback?.(h.ctx, page) ?? []);
  }

  prepare(ctx: PlanContext, page: Planned, fetcher: Fetcher): Promise<RequestPlan> {
    if (page.kind.startsWith('oparl')) return Promise.resolve({});
    const h = this.html(ctx);
    return h.plan.prepare?.(h.ctx, page, fetcher) ?? Promise.resolve({});
  }

  private bodyLists(ctx: PlanContext, b: BodyRecord): Planned[] {
    return LISTS.filter((l) => b.lists[l]).map((l) => ({ url: withModifiedSince(b.lists[l], ctx.modifiedSince), kind: 'oparl-list' }));
  }

  private fill(ctx: PlanContext, p: PaperRecord): Planned[] {
    if (p.system !== 'oparl' || !isHtmlPaperLink(p.url)) return [];
    if (ctx.mode === 'full' && p.date && p.date < ctx.meetingWindow.from) return [];
    return [{ url: p.url, kind: FILL }];
  }

  expand(ctx: PlanContext, page: VisitedPage, record: RisRecord): Planned[] {
    // an HTML page of the fallback, followed as its own plan follows it (a paper's page filling in an OParl paper is not)
    if (record.system !== 'oparl' && page.kind !== FILL) {
      const h = this.html(ctx);
      return h.plan.expand(h.ctx, page, record);
    }
    switch (record.type) {
      case 'System':
        return record.bodies.map((url) => ({ url, kind: 'oparl-body' }));
      case 'Body':
        return this.bodyLists(ctx, record);
      case 'Paper':
        return this.fill(ctx, record);
      case 'List':
        return this.expandList(ctx, page, record);
      default:
        return [];
    }
  }

  private expandList(ctx: PlanContext, page: VisitedPage, l: ListRecord): Planned[] {
    const out: Planned[] = [];
    for (const item of l.items) {
      if (item.type === 'Body') out.push(...this.bodyLists(ctx, item));
      if (item.type === 'Paper') out.push(...this.fill(ctx, item));
    }
    if (l.next) {
      const next = new URL(l.next, page.url).href;
      const keepsFilter = new URL(next).searchParams.has('modified_since');
      out.push({ url: keepsFilter ? next : withModifiedSince(next, ctx.modifiedSince), kind: 'oparl-list' });
    }
    return out;
  }
}
