/**
 * ALLRIS 4 (Wicket): stateless to010 / vo020 / to020 / gr020 pages; the calendar month comes through
 * the Wicket AJAX call `si010?<version>-1.0-&MM=…&YY=…` with the session cookie (JSESSIONID) that the
 * first answer of `si010` sets (ALLRIS-NOTES §2b). The journal keeps the month under its stable URL
 * (`si010?MM=…&YY=…`). Each month is asked on a page version of its own: the server moves a page on to
 * its next version when a month is shown, and answers a version used before with nothing, so the shell
 * is requested again before every month (one request more per month; a resumed crawl needs nothing
 * kept). An answer that is empty or shows another month (StaleSessionError) is asked again on a fresh
 * version (src/ingest/crawl/visit.ts prepares the second try anew). vo040 is a Wicket form: no paper list — an incremental run
 * instead asks for the next few VOLFDNR after the newest seen (ids increase), and past each one found.
 */
import type { PaperRecord, RisRecord } from '../../../scrapers/records';
import type { Fetcher } from '../fetch/fetcher';
import type { Planned } from './journal';
import { AllrisPlan } from './allris-plan';
import { allris4Urls, type AllrisUrls } from './allris-urls';
import type { PlanContext, RequestPlan, VisitedPage } from './plan';

/** How many ids past the newest seen an incremental run asks for. */
const PROBES = 3;

export class Allris4Plan extends AllrisPlan {
  calendarKind = 'calendar-ajax';

  urls(ctx: PlanContext): AllrisUrls {
    return allris4Urls(ctx.source);
  }

  /** a fresh page version of the calendar (the shell's redirect or its Wicket base URL); "" when it names none */
  private async pageVersion(ctx: PlanContext, fetcher: Fetcher): Promise<string> {
    const res = await fetcher.get({ url: `${ctx.source.baseUrl}si010` });
    if (res.kind === 'failed') return '';
    const fromUrl = /[?&](\d+)(?:&|$)/.exec(new URL(res.finalUrl).search)?.[1];
    const fromText = res.kind === 'ok' ? /Wicket\.Ajax\.baseUrl\s*=\s*["']si010\?(\d+)/.exec(res.body.toString('utf8'))?.[1] : undefined;
    return fromUrl ?? fromText ?? '';
  }

  async prepare(ctx: PlanContext, page: Planned, fetcher: Fetcher): Promise<RequestPlan> {
    if (page.kind !== this.calendarKind) return {};
    const version = await this.pageVersion(ctx, fetcher);
    const u = new URL(page.url);
    return {
      url: version ? `${u.origin}${u.pathname}?${version}-1.0-&${u.searchParams.toString()}` : page.url,
      headers: { 'wicket-ajax': 'true', 'wicket-ajax-baseurl': version ? `si010?${version}` : 'si010', accept: 'text/xml' },
    };
  }

  private probes(ctx: PlanContext, after: number): Planned[] {
    const u = this.urls(ctx);
    return Array.from({ length: PROBES }, (_, i) => ({ url: u.paper(String(after + i + 1)), kind: 'paper-probe' }));
  }

  roots(ctx: PlanContext): Planned[] {
    const roots = super.roots(ctx);
    return ctx.mode === 'incremental' && ctx.newestPaperId !== null ? [...roots, ...this.probes(ctx, ctx.newestPaperId)] : roots;
  }

  expand(ctx: PlanContext, page: VisitedPage, record: RisRecord): Planned[] {
    const out = super.expand(ctx, page, record);
    const id = Number((record as PaperRecord).sourceId);
    if (page.kind === 'paper-probe' && record.type === 'Paper' && Number.isInteger(id)) out.push(...this.probes(ctx, id));
    return out;
  }

  fallback(): Planned[] {
    return [];
  }
}
