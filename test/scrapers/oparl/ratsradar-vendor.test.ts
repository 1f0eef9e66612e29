/**
 * Quirk "ratsradar's own OParl server" (scrapers/oparl/ratsradar.ts): what OParl has no field for comes
 * in `ratsradar:` vendor properties and is read where the standard fields say nothing. The JSON is
 * HAND-MADE inline, shaped after what src/server/oparl serves (test/server/oparl/walk.test.ts
 * validates that; test/ingest/crawl/oparl-round-trip.test.ts reads it back whole).
 */
import { parseOparl } from '../../../scrapers/oparl/parse';
import type { ListRecord, MeetingRecord, PaperRecord } from '../../../scrapers/records';

const T = 'https://schema.oparl.org/1.1/';
const B = 'http://127.0.0.1:3000/oparl/v1.1/bodies/musterstadt';
const parse = (json: unknown) => parseOparl({ text: JSON.stringify(json), url: null, systemVersion: null });

const consultation = (station: number, row: number | null, extra: Record<string, unknown> = {}) => ({
  id: `${B}/consultations/9002~${station}~${row ?? 0}`, type: `${T}Consultation`, paper: `${B}/papers/9002`,
  organization: [`${B}/organizations/au%3A3`], role: 'Vorberatung', 'ratsradar:station': station,
  ...(row === null ? {} : { 'ratsradar:row': row }), 'ratsradar:organization': 'Finanzausschuss', 'ratsradar:stationStatus': 'Erledigt', ...extra,
});

describe("ratsradar's own OParl server", () => {
  it('a station with two meetings is one station of two rows; a station without meetings has none; names come from vendor properties', () => {
    const p = parse({
      id: `${B}/papers/9002`, type: `${T}Paper`, name: 'Smart-City-Strategie', reference: 'DS/2025/0456',
      underDirectionOf: [], 'ratsradar:underDirectionOf': ['Stabsstelle Digitalisierung'], 'ratsradar:originator': ['Oberbürgermeister'],
      'ratsradar:relatedReferences': ['DS/2025/0400'], 'ratsradar:public': true, 'ratsradar:statusText': 'öffentlich',
      mainFile: { id: `${B}/files/9002~0`, type: `${T}File`, name: 'Vorlage', accessUrl: 'https://ris.example/vo020?VOLFDNR=9002', 'ratsradar:accessUrlIsPage': true },
      consultation: [
        consultation(0, 0, { meeting: `${B}/meetings/4104`, agendaItem: `${B}/agendaItems/72028`, 'ratsradar:meetingDate': '2025-09-10', 'ratsradar:meetingName': 'Sitzung', 'ratsradar:result': 'vertagt' }),
        consultation(0, 1, { 'ratsradar:meetingDate': '2025-10-01', 'ratsradar:result': 'ungeändert beschlossen' }),
        consultation(1, null, { role: 'Entscheidung', 'ratsradar:organization': 'Rat', 'ratsradar:stationStatus': 'Geplant' }),
      ],
    }) as PaperRecord;
    expect(p).toMatchObject({
      public: true, statusText: 'öffentlich', originator: ['Oberbürgermeister'], underDirectionOf: ['Stabsstelle Digitalisierung'],
      relatedReferences: ['DS/2025/0400'], files: [{ name: 'Vorlage', url: null }],
    });
    expect(p.consultation).toEqual([
      { organization: 'Finanzausschuss', role: 'Vorberatung', roleCode: 'preliminary', stationStatus: 'Erledigt', meetings: [
        { date: '2025-09-10', name: 'Sitzung', meetingSourceId: `${B}/meetings/4104`, agendaItemSourceId: `${B}/agendaItems/72028`, result: 'vertagt', resultCode: 'deferred' },
        { date: '2025-10-01', name: null, meetingSourceId: null, agendaItemSourceId: null, result: 'ungeändert beschlossen', resultCode: 'adopted' },
      ] },
      { organization: 'Rat', role: 'Entscheidung', roleCode: 'decision', stationStatus: 'Geplant', meetings: [] },
    ]);
  });

  it('consultations without station numbers (any other OParl server) stay one station each', () => {
    const p = parse({ id: `${B}/papers/1`, type: `${T}Paper`, consultation: [{ id: `${B}/c/1`, type: `${T}Consultation`, role: 'Vorberatung' }, { id: `${B}/c/2`, type: `${T}Consultation`, role: 'Entscheidung' }] }) as PaperRecord;
    expect(p.consultation.map((c) => [c.role, c.meetings.length])).toEqual([['Vorberatung', 0], ['Entscheidung', 0]]);
  });

  it("a meeting's committee name, a time without a date, and an agenda item's paper come from vendor properties", () => {
    const m = parse({
      id: `${B}/meetings/1206`, type: `${T}Meeting`, name: 'Sitzung des Ortsrates', organization: [`${B}/organizations/gr%3A1`],
      'ratsradar:organization': 'Ortsrat Harber', 'ratsradar:startTime': '18:00', 'ratsradar:endTime': '18:41',
      agendaItem: [{ id: `${B}/agendaItems/1`, type: `${T}AgendaItem`, order: 0, number: '1', 'ratsradar:paper': `${B}/papers/9002`, 'ratsradar:paperReference': 'DS/2025/0456' }],
    }) as MeetingRecord;
    expect([m.organization, m.organizationSourceId, m.date, m.start, m.end]).toEqual(['Ortsrat Harber', `${B}/organizations/gr%3A1`, null, '18:00', '18:41']);
    expect(m.agendaItem[0]).toMatchObject({ paperSourceId: `${B}/papers/9002`, paperReference: 'DS/2025/0456' });
    const dated = parse({ id: `${B}/meetings/2`, type: `${T}Meeting`, 'ratsradar:date': '2026-12-03', 'ratsradar:startTime': '25:00' }) as MeetingRecord;
    expect([dated.date, dated.start]).toEqual(['2026-12-03', null]);
  });

  it('a list entry marked deleted (soft delete) gives no record', () => {
    const l = parse({ data: [{ id: `${B}/papers/1`, type: `${T}Paper`, deleted: true }, { id: `${B}/papers/2`, type: `${T}Paper`, name: 'Antrag' }], links: {} }) as ListRecord;
    expect(l.items.map((i) => i.sourceId)).toEqual([`${B}/papers/2`]);
  });
});
