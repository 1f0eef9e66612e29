/**
 * ALLRIS net 3.x fr020 (Fraktion / Gruppe) → OrganizationRecord: name from the heading (the <title>
 * is empty), members from the "Mitglieder" table with role (Art der Mitarbeit) and group (Funktion)
 * as shown, sourceId FRLFDNR. The reading lives in member-page.ts. Pure.
 */
import type { ParseContext } from '../html/context';
import type { OrganizationRecord } from '../records';
import { parseAllris3MemberPage } from './member-page';

export function parseAllris3Faction(ctx: ParseContext): OrganizationRecord {
  return parseAllris3MemberPage(ctx, 'fr020');
}
