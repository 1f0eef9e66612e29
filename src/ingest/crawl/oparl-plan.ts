/**
 * The crawl plan of an OParl instance (ISSUE: OParl first, HTML to fill what OParl lacks).
 * System → bodies → the paper, meeting and organization lists, page by page (`links.next`), filtered by
 * `modified_since`: from --since in a full run, from the last successful sync minus a day in an
 * incremental one (the overlap: ALLRIS's OParl returns items whose modified stamp lags). List pages
 * embed the objects, so they are imported as they come. Each paper's HTML page (its `web` link, when
 * it is on the source's hosts) fills in the Beratungsfolge status and planned steps, Einreicher and
 * Federführend; HTML and OParl records of one paper merge into one row (src/db/merge.ts).
 */
import type { BodyRecord, ListRecord, PaperRecord, RisRecord } from '../../../scrapers/records';
import type { Planned } from './journal';
import type { CrawlPlan, PlanContext, VisitedPage } from './plan';

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

export class OparlPlan implements CrawlPlan {
  roots(ctx: PlanContext): Planned[] {
    return ctx.source.oparlUrl ? [{ url: ctx.source.oparlUrl, kind: 'oparl-system' }] : [];
  }

  private bodyLists(ctx: PlanContext, b: BodyRecord): Planned[] {
    return LISTS.filter((l) => b.lists[l]).map((l) => ({ url: withModifiedSince(b.lists[l], ctx.modifiedSince), kind: 'oparl-list' }));
  }

  private fill(ctx: PlanContext, p: PaperRecord): Planned[] {
    if (p.system !== 'oparl' || !isHtmlPaperLink(p.url)) return [];
    if (ctx.mode === 'full' && p.date && p.date < ctx.meetingWindow.from) return [];
    return [{ url: p.url, kind: 'paper' }];
  }

  expand(ctx: PlanContext, page: VisitedPage, record: RisRecord): Planned[] {
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
