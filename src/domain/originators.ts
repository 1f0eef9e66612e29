/**
 * The originators of a motion (its Einreicher / Antragsteller) as ratsradar shows them: factions, groups,
 * parties, offices, and persons only where they are known as elected members (the people of the
 * source's committees and factions) — never a staff name. Matching a faction to its organization by a
 * folded name ("Fraktion BÜNDNIS 90/DIE GRÜNEN" = "Fraktion Bündnis 90/Die Grünen"). Pure; table-tested.
 */
import { isOrganisationName } from '../../scrapers/shared/persons';

/** The originators that may be shown: organisation names, and persons among `elected` (names as the source writes them). */
export function publicOriginators(names: readonly string[], elected: ReadonlySet<string>): string[] {
  const known = new Set([...elected].map(foldName));
  return names.filter((n) => n.trim() !== '' && (isOrganisationName(n) || known.has(foldName(n))));
}

/** A name folded for comparison: lower case, letters and digits only, the word "fraktion" and articles left out. */
export function foldName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w && !['fraktion', 'bezirksfraktion', 'ratsfraktion', 'die', 'der'].includes(w))
    .join(' ');
}

/** "Anträge der SPD-Fraktion", "Anträge der Gruppe Piraten", "Anträge von Erika Mustermann". */
export function originatorHeading(name: string): string {
  return /fraktion|gruppe|partei|verwaltung/i.test(name) ? `Anträge der ${name}` : `Anträge von ${name}`;
}
