import { agendaBadge } from '../../src/domain/agenda-badge';
import type { AgendaCheck } from '../../src/domain/agenda-check';

const ready: AgendaCheck = { station: 1, issues: [], flagged: false, severity: null, notInSequence: false, sequenceUnknown: false };
const notInSequence: AgendaCheck = { station: null, issues: [], flagged: false, severity: null, notInSequence: true, sequenceUnknown: false };
const issue = { stationIndex: 0, organization: 'Hauptausschuss', role: 'Vorberatung', status: 'planned' as const, nextDate: null, message: 'x' };
const open: AgendaCheck = { station: 1, issues: [{ ...issue, severity: 'blocking' }], flagged: true, severity: 'blocking', notInSequence: false, sequenceUnknown: false };
const pending: AgendaCheck = { station: 1, issues: [{ ...issue, severity: 'pending' }], flagged: true, severity: 'pending', notInSequence: false, sequenceUnknown: false };
const unknown: AgendaCheck = { station: 0, issues: [], flagged: false, severity: null, notInSequence: false, sequenceUnknown: true };

describe('agenda-check badge of a meeting (pure)', () => {
  test.each([
    ['past meeting', { past: true, items: 5, checks: [open] }, 'past', [0, 0, 0], ''],
    ['no agenda known', { past: false, items: 0, checks: [] }, 'unknown', [0, 0, 0], 'Tagesordnung noch nicht bekannt'],
    ['items without motions', { past: false, items: 3, checks: [] }, 'none', [0, 0, 0], 'keine Vorlagen auf der Tagesordnung'],
    ['all ready', { past: false, items: 4, checks: [ready, ready] }, 'ready', [2, 0, 0], '2 bereit'],
    ['not in sequence counts as ready', { past: false, items: 1, checks: [notInSequence] }, 'ready', [1, 0, 0], '1 bereit'],
    ['pending is worse than ready', { past: false, items: 3, checks: [ready, pending] }, 'pending', [1, 1, 0], '1 bereit · 1 ausstehend'],
    ['open is worst', { past: false, items: 3, checks: [ready, open, pending] }, 'open', [1, 1, 1], '1 bereit · 1 offen · 1 ausstehend'],
    ['only open', { past: false, items: 2, checks: [open, open] }, 'open', [0, 0, 2], '2 offen'],
    // a motion known only from agendas: no verdict, named apart, never counted "bereit"
    ['Beratungsfolge not known', { past: false, items: 15, checks: [unknown, unknown] }, 'none', [0, 0, 0], '2 ohne bekannte Beratungsfolge'],
    ['Beratungsfolge not known beside a ready one', { past: false, items: 3, checks: [ready, unknown] }, 'ready', [1, 0, 0], '1 bereit · 1 ohne bekannte Beratungsfolge'],
  ])('%s', (_name, input, kind, [r, p, o], label) => {
    expect(agendaBadge(input)).toEqual({ kind, ready: r, pending: p, open: o, label });
  });
});
