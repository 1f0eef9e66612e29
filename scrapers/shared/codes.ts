/**
 * roleCode and resultCode: free text → closed vocabulary, by ordered rule tables kept as data
 * (CONTRACTS.md "Codes", DESIGN.md habit 5). The first rule whose pattern matches wins; text no rule
 * knows is 'other' (roles) or 'unclassified' (results), never guessed. Raw text is always kept beside the code.
 */

export const ROLE_CODES = ['referral', 'preliminary', 'reading', 'decision', 'notice', 'hearing', 'other'] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

export const RESULT_CODES = [
  'adopted', 'adopted-amended', 'rejected', 'noted', 'deferred', 'referred', 'withdrawn', 'settled',
  'not-dealt', 'open', 'unclassified',
] as const;
export type ResultCode = (typeof RESULT_CODES)[number];

export interface Rule<C extends string> {
  /** A short name used by the tests ("one test per rule"). */
  name: string;
  pattern: RegExp;
  code: C;
}

/** Lower-cases and folds white space so the patterns stay simple. */
export function normaliseForRules(text: string): string {
  return text.toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();
}

export const ROLE_RULES: readonly Rule<RoleCode>[] = [
  { name: 'verweisung', pattern: /verweis|überweis|ueberweis/, code: 'referral' },
  { name: 'lesung', pattern: /\blesung\b/, code: 'reading' },
  { name: 'anhoerung', pattern: /anhörung|anhoerung/, code: 'hearing' },
  // "Vorberatung" before "Beratung"/"Beschluss" so that "Vorberatung und Beschlussempfehlung" stays preliminary.
  { name: 'vorberatung', pattern: /vorberat/, code: 'preliminary' },
  { name: 'kenntnisnahme', pattern: /kenntnis|information|mitteilung|unterrichtung/, code: 'notice' },
  { name: 'entscheidung', pattern: /entscheid|beschlussfassung|beschluss|abschließend|abschliessend/, code: 'decision' },
  { name: 'beratung', pattern: /beratung|empfehlung/, code: 'preliminary' },
];

export function classifyRole(text: string | null | undefined): RoleCode | null {
  if (text == null) return null;
  const t = normaliseForRules(text);
  if (t === '') return null;
  for (const r of ROLE_RULES) if (r.pattern.test(t)) return r.code;
  return 'other';
}

/**
 * Result rules, in order. Traps (CONTRACTS.md): "ungeändert" contains "geändert"; negations
 * ("nicht empfohlen", "keine Beschlussfassung", "ohne Beschlussfassung geschoben") contain words of
 * acceptance, so the negative and procedural rules come before the accepting ones.
 */
export const RESULT_RULES: readonly Rule<ResultCode>[] = [
  { name: 'open-placeholder', pattern: /^\(?offen\)?$|^-+$/, code: 'open' },
  { name: 'zurueckgezogen', pattern: /zurückgezogen|zurueckgezogen/, code: 'withdrawn' },
  { name: 'nicht-behandelt', pattern: /nicht behandelt|abgesetzt|nicht auf die tagesordnung|von der tagesordnung genommen|keine beschlussfassung wegen|sitzungsabsage/, code: 'not-dealt' },
  { name: 'vertagt', pattern: /vertagt|zurückgestellt|zurueckgestellt|geschoben|verschoben|ohne beschlussfassung/, code: 'deferred' },
  // "ungeändert beschlossen / überwiesen" (Hamburg): decided, and handed on — the decision is the station's result
  { name: 'beschlossen-ueberwiesen', pattern: /(?<!un)ge(?:ä|ae)ndert beschlossen\s*\/\s*(?:über|ueber|ver)wiesen/, code: 'adopted-amended' },
  { name: 'beschlossen-ueberwiesen-ungeaendert', pattern: /beschlossen\s*\/\s*(?:über|ueber|ver)wiesen/, code: 'adopted' },
  { name: 'zurueckverwiesen', pattern: /zurückverwiesen|zurueckverwiesen|überwiesen|ueberwiesen|verwiesen|verweisung/, code: 'referred' },
  { name: 'abgelehnt', pattern: /abgelehnt|nicht zugestimmt|nicht empfohlen|nicht beschlossen|keine zustimmung|nicht angenommen|zurückgewiesen/, code: 'rejected' },
  { name: 'kenntnis', pattern: /kenntnis/, code: 'noted' },
  { name: 'geaendert', pattern: /(?<!un)geändert|(?<!un)geaendert|mit änderung|mit aenderung|mit ergänzung|ergänzt beschlossen|modifiziert/, code: 'adopted-amended' },
  { name: 'beschlossen', pattern: /beschlossen|zugestimmt|genehmigt|angenommen|empfohlen|befürwortet|bestätigt|gewählt|einvernehmen erteilt/, code: 'adopted' },
  { name: 'erledigt', pattern: /erledigt/, code: 'settled' },
];

/** Blank and "(offen)" are 'open'; the caller keeps the raw text (or null) beside the code. */
export function classifyResult(text: string | null | undefined): ResultCode {
  if (text == null) return 'open';
  const t = normaliseForRules(text);
  if (t === '') return 'open';
  for (const r of RESULT_RULES) if (r.pattern.test(t)) return r.code;
  return 'unclassified';
}

/** CONTRACTS.md: "(offen)" and blanks become a null result. */
export function cleanResultText(text: string | null): string | null {
  if (text == null) return null;
  const t = text.trim();
  if (t === '' || /^\(?offen\)?$/i.test(t)) return null;
  return t;
}
