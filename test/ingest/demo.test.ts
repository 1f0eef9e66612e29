/**
 * data/demo/*.json: every file is contract-exact (CONTRACTS.md section 2, format 1) — one Paper record
 * per motion file, the Musterstadt committees (Organization) and meetings (Meeting, with their agenda
 * items) as arrays — the meetings agree with the papers' Beratungsfolgen, and on 2026-11-24 the papers,
 * with the agenda items that name them (as the app reads them), show every state of PAPER_STATES but
 * 'submitted' (DS/2026/0342, submitted on its own page, is on the Rat's agenda of 17.12.2026). The
 * loader (src/ingest/demo.ts) reads them and names the file of a bad one.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AgendaItemEntry, MeetingRecord, OrganizationRecord, PaperRecord } from '../../scrapers/records';
import { classifyResult, classifyRole, RESULT_CODES, ROLE_CODES } from '../../scrapers/shared/codes';
import { toMember } from '../../scrapers/shared/org-members';
import { isOrganisationName } from '../../scrapers/shared/persons';
import { PAPER_STATES, progress, type PaperAgendaItem, type PaperState } from '../../src/domain/progress';
import { readDemoRecords } from '../../src/ingest/demo';
import { makeTmpDir } from '../helpers/tmp';

const DEMO = path.join(__dirname, '..', '..', 'data', 'demo');
const TODAY = '2026-11-24';

const allFiles = fs.readdirSync(DEMO).filter((f) => f.endsWith('.json')).sort();
const parsed = new Map<string, unknown>(allFiles.map((f) => [f, JSON.parse(fs.readFileSync(path.join(DEMO, f), 'utf8'))]));
/** the motion files: one Paper record each */
const files = allFiles.filter((f) => !Array.isArray(parsed.get(f)));
const records: [string, PaperRecord][] = files.map((f) => [f, parsed.get(f) as PaperRecord]);
/** the files holding arrays: the Musterstadt committees and meetings */
const ORGANIZATION_FILE = 'musterstadt-gremien.json';
const MEETING_FILE = 'musterstadt-sitzungen.json';
const organizations = parsed.get(ORGANIZATION_FILE) as OrganizationRecord[];
const meetings = parsed.get(MEETING_FILE) as MeetingRecord[];
const musterstadtPapers = records.filter(([f]) => f.startsWith('musterstadt-')).map(([, r]) => r);

/** The agenda items of the demo meetings that name a paper (by id, else reference), as src/db/queries-agenda.ts hands them over. */
function agendaOf(r: PaperRecord): PaperAgendaItem[] {
  return meetings.flatMap((m) => m.agendaItem
    .filter((a) => (a.paperSourceId != null && a.paperSourceId === r.sourceId) || (a.paperSourceId == null && a.paperReference != null && a.paperReference === r.reference))
    .map((a) => ({ date: m.date, organization: m.organization, meetingName: m.name, meetingId: null, meetingSourceId: m.sourceId,
      agendaItemSourceId: a.sourceId, number: a.number, result: a.result, resultCode: a.resultCode })));
}

const BASE_KEYS = ['type', 'format', 'system', 'systemVersion', 'sourceId', 'url'];
const PAPER_KEYS = [
  ...BASE_KEYS, 'reference', 'name', 'paperType', 'public', 'statusText',
  'originator', 'underDirectionOf', 'date', 'relatedReferences', 'consultation', 'files', 'text',
].sort();
const CONSULTATION_KEYS = ['organization', 'role', 'roleCode', 'stationStatus', 'meetings'].sort();
const MEETING_KEYS = ['date', 'name', 'meetingSourceId', 'agendaItemSourceId', 'result', 'resultCode'].sort();
const MEETING_RECORD_KEYS = [
  ...BASE_KEYS, 'name', 'organization', 'organizationSourceId', 'date', 'start', 'end', 'room', 'location', 'statusText', 'agendaItem',
].sort();
const AGENDA_ENTRY_KEYS = ['number', 'public', 'sourceId', 'name', 'paperReference', 'paperSourceId', 'result', 'resultCode'].sort();
const ORGANIZATION_KEYS = [...BASE_KEYS, 'name', 'members'].sort();
const MEMBER_KEYS = ['name', 'role', 'group'].sort();

