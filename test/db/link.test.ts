/** Records link up whatever order they arrive in; HTML and OParl records of one object merge into one row. */
import path from 'node:path';
import { openDb } from '../../src/db/connection';
import { importRecords } from '../../src/db/import';
import { relink } from '../../src/db/link';
import type { MeetingRecord, OrganizationRecord, PaperRecord, RisRecord } from '../../scrapers/records';
import { generateWorld } from '../../bench/generate';
import { recordsOf } from '../../bench/import';
import { Random } from '../../bench/random';
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
    rows: sqlite.prepare(`SELECT cm.meeting_external_id AS sid, m.external_id AS meeting, a.external_id AS item
      FROM consultation_meetings cm LEFT JOIN meetings m ON m.id = cm.meeting_id LEFT JOIN agenda_items a ON a.id = cm.agenda_item_id
      ORDER BY cm.id`).all(),
    items: sqlite.prepare(`SELECT a.entity_key AS key, a.number, m.external_id AS meeting, p.reference AS paper
      FROM agenda_items a LEFT JOIN meetings m ON m.id = a.meeting_id LEFT JOIN papers p ON p.id = a.paper_id ORDER BY a.entity_key`).all(),
    meetingOrg: sqlite.prepare('SELECT m.external_id AS meeting, o.name AS org FROM meetings m LEFT JOIN organizations o ON o.id = m.organization_id ORDER BY m.external_id').all(),
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
      const rows = sqlite.prepare('SELECT external_id, oparl_id, date, files, provenance FROM papers').all() as Record<string, string>[];
      expect(rows).toHaveLength(1);
      expect(rows[0].external_id).toBe('1001737');
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

/**
 * An import relinks only what it wrote and what points at it (link.ts relinkChanges); relinking every
 * unlinked row of the source afterwards (relink) must find nothing more to link, whatever the order.
 */
