/** referenceStem / referenceRole / groupCase: table-driven over real reference shapes (corpus and Leipzig seeds). */
import { CASE_ROLE_LABELS, groupCase, referenceRole, referenceStem, type CasePaper } from '../../src/domain/case';

describe('referenceStem takes version suffixes off, and nothing else', () => {
  const cases: [string, string, string][] = [
    // reference, stem, role
    ['VII-A-00777', 'VII-A-00777', 'original'],
    ['VII-A-00777-ÄA-01', 'VII-A-00777', 'amendment'],
    ['VII-A-00777-VSP-01', 'VII-A-00777', 'administration'],
    ['VII-A-00777-NF-02', 'VII-A-00777', 'new-version'],
    ['VII-A-00777-NF-01-ÄA-03', 'VII-A-00777', 'amendment'],
    ['VII-A-00777-XY-01', 'VII-A-00777', 'follow-up'],
    ['VII-DS-01234', 'VII-DS-01234', 'original'],
    ['22-2375', '22-2375', 'original'],
    ['22-2375.1', '22-2375', 'follow-up'],
    ['22-2173.1.1', '22-2173', 'follow-up'],
    ['22-0593.0.5', '22-0593', 'follow-up'],
    ['22-0285.03', '22-0285', 'follow-up'],
    ['2026/245', '2026/245', 'original'],
    ['2026/245/1', '2026/245', 'follow-up'],
    ['25/073-2', '25/073', 'follow-up'],
    ['RS. 16/218-02', 'RS. 16/218', 'follow-up'],
    ['TVO-BSV/25/61736-2', 'TVO-BSV/25/61736', 'follow-up'],
    // look alike, but are whole paper numbers
    ['VO/2026/17', 'VO/2026/17', 'original'],
    ['VO/2026/171', 'VO/2026/171', 'original'],
    ['DS/2026/0123', 'DS/2026/0123', 'original'],
    ['DRS. 17/04', 'DRS. 17/04', 'original'],
    ['26-29361', '26-29361', 'original'],
    ['2020-05', '2020-05', 'original'],
    ['VO/26/23343/D2', 'VO/26/23343/D2', 'original'],
    ['  22-2375.1 ', '22-2375', 'follow-up'],
  ];
  test.each(cases)('%s → %s (%s)', (reference, stem, role) => {
    expect(referenceStem(reference)).toBe(stem);
    expect(referenceRole(reference)).toBe(role);
  });
});

describe('groupCase', () => {
  const p = (id: number, reference: string | null, relatedReferences: string[] = []): CasePaper => ({ id, reference, relatedReferences });

  test('groups amendments, the administration view and follow-ups by stem, original first, self marked', () => {
    const self = p(2, 'VII-A-00777-ÄA-01');
    const members = groupCase(self, [
      p(1, 'VII-A-00777'), p(3, 'VII-A-00777-VSP-01'), p(4, 'VII-A-007770'), p(5, 'VII-A-00778'), p(6, 'VII-A-00777-ÄA-02'), p(2, 'VII-A-00777-ÄA-01'),
    ]);
    expect(members.map((m) => [m.paper.id, m.role, m.isSelf])).toEqual([
      [1, 'original', false], [2, 'amendment', true], [6, 'amendment', false], [3, 'administration', false],
    ]);
    expect(members[0].label).toBe('Ursprungsvorlage');
    expect(members[3].label).toBe(CASE_ROLE_LABELS.administration);
  });

  test('links Bezug in both directions, case-insensitively, and numbers sort naturally', () => {
    const self = p(10, 'DS/2026/0388', ['ds/2025/0456']);
    const members = groupCase(self, [p(11, 'DS/2025/0456'), p(12, 'DS/2027/0001', ['DS/2026/0388']), p(13, 'DS/2026/0389')]);
    expect(members.map((m) => [m.paper.id, m.role])).toEqual([[10, 'original'], [11, 'related'], [12, 'related']]);
    const hamburg = groupCase(p(1, '22-2375'), [p(3, '22-2375.10'), p(2, '22-2375.2'), p(4, '22-23751')]);
    expect(hamburg.map((m) => m.paper.reference)).toEqual(['22-2375', '22-2375.2', '22-2375.10']);
  });

  test('a paper without a reference or without relatives stands alone', () => {
    expect(groupCase(p(1, null), [p(2, 'X-123')]).map((m) => m.paper.id)).toEqual([1]);
    expect(groupCase(p(1, '469/2026'), [p(2, '470/2026'), p(3, null)]).map((m) => m.paper.id)).toEqual([1]);
  });
});
