/**
 * The RIS's own status wins where it speaks (progress() rules 3 and 6, station status rules):
 * table-driven — every station "Erledigt" means done; a deferral or referral with nothing after it
 * for more than RESTING_AFTER_DAYS is "ruht", whatever the station's status; a station keeps the
 * word the RIS shows beside the status ratsradar infers; a committee that met without a published
 * result awaits it and is never the next step.
 */
import type { ConsultationMeetingRecord, ConsultationRecord } from '../../scrapers/records';
import type { ResultCode, RoleCode } from '../../scrapers/shared/codes';
import { progress, RESTING_AFTER_DAYS, type PaperState, type StationState } from '../../src/domain/progress';
import { risStatusBeside } from '../../src/domain/stations';

const row = (date: string | null, resultCode: ResultCode = 'open', result: string | null = null): ConsultationMeetingRecord =>
  ({ date, name: null, meetingSourceId: null, agendaItemSourceId: null, result, resultCode });
const st = (organization: string, role: string | null, roleCode: RoleCode | null, meetings: ConsultationMeetingRecord[] = [], stationStatus: string | null = null): ConsultationRecord =>
  ({ organization, role, roleCode, stationStatus, meetings });

interface Case {
  name: string;
  consultation: ConsultationRecord[];
  today: string;
  state: PaperState;
  stations: StationState[];
  /** the word the RIS shows per station (kept beside the inferred status) */
  shown?: (string | null)[];
  next?: string | null;
  awaiting?: string | null;
  explanation?: string;
}