describe('linking only what an import changed', () => {
  const tmp = makeTmpDir();
  afterAll(tmp.cleanup);

  function withDb(name: string, fn: (sqlite: import('better-sqlite3').Database, sourceId: () => number) => void) {
    const { sqlite, close } = openDb(path.join(tmp.dir, `${name}.sqlite`));
    try {
      fn(sqlite, () => sqlite.prepare('SELECT id FROM sources WHERE key = ?').pluck().get(SOURCE.key) as number);
    } finally {
      close();
    }
  }

  /** Every link column; relink (all unlinked rows of the source) must leave them as the import left them. */
  const links = (sqlite: import('better-sqlite3').Database) => [
    sqlite.prepare('SELECT meeting_id, agenda_item_id FROM consultation_meetings ORDER BY id').raw().all(),
    sqlite.prepare('SELECT meeting_id, paper_id FROM agenda_items ORDER BY id').raw().all(),
    sqlite.prepare('SELECT organization_id FROM meetings ORDER BY id').raw().all(),
  ];
  const relinkFindsNothing = (sqlite: import('better-sqlite3').Database, sourceId: number) => {
    const before = links(sqlite);
    relink(sqlite, sourceId);
    expect(links(sqlite)).toEqual(before);
  };

  const itemPaper = (sqlite: import('better-sqlite3').Database, key: string) =>
    sqlite.prepare('SELECT p.entity_key FROM agenda_items a LEFT JOIN papers p ON p.id = a.paper_id WHERE a.entity_key = ?').pluck().get(key);
  const rowMeeting = (sqlite: import('better-sqlite3').Database) =>
    sqlite.prepare('SELECT m.entity_key FROM consultation_meetings cm LEFT JOIN meetings m ON m.id = cm.meeting_id').pluck().all();

  test('an agenda item waits for the one paper with its reference: a second paper with it blocks, its new reference frees', () => {
    withDb('reference', (sqlite, sourceId) => {
      const byReference: MeetingRecord = { ...meetingBv, agendaItem: [{ ...meetingBv.agendaItem[0], paperReference: '22-2000' }] };
      const first = paper({ sourceId: '6001', reference: '22-2000' });
      const second = paper({ sourceId: '6002', reference: '22-2000' });
      importRecords(sqlite, SOURCE, [first, second], NOW);
      importRecords(sqlite, SOURCE, [byReference], NOW);
      expect(itemPaper(sqlite, '7100')).toBeNull();
      importRecords(sqlite, SOURCE, [{ ...second, reference: '22-2001' }], NOW);
      expect(itemPaper(sqlite, '7100')).toBe('6001');
      relinkFindsNothing(sqlite, sourceId());
    });
  });

  test('a meeting row without ids waits for the one meeting of its committee that day: a second one blocks, its move frees', () => {
    withDb('date', (sqlite, sourceId) => {
      const noIds = paper({
        sourceId: '6100', reference: '22-3000',
        consultation: [station('Bezirksversammlung', 'Entscheidung', [
          { date: '2026-10-01', name: null, meetingSourceId: null, agendaItemSourceId: null, result: null, resultCode: 'open' },
        ])],
      });
      const bv: MeetingRecord = { ...meetingBv, agendaItem: [] };
      const twin: MeetingRecord = { ...bv, sourceId: '902' };
      importRecords(sqlite, SOURCE, [noIds], NOW);
      importRecords(sqlite, SOURCE, [bv], NOW);
      importRecords(sqlite, SOURCE, [twin], NOW);
      // linked as soon as its meeting came, and it stays linked when a second one comes
      expect(rowMeeting(sqlite)).toEqual(['901']);
      // re-imported, the paper's rows are new: two meetings that day, so no link …
      importRecords(sqlite, SOURCE, [{ ...noIds, name: 'Geändert' }], NOW);
      expect(rowMeeting(sqlite)).toEqual([null]);
      // … until one of them moves to another day
      importRecords(sqlite, SOURCE, [{ ...twin, date: '2026-10-08' }], NOW);
      expect(rowMeeting(sqlite)).toEqual(['901']);
      relinkFindsNothing(sqlite, sourceId());
    });
  });

  test('a paper known first from an agenda by its reference, then with its own page: the item moves to it', () => {
    withDb('placeholder', (sqlite, sourceId) => {
      const agenda: MeetingRecord = { ...meetingBv, agendaItem: [{ ...meetingBv.agendaItem[0], paperReference: '22-4000', paperSourceId: null }] };
      importRecords(sqlite, SOURCE, [agenda], NOW);
      expect(itemPaper(sqlite, '7100')).toBe('ref:22-4000');
      importRecords(sqlite, SOURCE, [paper({ sourceId: '6200', reference: '22-4000' })], NOW);
      expect(itemPaper(sqlite, '7100')).toBe('6200');
      expect(sqlite.prepare('SELECT entity_key FROM papers').pluck().all()).toEqual(['6200']);
      relinkFindsNothing(sqlite, sourceId());
    });
  });

  test('generated cities in shuffled order and batches: after every import nothing is left to link', () => {
    withDb('generated', (sqlite) => {
      const rnd = new Random(11);
      let batches = 0;
      for (const city of generateWorld({ seed: 3, motions: 150, today: '2026-10-01' })) {
        const records: RisRecord[] = recordsOf(city).map((r) => {
          // some rows and items without ids, so that the links by date and committee and by reference are made too
          if (r.type === 'Paper' && rnd.chance(0.3)) {
            return { ...r, consultation: r.consultation.map((c) => ({ ...c, meetings: c.meetings.map((m) => ({ ...m, meetingSourceId: null, agendaItemSourceId: null })) })) };
          }
          if (r.type === 'Meeting' && rnd.chance(0.3)) return { ...r, agendaItem: r.agendaItem.map((a) => ({ ...a, paperSourceId: null })) };
          return r;
        });
        const shuffled = rnd.sample(records, records.length);
        for (let i = 0; i < shuffled.length; batches++) {
          const n = rnd.int(1, 40);
          importRecords(sqlite, city.source, shuffled.slice(i, i + n), NOW);
          i += n;
          relinkFindsNothing(sqlite, sqlite.prepare('SELECT id FROM sources WHERE key = ?').pluck().get(city.source.key) as number);
        }
      }
      expect(batches).toBeGreaterThan(20);
      const unlinked = sqlite.prepare(`SELECT COUNT(*) FROM consultation_meetings WHERE meeting_id IS NULL OR agenda_item_id IS NULL`).pluck().get();
      const rows = sqlite.prepare('SELECT COUNT(*) FROM consultation_meetings').pluck().get() as number;
      expect(rows).toBeGreaterThan(100);
      // the generated rows all point at real meetings and items: only some of those without ids stay ambiguous
      expect(unlinked).toBeLessThan(rows / 10);
    });
  });
});
