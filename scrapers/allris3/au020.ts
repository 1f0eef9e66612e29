/**
 * ALLRIS net 3.x au020 (Ausschuss) and pa020 (Rat / Kreistag) → OrganizationRecord: name from the
 * heading, members from the "Mitglieder" table (name as shown, role = Art der Mitarbeit, group =
 * Funktion/Fraktion), sourceId AULFDNR (PALFDNR for pa020). The reading lives in member-page.ts. Pure.
 */
import type { ParseContext } from '../html/context';
import type { OrganizationRecord } from '../records';
import { parseAllris3MemberPage } from './member-page';

export function parseAllris3Organization(ctx: ParseContext): OrganizationRecord {
  return parseAllris3MemberPage(ctx, 'au020');
}
