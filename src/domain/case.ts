/**
 * A case (Vorgang): the papers that belong together — the original motion, its amendments
 * (Leipzig "-ÄA-01"), the administration's view ("-VSP-01"), new versions ("-NF-01"), follow-up
 * papers (Hamburg ".1", ".01", ALLRIS 4 "/1", "-2") — and the papers linked by Bezüglich /
 * Bezugsvorlage. Grouping is by a reference stem: the reference with its version suffixes taken
 * off. Pure: no I/O.
 *
 * SUFFIX RULES (ordered, applied repeatedly from the end of the reference, at most four times):
 *  (Every rule also applies after another suffix: "…-NF-01-ÄA-03".)
 *  1. "-<2–4 letters>-<1–3 digits>" after a number of at least three digits: a Leipzig-style
 *     suffix; the letters name the kind (SUFFIX_CODES), an unknown code is "Folgedokument".
 *  2. ".<1–2 digits>" (repeated: ".1.1", ".0.5") after a number of at least three digits that is
 *     not the first number of the reference: a Hamburg follow-up paper (Folgedrucksache).
 *  3. "/<1–2 digits>" or "-<1–2 digits>" after a number of at least three digits that is not the
 *     first number: a follow-up paper (Folgevorlage). "2026/245/1" → "2026/245"; "VO/2026/17"
 *     stays (the rest "VO/2026" has only one number); "DS/2026/0123" stays (four digits).
 * A reference none of the rules shortens is its own stem. Stems compare case-insensitively with
 * white space collapsed.
 */

export type CaseRole = 'original' | 'amendment' | 'administration' | 'new-version' | 'supplement' | 'follow-up' | 'related';

export const CASE_ROLE_LABELS: Readonly<Record<CaseRole, string>> = {
  original: 'Ursprungsvorlage',
  amendment: 'Änderungsantrag',
  administration: 'Verwaltungsstandpunkt',
  'new-version': 'Neufassung',
  supplement: 'Ergänzung',
  'follow-up': 'Folgevorlage',
  related: 'Bezugsvorlage',
};

/** Leipzig-style letter codes (upper-cased) and what they mean. */
export const SUFFIX_CODES: Readonly<Record<string, CaseRole>> = {
  'ÄA': 'amendment',
  AEA: 'amendment',
  AA: 'amendment',
  VSP: 'administration',
  NF: 'new-version',
  EA: 'supplement',
  ERG: 'supplement',
  ERGA: 'supplement',
};

interface SuffixRule {
  re: RegExp;
  /** the role of a paper whose reference carries this suffix */
  role: (match: RegExpExecArray) => CaseRole;
  /** the number before the suffix must not be the reference's first number */
  needsTwoNumbers: boolean;
}

const SUFFIX_RULES: readonly SuffixRule[] = [
  { re: /-([A-Za-zÄÖÜäöü]{2,4})-\d{1,3}$/, role: (m) => SUFFIX_CODES[m[1].toUpperCase()] ?? 'follow-up', needsTwoNumbers: false },
  { re: /(?:\.\d{1,2})+$/, role: () => 'follow-up', needsTwoNumbers: true },
  { re: /[/-]\d{1,2}$/, role: () => 'follow-up', needsTwoNumbers: true },
];

function normalise(reference: string): string {
  return reference.replace(/\s+/g, ' ').trim();
}

/**
 * The rest before a suffix may stand alone as a paper number: it ends in ≥ 3 digits (and, where
 * asked, has an earlier number) — or it is itself a suffixed reference ("…-NF-01" before "-ÄA-03").
 */
function isBase(rest: string, needsTwoNumbers: boolean): boolean {
  if (/\d{3,}$/.test(rest)) return !needsTwoNumbers || (rest.match(/\d+/g) ?? []).length >= 2;
  return stripOnce(rest) != null;
}

/** Takes one suffix off; null when no rule applies. */
function stripOnce(reference: string): { rest: string; role: CaseRole } | null {
  for (const rule of SUFFIX_RULES) {
    const m = rule.re.exec(reference);
    if (!m) continue;
    const rest = reference.slice(0, m.index);
    if (isBase(rest, rule.needsTwoNumbers)) return { rest, role: rule.role(m) };
  }
  return null;
}

/** The reference without its version suffixes: "VII-A-00777-ÄA-01" → "VII-A-00777", "22-2173.1.1" → "22-2173". */
export function referenceStem(reference: string): string {
  let ref = normalise(reference);
  for (let i = 0; i < 4; i++) {
    const s = stripOnce(ref);
    if (!s) break;
    ref = s.rest;
  }
  return ref;
}

/** The role a reference's outermost suffix gives it ('original' for a reference that is its own stem). */
export function referenceRole(reference: string): CaseRole {
  return stripOnce(normalise(reference))?.role ?? 'original';
}

/** The key stems are compared by. */
export function stemKey(reference: string): string {
  return referenceStem(reference).toLocaleLowerCase('de');
}

export interface CasePaper {
  id: number;
  reference: string | null;
  relatedReferences: readonly string[];
}

export interface CaseMember<T extends CasePaper> {
  paper: T;
  role: CaseRole;
  label: string;
  isSelf: boolean;
}

const ROLE_ORDER: readonly CaseRole[] = ['original', 'new-version', 'amendment', 'supplement', 'administration', 'follow-up', 'related'];

/** Sorts "2" before "10" inside references. */
const collator = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });

/**
 * The case of `self` among `candidates` (papers of the same source, e.g. found by reference
 * prefix): every paper with the same stem, and every paper linked by Bezug in either direction.
 * Sorted original first, then by role and reference. Returns just `self` when it stands alone.
 */
export function groupCase<T extends CasePaper>(self: T, candidates: readonly T[]): CaseMember<T>[] {
  const member = (paper: T, role: CaseRole): CaseMember<T> => ({ paper, role, label: CASE_ROLE_LABELS[role], isSelf: paper.id === self.id });
  const ownKey = self.reference ? stemKey(self.reference) : null;
  const related = new Set(self.relatedReferences.map((r) => normalise(r).toLocaleLowerCase('de')));
  const selfRef = self.reference ? normalise(self.reference).toLocaleLowerCase('de') : null;
  const out = new Map<number, CaseMember<T>>();
  out.set(self.id, member(self, self.reference ? referenceRole(self.reference) : 'original'));
  for (const c of candidates) {
    if (out.has(c.id) || !c.reference) continue;
    const ref = normalise(c.reference).toLocaleLowerCase('de');
    if (ownKey != null && stemKey(c.reference) === ownKey) {
      out.set(c.id, member(c, referenceRole(c.reference)));
    } else if (related.has(ref) || (selfRef != null && c.relatedReferences.some((r) => normalise(r).toLocaleLowerCase('de') === selfRef))) {
      out.set(c.id, member(c, 'related'));
    }
  }
  return [...out.values()].sort(
    (a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || collator.compare(a.paper.reference ?? '', b.paper.reference ?? '') || a.paper.id - b.paper.id,
  );
}