const CASES: Case[] = [
  {
    name: 'every station "Erledigt", the deciding one without a result (Landkreis Osnabrück VO/2026/181) → closed ("erledigt": adopted, rejected or withdrawn, the page does not say)',
    consultation: [
      st('Ausschuss für Planen und Bauen', 'Beratung', 'preliminary', [row('2026-09-03', 'adopted', 'ungeändert beschlossen')], 'Erledigt'),
      st('Kreisausschuss', 'Beratung', 'preliminary', [row('2026-09-21')], 'Erledigt'),
      st('Kreistag', 'Entscheidung', 'decision', [row('2026-09-28')], 'Erledigt'),
    ],
    today: '2026-11-24', state: 'closed', stations: ['done', 'done', 'done'], next: null, awaiting: null,
    explanation: 'Erledigt: alle Stationen sind im RIS als „Erledigt“ markiert, zuletzt Kreistag (Entscheidung) am 28.09.2026; ein Ergebnis ist nicht angegeben.',
  },
  {
    name: 'every station "Erledigt", the deciding one a Kenntnisnahme → noted',
    consultation: [st('Bauausschuss', 'Kenntnisnahme', 'notice', [row('2026-09-03')], 'Erledigt')],
    today: '2026-11-24', state: 'noted', stations: ['done'],
  },
  {
    name: 'every station "Erledigt" with a decisive result → as the result says',
    consultation: [st('Rat', 'Entscheidung', 'decision', [row('2026-09-03', 'rejected', 'abgelehnt')], 'Erledigt')],
    today: '2026-11-24', state: 'rejected', stations: ['done'],
  },
  {
    name: 'every station "Erledigt" but a meeting still to come → not done (the RIS contradicts itself; the meeting is ahead)',
    consultation: [
      st('Kreisausschuss', 'Beratung', 'preliminary', [row('2026-09-21')], 'Erledigt'),
      st('Kreistag', 'Entscheidung', 'decision', [row('2026-12-03')], 'Erledigt'),
    ],
    today: '2026-11-24', state: 'in-deliberation', stations: ['done', 'done'],
  },
  {
    name: 'the deciding station not yet "Erledigt" → still in deliberation',
    consultation: [
      st('Kreisausschuss', 'Beratung', 'preliminary', [row('2026-09-21')], 'Erledigt'),
      st('Kreistag', 'Entscheidung', 'decision', [], 'Geplant'),
    ],
    today: '2026-11-24', state: 'in-deliberation', stations: ['done', 'planned'], shown: ['Erledigt', 'Geplant'], next: 'Kreistag',
  },
  {
    name: 'the RIS says "Geplant" though the meeting has passed without a result: the status ratsradar infers beside the RIS\'s word; awaiting, no next step',
    consultation: [st('Hauptausschuss', null, null, [row('2026-07-07')], 'Geplant')],
    today: '2026-11-24', state: 'in-deliberation', stations: ['current'], shown: ['Geplant'], next: null, awaiting: 'Hauptausschuss',
    explanation: 'In Beratung: Hauptausschuss, Sitzung am 07.07.2026, Ergebnis noch nicht veröffentlicht.',
  },
  {
    name: 'a Vorberatung held without a result, a later station planned: the later one is the next step',
    consultation: [st('Hauptausschuss', 'Vorberatung', 'preliminary', [row('2026-11-03')]), st('Rat', 'Entscheidung', 'decision')],
    today: '2026-11-24', state: 'in-deliberation', stations: ['done', 'planned'], next: 'Rat', awaiting: null,
  },
  {
    name: `deferred, nothing after it for ${RESTING_AFTER_DAYS + 1} days → ruht`,
    consultation: [st('Hauptausschuss', 'Vorberatung', 'preliminary', [row('2026-08-24', 'deferred', 'vertagt')]), st('Rat', 'Entscheidung', 'decision')],
    // the Hauptausschuss that deferred it is no next step after so long: it met on it and nothing is coming
    today: '2026-11-23', state: 'stalled', stations: ['current', 'planned'], next: null,
    explanation: 'Ruht: seit dem 24.08.2026 (Hauptausschuss, „vertagt“) ist nichts geschehen und nichts geplant.',
  },
  {
    name: `deferred, nothing after it for ${RESTING_AFTER_DAYS} days → still in deliberation`,
    consultation: [st('Hauptausschuss', 'Vorberatung', 'preliminary', [row('2026-08-24', 'deferred', 'vertagt')]), st('Rat', 'Entscheidung', 'decision')],
    today: '2026-11-22', state: 'in-deliberation', stations: ['current', 'planned'],
  },
  {
    name: 'referred (the station is done), nothing after it for more than the limit → ruht the same way',
    consultation: [st('Rat', 'Beratung', 'preliminary', [row('2026-08-01', 'referred', 'verwiesen in den Fachausschuss')]), st('Fachausschuss', 'Vorberatung', 'preliminary'), st('Rat', 'Entscheidung', 'decision')],
    today: '2026-11-24', state: 'stalled', stations: ['done', 'planned', 'planned'], next: 'Fachausschuss',
  },
  {
    name: 'referred by a station the RIS shows "Erledigt": ruht too',
    consultation: [st('Rat', 'Beratung', 'preliminary', [row('2026-08-01', 'referred', 'verwiesen')], 'Erledigt'), st('Fachausschuss', 'Vorberatung', 'preliminary', [], 'Geplant'), st('Rat', 'Entscheidung', 'decision', [], 'Geplant')],
    today: '2026-11-24', state: 'stalled', stations: ['done', 'planned', 'planned'], shown: ['Erledigt', 'Geplant', 'Geplant'],
  },
  {
    name: 'not-dealt ("nicht behandelt") counts as a deferral',
    consultation: [st('Hauptausschuss', 'Vorberatung', 'preliminary', [row('2026-06-01', 'not-dealt', 'nicht behandelt')])],
    today: '2026-11-24', state: 'stalled', stations: ['current'],
  },
  {
    name: 'a deferral followed by a coming meeting never rests',
    consultation: [st('Hauptausschuss', 'Vorberatung', 'preliminary', [row('2026-06-01', 'deferred', 'vertagt'), row('2026-12-03')])],
    today: '2026-11-24', state: 'scheduled', stations: ['current'],
  },
  {
    name: 'a deferral followed by a decision elsewhere is not the last word: no rest',
    consultation: [st('Hauptausschuss', 'Vorberatung', 'preliminary', [row('2026-06-01', 'deferred', 'vertagt')]), st('Finanzausschuss', 'Vorberatung', 'preliminary', [row('2026-10-01', 'adopted', 'beschlossen')]), st('Rat', 'Entscheidung', 'decision')],
    today: '2026-11-24', state: 'in-deliberation', stations: ['current', 'done', 'planned'],
  },
];

