/** Originators as shown: factions and offices, persons only when elected; faction names folded for matching (src/domain/originators.ts). */
import { foldName, originatorHeading, publicOriginators } from '../../src/domain/originators';

describe('originators', () => {
  const elected = new Set(['Erika Mustermann', 'Petra Platzhalter']);
  test.each<[string[], string[]]>([
    [['SPD-Fraktion'], ['SPD-Fraktion']],
    [['Fraktion DIE LINKE', 'Gruppe Piraten'], ['Fraktion DIE LINKE', 'Gruppe Piraten']],
    [['Oberbürgermeister'], ['Oberbürgermeister']],
    // an elected person stays (as written, however the case), a person not known as elected (staff) goes
    [['erika mustermann', 'Hans Sachbearbeiter'], ['erika mustermann']],
    [['  ', 'Max Meier'], []],
  ])('publicOriginators(%j) → %j', (names, shown) => {
    expect(publicOriginators(names, elected)).toEqual(shown);
  });

  test.each<[string, string]>([
    ['Fraktion BÜNDNIS 90/DIE GRÜNEN', 'bündnis 90 grünen'],
    ['Fraktion Bündnis 90/Die Grünen', 'bündnis 90 grünen'],
    ['SPD-Fraktion', 'spd'],
    ['CDU-Bezirksfraktion', 'cdu'],
  ])('foldName(%j) → %j', (name, folded) => {
    expect(foldName(name)).toBe(folded);
  });

  test.each<[string, string]>([
    ['SPD-Fraktion', 'Anträge der SPD-Fraktion'],
    ['Fraktion DIE LINKE', 'Anträge der Fraktion DIE LINKE'],
    ['Gruppe Piraten', 'Anträge der Gruppe Piraten'],
    ['Erika Mustermann', 'Anträge von Erika Mustermann'],
  ])('originatorHeading(%j) → %j', (name, heading) => {
    expect(originatorHeading(name)).toBe(heading);
  });
});
