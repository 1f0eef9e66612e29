/** The change log's rows: codes → German text (changeText), display text → codes (decodeDisplayText), and the diff that writes codes. */
import { changeText, decodeDisplayText, encodeWhere, type StoredChange } from '../../src/domain/change-text';
import { diffPaperSnapshots, type PaperSnapshot } from '../../src/db/history';

const where = (w: Parameters<typeof encodeWhere>[0]) => encodeWhere(w);

describe('changeText: codes in German', () => {
  test.each<[StoredChange, string, string, string, string]>([
    [{ field: 'name', context: '', oldValue: 'Radweg', newValue: 'Radweg Nord' }, 'Betreff', '', 'Radweg', 'Radweg Nord'],
    [{ field: 'date', context: '', oldValue: null, newValue: '2026-09-22' }, 'Datum', '', '–', '22.09.2026'],
    [{ field: 'stationStatus', context: where({ station: 2, organization: 'Bauausschuss', role: 'Vorberatung' }), oldValue: 'Geplant', newValue: 'Erledigt' },
      'Stand der Station', '2. Bauausschuss (Vorberatung)', 'Geplant', 'Erledigt'],
    [{ field: 'meetingDate', context: where({ station: 1, organization: null, role: null, meeting: 2 }), oldValue: '2026-10-01', newValue: null },
      'Sitzungstermin', '1. unbekanntes Gremium, 2. Sitzung', '01.10.2026', '–'],
    [{ field: 'result', context: where({ station: 1, organization: 'Stadtrat', role: null, meetingDate: null }), oldValue: null, newValue: 'vertagt' },
      'Ergebnis', '1. Stadtrat, Sitzung am ohne Datum', '–', 'vertagt'],
    [{ field: 'result', context: where({ station: 1, organization: 'Stadtrat', role: null, meetingDate: '2026-09-24' }), oldValue: null, newValue: 'beschlossen' },
      'Ergebnis', '1. Stadtrat, Sitzung am 24.09.2026', '–', 'beschlossen'],
    [{ field: 'meetings', context: where({ station: 1, organization: 'Stadtrat', role: null }), oldValue: '["2026-09-17"]', newValue: '["2026-09-17",null]' },
      'Sitzungen', '1. Stadtrat', '17.09.2026', '17.09.2026, ohne Datum'],
    [{ field: 'consultation', context: '', oldValue: '[["A","Vorberatung"]]', newValue: '[["A","Vorberatung"],[null,null]]' },
      'Beratungsfolge', '', 'A (Vorberatung)', 'A (Vorberatung) → unbekanntes Gremium'],
  ])('%j', (c, label, context, oldValue, newValue) => {
    expect(changeText(c)).toEqual({ label, context, oldValue, newValue });
  });

  test('a place is stored with its keys in one order, so that equal places compare equal', () => {
    expect(encodeWhere({ meetingDate: null, role: 'R', organization: 'O', station: 3 })).toBe('{"station":3,"organization":"O","role":"R","meetingDate":null}');
  });
});

describe('decodeDisplayText: German display text back to codes, only where it renders alike', () => {
  test.each<[string, string, string | null, string | null, StoredChange | null]>([
    ['date', '', '22.09.2026', null, { field: 'date', context: '', oldValue: '2026-09-22', newValue: null }],
    ['meetings', '1. A (B)', '17.09.2026, ohne Datum', null,
      { field: 'meetings', context: '{"station":1,"organization":"A","role":"B"}', oldValue: '["2026-09-17",null]', newValue: null }],
    ['consultation', '', 'A → unbekanntes Gremium (B)', null, { field: 'consultation', context: '', oldValue: '[["A",null],[null,"B"]]', newValue: null }],
    ['result', '12. X, Sitzung am 01.02.2026', 'a', 'b',
      { field: 'result', context: '{"station":12,"organization":"X","role":null,"meetingDate":"2026-02-01"}', oldValue: 'a', newValue: 'b' }],
    ['date', '', '2026-09-22T10:00:00', null, null], // the old code showed it as it was; today it would be "22.09.2026"
    ['result', 'Sitzung vom 3.9.', 'a', 'b', null],
    ['meetings', '1. A', '17.9.2026', null, null],
    ['votes', '', '3', '4', null],
  ])('%s %p %p → %j', (field, context, oldValue, newValue, out) => {
    expect(decodeDisplayText(field, context, oldValue, newValue)).toEqual(out);
  });
});

