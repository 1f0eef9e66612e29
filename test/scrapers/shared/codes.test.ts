import { classifyResult, classifyRole, cleanResultText, RESULT_RULES, ROLE_RULES } from '../../../scrapers/shared/codes';

describe('roleCode rules (one case per rule, in table order)', () => {
  const cases: [string, string, string][] = [
    ['verweisung', 'Verweisung in die Gremien', 'referral'],
    ['lesung', '1. Lesung', 'reading'],
    ['anhoerung', 'Anhörung', 'hearing'],
    ['vorberatung', 'Vorberatung', 'preliminary'],
    ['kenntnisnahme', 'Kenntnisnahme', 'notice'],
    ['entscheidung', 'Entscheidung', 'decision'],
    ['beratung', 'Beratung', 'preliminary'],
  ];
  test('every rule has a case', () => {
    expect(cases.map((c) => c[0])).toEqual(ROLE_RULES.map((r) => r.name));
  });
  test.each(cases)('%s: "%s" → %s', (_name, text, code) => {
    expect(classifyRole(text)).toBe(code);
  });
  test.each([
    ['Überweisung', 'referral'],
    ['2. Lesung', 'reading'],
    ['Beschlussfassung', 'decision'],
    ['Information', 'notice'],
    ['Mitteilung', 'notice'],
    ['Vorberatung und Beschlussempfehlung', 'preliminary'],
    ['Ortsbesichtigung', 'other'],
  ])('"%s" → %s', (text, code) => {
    expect(classifyRole(text)).toBe(code);
  });
  test('empty or missing role → null', () => {
    expect(classifyRole(null)).toBeNull();
    expect(classifyRole('  \u00a0 ')).toBeNull();
  });
});

describe('resultCode rules (one case per rule, in table order)', () => {
  const cases: [string, string, string][] = [
    ['open-placeholder', '(offen)', 'open'],
    ['zurueckgezogen', 'zurückgezogen', 'withdrawn'],
    ['nicht-behandelt', 'nicht auf die Tagesordnung aufgenommen', 'not-dealt'],
    ['vertagt', 'vertagt', 'deferred'],
    ['beschlossen-ueberwiesen', 'geändert beschlossen / überwiesen', 'adopted-amended'],
    ['beschlossen-ueberwiesen-ungeaendert', 'ungeändert beschlossen / überwiesen', 'adopted'],
    ['zurueckverwiesen', 'überwiesen', 'referred'],
    ['abgelehnt', 'abgelehnt', 'rejected'],
    ['kenntnis', 'zur Kenntnis genommen', 'noted'],
    ['geaendert', 'geändert beschlossen', 'adopted-amended'],
    ['beschlossen', 'ungeändert beschlossen', 'adopted'],
    ['erledigt', 'für erledigt erklärt', 'settled'],
  ];
  test('every rule has a case', () => {
    expect(cases.map((c) => c[0])).toEqual(RESULT_RULES.map((r) => r.name));
  });
  test.each(cases)('%s: "%s" → %s', (_name, text, code) => {
    expect(classifyResult(text)).toBe(code);
  });
});

describe('resultCode traps and typical texts', () => {
  test.each([
    // traps named in CONTRACTS.md
    ['ungeändert beschlossen', 'adopted'],
    ['Ungeändert beschlossen\u00a0', 'adopted'],
    ['nicht empfohlen', 'rejected'],
    ['keine Beschlussfassung wegen Sitzungsabsage', 'not-dealt'],
    ['ohne Beschlussfassung geschoben', 'deferred'],
    // ALLRIS-NOTES §5 (Hamburg): decided and handed on, not a referral — "ungeändert" holds "geändert"
    ['ungeändert beschlossen / überwiesen', 'adopted'],
    ['Ungeändert beschlossen/überwiesen', 'adopted'],
    ['geändert beschlossen / überwiesen', 'adopted-amended'],
    // typical texts
    ['beschlossen', 'adopted'],
    ['einstimmig zugestimmt', 'adopted'],
    ['mehrheitlich zugestimmt', 'adopted'],
    ['einstimmig genehmigt', 'adopted'],
    ['mit Änderungen beschlossen', 'adopted-amended'],
    ['nicht zugestimmt', 'rejected'],
    ['Kenntnis genommen', 'noted'],
    ['zurückgestellt', 'deferred'],
    ['geschoben', 'deferred'],
    ['verwiesen', 'referred'],
    ['zurückverwiesen', 'referred'],
    ['Verweisung in die Gremien', 'referred'],
    ['erledigt', 'settled'],
    ['nicht behandelt', 'not-dealt'],
    ['abgesetzt', 'not-dealt'],
    ['', 'open'],
    ['Sondervotum der Verwaltung', 'unclassified'],
  ])('"%s" → %s', (text, code) => {
    expect(classifyResult(text)).toBe(code);
  });
  test('null → open', () => {
    expect(classifyResult(null)).toBe('open');
  });
  test('"(offen)" and blanks become a null result text; other text stays', () => {
    expect(cleanResultText('(offen)')).toBeNull();
    expect(cleanResultText('  ')).toBeNull();
    expect(cleanResultText('vertagt')).toBe('vertagt');
  });
});
