/**
 * GET /organizations/:id — a committee (or faction): for staff its queue, its coming meetings with
 * their agendas and the agenda check; then past meetings (with their minutes) and members. The queue is paged
 * (?seite=N, QUEUE_PAGE_SIZE rows a page): a bad page number is a 400, a page past the last a 404, as
 * on the paper lists.
 * GET /gremien/:source/:name — a committee known only by name (from Beratungsfolgen or meetings);
 * redirects to /organizations/:id once the committee has an organization row.
 * Both answer JSON (src/server/json/organization-json.ts) to /organizations/:id.json, ?format=json and
 * Accept: application/json.
 */
import type { Request, Response } from 'express';
import { committeeByName, committeeOfOrganization, loadPastMeetings, loadPastSequenceDays, type CommitteeRef } from '../../db/queries-committee';
import { loadOrganization, withMinutes, type MemberView } from '../../db/queries-meetings';
import type { AppContext } from '../context';
import { HttpError } from '../http-error';
import { committeeHref } from '../views/committee-href';
import { loadCommitteeModel } from '../views/committee-view';
import { parsePageParam } from '../views/list-params';
import { jsonLinks } from '../json/links';
import { pageFormat, sendJson, splitJsonSuffix } from '../json/negotiate';
import { toOrganizationJson } from '../json/organization-json';
import { loadPage } from '../views/list-data';
import { pagerView, toListRows } from '../views/list-view';
import { originatorHeading } from '../../domain/originators';
import { factionNames } from '../views/factions';
import { parseId } from './ids';
import { alertForm } from '../alerts/alert-form';
import { linkedDocument } from '../views/document-state';
import { isHttpUrl } from '../helpers/safe-url';
import { endedBefore } from '../../domain/dates';

export const KIND_LABELS: Record<string, string> = {
  committee: 'Gremium', parliament: 'Rat / Kreistag / Bezirksversammlung', faction: 'Fraktion', office: 'Organisationseinheit',
  organization: 'Gremium',
};

interface PageInput {
  committee: CommitteeRef;
  kind: string | null;
  /** the day it ended, when that is past (a former faction: "bis 28.05.2019") */
  endedOn: string | null;
  url: string | null;
  members: MemberView[];
  /** the page of the queue asked for */
  page: number;
  /** JSON asked for (`.json` path, ?format=json or Accept): where the JSON lives (path) and its query for queue page n */
  json: { path: string; query: (n: number) => string } | null;
}

const NO_PAGE = 'Diese Seite gibt es nicht.';
const FACTION_PAPERS = 10;

/** A faction's page: its latest motions (an originator named as the faction is), and the link to all of them. */
function factionView(ctx: AppContext, committee: CommitteeRef) {
  const filters = { source: committee.sourceKey, factionNames: factionNames(ctx.sqlite, committee.sourceId, committee.name) };
  const { rows, total } = loadPage(ctx.sqlite, { match: null, filters, sort: 'activity' }, FACTION_PAPERS, 0);
  const q = new URLSearchParams({ thema: 'alle', stadt: committee.sourceKey, fraktion: committee.name });
  return { heading: originatorHeading(committee.name), papers: toListRows(rows), total, listHref: `/?${q.toString()}` };
}

function renderCommittee(ctx: AppContext, res: Response, input: PageInput): void {
  const today = ctx.today();
  const { committee } = input;
  const isFaction = input.kind === 'faction';
  if (isFaction && input.page > 1) throw new HttpError(404, NO_PAGE);
  const { staff, past, pastFromSequences } = ctx.read(() => ({
    staff: isFaction ? null : loadCommitteeModel(ctx.sqlite, committee, today, input.page),
    past: withMinutes(ctx.sqlite, loadPastMeetings(ctx.sqlite, committee, today, 20)),
    // days its motions' Beratungsfolgen name without a meeting known (a faction deliberates nothing)
    pastFromSequences: isFaction ? [] : loadPastSequenceDays(ctx.sqlite, committee, today, 20),
  }));
  if (staff && input.page > staff.queuePages) throw new HttpError(404, NO_PAGE);
  if (input.json) {
    const json = toOrganizationJson({ ...input, staff, past, pastFromSequences, jsonPath: input.json.path, pageQuery: input.json.query }, jsonLinks(res.req), today);
    sendJson(res, json);
    return;
  }
  const path = committeeHref(committee.sourceKey, committee.name, committee.organizationId)!;
  const pager = staff && staff.queuePages > 1
    ? pagerView(input.page, staff.queuePages, (n) => `${path}${n > 1 ? `?seite=${n}` : ''}#warteschlange`)
    : null;
  res.type('html').send(
    ctx.render('organization', {
      title: input.page > 1 ? `${committee.name} – Warteschlange, Seite ${input.page}` : committee.name,
      today,
      committee,
      kindLabel: KIND_LABELS[input.kind ?? 'organization'] ?? 'Gremium',
      endedOn: input.endedOn,
      byNameOnly: committee.organizationId == null,
      originalUrl: isHttpUrl(input.url) ? input.url : null,
      // the queue rows' progress is for the JSON view only: the page does not show it, so it is not walked (text safety) or copied
      staff: staff && { ...staff, queue: staff.queue.map(({ progress: _progress, ...row }) => row) },
      pager,
      past: past.map((m) => ({ ...m, minutes: m.minutes.map(linkedDocument) })),
      pastFromSequences,
      members: input.members,
      alertForm: alertForm(ctx, isFaction ? 'faction' : 'committee', committee.name, committee.sourceKey),
      faction: isFaction ? factionView(ctx, committee) : null,
      feedKind: isFaction ? 'faction' : 'organization',
    }),
  );
}

export function organizationRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const page = parsePageParam(req.query as Record<string, unknown>);
    const { idText, json: jsonPath } = splitJsonSuffix(req.params.id);
    const asJson = jsonPath || pageFormat(req) === 'json';
    const id = parseId(idText);
    const found = id === null ? null : loadOrganization(ctx.sqlite, id, ctx.today(), 0);
    const committee = id === null ? null : committeeOfOrganization(ctx.sqlite, id);
    if (!found || !committee) throw new HttpError(404, 'Dieses Gremium gibt es nicht.');
    const json = asJson ? { path: `/organizations/${id}.json`, query: (n: number) => (n > 1 ? `seite=${n}` : '') } : null;
    renderCommittee(ctx, res, {
      committee, kind: found.organization.kind, endedOn: endedBefore(found.organization.endDate, ctx.today()), url: found.organization.url, members: found.members, page, json,
    });
  };
}

export function committeeByNameRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const page = parsePageParam(req.query as Record<string, unknown>);
    const asJson = pageFormat(req) === 'json';
    const source = String(req.params.source ?? '');
    const name = String(req.params.name ?? '').replace(/\s+/g, ' ').trim();
    if (!source || !name || name.length > 300) throw new HttpError(404, 'Dieses Gremium gibt es nicht.');
    const committee = committeeByName(ctx.sqlite, source, name);
    if (!committee) throw new HttpError(404, 'Dieses Gremium gibt es nicht.');
    if (committee.organizationId != null) {
      const target = `/organizations/${committee.organizationId}${req.query.format === 'json' ? '.json' : ''}`;
      res.redirect(302, `${target}${page > 1 ? `?seite=${page}` : ''}`);
      return;
    }
    const path = committeeHref(committee.sourceKey, committee.name, null)!;
    const json = asJson ? { path, query: (n: number) => `format=json${n > 1 ? `&seite=${n}` : ''}` } : null;
    renderCommittee(ctx, res, { committee, kind: null, endedOn: null, url: null, members: [], page, json });
  };
}
