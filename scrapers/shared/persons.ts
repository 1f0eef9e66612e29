/**
 * Personal data (DESIGN/ALLRIS-NOTES pitfall 10): staff and author persons stay out of records.
 * Author fields ("Verfasser/in") sometimes name a faction or an office instead of a person
 * (Hamburg-Bergedorf: "Fraktion GRÜNE Bergedorf", "SPD-Fraktion"); those are originators.
 */

const ORGANISATION_WORDS =
  /fraktion|gruppe|partei|bezirksamt|verwaltung|dezernat|fachbereich|fachdienst|referat|ausschuss|beirat|bürgermeister|oberbürgermeister|landrat|ortsrat|stadtrat|gemeinderat|kreistag|bezirksversammlung|\bamt\b|amt für|\bamt$|\b(spd|cdu|csu|fdp|afd|bsw|grüne|linke|volt|piraten|freie wähler)\b/i;

/** True when a name reads as an organisation (faction, party, office), not as a person. */
export function isOrganisationName(name: string): boolean {
  return ORGANISATION_WORDS.test(name);
}
