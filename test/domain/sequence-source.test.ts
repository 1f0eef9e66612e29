/**
 * A paper whose Beratungsfolge is not read from its own page (domain/paper.ts SequenceSource) is never said to rest
 * ("ruht … nichts geplant": progress rules 6 and 7 need the whole Beratungsfolge), and its explanation says what is
 * not known: known from agendas only ('agenda': Hamburg-Nord's 22-1470.1, "überwiesen" by the Bezirksversammlung
 * on 11.12.2025 in to010 1003143, its own page never read), or not at all ('unknown': a row of a motion list).
 */
import type { Paper } from '../../src/domain/paper';
import { progress } from '../../src/domain/progress';
import { station } from '../helpers/records';

const TODAY = '2026-10-05';
const referred = station('Bezirksversammlung', null, [{
  date: '2025-12-11', name: 'Sitzung der Bezirksversammlung', meetingSourceId: '1003143', agendaItemSourceId: '1038604', result: 'überwiesen', resultCode: 'referred',
}]);
const deferred = station('Kerngebietsausschuss', null, [{
  date: '2025-11-03', name: null, meetingSourceId: null, agendaItemSourceId: null, result: 'zurückgestellt', resultCode: 'deferred',
}]);

describe('known from agendas only', () => {
  test.each([
    ['referred on ("überwiesen") ten months ago', referred, 'In Beratung: zuletzt Bezirksversammlung am 11.12.2025 („überwiesen“); wie es weitergeht, ist nicht bekannt (die Beratungsfolge ist nur aus Tagesordnungen bekannt, die Seite der Vorlage wurde nicht gelesen).'],
    ['deferred ("zurückgestellt") eleven months ago', deferred, 'In Beratung: zuletzt Kerngebietsausschuss am 03.11.2025 („zurückgestellt“); wie es weitergeht, ist nicht bekannt (die Beratungsfolge ist nur aus Tagesordnungen bekannt, die Seite der Vorlage wurde nicht gelesen).'],
  ])('%s: in deliberation, not resting; the committee that met on it is no next step', (_name, s, explanation) => {
    const p: Paper = { date: null, consultation: [s], sequence: 'agenda' };
    const pr = progress(p, TODAY);
    expect([pr.state, pr.stalledSince, pr.next, pr.explanation]).toEqual(['in-deliberation', null, null, explanation]);
  });

  test('deferred a month ago: the committee that deferred it is still its next step ("ein neuer Termin steht noch aus")', () => {
    const pr = progress({ date: null, consultation: [deferred], sequence: 'agenda' }, '2025-12-01');
    expect([pr.state, pr.next?.organization, pr.explanation]).toEqual(['in-deliberation', 'Kerngebietsausschuss', 'In Beratung: zuletzt Kerngebietsausschuss am 03.11.2025 („zurückgestellt“); ein neuer Termin steht noch aus.']);
  });

  test('the same Beratungsfolge read from the paper\'s own page rests, as before', () => {
    const pr = progress({ date: null, consultation: [referred] }, TODAY);
    expect([pr.state, pr.explanation]).toEqual(['stalled', 'Ruht: seit dem 11.12.2025 (Bezirksversammlung, „überwiesen“) ist nichts geschehen und nichts geplant.']);
  });

  test('a decision on an agenda still decides', () => {
    const decided = station('Bezirksversammlung', null, [{ date: '2025-12-11', name: null, meetingSourceId: null, agendaItemSourceId: null, result: 'beschlossen', resultCode: 'adopted' }]);
    expect(progress({ date: null, consultation: [decided], sequence: 'agenda' }, TODAY).state).toBe('decided');
  });
});

describe('not known at all (a list row)', () => {
  test('submitted, and the explanation says the Beratungsfolge is not known, not that none is given', () => {
    const pr = progress({ date: '2026-07-01', consultation: [], sequence: 'unknown' }, TODAY);
    expect([pr.state, pr.explanation]).toEqual(['submitted', 'Eingereicht: am 01.07.2026 vorgelegt, die Beratungsfolge ist nicht bekannt (die Seite der Vorlage wurde nicht gelesen).']);
  });

  test('years old: still not resting (the list does not say that nothing happened)', () => {
    expect(progress({ date: '2019-03-01', consultation: [], sequence: 'unknown' }, TODAY).state).toBe('submitted');
    expect(progress({ date: '2019-03-01', consultation: [] }, TODAY).state).toBe('stalled');
  });

  test('a paper whose own page lists no Beratungsfolge: "keine Beratungsfolge angegeben", as before', () => {
    expect(progress({ date: '2026-07-01', consultation: [] }, TODAY).explanation).toBe('Eingereicht: am 01.07.2026 vorgelegt, keine Beratungsfolge angegeben.');
  });
});
