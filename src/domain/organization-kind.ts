/**
 * What kind of body an organization is — 'committee', 'parliament' (Rat, Kreistag, Bezirksversammlung),
 * 'faction', 'office' (an administrative unit) or 'organization' (anything else: a party, an external
 * body) — from its key where the RIS's own id says it (ALLRIS: au/gr committee, pa parliament, fr faction,
 * at office), else from what an OParl Organization says of itself: its `classification` ("Ausschuss",
 * "Hauptorgan", "Fraktion"), then its `organizationType` ("Gremium", "Fraktion", "Partei",
 * "Verwaltungsbereich"; OParl 1.1 §5.5). Pure.
 */

export type OrganizationKind = 'committee' | 'parliament' | 'faction' | 'office' | 'organization';

const BY_PREFIX: Record<string, OrganizationKind> = { au: 'committee', gr: 'committee', pa: 'parliament', fr: 'faction', at: 'office' };

/** classification words, in order: the first that matches decides */
const CLASSIFICATION: [RegExp, OrganizationKind][] = [
  [/fraktion|gruppe\b/, 'faction'],
  [/hauptorgan|^(stadt|gemeinde)?rat$|kreistag|stadtverordnetenversammlung|gemeindevertretung|bezirksversammlung|bürgerschaft|parlament|vollversammlung/, 'parliament'],
  [/ausschuss|beirat|kommission|ortsrat|ortsbeirat|bezirksvertretung|bezirksbeirat|gremium|unterausschuss|arbeitskreis|rat\b/, 'committee'],
  [/verwaltung|dezernat|referat|fachbereich|\bamt\b|ämter/, 'office'],
];

const TYPES: Record<string, OrganizationKind> = {
  gremium: 'committee', fraktion: 'faction', verwaltungsbereich: 'office', partei: 'organization',
  'externes gremium': 'organization', institution: 'organization', sonstiges: 'organization',
};

export function organizationKind(key: string, o: { organizationType?: string | null; classification?: string | null } = {}): OrganizationKind {
  const byKey = BY_PREFIX[key.split(':')[0]];
  if (byKey) return byKey;
  const classification = o.classification?.trim().toLowerCase();
  if (classification) for (const [re, kind] of CLASSIFICATION) if (re.test(classification)) return kind;
  return TYPES[o.organizationType?.trim().toLowerCase() ?? ''] ?? 'organization';
}
