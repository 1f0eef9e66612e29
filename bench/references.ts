/** Reference numbers (Drucksachen-Nr.) in the styles the corpus shows, numbered per city and year. */
import type { Random } from './random';
import type { ReferenceStyle } from './vocabulary';

export class ReferenceCounter {
  private readonly next = new Map<string, number>();

  /** the next number in a series ("2026", "22", …), starting at `first` */
  take(series: string, first: number): number {
    const n = this.next.get(series) ?? first;
    this.next.set(series, n + 1);
    return n;
  }
}

const LEIPZIG_LETTER = { motion: 'A', proposal: 'DS', notice: 'Ifo', question: 'F' } as const;

/** "22-2402", "VII-A-00777", "VO/2026/181", "VO/26/23343/D2", "26-29361", "2026/245", "1234/2014". */
export function formatReference(
  style: ReferenceStyle, counter: ReferenceCounter, rnd: Random, date: string, kind: 'motion' | 'proposal' | 'notice' | 'question',
): string {
  const year = Number(date.slice(0, 4));
  const yy = String(year % 100).padStart(2, '0');
  switch (style) {
    case 'hamburg': {
      const period = 21 + Math.floor((year - 2019) / 5);
      const n = counter.take(`hh${period}`, 1);
      const base = `${period}-${String(n).padStart(4, '0')}`;
      return kind === 'proposal' && rnd.chance(0.3) ? `${base}.1` : base;
    }
    case 'leipzig': {
      const n = counter.take('leipzig', 1);
      return `VII-${LEIPZIG_LETTER[kind]}-${String(n).padStart(5, '0')}`;
    }
    case 'osnabrueck':
      return `VO/${year}/${counter.take(`os${year}`, 1)}`;
    case 'regensburg':
      return `VO/${yy}/${counter.take(`rb${yy}`, 20000)}/${rnd.pick(['D1', 'D2', 'D3', 'A4', 'S1'])}`;
    case 'braunschweig':
      return `${yy}-${counter.take(`bs${yy}`, 20000)}`;
    case 'laatzen':
      return `${year}/${String(counter.take(`lz${year}`, 1)).padStart(3, '0')}`;
    case 'koeln':
      return `${counter.take(`k${year}`, 1000)}/${year}`;
  }
}
