/**
 * ALLRIS 4 (Wicket): stateless to010 / vo020 / to020 / gr020 pages; the calendar month comes through
 * the Wicket AJAX call `si010?<version>-1.0-&MM=…&YY=…` with the session cookie (JSESSIONID) that the
 * first answer of `si010` sets (ALLRIS-NOTES §2b). The journal keeps the month under its stable URL
 * (`si010?MM=…&YY=…`); the session is set up once per process, before the first month is requested
 * (so a resumed crawl sets it up again). vo040 is a Wicket form: no paper list — an incremental run
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
  /** the page version of the calendar session ("" when the shell named none), once set up */
  private session: Promise<string> | null = null;

  urls(ctx: PlanContext): AllrisUrls {
    return allris4Urls(ctx.source);
  }

  private async openSession(ctx: PlanContext, fetcher: Fetcher): Promise<string> {
    const res = await fetcher.get({ url: `${ctx.source.baseUrl}si010` });
    if (res.kind === 'failed') return '';
    const fromUrl = /[?&](\d+)(?:&|$)/.exec(new URL(res.finalUrl).search)?.[1];
    const fromText = res.kind === 'ok' ? /Wicket\.Ajax\.baseUrl\s*=\s*["']si010\?(\d+)/.exec(res.body.toString('utf8'))?.[1] : undefined;
    return fromUrl ?? fromText ?? '';
  }

  async prepare(ctx: PlanContext, page: Planned, fetcher: Fetcher): Promise<RequestPlan> {
    if (page.kind !== this.calendarKind) return {};
    this.session ??= this.openSession(ctx, fetcher);
    const version = await this.session;
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
