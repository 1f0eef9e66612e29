/** deriveEvents: a motion's facts before and after an import → its change events, table-tested (src/domain/derive-events.ts). */
import type { ConsultationMeetingRecord } from '../../scrapers/records';
import type { ResultCode, RoleCode } from '../../scrapers/shared/codes';
import { deriveEvents, type EventFacts } from '../../src/domain/derive-events';

const TODAY = '2026-11-24';
const row = (date: string | null, resultCode: ResultCode = 'open', meetingSourceId: string | null = null): ConsultationMeetingRecord =>
  ({ date, name: null, meetingSourceId, agendaItemSourceId: null, result: null, resultCode });
const st = (organization: string | null, roleCode: RoleCode, meetings: ConsultationMeetingRecord[] = [], stationStatus: string | null = null) =>
  ({ organization, roleCode, stationStatus, meetings });
const facts = (consultation: EventFacts['consultation'], files: string[] = [], date: string | null = '2026-09-22'): EventFacts =>
  ({ date, consultation, files: files.map((name) => ({ name, url: `https://x.example/${name}` })) });

/** the facts with ALLRIS 4 documents: name and the doc id of their `wicket/resource` address */
const wicket = (f: EventFacts, ...docs: [string, number][]): EventFacts =>
  ({ ...f, files: docs.map(([name, id]) => ({ name, url: `https://ris.example/public/wicket/resource/org.apache.wicket.Application/doc${id}.pdf` })) });

const BASE = facts([st('Digitalausschuss', 'preliminary', [row('2026-10-14', 'adopted', '4101')]), st('Hauptausschuss', 'preliminary', [row('2026-12-03', 'open', '4102')]), st('Rat', 'decision')], ['Vorlage']);

