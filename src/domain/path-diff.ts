/**
 * The planned path beside the path actually taken: the Beratungsfolge as first recorded and as it
 * is now, station by station — kept, moved (in both, at another place), dropped (only planned) or
 * added (only taken). Kept stations are a longest common subsequence of the two; of the rest, a
 * station in both is moved. Pure.
 */

export type PathMark = 'kept' | 'moved' | 'dropped' | 'added';

export interface PathStep {
  label: string;
  mark: PathMark;
}

export interface PathComparison {
  planned: PathStep[];
  actual: PathStep[];
  changed: boolean;
}

/** "A (Vorberatung) → B (Entscheidung)" → ["A (Vorberatung)", "B (Entscheidung)"]; how the change log writes a Beratungsfolge. */
export function splitPath(text: string | null | undefined): string[] {
  if (!text) return [];
  return text.split(' → ').map((s) => s.trim()).filter((s) => s !== '');
}

/** A station as the change log names it: "Hauptausschuss (Vorberatung)". */
export function stationPathLabel(s: { organization: string | null; role: string | null }): string {
  return `${s.organization ?? 'unbekanntes Gremium'}${s.role ? ` (${s.role})` : ''}`;
}

function lcsPairs(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const t: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) t[i][j] = a[i] === b[j] ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (t[i + 1][j] >= t[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

export function comparePaths(planned: readonly string[], actual: readonly string[]): PathComparison {
  const p: PathStep[] = planned.map((label) => ({ label, mark: 'dropped' }));
  const a: PathStep[] = actual.map((label) => ({ label, mark: 'added' }));
  for (const [i, j] of lcsPairs(planned, actual)) {
    p[i].mark = 'kept';
    a[j].mark = 'kept';
  }
  for (const step of p) {
    if (step.mark !== 'dropped') continue;
    const twin = a.find((x) => x.mark === 'added' && x.label === step.label);
    if (twin) {
      step.mark = 'moved';
      twin.mark = 'moved';
    }
  }
  return { planned: p, actual: a, changed: p.some((s) => s.mark !== 'kept') || a.some((s) => s.mark !== 'kept') };
}