/** The state each demo paper has on 2026-11-24 (the README lists the same). */
const EXPECTED_STATES: Record<string, PaperState> = {
  'leipzig-vii-a-00777-digitaltag-2020.json': 'stalled',
  'musterstadt-ds-2024-0611-ehrenamtsportal.json': 'stalled',
  'musterstadt-ds-2025-0390-glasfaser-schulen.json': 'stopped',
  'musterstadt-ds-2025-0456-smart-city-strategie.json': 'decided',
  'musterstadt-ds-2025-0512-ozg-serviceportal.json': 'decided-amended',
  'musterstadt-ds-2026-0078-wlan-bibliotheken.json': 'rejected',
  'musterstadt-ds-2026-0123-digitaltag-2027.json': 'scheduled',
  'musterstadt-ds-2026-0155-makerspace-vhs.json': 'withdrawn',
  'musterstadt-ds-2026-0201-open-data-bericht.json': 'noted',
  'musterstadt-ds-2026-0254-livestream-ratssitzungen.json': 'in-deliberation',
  // both on the Rat's published agenda of 17.12.2026, which their own pages do not list yet
  'musterstadt-ds-2026-0301-beteiligungsportal.json': 'scheduled',
  'musterstadt-ds-2026-0342-online-terminvergabe.json': 'scheduled',
  'musterstadt-ds-2026-0388-sensorik-messnetz.json': 'scheduled',
};

const isoOrNull = (v: unknown) => v === null || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v));
const timeOrNull = (v: unknown) => v === null || (typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v));
/** CONTRACTS.md: strings trimmed, inner white space collapsed, empty → null (text sections keep their line breaks). */
const cleanOrNull = (v: unknown) => v === null || (typeof v === 'string' && v !== '' && v === v.replace(/[\s\u00a0]+/g, ' ').trim());

