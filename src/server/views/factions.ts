/** Factions (and groups) among the organizations: their kinds as the importer stores them. */

const FACTION_KINDS = new Set(['faction', 'group']);

/** True for an organization kind that files motions (a faction or a group), not one that deliberates them. */
export function isFactionKind(kind: string | null | undefined): boolean {
  return kind != null && FACTION_KINDS.has(kind);
}
