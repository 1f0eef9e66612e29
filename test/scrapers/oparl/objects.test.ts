/**
 * OParl object types and embedded objects that no corpus page shows, on HAND-MADE JSON shaped after
 * the OParl 1.1 specification and the ALLRIS answers in the corpus; full records compared. Also the
 * errors: LayoutChangedError for an object without id and a list whose data is no array,
 * UnsupportedPageError for OParl types without a record.
 */
import { LayoutChangedError, UnsupportedPageError } from '../../../scrapers/errors';
import { parseOparl } from '../../../scrapers/oparl/parse';
import type {
  AgendaItemRecord, BodyRecord, ListRecord, MeetingRecord, OrganizationRecord, PaperRecord, PersonRecord, SystemRecord,
} from '../../../scrapers/records';

const T = 'https://schema.oparl.org/1.1/';
const H = 'https://ris.example/public/oparl';
const parseJson = (json: unknown, url: string | null = null) =>
  parseOparl({ text: JSON.stringify(json), url, systemVersion: '1.1' });
const base = (type: string, sourceId: string | null, url: string | null = null) => ({
  type, format: 1, system: 'oparl', systemVersion: '1.1', sourceId, url,
});

describe('OParl objects (hand-made)', () => {
  it('Paper with embedded organizations, related papers and a consultation with meeting and agenda item', () => {
    const rec = parseJson({
      id: `${H}/papers?id=10`, type: `${T}Paper`, web: 'https://ris.example/public/vo020?VOLFDNR=10',
      reference: 'DS/2026/10', name: 'Radweg  Hauptstraße', paperType: 'Antrag', date: '2026-03-02',
      originatorOrganization: [{ id: `${H}/organizations?typ=fr&id=3`, type: `${T}Organization`, name: 'Fraktion A' }, `${H}/organizations?typ=fr&id=4`],
      underDirectionOf: [{ id: `${H}/organizations?typ=at&id=67`, type: `${T}Organization`, name: '66 Tiefbauamt' }],
      relatedPaper: [{ id: `${H}/papers?id=9`, type: `${T}Paper`, reference: 'DS/2026/09' }, `${H}/papers?id=8`],
      consultation: [
        `${H}/consultations?id=1`,
        {
          id: `${H}/consultations?id=2`, type: `${T}Consultation`, role: 'Vorberatung',
          organization: [{ id: `${H}/organizations?typ=gr&id=5`, type: `${T}Organization`, name: 'Bauausschuss' }],
          meeting: { id: `${H}/meetings?id=77`, type: `${T}Meeting`, name: 'Sitzung des Bauausschusses', start: '2026-03-10T15:00:00Z' },
          agendaItem: { id: `${H}/agendaItems?id=701`, type: `${T}AgendaItem`, result: 'ungeändert beschlossen ' },
        },
        {
          id: `${H}/consultations?id=3`, type: `${T}Consultation`, role: 'Entscheidung',
          organization: [`${H}/organizations?typ=gr&id=1`],
          agendaItem: { id: `${H}/agendaItems?id=900`, type: `${T}AgendaItem`, meeting: `${H}/meetings?id=90`, result: '(offen)' },
        },
      ],
    });
    expect(rec).toEqual<PaperRecord>({
      ...base('Paper', `${H}/papers?id=10`, 'https://ris.example/public/vo020?VOLFDNR=10'),
      type: 'Paper', format: 1, system: 'oparl',
      reference: 'DS/2026/10', name: 'Radweg Hauptstraße', paperType: 'Antrag', public: null, statusText: null,
      originator: ['Fraktion A'], underDirectionOf: ['66 Tiefbauamt'], date: '2026-03-02', relatedReferences: ['DS/2026/09'],
      consultation: [
        {
          organization: 'Bauausschuss', organizationSourceId: `${H}/organizations?typ=gr&id=5`, role: 'Vorberatung', roleCode: 'preliminary', stationStatus: null,
          meetings: [{
            date: '2026-03-10', name: 'Sitzung des Bauausschusses', meetingSourceId: `${H}/meetings?id=77`,
            agendaItemSourceId: `${H}/agendaItems?id=701`, result: 'ungeändert beschlossen', resultCode: 'adopted',
          }],
        },
        {
          // named by URL only: the import takes the name from that Organization (src/db/station-names.ts)
          organization: null, organizationSourceId: `${H}/organizations?typ=gr&id=1`, role: 'Entscheidung', roleCode: 'decision', stationStatus: null,
          meetings: [{
            date: null, name: null, meetingSourceId: `${H}/meetings?id=90`, agendaItemSourceId: `${H}/agendaItems?id=900`,
            result: null, resultCode: 'open',
          }],
        },
      ],
      files: [],
      text: [],
    });
  });

  it('Meeting with embedded organization, location with room, and agenda items with consultation/paper', () => {
    const rec = parseJson({
      id: `${H}/meetings?id=77`, type: `${T}Meeting`, name: 'Sitzung des Bauausschusses', meetingState: 'eingeladen',
      start: '2026-03-10T16:00:00+01:00', end: '2026-03-10T18:30:00+01:00',
      organization: [{ id: `${H}/organizations?typ=gr&id=5`, type: `${T}Organization`, name: 'Bauausschuss' }],
      location: { id: `${H}/locations?id=1`, type: `${T}Location`, room: 'Raum 101', streetAddress: 'Markt 1', postalCode: '12345', locality: 'Musterstadt' },
      agendaItem: [
        { id: `${H}/agendaItems?id=701`, type: `${T}AgendaItem`, number: '3.1', public: true, name: 'Radweg',
          consultation: { id: `${H}/consultations?id=2`, type: `${T}Consultation`, paper: { id: `${H}/papers?id=10`, type: `${T}Paper`, reference: 'DS/2026/10' } },
          result: 'geändert beschlossen' },
        { id: `${H}/agendaItems?id=702`, type: `${T}AgendaItem`, number: '4', public: false, name: 'Grundstücksangelegenheit',
          consultation: { id: `${H}/consultations?id=3`, type: `${T}Consultation`, paper: `${H}/papers?id=11` }, result: 'N/A' },
        `${H}/agendaItems?id=703`,
      ],
      web: 'https://ris.example/public/to010?SILFDNR=77',
    });
    expect(rec).toEqual<MeetingRecord>({
      ...base('Meeting', `${H}/meetings?id=77`, 'https://ris.example/public/to010?SILFDNR=77'),
      type: 'Meeting', format: 1, system: 'oparl',
      name: 'Sitzung des Bauausschusses', organization: 'Bauausschuss', organizationSourceId: `${H}/organizations?typ=gr&id=5`,
      date: '2026-03-10', start: '16:00', end: '18:30', room: 'Raum 101', location: 'Markt 1, 12345 Musterstadt',
      statusText: 'eingeladen',
      agendaItem: [
        { number: '3.1', public: true, sourceId: `${H}/agendaItems?id=701`, name: 'Radweg', paperReference: 'DS/2026/10',
          paperSourceId: `${H}/papers?id=10`, result: 'geändert beschlossen', resultCode: 'adopted-amended' },
        { number: '4', public: false, sourceId: `${H}/agendaItems?id=702`, name: 'Grundstücksangelegenheit', paperReference: null,
          paperSourceId: `${H}/papers?id=11`, result: null, resultCode: 'open' },
      ],
    });
  });

  it('Meeting with OParl\'s cancelled: true (or a meetingState saying so) carries cancelled: true; false or absent, no field', () => {
    const meeting = (extra: Record<string, unknown>) => parseJson({ id: `${H}/meetings?id=78`, type: `${T}Meeting`, name: 'Sitzung', start: '2026-03-11T16:00:00+01:00', ...extra }) as MeetingRecord;
    expect(meeting({ cancelled: true }).cancelled).toBe(true);
    expect(meeting({ cancelled: false })).not.toHaveProperty('cancelled');
    expect(meeting({})).not.toHaveProperty('cancelled');
    // a value that is not OParl's boolean says nothing
    expect(meeting({ cancelled: 'true' })).not.toHaveProperty('cancelled');
    // a meetingState that says so, as the HTML head's status does
    expect(meeting({ meetingState: 'Sitzung abgesagt' }).cancelled).toBe(true);
    expect(meeting({ meetingState: 'eingeladen' })).not.toHaveProperty('cancelled');
  });

  it('AgendaItem on its own, with its meeting embedded and a resolution text', () => {
    const rec = parseJson({
      id: `${H}/agendaItems?id=701`, type: `${T}AgendaItem`, number: '3.1', public: true, name: 'Radweg',
      meeting: { id: `${H}/meetings?id=77`, type: `${T}Meeting`, name: 'Sitzung des Bauausschusses', start: '2026-03-10T16:00:00+01:00',
        organization: [{ id: `${H}/organizations?typ=gr&id=5`, type: `${T}Organization`, name: 'Bauausschuss' }] },
      consultation: `${H}/consultations?id=2`,
      result: 'vertagt', resolutionText: 'Der Ausschuss vertagt.\r\n\r\nBegründung: Beratungsbedarf.',
    });
    expect(rec).toEqual<AgendaItemRecord>({
      ...base('AgendaItem', `${H}/agendaItems?id=701`),
      type: 'AgendaItem', format: 1, system: 'oparl',
      number: '3.1', public: true, name: 'Radweg', meetingSourceId: `${H}/meetings?id=77`, meetingName: 'Sitzung des Bauausschusses',
      organization: 'Bauausschuss', date: '2026-03-10', paperReference: null, paperSourceId: null, result: 'vertagt', resultCode: 'deferred',
      text: [{ heading: null, text: 'Der Ausschuss vertagt.\n\nBegründung: Beratungsbedarf.' }],
    });
  });

  it('Organization with embedded memberships: members with role and group; URL-only memberships are skipped', () => {
    const rec = parseJson({
      id: `${H}/organizations?typ=gr&id=5`, type: `${T}Organization`, name: 'Bauausschuss', web: 'https://ris.example/public/gr020?GRLFDNR=5',
      membership: [
        { id: `${H}/memberships?id=1`, type: `${T}Membership`, role: 'Vorsitzende',
          person: { id: `${H}/persons?id=7`, type: `${T}Person`, givenName: 'Erika', familyName: 'Muster' },
          onBehalfOf: { id: `${H}/organizations?typ=fr&id=3`, type: `${T}Organization`, name: 'Fraktion A' } },
        { id: `${H}/memberships?id=2`, type: `${T}Membership`, person: { id: `${H}/persons?id=8`, type: `${T}Person`, name: 'Max Beispiel' } },
        `${H}/memberships?id=3`,
        { id: `${H}/memberships?id=4`, type: `${T}Membership`, person: `${H}/persons?id=9` },
      ],
    });
    expect(rec).toEqual<OrganizationRecord>({
      ...base('Organization', `${H}/organizations?typ=gr&id=5`, 'https://ris.example/public/gr020?GRLFDNR=5'),
      type: 'Organization', format: 1, system: 'oparl', name: 'Bauausschuss',
      members: [
        { name: 'Erika Muster', role: 'Vorsitzende', group: 'Fraktion A' },
        { name: 'Max Beispiel', role: null, group: null },
      ],
    });
  });

  it('Organization with an endDate (a former faction): the day it ended; a bad endDate is none', () => {
    const org = (endDate: unknown) => parseJson({
      id: `${H}/organizations?typ=fr&id=4`, type: `${T}Organization`, name: 'Gruppe Piraten', classification: 'Fraktion', endDate,
    }) as OrganizationRecord;
    expect(org('2019-06-19')).toEqual<OrganizationRecord>({
      ...base('Organization', `${H}/organizations?typ=fr&id=4`), type: 'Organization', format: 1, system: 'oparl',
      name: 'Gruppe Piraten', members: [], classification: 'Fraktion', endDate: '2019-06-19',
    });
    expect(org('31.06.2019').endDate).toBeUndefined();
    expect(org(null).endDate).toBeUndefined();
  });

  it('Person with embedded memberships', () => {
    const rec = parseJson({
      id: `${H}/persons?id=7`, type: `${T}Person`, name: 'Erika Muster', email: ['nicht@lesen.example'],
      membership: [
        { id: `${H}/memberships?id=1`, type: `${T}Membership`, role: 'Vorsitzende', organization: `${H}/organizations?typ=gr&id=5` },
        { id: `${H}/memberships?id=5`, type: `${T}Membership`, role: 'Mitglied',
          organization: { id: `${H}/organizations?typ=fr&id=3`, type: `${T}Organization`, name: 'Fraktion A' } },
      ],
    });
    expect(rec).toEqual<PersonRecord>({
      ...base('Person', `${H}/persons?id=7`),
      type: 'Person', format: 1, system: 'oparl', name: 'Erika Muster',
      organizations: [
        { name: null, sourceId: `${H}/organizations?typ=gr&id=5`, role: 'Vorsitzende' },
        { name: 'Fraktion A', sourceId: `${H}/organizations?typ=fr&id=3`, role: 'Mitglied' },
      ],
    });
  });

  it('Body 1.1: every list URL, "…List" fields under the object kind, embedded terms left out', () => {
    const rec = parseJson({
      id: `${H}/bodies?id=1`, type: `${T}Body`, name: 'Stadt Musterstadt', shortName: 'Musterstadt', web: 'https://ris.example/public/',
      organization: `${H}/organizations?body=1`, person: `${H}/persons?body=1`, meeting: `${H}/meetings?body=1`, paper: `${H}/papers?body=1`,
      agendaItem: `${H}/agendaItems?body=1`, consultation: `${H}/consultations?body=1`, file: `${H}/files?body=1`,
      membership: `${H}/memberships?body=1`, locationList: `${H}/locations?body=1`, legislativeTermList: `${H}/legislativeTerms?body=1`,
      legislativeTerm: [{ id: `${H}/legislativeTerms?id=1_1`, type: `${T}LegislativeTerm`, name: 'WP 2021-2026' }],
      system: `${H}/system`,
    });
    expect(rec).toEqual<BodyRecord>({
      ...base('Body', `${H}/bodies?id=1`, 'https://ris.example/public/'),
      type: 'Body', format: 1, system: 'oparl', name: 'Stadt Musterstadt', shortName: 'Musterstadt',
      lists: {
        organization: `${H}/organizations?body=1`, person: `${H}/persons?body=1`, meeting: `${H}/meetings?body=1`, paper: `${H}/papers?body=1`,
        agendaItem: `${H}/agendaItems?body=1`, consultation: `${H}/consultations?body=1`, file: `${H}/files?body=1`,
        membership: `${H}/memberships?body=1`, location: `${H}/locations?body=1`, legislativeTerm: `${H}/legislativeTerms?body=1`,
      },
    });
  });

  it('System with embedded bodies lists their ids', () => {
    const rec = parseJson({
      id: `${H}/system`, type: `${T}System`, oparlVersion: 'https://schema.oparl.org/1.1/', name: 'ALLRIS OParl der Stadt Musterstadt',
      body: [{ id: `${H}/bodies?id=1`, type: `${T}Body`, name: 'Stadt' }, `${H}/bodies?id=2`],
    });
    expect(rec).toEqual<SystemRecord>({
      ...base('System', `${H}/system`),
      type: 'System', format: 1, system: 'oparl', name: 'ALLRIS OParl der Stadt Musterstadt', programs: null, oparlVersion: '1.1',
      bodies: [`${H}/bodies?id=1`, `${H}/bodies?id=2`],
    });
  });

  it('list page 1.1 with links.self and next; an honestly empty page takes its item type from its URLs', () => {
    const full = parseJson({
      data: [{ id: `${H}/meetings?id=1`, type: `${T}Meeting`, name: 'Sitzung', start: '2026-01-05T17:00:00+01:00' }],
      pagination: { totalElements: 41, elementsPerPage: 20, currentPage: 1, totalPages: 3 },
      links: { self: `${H}/meetings?body=1&page=1`, first: `${H}/meetings?body=1`, next: `${H}/meetings?body=1&page=2` },
    }) as ListRecord;
    expect({ ...full, items: full.items.map((i) => i.sourceId) }).toEqual({
      ...base('List', `${H}/meetings?body=1&page=1`), itemType: 'Meeting', items: [`${H}/meetings?id=1`], next: `${H}/meetings?body=1&page=2`,
    });
    const empty = parseJson({ data: [], pagination: { elementsPerPage: 20 }, links: { first: `${H}/papers?body=1` } }) as ListRecord;
    expect(empty).toEqual({ ...base('List', null), itemType: 'Paper', items: [], next: null });
  });

  it('OParl types without a record are UnsupportedPageError', () => {
    expect(() => parseJson({ id: `${H}/consultations?id=1`, type: `${T}Consultation`, role: 'Entscheidung' })).toThrow(UnsupportedPageError);
    expect(() => parseJson({ id: `${H}/locations?id=1`, type: `${T}Location` })).toThrow(/OParl Location objects are not parsed/);
  });

  it('LayoutChangedError: an OParl object without id, a list whose data is no array, a list entry that is no object', () => {
    const noId = () => parseJson({ type: `${T}Paper`, name: 'ohne id' }, `${H}/papers?id=5`);
    expect(noId).toThrow(LayoutChangedError);
    try {
      noId();
    } catch (e) {
      expect(e).toMatchObject({ page: `${H}/papers?id=5`, selector: 'Paper.id' });
    }
    expect(() => parseJson({ data: { id: `${H}/papers?id=1` }, links: {} })).toThrow(LayoutChangedError);
    expect(() => parseJson({ data: [`${H}/papers?id=1`], links: {} })).toThrow(/list entry 0 is not an object/);
  });
});
