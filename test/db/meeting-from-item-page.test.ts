/**
 * An agenda item's own page (to020) names its meeting — id, title, committee, day — so the meeting is known
 * from it before its own page is read (record-facets.ts, facet 'item', below a calendar row): the item belongs
 * to it, and every view says that its agenda was not read. Hamburg-Altona's to020 1049839 (Mobilitätsausschuss,
 * SILFDNR 1004078, 03.03.2025) and Taunusstein's ALLRIS 4 to020 1026743 (Stadtverordnetenversammlung, SILFDNR
 * 1001258) are in the corpus without their meetings' pages. Before, their items had no meeting: no meeting page,
 * and OParl AgendaItems without the `meeting` OParl 1.1 asks of one fetched on its own.
 */
import path from 'node:path';
import request from 'supertest';
import type { AgendaItemRecord, MeetingRecord } from '../../scrapers/records';
import { committeeByName } from '../../src/db/queries-committee';
import { loadMeetingBadges } from '../../src/server/views/meeting-badges';
import { loadCommitteeModel } from '../../src/server/views/committee-view';
import { loadCalendarMeetings } from '../../src/db/queries-meeting-calendar';
import { openDb } from '../../src/db/connection';
import { importRecords } from '../../src/db/import';
import { loadMeeting } from '../../src/db/queries-meetings';
import { importSavedPages } from '../../src/ingest/saved-pages';
import { buildFixtureApp, type FixtureApp } from '../server/fixture-app';
import { CORPUS, makeTmpDir } from '../helpers/tmp';

const ALTONA_ITEM = path.join(CORPUS, 'allris3/hamburg-altona/to020-1049839.html');
const TAUNUSSTEIN_ITEM = path.join(CORPUS, 'allris4/taunusstein/to020-1026743.html');

const meetingOf = (sqlite: ReturnType<typeof openDb>['sqlite'], itemKey: string) => sqlite.prepare(
  `SELECT m.id, m.external_id AS externalId, m.name, m.date, m.start, m."end", m.room, m.location, m.organization, m.url, m.provenance
   FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.entity_key = ?`,
).get(itemKey) as { id: number; externalId: string; name: string; date: string; start: string | null; end: string | null; room: string | null; location: string | null;
  organization: string; url: string; provenance: string } | undefined;

