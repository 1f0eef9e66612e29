/** earlier-stations.ts: table-driven — "im"/"in der" before committee names, one line per station, and which stations come before the meeting's. */
import type { ConsultationMeetingRecord, ConsultationRecord, PaperRecord } from '../../scrapers/records';
import type { ResultCode, RoleCode } from '../../scrapers/shared/codes';
import { earlierStations, inCommittee } from '../../src/domain/earlier-stations';
import { progress } from '../../src/domain/progress';

test.each<[string | null, string]>([
  ['Hauptausschuss', 'im Hauptausschuss'],
  ['Rat der Stadt Musterstadt', 'im Rat der Stadt Musterstadt'],
  ['Ausschuss für Digitalisierung und Smart City', 'im Ausschuss für Digitalisierung und Smart City'],
  ['Bezirksversammlung Hamburg-Nord', 'in der Bezirksversammlung Hamburg-Nord'],
  ['Stadtverordnetenversammlung', 'in der Stadtverordnetenversammlung'],
  ['Bezirksvertretung Mitte', 'in der Bezirksvertretung Mitte'],
  ['Ortsbeirat Bleidenstadt', 'im Ortsbeirat Bleidenstadt'],
  ['Kreistag', 'im Kreistag'],
  ['Regionalausschuss Eimsbüttel-Nord', 'im Regionalausschuss Eimsbüttel-Nord'],
  ['Jugendhilfe-Kommission', 'in der Jugendhilfe-Kommission'],
  // no known head noun: no guessed article
  ['Seniorenvertreter', '(Seniorenvertreter)'],
  [null, '(Gremium nicht bekannt)'],
])('inCommittee(%s) → %s', (name, expected) => {
  expect(inCommittee(name)).toBe(expected);
});

const TODAY = '2026-11-24';
const row = (date: string | null, resultCode: ResultCode = 'open', result: string | null = null): ConsultationMeetingRecord =>
  ({ date, name: null, meetingSourceId: null, agendaItemSourceId: null, result, resultCode });
const st = (organization: string, role: string, roleCode: RoleCode, meetings: ConsultationMeetingRecord[] = [], stationStatus: string | null = null): ConsultationRecord =>
  ({ organization, role, roleCode, stationStatus, meetings });
const paper = (consultation: ConsultationRecord[]): PaperRecord => ({
  type: 'Paper', format: 1, system: 'allris3', systemVersion: null, sourceId: null, url: null, reference: 'X/1', name: null, paperType: null,
  public: null, statusText: null, originator: [], underDirectionOf: [], date: '2026-09-01', relatedReferences: [], consultation, files: [], text: [],
});

test.each<[string, ConsultationRecord[], { organization: string; date: string }, [string, boolean][]]>([
  [
    'a Vorberatung with its result, one still to come',
    [st('Hauptausschuss', 'Vorberatung', 'preliminary', [row('2026-10-03', 'adopted', 'ungeändert beschlossen')]), st('Finanzausschuss', 'Vorberatung', 'preliminary', [row('2026-12-03')]), st('Rat', 'Entscheidung', 'decision', [row('2026-12-17')])],
    { organization: 'Rat', date: '2026-12-17' },
    [['Vorberatung im Hauptausschuss am 03.10.2026: ungeändert beschlossen', true], ['Vorberatung im Finanzausschuss: noch nicht beraten, Termin 03.12.2026', false]],
  ],
  [
    'deferred, then decided: the last result counts',
    [st('Bauausschuss', 'Vorberatung', 'preliminary', [row('2026-09-10', 'deferred', 'vertagt'), row('2026-10-08', 'adopted-amended', 'geändert beschlossen')]), st('Rat', 'Entscheidung', 'decision', [row('2026-12-17')])],
    { organization: 'Rat', date: '2026-12-17' },
    [['Vorberatung im Bauausschuss am 08.10.2026: geändert beschlossen', true]],
  ],
  [
    'deferred, then met again without a published result: that result is awaited (not "ohne Ergebnis", not settled)',
    [st('Bauausschuss', 'Vorberatung', 'preliminary', [row('2026-09-10', 'deferred', 'vertagt'), row('2026-10-08')]), st('Rat', 'Entscheidung', 'decision', [row('2026-12-17')])],
    { organization: 'Rat', date: '2026-12-17' },
    [['Vorberatung im Bauausschuss am 08.10.2026: Ergebnis noch nicht veröffentlicht', false]],
  ],
  [
    'met without a published result',
    [st('Hauptausschuss', 'Vorberatung', 'preliminary', [row('2026-11-05')]), st('Rat', 'Entscheidung', 'decision', [row('2026-12-17')])],
    { organization: 'Rat', date: '2026-12-17' },
    [['Vorberatung im Hauptausschuss am 05.11.2026: Ergebnis noch nicht veröffentlicht', false]],
  ],
  [
    'no station without a role named: "Beratung"; a station without any date',
    [st('Bezirksversammlung Nord', '', 'unclassified' as RoleCode), st('Rat', 'Entscheidung', 'decision', [row('2026-12-17')])],
    { organization: 'Rat', date: '2026-12-17' },
    [['Beratung in der Bezirksversammlung Nord: noch nicht beraten, kein Termin', false]],
  ],
  [
    'the first station: nothing before it',
    [st('Hauptausschuss', 'Vorberatung', 'preliminary', [row('2026-12-03')]), st('Rat', 'Entscheidung', 'decision')],
    { organization: 'Hauptausschuss', date: '2026-12-03' },
    [],
  ],
  [
    'the same committee deferred it before: that meeting and its result after the earlier stations',
    [st('Hauptausschuss', 'Vorberatung', 'preliminary', [row('2026-09-03', 'adopted', 'ungeändert beschlossen')]),
      st('Schulausschuss', 'Vorberatung', 'preliminary', [row('2026-10-01', 'deferred', 'vertagt'), row('2026-11-05', 'not-dealt', 'nicht behandelt'), row('2026-12-03')])],
    { organization: 'Schulausschuss', date: '2026-12-03' },
    [
      ['Vorberatung im Hauptausschuss am 03.09.2026: ungeändert beschlossen', true],
      ['Vorberatung im Schulausschuss am 01.10.2026: vertagt', true],
      ['Vorberatung im Schulausschuss am 05.11.2026: nicht behandelt', true],
    ],
  ],
  [
    'its own meeting and later ones are not earlier',
    [st('Schulausschuss', 'Vorberatung', 'preliminary', [row('2026-10-01', 'deferred', 'vertagt'), row('2026-12-03')])],
    { organization: 'Schulausschuss', date: '2026-10-01' },
    [],
  ],
  [
    'a committee the Beratungsfolge does not name: nothing',
    [st('Hauptausschuss', 'Vorberatung', 'preliminary', [row('2026-10-03', 'adopted', 'beschlossen')])],
    { organization: 'Sportausschuss', date: '2026-12-03' },
    [],
  ],
])('earlierStations: %s', (_name, consultation, at, expected) => {
  const pr = progress(paper(consultation), TODAY);
  expect(earlierStations(pr, at).map((e) => [e.text, e.settled])).toEqual(expected);
});