describe('data/demo', () => {
  test('holds the Leipzig motion and 10–14 Musterstadt motions, the Musterstadt committees and meetings, plus a README', () => {
    expect(files).toContain('leipzig-vii-a-00777-digitaltag-2020.json');
    expect(allFiles.filter((f) => !files.includes(f))).toEqual([ORGANIZATION_FILE, MEETING_FILE]);
    expect(organizations.every((o) => o.type === 'Organization')).toBe(true);
    expect(meetings.every((m) => m.type === 'Meeting')).toBe(true);
    const musterstadt = files.filter((f) => f.startsWith('musterstadt-'));
    expect(musterstadt.length).toBeGreaterThanOrEqual(10);
    expect(musterstadt.length).toBeLessThanOrEqual(14);
    expect(fs.existsSync(path.join(DEMO, 'README.md'))).toBe(true);
    expect(Object.keys(EXPECTED_STATES).sort()).toEqual(files);
  });

  test('sourceIds and references are unique (the importer keys demo papers by them)', () => {
    const keys = records.map(([, r]) => r.sourceId ?? r.reference);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test.each(records)('%s is a contract-exact Paper record', (_file, r) => {
    expect(Object.keys(r).sort()).toEqual(PAPER_KEYS);
    expect(r.type).toBe('Paper');
    expect(r.format).toBe(1);
    expect(['allris3', 'allris4']).toContain(r.system);
    expect(cleanOrNull(r.systemVersion)).toBe(true);
    expect(cleanOrNull(r.sourceId)).toBe(true);
    expect(r.url === null || r.url.startsWith('https://musterstadt.example/')).toBe(true);
    for (const k of ['reference', 'name', 'paperType', 'statusText'] as const) expect(cleanOrNull(r[k])).toBe(true);
    expect(r.reference).not.toBeNull();
    expect(r.name).not.toBeNull();
    expect([true, false, null]).toContain(r.public);
    expect(isoOrNull(r.date)).toBe(true);
    for (const k of ['originator', 'underDirectionOf', 'relatedReferences'] as const) {
      expect(Array.isArray(r[k])).toBe(true);
      for (const s of r[k]) expect(cleanOrNull(s) && s !== null).toBe(true);
    }
    expect(r.consultation.length).toBeGreaterThan(0);
    for (const c of r.consultation) {
      expect(Object.keys(c).sort()).toEqual(CONSULTATION_KEYS);
      expect(cleanOrNull(c.organization) && c.organization !== null).toBe(true);
      expect(cleanOrNull(c.role)).toBe(true);
      expect(c.roleCode === null || (ROLE_CODES as readonly string[]).includes(c.roleCode)).toBe(true);
      expect(c.roleCode).toBe(classifyRole(c.role));
      expect([null, 'Erledigt', 'Geplant', 'Bereit', 'Gestoppt']).toContain(c.stationStatus);
      if (r.system === 'allris3') expect(c.stationStatus).toBeNull(); // ALLRIS 3 classic shows no station status
      for (const m of c.meetings) {
        expect(Object.keys(m).sort()).toEqual(MEETING_KEYS);
        expect(isoOrNull(m.date)).toBe(true);
        for (const k of ['name', 'meetingSourceId', 'agendaItemSourceId', 'result'] as const) expect(cleanOrNull(m[k])).toBe(true);
        expect((RESULT_CODES as readonly string[]).includes(m.resultCode)).toBe(true);
        expect(m.resultCode).toBe(classifyResult(m.result));
        if (m.date != null && m.date > TODAY) expect(m.result).toBeNull(); // no results for meetings still to come
      }
    }
    for (const f of r.files) {
      expect(Object.keys(f).sort()).toEqual(['name', 'url']);
      expect(f.url === null || f.url.startsWith('https://musterstadt.example/')).toBe(true);
    }
    expect(r.text.length).toBeGreaterThan(0);
    for (const t of r.text) {
      expect(Object.keys(t).sort()).toEqual(['heading', 'text']);
      expect(t.heading).not.toMatch(/:\s*$/);
      expect(t.text.trim()).toBe(t.text);
      expect(t.text.length).toBeGreaterThan(20);
    }
  });

  test('Musterstadt papers are clearly fictional', () => {
    for (const [f, r] of records) {
      if (!f.startsWith('musterstadt-')) continue;
      expect(r.url).toMatch(/^https:\/\/musterstadt\.example\//);
      expect(r.reference).toMatch(/^DS\/20(24|25|26)\/\d{4}$/);
    }
  });

  test.each(records)('%s has its expected state on 2026-11-24', (file, r) => {
    const p = progress(r, TODAY, { agenda: agendaOf(r) });
    expect(p.state).toBe(EXPECTED_STATES[file]);
    expect(p.explanation.length).toBeGreaterThan(20);
    if (p.basis?.stationIndex != null) expect(p.explanation).toContain(p.stations[p.basis.stationIndex].organization);
  });

  test('on 2026-11-24 every state of PAPER_STATES occurs but submitted and closed; DS/2026/0342 on its own page alone is submitted', () => {
    const seen = new Set(records.map(([, r]) => progress(r, TODAY, { agenda: agendaOf(r) }).state));
    // closed ("erledigt": the RIS marks every station done without a result) is the corpus's (Landkreis Osnabrück
    // VO/2026/181, test/e2e/corpus-states.test.ts) and the final cases' (test/helpers/progress-cases/final.ts)
    expect([...seen].sort()).toEqual(PAPER_STATES.filter((s) => s !== 'submitted' && s !== 'closed').sort());
    const [, ds0342] = records.find(([f]) => f.includes('0342')) as [string, PaperRecord];
    expect([progress(ds0342, TODAY).state, agendaOf(ds0342).map((a) => [a.organization, a.date, a.number])]).toEqual(['submitted', [['Rat der Stadt Musterstadt', '2026-12-17', '4']]]);
  });

  test('VII-A-00777: stalled since the FA Wirtschaft 1. Lesung, and the explanation names that station and day', () => {
    const [, leipzig] = records.find(([f]) => f.startsWith('leipzig-vii-a-00777')) as [string, PaperRecord];
    expect(leipzig.reference).toBe('VII-A-00777');
    const p = progress(leipzig, TODAY);
    expect(p.state).toBe('stalled');
    expect(p.basis).toEqual({ stationIndex: 2, meetingIndex: 0, date: '2020-02-11' });
    expect(p.explanation).toBe(
      'Ruht: seit dem 11.02.2020 (FA Wirtschaft, Arbeit und Digitales) ist nichts geschehen und nichts geplant. Offen ist noch Jugendbeirat (1. Lesung), ohne Termin.',
    );
    expect(progress(leipzig, '2020-02-01').explanation).toContain('zuletzt Ratsversammlung (Verweisung in die Gremien) am 22.01.2020');
  });

  test('the Musterstadt committees are contract-exact Organization records, one per committee the Beratungsfolgen name', () => {
    const named = new Set(musterstadtPapers.flatMap((p) => p.consultation.map((c) => c.organization)));
    expect(organizations.map((o) => o.name).sort()).toEqual([...named].sort());
    expect(new Set(organizations.map((o) => o.sourceId)).size).toBe(organizations.length);
    for (const o of organizations) {
      expect(Object.keys(o).sort()).toEqual(ORGANIZATION_KEYS);
      expect(o.format).toBe(1);
      expect(o.system).toBe('allris3');
      expect(cleanOrNull(o.systemVersion) && cleanOrNull(o.name) && o.name !== null).toBe(true);
      expect(o.sourceId).toMatch(/^\d+$/);
      expect(o.url).toBe(`https://musterstadt.example/bi/au020.asp?AULFDNR=${o.sourceId}`);
      expect(Array.isArray(o.members)).toBe(true);
    }
  });

  test('committee members are obviously fictional persons in elected roles of the factions that file motions (no staff)', () => {
    const FICTIONAL = /^(Erika|Max|Petra|Hans|Anna|Fritz|Lena|Tom) (Mustermann|Platzhalter|Beispiel|Probe|Fiktiv|Exempel|Testmann)$/;
    const ELECTED = ['Vorsitzende', 'Vorsitzender', 'stellv. Vorsitzende', 'stellv. Vorsitzender', 'Mitglied'];
    const factions = new Set(musterstadtPapers.flatMap((p) => p.originator).filter((o) => /fraktion/i.test(o)));
    const members = organizations.flatMap((o) => o.members);
    expect(members.length).toBeGreaterThan(0);
    for (const m of members) {
      expect(Object.keys(m).sort()).toEqual(MEMBER_KEYS);
      expect(m.name).toMatch(FICTIONAL);
      expect(isOrganisationName(m.name)).toBe(false);
      expect(ELECTED).toContain(m.role);
      expect(factions.has(m.group ?? '')).toBe(true);
      // what the scrapers keep of a member row (scrapers/shared/org-members.ts: no staff, no vacant seats)
      expect(toMember(m.name, m.role, m.group)).toEqual(m);
    }
  });

  test.each(meetings.map((m) => [`${m.sourceId} ${m.date} ${m.organization}`, m] as const))('meeting %s is a contract-exact Meeting record', (_label, m) => {
    expect(Object.keys(m).sort()).toEqual(MEETING_RECORD_KEYS);
    expect(m.format).toBe(1);
    expect(m.system).toBe('allris3');
    expect(m.sourceId).toMatch(/^\d+$/);
    expect(m.url).toBe(`https://musterstadt.example/bi/to010.asp?SILFDNR=${m.sourceId}`);
    for (const k of ['systemVersion', 'name', 'organization', 'organizationSourceId', 'room', 'location', 'statusText'] as const) expect(cleanOrNull(m[k])).toBe(true);
    expect(m.date).not.toBeNull();
    expect(isoOrNull(m.date)).toBe(true);
    expect(timeOrNull(m.start) && m.start !== null).toBe(true);
    expect(timeOrNull(m.end)).toBe(true);
    if (m.end !== null) expect(m.end > m.start!).toBe(true);
    if (m.date! > TODAY) expect(m.end).toBeNull(); // a coming meeting has no end time yet
    for (const e of m.agendaItem) {
      expect(Object.keys(e).sort()).toEqual(AGENDA_ENTRY_KEYS);
      for (const k of ['number', 'sourceId', 'name', 'paperReference', 'paperSourceId', 'result'] as const) expect(cleanOrNull(e[k])).toBe(true);
      expect(e.sourceId).toMatch(/^\d+$/);
      expect([true, false, null]).toContain(e.public);
      expect((RESULT_CODES as readonly string[]).includes(e.resultCode)).toBe(true);
      expect(e.resultCode).toBe(classifyResult(e.result));
      if (m.date! > TODAY) expect(e.result).toBeNull();
      if (e.public === false) expect(e.paperReference).toBeNull(); // the non-public items name nothing
    }
    expect(m.agendaItem.map((e) => e.number)).toEqual(m.agendaItem.map((_e, i) => String(i + 1)));
  });

  test('every meeting belongs to a demo committee, by name and AULFDNR; meeting and agenda item ids are unique', () => {
    const byName = new Map(organizations.map((o) => [o.name, o]));
    for (const m of meetings) expect(byName.get(m.organization)?.sourceId).toBe(m.organizationSourceId);
    expect(new Set(meetings.map((m) => m.sourceId)).size).toBe(meetings.length);
    const items = meetings.flatMap((m) => m.agendaItem.map((e) => e.sourceId));
    expect(new Set(items).size).toBe(items.length);
  });

  test('the meetings are those of the Beratungsfolgen: same id, date, committee and name, the item of the paper with its result', () => {
    const bySid = new Map(meetings.map((m) => [m.sourceId, m]));
    let rows = 0;
    for (const p of musterstadtPapers) {
      for (const c of p.consultation) {
        for (const row of c.meetings) {
          rows++;
          expect(row.meetingSourceId).not.toBeNull();
          const m = bySid.get(row.meetingSourceId)!;
          expect([p.reference, m?.date, m?.organization, m?.name]).toEqual([p.reference, row.date, c.organization, row.name]);
          const item = m.agendaItem.find((e) => e.sourceId === row.agendaItemSourceId);
          if (m.agendaItem.length === 0) {
            // published agendas only for meetings up to 17.12.2026; the two of 2027 are in the calendar without one
            expect(m.date! > '2026-12-31').toBe(true);
            continue;
          }
          expect(item).toBeDefined();
          expect([item!.paperReference, item!.paperSourceId, item!.name, item!.result, item!.resultCode]).toEqual(
            [p.reference, p.sourceId, item!.name, row.result, row.resultCode],
          );
        }
      }
    }
    expect(rows).toBe(meetings.length); // each meeting is named by exactly one meeting row
    // and nothing else: every agenda item that names a motion names a demo motion, by reference and VOLFDNR
    const papers = new Map(musterstadtPapers.map((p) => [p.reference, p]));
    const named: AgendaItemEntry[] = meetings.flatMap((m) => m.agendaItem.filter((e) => e.paperReference !== null || e.paperSourceId !== null));
    for (const e of named) expect(papers.get(e.paperReference)?.sourceId).toBe(e.paperSourceId);
  });

  test('past meetings and coming ones: results up to 24.11.2026, published agendas for 03.12. and 17.12.2026, none yet for 2027', () => {
    const coming = meetings.filter((m) => m.date! >= TODAY).map((m) => [m.date, m.organization, m.agendaItem.length]);
    expect(coming).toEqual([
      ['2026-12-03', 'Hauptausschuss', 2],
      ['2026-12-17', 'Rat der Stadt Musterstadt', 5],
      ['2027-01-13', 'Ausschuss für Stadtentwicklung und Mobilität', 0],
      ['2027-02-04', 'Rat der Stadt Musterstadt', 0],
    ]);
    const past = meetings.filter((m) => m.date! < TODAY);
    expect(past.length).toBe(23);
    expect(past.every((m) => m.agendaItem.some((e) => e.paperReference !== null))).toBe(true);
    // the Rat of 17.12.2026 also carries two motions its Beratungsfolge does not list yet (the agenda check's case)
    const rat = meetings.find((m) => m.date === '2026-12-17')!;
    expect(rat.agendaItem.map((e) => e.paperReference)).toEqual([null, 'DS/2026/0123', 'DS/2026/0301', 'DS/2026/0342', null]);
  });

  test('readDemoRecords reads every record with its source: 13 papers, 10 committees, 27 meetings', () => {
    const read = readDemoRecords();
    const count = (type: string, key: string) => read.filter((d) => d.record.type === type && d.source.key === key).length;
    expect([count('Paper', 'demo-leipzig'), count('Paper', 'demo-musterstadt'), count('Organization', 'demo-musterstadt'), count('Meeting', 'demo-musterstadt')])
      .toEqual([1, 12, 10, 27]);
    expect(read.find((d) => d.record.type === 'Meeting' && d.record.sourceId === '4103')).toMatchObject({ file: MEETING_FILE, index: 24 });
  });

  describe('readDemoRecords names the file of a bad one', () => {
    const tmp = makeTmpDir();
    afterAll(() => tmp.cleanup());
    const folderWith = (name: string, content: string) => {
      const dir = fs.mkdtempSync(path.join(tmp.dir, 'demo-'));
      fs.copyFileSync(path.join(DEMO, 'musterstadt-gremien.json'), path.join(dir, 'musterstadt-gremien.json'));
      fs.writeFileSync(path.join(dir, name), content);
      return dir;
    };
    const meeting = meetings[0];

    test.each([
      ['berlin-x.json', JSON.stringify(records[0][1]), /demo file berlin-x\.json does not start with a known city/],
      ['musterstadt-x.json', '{ "type": "Paper", ', /demo file musterstadt-x\.json is not JSON/],
      ['musterstadt-x.json', JSON.stringify({ ...meeting, type: 'System' }), /demo file musterstadt-x\.json has type "System"/],
      ['musterstadt-x.json', JSON.stringify([meeting, { ...meeting, format: 2 }]), /demo file musterstadt-x\.json, record 2 is not a format-1 record/],
      ['musterstadt-x.json', JSON.stringify([meeting, 'Sitzung']), /demo file musterstadt-x\.json, record 2 is not a record/],
      ['musterstadt-x.json', JSON.stringify([{ ...meeting, sourceId: null, date: null, name: null }]), /demo file musterstadt-x\.json, record 1 \(Meeting\) has neither a sourceId/],
      ['musterstadt-x.json', '[]', /demo file musterstadt-x\.json holds an empty array/],
    ])('%s: %s', (name, content, message) => {
      expect(() => readDemoRecords(folderWith(name, content))).toThrow(message);
    });
  });
});