describe('read from the item page alone', () => {
  const tmp = makeTmpDir();
  afterAll(() => tmp.cleanup());

  test.each([
    [ALTONA_ITEM, '1049839', {
      externalId: '1004078', name: 'Sitzung des Mobilitätsausschusses', date: '2025-03-03', organization: 'Mobilitätsausschuss',
      url: 'https://sitzungsdienst-altona.hamburg.de/bi/to010.asp?SILFDNR=1004078',
      // its head's "Zeit: 18:00 - 20:00", "Raum:", "Ort:"
      start: '18:00', end: '20:00', room: 'Versteigerungshalle des Zentralen Fundbüros', location: 'Luruper Chaussee 125, 22761 Hamburg',
    }],
    [TAUNUSSTEIN_ITEM, '1026743', {
      externalId: '1001258', name: '6. Sitzung der Stadtverordnetenversammlung Taunusstein (öffentlich)', date: '2025-12-11',
      organization: 'Stadtverordnetenversammlung', url: 'https://www.taunusstein.de/allris/to010?SILFDNR=1001258',
      // ALLRIS 4's item page gives the item's own time ("Uhrzeit: 18:08"), not the meeting's: not read as it
      start: null, end: null, room: null, location: null,
    }],
  ])('%s: the item belongs to the meeting its page names, whose agenda is not read', (file, itemKey, expected) => {
    const { sqlite, close } = openDb(path.join(tmp.dir, `${itemKey}.sqlite`));
    try {
      const r = importSavedPages(sqlite, [file], { now: '2026-10-01T08:00:00Z', today: '2026-10-01' });
      expect(r.failed).toBe(0);
      const m = meetingOf(sqlite, itemKey);
      expect(m).toMatchObject(expected);
      expect(Object.values(JSON.parse(m!.provenance) as Record<string, string>).every((f) => f === 'item')).toBe(true);
      expect(loadMeeting(sqlite, m!.id)!.meeting.agendaRead).toBe(false);
      expect(loadMeeting(sqlite, m!.id)!.items.map((i) => i.id)).toHaveLength(1);
    } finally {
      close();
    }
  });

  test('the meeting\'s own page read later ranks above the item page, and its agenda counts as read', () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'later.sqlite'));
    try {
      importSavedPages(sqlite, [ALTONA_ITEM], { now: '2026-10-01T08:00:00Z', today: '2026-10-01' });
      // what the meeting's own page (to010) would say: its title as the page heads it, time and room
      const page: MeetingRecord = {
        type: 'Meeting', format: 1, system: 'allris3', systemVersion: null, sourceId: '1004078',
        url: 'https://sitzungsdienst-altona.hamburg.de/bi/to010.asp?SILFDNR=1004078', name: 'Mobilitätsausschuss',
        organization: 'Mobilitätsausschuss', organizationSourceId: null, date: '2025-03-03', start: '18:00', end: null,
        room: 'Rathaus Altona, Kollegiensaal', location: null, statusText: null, agendaItem: [],
      };
      importRecords(sqlite, { key: 'hamburg-altona', name: 'Hamburg-Altona' }, [page], '2026-10-02T08:00:00Z');
      const m = meetingOf(sqlite, '1049839');
      expect(m).toMatchObject({ externalId: '1004078', name: 'Mobilitätsausschuss', start: '18:00', room: 'Rathaus Altona, Kollegiensaal', date: '2025-03-03' });
      expect(sqlite.prepare('SELECT COUNT(*) FROM meetings').pluck().get()).toBe(1);
      expect(loadMeeting(sqlite, m!.id)!.meeting.agendaRead).toBe(true);
    } finally {
      close();
    }
  });
});

test('a coming meeting known from an item\'s page: its committee shows no published agenda, the calendar badge no check', () => {
  const tmp = makeTmpDir();
  const { sqlite, close } = openDb(path.join(tmp.dir, 'coming.sqlite'));
  try {
    const item: AgendaItemRecord = {
      type: 'AgendaItem', format: 1, system: 'allris3', systemVersion: null, sourceId: '7001', url: 'https://ris.example/bi/to020.asp?TOLFDNR=7001',
      number: '3', public: true, name: 'Radweg Elbchaussee', meetingSourceId: '9001', meetingName: 'Sitzung des Mobilitätsausschusses',
      organization: 'Mobilitätsausschuss', date: '2026-12-10', paperReference: '22-0900', paperSourceId: '5001', result: null, resultCode: 'open', text: [],
    };
    importRecords(sqlite, { key: 'x', name: 'X' }, [item], '2026-11-20T08:00:00Z');
    const model = loadCommitteeModel(sqlite, committeeByName(sqlite, 'x', 'Mobilitätsausschuss')!, '2026-11-24');
    expect(model.coming.map((a) => [a.date, a.published, a.items.map((i) => i.reference)])).toEqual([['2026-12-10', false, ['22-0900']]]);
    const meetings = loadCalendarMeetings(sqlite, { sourceId: null, committee: null }, '2026-11-24', '2026-12-31', 10);
    expect(meetings.map((m) => [m.date, m.agendaRead, m.items])).toEqual([['2026-12-10', false, 1]]);
    expect([...loadMeetingBadges(sqlite, meetings, '2026-11-24').values()].map((b) => [b.kind, b.label])).toEqual([['unknown', 'Tagesordnung noch nicht bekannt']]);
  } finally {
    close();
    tmp.cleanup();
  }
});

