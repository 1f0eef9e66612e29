/** GET /organizations/:id — the committee (or faction), its members, its past and coming meetings. */
import type { Request, Response } from 'express';
import { loadOrganization } from '../../db/queries-meetings';
import type { AppContext } from '../app';
import { HttpError } from '../http-error';
import { parseId } from './ids';

const KIND_LABELS: Record<string, string> = {
  committee: 'Gremium', parliament: 'Rat / Kreistag / Bezirksversammlung', faction: 'Fraktion', office: 'Organisationseinheit',
  organization: 'Organisation',
};

export function organizationRoute(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const id = parseId(req.params.id);
    const today = ctx.today();
    const found = id === null ? null : loadOrganization(ctx.sqlite, id, today);
    if (!found) throw new HttpError(404, 'Dieses Gremium gibt es nicht.');
    res.type('html').send(
      ctx.render('organization', {
        title: found.organization.name ?? 'Gremium',
        today,
        ...found,
        kindLabel: KIND_LABELS[found.organization.kind ?? 'organization'] ?? 'Organisation',
        originalUrl: found.organization.url && /^https?:\/\//i.test(found.organization.url) ? found.organization.url : null,
      }),
    );
  };
}
