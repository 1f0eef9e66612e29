/**
 * loadMeetingAgenda, the meeting page's view model, read directly (no HTTP, no template) for the
 * demo's coming Rat of 17.12.2026 in the web tests' database on 2026-11-24; checkStatusLabel as a table.
 */
import { checkStatusLabel, loadMeetingAgenda } from '../../../src/server/views/meeting-view';
import { buildFixtureApp, TODAY, type FixtureApp } from '../fixture-app';

describe('loadMeetingAgenda (the Rat of 17.12.2026, seen on 2026-11-24)', () => {
  let f: FixtureApp;
  let agenda: NonNullable<ReturnType<typeof loadMeetingAgenda>>;

  beforeAll(() => {
    f = buildFixtureApp();
    const id = f.opened.sqlite.prepare("SELECT id FROM meetings WHERE external_id = '4103'").pluck().get() as number;
    agenda = loadMeetingAgenda(f.opened.sqlite, id, TODAY)!;
  });
  afterAll(() => f.cleanup());

  test('the meeting: a coming one of the Rat, with its committee, time and room', () => {
    const m = agenda.meeting;
    expect([m.name, m.organization, m.date, m.start, m.room, m.sourceKey, agenda.future]).toEqual([
      'Sitzung des Rates der Stadt Musterstadt', 'Rat der Stadt Musterstadt', '2026-12-17', '17:00', 'Ratssaal, Rathaus Musterstadt', 'demo-musterstadt', true,
    ]);
  });

  test('per item: public or not, the check status, and the earlier stations of its motion', () => {
    expect(agenda.items.map((i) => [i.number, i.paperReference, i.publicLabel, i.checkStatus, i.check?.blocking ?? null])).toEqual([
      ['1', null, 'Ö', null, null],
      ['2', 'DS/2026/0123', 'Ö', 'Vorstation ausstehend', false],
      ['3', 'DS/2026/0301', 'Ö', 'bereit', null],
      ['4', 'DS/2026/0342', 'Ö', 'Vorstation offen', true],
      ['5', null, 'N', null, null],
    ]);
    expect(agenda.items[1].earlier).toEqual([
      { stationIndex: 0, settled: true, text: 'Vorberatung im Ausschuss für Digitalisierung und Smart City am 14.10.2026: ungeändert beschlossen' },
      { stationIndex: 1, settled: false, text: 'Vorberatung im Hauptausschuss: noch nicht beraten, Termin 03.12.2026' },
    ]);
    expect(agenda.items[3].earlier).toEqual([
      { stationIndex: 0, settled: false, text: 'Vorberatung im Ausschuss für Digitalisierung und Smart City: noch nicht beraten, kein Termin' },
    ]);
    // every motion on the agenda is derived for the day
    expect([...agenda.progress.keys()].sort((a, b) => a - b)).toEqual(
      agenda.items.map((i) => i.paperId).filter((x): x is number => x != null).sort((a, b) => a - b),
    );
  });

  test('no meeting of that id: null', () => {
    expect(loadMeetingAgenda(f.opened.sqlite, 999999, TODAY)).toBeNull();
  });
});

describe('checkStatusLabel', () => {
  test.each([
    [null, 'bereit'],
    [{ blocking: false, messages: ['x'] }, 'Vorstation ausstehend'],
    [{ blocking: true, messages: ['x'] }, 'Vorstation offen'],
  ])('%j → %s', (check, label) => {
    expect(checkStatusLabel(check)).toBe(label);
  });
});
