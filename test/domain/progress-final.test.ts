/**
 * progress(paper, today): final states and the station status the RIS shows: table-driven over plain hand-written Beratungsfolgen
 * (decided, amended, noted, rejected, stopped, withdrawn; the shown station word against the rows).
 * Each case names its today; the same consultations give different states on different days.
 */
import { checkCase } from '../helpers/progress-cases/consultations';
import { FINAL_CASES } from '../helpers/progress-cases/final';

describe('progress(paper, today): final states and the station status the RIS shows', () => {
  test.each(FINAL_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => checkCase(c));
});
