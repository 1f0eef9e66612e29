/** Records link up whatever order they arrive in; HTML and OParl records of one object merge into one row. */
import path from 'node:path';
import { openDb } from '../../src/db/connection';
import { importRecords } from '../../src/db/import';
import type { MeetingRecord, OrganizationRecord, PaperRecord } from '../../scrapers/records';
import { makeTmpDir } from '../helpers/tmp';
import { paper, station } from '../helpers/records';

const SOURCE = { key: 'city', name: 'Stadt' };
const NOW = '2026-11-24T10:00:00Z';

// Hand-made records in the shapes the parsers produce.
const motion: PaperRecord = paper({
  sourceId: '5001',
  reference: '22-1000',
  consultation: [
    station('Hauptausschuss', 'Vorberatung', [
      { date: '2026-09-01', name: 'Sitzung des Hauptausschusses', meetingSourceId: '900', agendaItemSourceId: '7001', result: 'vertagt', resultCode: 'deferred' },
    ]),
    station('Bezirksversammlung', 'Entscheidung', [
      // no ids: linked by date and committee
      { date: '2026-10-01', name: 'Sitzung der Bezirksversammlung', meetingSourceId: null, agendaItemSourceId: null, result: null, resultCode: 'open' },
    ]),
  ],
});

const meeting900: MeetingRecord = {
  type: 'Meeting', format: 1, system: 'allris3', systemVersion: '3.9.5', sourceId: '900',
  url: 'https://ris.example/bi/to010.asp?SILFDNR=900', name: 'Sitzung des Hauptausschusses', organization: 'Hauptausschuss',
  organizationSourceId: '42', date: '2026-09-01', start: '18:00', end: null, room: 'Saal 1', location: null, statusText: 'öffentlich',
  agendaItem: [
    { number: '1', public: true, sourceId: '7000', name: 'Eröffnung', paperReference: null, paperSourceId: null, result: null, resultCode: 'open' },
    { number: '2', public: true, sourceId: '7001', name: 'Antrag', paperReference: '22-1000', paperSourceId: '5001', result: 'vertagt', resultCode: 'deferred' },
    { number: '3', public: false, sourceId: null, name: null, paperReference: null, paperSourceId: null, result: null, resultCode: 'open' },
  ],
};

const meetingBv: MeetingRecord = {
  ...meeting900, sourceId: '901', url: null, name: 'Sitzung der Bezirksversammlung', organization: 'Bezirksversammlung',
  organizationSourceId: null, date: '2026-10-01', agendaItem: [
    { number: '5', public: true, sourceId: '7100', name: 'Antrag', paperReference: '22-1000', paperSourceId: null, result: null, resultCode: 'open' },
  ],
};

const committee: OrganizationRecord = {
  type: 'Organization', format: 1, system: 'allris3', systemVersion: '3.9.5', sourceId: '42',
  url: 'https://ris.example/bi/au020.asp?AULFDNR=42', name: 'Hauptausschuss',
  members: [{ name: 'Muster, Erika', role: 'Vorsitzende', group: 'Fraktion A' }, { name: 'Beispiel, Max', role: 'Mitglied', group: 'Fraktion B' }],
};

function linkState(sqlite: import('better-sqlite3').Database) {
  return {
    rows: sqlite.prepare(`SELECT cm.meeting_source_id AS sid, m.source_record_id AS meeting, a.source_record_id AS item
      FROM consultation_meetings cm LEFT JOIN meetings m ON m.id = cm.meeting_id LEFT JOIN agenda_items a ON a.id = cm.agenda_item_id
      ORDER BY cm.id`).all(),
    items: sqlite.prepare(`SELECT a.entity_key AS key, a.number, m.source_record_id AS meeting, p.reference AS paper
      FROM agenda_items a LEFT JOIN meetings m ON m.id = a.meeting_id LEFT JOIN papers p ON p.id = a.paper_id ORDER BY a.entity_key`).all(),
    meetingOrg: sqlite.prepare('SELECT m.source_record_id AS meeting, o.name AS org FROM meetings m LEFT JOIN organizations o ON o.id = m.organization_id ORDER BY m.source_record_id').all(),
  };
}