describe('on the site (the corpus imported)', () => {
  let fixture: FixtureApp;
  let meetingId: number;
  beforeAll(() => {
    fixture = buildFixtureApp();
    meetingId = meetingOf(fixture.opened.sqlite, '1049839')!.id;
  });
  afterAll(() => fixture.cleanup());

  test('the meeting page says that only this item is known, and links the original', async () => {
    const res = await request(fixture.app).get(`/meetings/${meetingId}`).expect(200);
    expect(res.text).toContain('<p class="agenda-partial">Die Tagesordnung dieser Sitzung wurde nicht gelesen. Bekannt ist nur der folgende Tagesordnungspunkt, von seiner eigenen Seite; die ganze Tagesordnung steht, soweit veröffentlicht, im <a href="https://sitzungsdienst-altona.hamburg.de/bi/to010.asp?SILFDNR&#x3D;1004078"');
    expect(res.text).toContain('Geparkte Kfz auf dem Marktplatz Blankenese');
    const json = await request(fixture.app).get(`/meetings/${meetingId}.json`).expect(200);
    expect(json.body).toMatchObject({ agendaRead: false, date: '2025-03-03', agendaItem: [{ number: '2.1', paperReference: '22-0621', result: 'zur Kenntnis genommen' }] });
    // its calendar event counts the one item known, in the singular, and says the agenda was not read
    const ics = (await request(fixture.app).get(`/meetings/${meetingId}/calendar.ics`).expect(200)).text.replace(/\r\n[ \t]/g, '');
    // at its time (18:00 Berlin, winter: 17:00 UTC), not all day
    expect(ics).toContain('DTSTART:20250303T170000Z');
    expect(ics).toContain('DESCRIPTION:Mobilitätsausschuss\\, Hamburg-Altona (Bezirksversammlung)\\, 1 Tagesordnungspunkt bekannt (Tagesordnung nicht gelesen).');
  });

  test('a meeting whose own page was read has no such note and says agendaRead: true', async () => {
    const own = fixture.opened.sqlite.prepare("SELECT id FROM meetings WHERE external_id = '1004086'").pluck().get() as number;
    const res = await request(fixture.app).get(`/meetings/${own}`).expect(200);
    expect(res.text).not.toContain('agenda-partial');
    expect((await request(fixture.app).get(`/meetings/${own}.json`).expect(200)).body.agendaRead).toBe(true);
  });

  test('its committee lists it with the one item known, not as an agenda of one item', async () => {
    const org = fixture.opened.sqlite.prepare('SELECT organization_id FROM meetings WHERE id = ?').pluck().get(meetingId) as number | null;
    expect(org).not.toBeNull();
    const res = await request(fixture.app).get(`/organizations/${org}`).expect(200);
    expect(res.text).toMatch(new RegExp(`<a href="/meetings/${meetingId}"><time datetime="2025-03-03">03\\.03\\.2025</time> – Sitzung des Mobilitätsausschusses</a> <small>\\(1 Tagesordnungspunkt bekannt, Tagesordnung nicht gelesen\\)</small>`));
    const json = await request(fixture.app).get(`/organizations/${org}.json`).expect(200);
    expect((json.body.pastMeetings as { id: number }[]).find((m) => m.id === meetingId)).toMatchObject({ items: 1, agendaRead: false });
  });

  test('OParl: the AgendaItem fetched on its own names its meeting, which says its agenda was not read', async () => {
    const base = 'http://ratsradar.test/oparl/v1.1/bodies/hamburg-altona';
    const item = await request(fixture.app).get('/oparl/v1.1/bodies/hamburg-altona/agendaItems/1049839').set('Host', 'ratsradar.test').expect(200);
    expect(item.body.meeting).toBe(`${base}/meetings/1004078`);
    const meeting = await request(fixture.app).get('/oparl/v1.1/bodies/hamburg-altona/meetings/1004078').set('Host', 'ratsradar.test').expect(200);
    expect(meeting.body).toMatchObject({ name: 'Sitzung des Mobilitätsausschusses', 'ratsradar:agendaRead': false, 'ratsradar:date': '2025-03-03' });
    expect((meeting.body.agendaItem as { id: string }[]).map((a) => a.id)).toEqual([`${base}/agendaItems/1049839`]);
    const own = await request(fixture.app).get('/oparl/v1.1/bodies/hamburg-altona/meetings/1004086').set('Host', 'ratsradar.test').expect(200);
    expect(own.body).not.toHaveProperty('ratsradar:agendaRead');
  });
});