describe('the RIS\'s own status wins where it speaks', () => {
  test.each(CASES.map((c) => [c.name, c]))('%s', (_name, c) => {
    const pr = progress({ consultation: c.consultation }, c.today);
    expect(pr.state).toBe(c.state);
    expect(pr.stations.map((s) => s.status)).toEqual(c.stations);
    if (c.shown) expect(pr.stations.map((s) => s.stationStatus)).toEqual(c.shown);
    if (c.next !== undefined) expect(pr.next?.organization ?? null).toBe(c.next);
    if (c.awaiting !== undefined) expect(pr.awaiting?.organization ?? null).toBe(c.awaiting);
    if (c.explanation) expect(pr.explanation).toBe(c.explanation);
  });

  test('RESTING_AFTER_DAYS is the documented 90 days', () => {
    expect(RESTING_AFTER_DAYS).toBe(90);
  });
});

describe('the station status as the RIS shows it, beside the one ratsradar infers', () => {
  test.each([
    ['Geplant', [row('2026-07-07')], 'Geplant', 'current'], // met, no result, the RIS has not closed it: "aktuell (im RIS: Geplant)"
    ['Geplant', [row('2026-07-07', 'adopted', 'beschlossen')], 'Geplant', 'done'],
    ['Erledigt', [row('2026-07-07')], null, 'done'],
    ['Gestoppt', [], null, 'stopped'],
    ['Bereit', [], null, 'planned'],
    ['In Bearbeitung', [], 'In Bearbeitung', 'planned'],
    [null, [row('2026-07-07', 'adopted', 'beschlossen')], null, 'done'],
  ] as [string | null, ConsultationMeetingRecord[], string | null, StationState][])('RIS %s → shown beside: %s', (shown, meetings, beside, status) => {
    const pr = progress({ consultation: [st('Hauptausschuss', 'Vorberatung', 'preliminary', meetings, shown), st('Rat', 'Entscheidung', 'decision')] }, '2026-11-24');
    expect([pr.stations[0].status, risStatusBeside(pr.stations[0])]).toEqual([status, beside]);
  });

  test('a "Geplant" station that met without a result is done once the paper has moved on past it (a later result or a later station shown finished)', () => {
    const met = () => st('Ortsrat', 'Anhörung', 'hearing', [row('2026-08-25')], 'Geplant');
    const today = '2026-11-24';
    // a later station with a result: the paper went on
    const resulted = progress({ consultation: [met(), st('Fachausschuss', 'Vorberatung', 'preliminary', [row('2026-09-01', 'adopted', 'beschlossen')]), st('Rat', 'Entscheidung', 'decision')] }, today);
    expect(resulted.stations.map((s) => s.status)).toEqual(['done', 'done', 'planned']);
    expect(resulted.awaiting).toBeNull();
    expect(resulted.next?.organization).toBe('Rat');
    // a later station shown "Erledigt" (no row): the same
    const shownDone = progress({ consultation: [met(), st('Fachausschuss', 'Vorberatung', 'preliminary', [], 'Erledigt'), st('Rat', 'Entscheidung', 'decision')] }, today);
    expect(shownDone.stations[0].status).toBe('done');
    // a later station that met without a result proves nothing: both await their results, the later one is named
    const both = progress({ consultation: [met(), st('Fachausschuss', 'Vorberatung', 'preliminary', [row('2026-09-01')], 'Geplant'), st('Rat', 'Entscheidung', 'decision')] }, today);
    expect(both.stations.map((s) => [s.status, s.awaitingResult])).toEqual([['current', true], ['current', true], ['planned', false]]);
    expect(both.awaiting?.organization).toBe('Fachausschuss');
    expect(both.currentStation).toBe(1);
    expect(both.next?.organization).toBe('Rat');
    // without a status of the RIS (ALLRIS 3 classic, OParl) a past row without a result still closes a preliminary station
    const none = progress({ consultation: [st('Ortsrat', 'Anhörung', 'hearing', [row('2026-08-25')]), st('Rat', 'Entscheidung', 'decision')] }, today);
    expect(none.stations[0].status).toBe('done');
  });
});
