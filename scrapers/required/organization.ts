/**
 * au020 / pa020 (committee), fr020 (faction), gr020 (ALLRIS 4 body): the body's name. Its members are
 * not required (a body may list none); a page that suddenly lists far fewer is the shrink guard's
 * (src/db/shrink-guard.ts).
 */
import type { OrganizationRecord } from '../records';
import type { PageParts } from './parts';

export const ORGANIZATION_PARTS: PageParts<OrganizationRecord> = {
  type: 'Organization',
  parts: [{ part: 'the name of the committee or faction', present: (r) => r.name !== null }],
};