describe('linking', () => {
  const tmp = makeTmpDir();
  afterAll(tmp.cleanup);

  const expected = {
    rows: [
      { sid: '900', meeting: '900', item: '7001' },
      { sid: null, meeting: '901', item: '7100' },
    ],
    items: [
      { key: '7000', number: '1', meeting: '900', paper: null },
      { key: '7001', number: '2', meeting: '900', paper: '22-1000' },
      { key: '7100', number: '5', meeting: '901', paper: '22-1000' },
      { key: '900#2', number: '3', meeting: '900', paper: null },
    ],
    meetingOrg: [
      { meeting: '900', org: 'Hauptausschuss' },
      { meeting: '901', org: null },
    ],
  };

  test.each([
    ['paper first', [[motion], [meeting900, meetingBv], [committee]]],
    ['meetings first', [[meeting900, meetingBv], [committee], [motion]]],
    ['all at once, committee first', [[committee, meetingBv, motion, meeting900]]],
  ] as const)('%s', (name, batches) => {
    const { sqlite, close } = openDb(path.join(tmp.dir, `${name.replace(/\W+/g, '-')}.sqlite`));
    try {
      for (const batch of batches) importRecords(sqlite, SOURCE, [...batch], NOW);
      expect(linkState(sqlite)).toEqual(expected);
      const members = sqlite.prepare(`SELECT p.name, m.role, m.group_name AS grp FROM memberships m JOIN people p ON p.id = m.person_id ORDER BY m.position`).all();
      expect(members).toEqual([
        { name: 'Muster, Erika', role: 'Vorsitzende', grp: 'Fraktion A' },
        { name: 'Beispiel, Max', role: 'Mitglied', grp: 'Fraktion B' },
      ]);
    } finally {
      close();
    }
  });

  test('re-importing everything changes nothing and keeps the links', () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'again.sqlite'));
    try {
      const first = importRecords(sqlite, SOURCE, [motion, meeting900, meetingBv, committee], NOW);
      expect(first.byKind.Paper).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
      expect(first.byKind.Meeting).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
      expect(first.byKind.AgendaItem).toEqual({ inserted: 4, updated: 0, unchanged: 0 });
      expect(first.byKind.Organization).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
      const again = importRecords(sqlite, SOURCE, [motion, meeting900, meetingBv, committee], '2026-11-25T10:00:00Z');
      expect([again.inserted, again.updated]).toEqual([0, 0]);
      expect(again.unchanged).toBe(8);
      expect(linkState(sqlite)).toEqual(expected);
    } finally {
      close();
    }
  });
});

describe('an HTML and an OParl record of the same paper', () => {
  const tmp = makeTmpDir();
  afterAll(tmp.cleanup);

  const html = paper({
    system: 'allris4', sourceId: '1001737', reference: '2026/245', name: 'Bildungscampus', files: [{ name: 'Vorlage', url: null }],
    consultation: [station('Rat', 'Entscheidung', [], 'Geplant')],
  });
  const oparl = paper({
    system: 'oparl', systemVersion: '1.1', sourceId: 'https://ris.example/public/oparl/papers?id=1001737',
    url: null, reference: '2026/245', name: 'Bildungscampus', paperType: null, statusText: null, public: null, originator: [],
    date: '2026-05-04', files: [{ name: 'Vorlage', url: 'https://ris.example/public/doc?DOLFDNR=1' }],
    consultation: [{ organization: 'Rat', role: 'Entscheidung', roleCode: 'decision', stationStatus: null, meetings: [] }],
  });

  test.each([['HTML first', [html, oparl]], ['OParl first', [oparl, html]]] as const)('%s: one row, each field remembers its source', (_n, order) => {
    const { sqlite, close } = openDb(path.join(tmp.dir, `${order[0].system}.sqlite`));
    try {
      for (const r of order) importRecords(sqlite, SOURCE, [r], NOW);
      const rows = sqlite.prepare('SELECT source_record_id, oparl_id, date, files, provenance FROM papers').all() as Record<string, string>[];
      expect(rows).toHaveLength(1);
      expect(rows[0].source_record_id).toBe('1001737');
      expect(rows[0].oparl_id).toBe('https://ris.example/public/oparl/papers?id=1001737');
      expect(rows[0].date).toBe('2026-05-04');
      const provenance = JSON.parse(rows[0].provenance);
      expect(provenance).toMatchObject({ consultation: 'allris4', date: 'oparl', files: 'allris4', reference: 'allris4', paperType: 'allris4' });
      // the station status only HTML knows survives
      expect(sqlite.prepare('SELECT station_status FROM consultations').pluck().all()).toEqual(['Geplant']);
    } finally {
      close();
    }
  });
});
