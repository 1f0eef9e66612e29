/** comparePaths: the first recorded Beratungsfolge beside the current one. */
import { comparePaths, splitPath, stationPathLabel } from '../../src/domain/path-diff';

const marks = (steps: { label: string; mark: string }[]) => steps.map((s) => `${s.label}:${s.mark}`);

describe('comparePaths', () => {
  test.each([
    ['unchanged', ['A', 'B', 'C'], ['A', 'B', 'C'], ['A:kept', 'B:kept', 'C:kept'], ['A:kept', 'B:kept', 'C:kept'], false],
    ['a station added', ['A', 'C'], ['A', 'B', 'C'], ['A:kept', 'C:kept'], ['A:kept', 'B:added', 'C:kept'], true],
    ['a station dropped', ['A', 'B', 'C'], ['A', 'C'], ['A:kept', 'B:dropped', 'C:kept'], ['A:kept', 'C:kept'], true],
    ['two stations swapped', ['A', 'B', 'C'], ['A', 'C', 'B'], ['A:kept', 'B:moved', 'C:kept'], ['A:kept', 'C:kept', 'B:moved'], true],
    ['a committee twice, once added', ['S', 'R'], ['S', 'J', 'S', 'R'], ['S:kept', 'R:kept'], ['S:kept', 'J:added', 'S:added', 'R:kept'], true],
    ['nothing planned before', [], ['A'], [], ['A:added'], true],
  ])('%s', (_name, planned, actual, p, a, changed) => {
    const c = comparePaths(planned, actual);
    expect(marks(c.planned)).toEqual(p);
    expect(marks(c.actual)).toEqual(a);
    expect(c.changed).toBe(changed);
  });

  test('splitPath reads the change log\'s sequence; stationPathLabel writes it', () => {
    expect(splitPath('Hauptausschuss (Vorberatung) → Rat der Stadt (Entscheidung)')).toEqual(['Hauptausschuss (Vorberatung)', 'Rat der Stadt (Entscheidung)']);
    expect(splitPath(null)).toEqual([]);
    expect(stationPathLabel({ organization: 'Rat', role: null })).toBe('Rat');
    expect(stationPathLabel({ organization: null, role: 'Anhörung' })).toBe('unbekanntes Gremium (Anhörung)');
  });
});