/** [name, before, after, expected (kind, committee, key part of the payload)] */
const CASES: [string, EventFacts | null, EventFacts, [string, string | null, Record<string, unknown>][]][] = [
  ['a new motion is one "new" event', null, BASE, [['new', null, { date: '2026-09-22' }]]],
  ['the same facts again: nothing', BASE, BASE, []],
  ['a result published', BASE,
    facts([BASE.consultation[0], st('Hauptausschuss', 'preliminary', [row('2026-12-03', 'adopted', '4102')]), BASE.consultation[2]], ['Vorlage']),
    [['result', 'Hauptausschuss', { date: '2026-12-03', result: 'adopted', row: 'Hauptausschuss|preliminary|0|0' }]]],
  ['a date set for a station without one', BASE,
    facts([BASE.consultation[0], BASE.consultation[1], st('Rat', 'decision', [row('2026-12-17', 'open', '4103')])], ['Vorlage']),
    [['date_set', 'Rat', { date: '2026-12-17', role: 'decision', row: 'Rat|decision|0|0' }]]],
  ['a date moved (same meeting row, no meeting id)', facts([st('Rat', 'decision', [row('2026-12-17')])]), facts([st('Rat', 'decision', [row('2027-01-14')])]),
    [['date_moved', 'Rat', { from: '2026-12-17', to: '2027-01-14', row: 'Rat|decision|0|0' }]]],
  ['a date moved to another meeting of the RIS', facts([st('Rat', 'decision', [row('2026-12-17', 'open', '4103')])]), facts([st('Rat', 'decision', [row('2027-01-14', 'open', '4110')])]),
    [['date_moved', 'Rat', { from: '2026-12-17', to: '2027-01-14', row: 'Rat|decision|0|0' }]]],
  ['a station added at the end', facts([st('Rat', 'decision')]), facts([st('Rat', 'decision'), st('Kreistag', 'decision')]),
    [['station_added', 'Kreistag', { role: 'decision' }]]],
  ['a station removed: the Beratungsfolge changed', facts([st('A', 'preliminary'), st('Rat', 'decision')]), facts([st('Rat', 'decision')]),
    [['consultation_changed', null, { stations: 1, previousStations: 2 }]]],
  ['stations reordered', facts([st('A', 'preliminary'), st('B', 'preliminary')]), facts([st('B', 'preliminary'), st('A', 'preliminary')]),
    [['consultation_changed', null, { stations: 2, previousStations: 2 }]]],
  ['a station stopped', facts([st('Rat', 'decision', [], 'Geplant')]), facts([st('Rat', 'decision', [], 'Gestoppt')]),
    [['state', 'Rat', { status: 'stopped', previousStatus: 'planned' }]]],
  ['a document added', BASE, facts(BASE.consultation, ['Vorlage', 'Stellungnahme']), [['document', null, { file: 'Stellungnahme' }]]],
  // ALLRIS 4 makes a document's address anew per page version ("doc-IDs instabil"): the same name is the same document
  ['ALLRIS 4: the same documents at new addresses: nothing', wicket(BASE, ['Vorlage', 1001]), wicket(BASE, ['Vorlage', 2001]), []],
  ['ALLRIS 4: a document of a new name, and a second of the same name', wicket(BASE, ['Vorlage', 1001], ['Anlage', 1002]),
    wicket(BASE, ['Vorlage', 2001], ['Anlage', 2002], ['Anlage', 2003], ['Stellungnahme', 2004]),
    [['document', null, { file: 'Anlage' }], ['document', null, { file: 'Stellungnahme' }]]],
  ['ALLRIS 3: another address of the same name is another document', facts(BASE.consultation, ['Vorlage']),
    { ...BASE, files: [{ name: 'Vorlage', url: 'https://x.example/do027.asp?DOLFDNR=2' }] }, [['document', null, { file: 'Vorlage' }]]],
  ['a result changed from deferred to adopted is a new result', facts([st('Rat', 'decision', [row('2026-11-20', 'deferred')])]), facts([st('Rat', 'decision', [row('2026-11-20', 'adopted')])]),
    [['result', 'Rat', { result: 'adopted' }]]],
  ['history is no news: a result of a meeting long ago', facts([st('Rat', 'decision', [row('2025-01-20')])]), facts([st('Rat', 'decision', [row('2025-01-20', 'adopted')])]), []],
  ['a station’s committee named since (an OParl station, its Organization read later) is no change',
    facts([st(null, 'decision', [row('2026-12-17', 'open', '4103')])]), facts([st('Rat', 'decision', [row('2026-12-17', 'open', '4103')])]), []],
  ['a result at a station named since is its result', facts([st(null, 'decision', [row('2026-11-20', 'open', '4103')])]),
    facts([st('Rat', 'decision', [row('2026-11-20', 'adopted', '4103')])]), [['result', 'Rat', { result: 'adopted', row: 'Rat|decision|0|0' }]]],
  ['a named station of another role is not the unnamed one', facts([st(null, 'preliminary')]), facts([st('Rat', 'decision')]),
    [['station_added', 'Rat', { role: 'decision' }], ['consultation_changed', null, { stations: 1, previousStations: 1 }]]],
  ['a new station with a date and a result gives all three', facts([]), facts([st('Rat', 'decision', [row('2026-11-20', 'adopted', '9')])]),
    [['station_added', 'Rat', { role: 'decision' }], ['date_set', 'Rat', { date: '2026-11-20' }], ['result', 'Rat', { result: 'adopted' }]]],
];

describe('deriveEvents', () => {
  test.each(CASES)('%s', (_name, before, after, expected) => {
    const events = deriveEvents(before, after, TODAY);
    expect(events.map((e) => [e.kind, e.committee])).toEqual(expected.map(([k, c]) => [k, c]));
    events.forEach((e, i) => {
      expect(e.payload).toMatchObject(expected[i][2]);
    });
    // keys are unique and stable: the same comparison gives the same keys
    expect(new Set(events.map((e) => e.key)).size).toBe(events.length);
    expect(deriveEvents(before, after, TODAY).map((e) => e.key)).toEqual(events.map((e) => e.key));
  });

  test('the vote of a result comes from the row\'s agenda item', () => {
    const before = facts([st('Rat', 'decision', [row('2026-11-20')])]);
    const after = facts([st('Rat', 'decision', [row('2026-11-20', 'adopted')])]);
    const [e] = deriveEvents(before, after, TODAY, () => ({ yes: 30, no: 0, abstain: 0 }));
    expect(e.payload.vote).toEqual({ yes: 30, no: 0, abstain: 0 });
  });
});