describe('diffPaperSnapshots writes codes and ISO dates', () => {
  const station = (organization: string | null, status: string, dates: (string | null)[], result: string | null = null) => ({
    organization, role: 'Vorberatung', status, meetings: dates.map((date) => ({ date, name: null, result })),
  });
  const paper = (stations: PaperSnapshot['stations'], date = '2026-09-01'): PaperSnapshot => ({ name: 'Radweg', date, statusText: null, stations });

  test('a station and its meeting', () => {
    const before = paper([station('Bauausschuss', 'Geplant', ['2026-09-17'])]);
    const after = paper([station('Bauausschuss', 'Erledigt', ['2026-09-24'], 'beschlossen')], '2026-09-02');
    const at = { station: 1, organization: 'Bauausschuss', role: 'Vorberatung' };
    expect(diffPaperSnapshots(before, after)).toEqual([
      { field: 'date', context: '', oldValue: '2026-09-01', newValue: '2026-09-02' },
      { field: 'stationStatus', context: encodeWhere(at), oldValue: 'Geplant', newValue: 'Erledigt' },
      { field: 'meetingDate', context: encodeWhere(at), oldValue: '2026-09-17', newValue: '2026-09-24' },
      { field: 'result', context: encodeWhere({ ...at, meetingDate: '2026-09-24' }), oldValue: null, newValue: 'beschlossen' },
    ]);
  });

  test('a new meeting row, and a changed Beratungsfolge', () => {
    const one = paper([station('A', 'Geplant', ['2026-09-17'])]);
    expect(diffPaperSnapshots(one, paper([station('A', 'Geplant', ['2026-09-17', ''])]))).toEqual([
      { field: 'meetings', context: encodeWhere({ station: 1, organization: 'A', role: 'Vorberatung' }), oldValue: '["2026-09-17"]', newValue: '["2026-09-17",null]' },
    ]);
    expect(diffPaperSnapshots(one, paper([station('A', 'Geplant', []), station(null, 'Geplant', [])]))).toEqual([
      { field: 'consultation', context: '', oldValue: '[["A","Vorberatung"]]', newValue: '[["A","Vorberatung"],[null,"Vorberatung"]]' },
    ]);
    expect(diffPaperSnapshots(one, one)).toEqual([]);
  });

  test('a committee\'s name learnt at a station\'s place, with its role, is no change; another role is', () => {
    const unnamed = paper([station(null, 'Geplant', ['2026-09-17']), station(null, 'Geplant', [])]);
    expect(diffPaperSnapshots(unnamed, paper([station('A', 'Geplant', ['2026-09-17']), station(null, 'Geplant', [])]))).toEqual([]);
    expect(diffPaperSnapshots(unnamed, paper([station('A', 'Geplant', ['2026-09-24']), station('B', 'Geplant', [])]))).toEqual([
      { field: 'meetingDate', context: encodeWhere({ station: 1, organization: 'A', role: 'Vorberatung' }), oldValue: '2026-09-17', newValue: '2026-09-24' },
    ]);
    const decision = { ...station('A', 'Geplant', ['2026-09-17']), role: 'Entscheidung' };
    expect(diffPaperSnapshots(unnamed, paper([decision, station(null, 'Geplant', [])]))).toEqual([
      { field: 'consultation', context: '', oldValue: '[[null,"Vorberatung"],[null,"Vorberatung"]]', newValue: '[["A","Entscheidung"],[null,"Vorberatung"]]' },
    ]);
  });
});
