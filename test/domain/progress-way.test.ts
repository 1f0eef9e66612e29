/**
 * progress(paper, today) along the way: table-driven over plain hand-written Beratungsfolgen
 * (Leipzig VII-A-00777 on three days, submitted, scheduled, in deliberation, stalled, deferrals and referrals).
 * Each case names its today; the same consultations give different states on different days.
 */
import { checkCase } from '../helpers/progress-cases/consultations';
import { WAY_CASES } from '../helpers/progress-cases/way';

describe('progress(paper, today) along the way', () => {
  test.each(WAY_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => checkCase(c));
});
