/**
 * ALLRIS's OParl quirks (ALLRIS-NOTES §2d, §3, §6, §7.11), one test each, named after the quirk.
 * Where a corpus page shows the quirk it is used; otherwise the JSON is HAND-MADE inline (said so
 * beside it), shaped after the corpus objects.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { NotARisPageError } from '../../../scrapers/errors';
import { naPrefixedPage } from '../../../scrapers/oparl/base';
import { parseOparl } from '../../../scrapers/oparl/parse';
import { parsePage } from '../../../scrapers/parse';
import type { FileRecord, ListRecord, MeetingRecord, PaperRecord, SystemRecord, BodyRecord } from '../../../scrapers/records';
import { CORPUS } from '../../helpers/tmp';

const page = (p: string) => readFileSync(join(CORPUS, 'oparl', p));
const parseJson = (json: unknown, url: string | null = null) =>
  parseOparl({ text: typeof json === 'string' ? json : JSON.stringify(json), url, systemVersion: null });

const T = 'https://schema.oparl.org/1.1/';

describe('OParl vendor quirks', () => {
  it('"N/A" strings become null (Leipzig 1.0 System name)', () => {
    const rec = parsePage(page('leipzig/oparl1.0-system.json')) as SystemRecord;
    expect(rec.name).toBeNull();
    // HAND-MADE: "N/A" in other fields too, in any case
    const p = parseJson({ id: 'https://x.example/oparl/papers?id=1', type: `${T}Paper`, reference: 'n/a', paperType: 'N/A', name: 'Antrag' }) as PaperRecord;
    expect([p.reference, p.paperType, p.name]).toEqual([null, null, 'Antrag']);
  });

  it('blank and white-space strings become null (Leipzig 1.0 Body shortName "")', () => {
    const rec = parsePage(page('leipzig/oparl1.0-body-2387.json')) as BodyRecord;
    expect(rec.shortName).toBeNull();
    // HAND-MADE: a single space and NBSP, as ALLRIS writes them
    const p = parseJson({ id: 'https://x.example/oparl/papers?id=1', type: `${T}Paper`, reference: ' ', name: '\u00a0 ', paperType: '  Antrag  ' }) as PaperRecord;
    expect([p.reference, p.name, p.paperType]).toEqual([null, null, 'Antrag']);
  });

  it('raw control characters inside JSON strings are escaped before parsing (Braunschweig 1.0 paper)', () => {
    const bytes = page('braunschweig/oparl1.0-paper-1664-broken-control-chars.json');
    expect(() => JSON.parse(bytes.toString('utf8'))).toThrow();
    const rec = parsePage(bytes) as PaperRecord;
    expect(rec.sourceId).toBe('https://ratsinfo.braunschweig.de/bi/oparl/1.0/papers.asp?id=1664');
    expect(rec.reference).toBe('1664/99');
    // the line break stays a space; the old field's binary tail (" @ \u0004\u0001  A | … ÿ") goes from its line on
    expect(rec.name).toBe('Volkshochschule Braunschweig e. V. Umwandlung in eine Gesellschaft mit beschränkter Haftung (GmbH)');
    expect(rec.name).not.toMatch(/[\u0000-\u001f]/);
  });

  it('an old field\'s DOS letters ("beschr„nkter": CP850 read as Windows-1252) are repaired only beside its binary tail', () => {
    const bytes = page('braunschweig/oparl1.0-paper-1664-broken-control-chars.json').toString('utf8');
    expect(bytes).toContain('beschr\u201enkter Haftung (GmbH) \\n @ \u0004\u0001');
    expect((parsePage(page('braunschweig/oparl1.0-paper-1664-broken-control-chars.json')) as PaperRecord).name).toContain('beschränkter Haftung');
    // HAND-MADE: without binary control characters a text is kept as it is, quotation marks included
    const name = (n: string) => (parseJson({ id: 'https://x.example/oparl/papers?id=2', type: `${T}Paper`, name: n }) as PaperRecord).name;
    expect(name('Antrag „Grün„flächen” der Fraktion')).toBe('Antrag „Grün„flächen” der Fraktion');
    expect(name('Zweite Zeile\u000bnach manuellem Umbruch')).toBe('Zweite Zeile nach manuellem Umbruch');
    // with them: ö and ü too (ß, CP850 0xE1 read as "á", is a letter elsewhere: kept), a quotation mark outside a word stays, the junk line goes
    expect(name('Gr”áe und Fl\u0081gel „Zukunft“\r\n\u0003\u0002 ÿÿ')).toBe('Gröáe und Flügel „Zukunft“');
    // a text that is junk from its first line on stays whole (nothing better is known), controls as spaces
    expect(name('\u0004Haus')).toBe('Haus');
    // a stray control character inside a text (Word's non-breaking hyphen U+001E) loses nothing: words follow it on its line
    expect(name('1. Der Rat beschließt den Plan.\n2. Die Nord\u001eSüd-Achse wird gebaut.\n3. Ende.')).toBe('1. Der Rat beschließt den Plan. 2. Die Nord Süd-Achse wird gebaut. 3. Ende.');
    // U+0081 is never text: ü wherever it stands; ” at a word's start beside a junk tail is ö, „ there stays a quotation mark
    expect(name('\u0081ber die Gr\u0081nanlage')).toBe('über die Grünanlage');
    expect(name('”ffentlich „vertagt“\r\n\u0003\u0002 ÿ')).toBe('öffentlich „vertagt“');
  });

  it('auxiliaryFile as an object instead of an array (Bonn 1.1)', () => {
    // the Bonn meeting carries it; Meeting records list no files, so the page must simply parse
    expect((parsePage(page('bonn/oparl1.1-meeting-664.json')) as MeetingRecord).agendaItem).toHaveLength(1);
    // HAND-MADE paper with the Bonn auxiliaryFile object
    const p = parseJson({
      id: 'https://www.bonn.sitzung-online.de/public/oparl/papers?id=1',
      type: `${T}Paper`,
      mainFile: { id: 'https://www.bonn.sitzung-online.de/public/oparl/files?id=1&dtyp=130', type: `${T}File`, name: 'Vorlage', accessUrl: 'https://www.bonn.sitzung-online.de/public/doc?DOLFDNR=1&DOCTYP=130&OTYP=41', downloadUrl: '' },
      auxiliaryFile: { id: 'https://www.bonn.sitzung-online.de/public/oparl/files?id=268781&dtyp=134', type: `${T}File`, name: 'Alle Anlagen öffentlich', fileName: '81.pdf', mimeType: 'pdf', size: 553767, accessUrl: 'https://www.bonn.sitzung-online.de/public/doc?DOLFDNR=268781&DOCTYP=134&OTYP=41', downloadUrl: '' },
    }) as PaperRecord;
    expect(p.files).toEqual([
      { name: 'Vorlage', url: 'https://www.bonn.sitzung-online.de/public/doc?DOLFDNR=1&DOCTYP=130&OTYP=41' },
      { name: 'Alle Anlagen öffentlich', url: 'https://www.bonn.sitzung-online.de/public/doc?DOLFDNR=268781&DOCTYP=134&OTYP=41' },
    ]);
  });

  // HAND-MADE File objects copied from the embedded files of the Augsburg paper and the Bonn meeting
  const augsburgFile = {
    id: 'https://www.augsburg.sitzung-online.de/public/oparl/files?id=1059421&dtyp=130',
    type: `${T}File`,
    name: 'Sammeldokument öffentlich',
    fileName: '2025-12-01 TVO-BSV_25_61736-2 Zukunftsbericht Inte SAO.pdf',
    mimeType: 'pdf',
    size: 3163823,
    accessUrl: 'https://www.augsburg.sitzung-online.de/public/doc?DOLFDNR=1059421&DOCTYP=130&OTYP=41&ANNOTS=1',
    downloadUrl: '',
  };
  const bonnInvitation = {
    id: 'https://www.bonn.sitzung-online.de/public/oparl/files?id=2026137&dtyp=108',
    type: `${T}File`,
    name: 'Öffentliche Tagesordnung',
    fileName: '37.docx',
    mimeType: 'docx',
    size: 0,
    accessUrl: 'https://www.bonn.sitzung-online.de/public/doc?DOLFDNR=2026137&DOCTYP=108&OTYP=41',
    downloadUrl: '',
  };

  it('mimeType "pdf" (a file extension) becomes "application/pdf"; what is no MIME type becomes null', () => {
    expect(parseJson(augsburgFile)).toEqual<FileRecord>({
      type: 'File', format: 1, system: 'oparl', systemVersion: '1.1',
      sourceId: 'https://www.augsburg.sitzung-online.de/public/oparl/files?id=1059421&dtyp=130',
      url: null,
      name: 'Sammeldokument öffentlich',
      fileName: '2025-12-01 TVO-BSV_25_61736-2 Zukunftsbericht Inte SAO.pdf',
      mimeType: 'application/pdf',
      accessUrl: 'https://www.augsburg.sitzung-online.de/public/doc?DOLFDNR=1059421&DOCTYP=130&OTYP=41&ANNOTS=1',
      size: 3163823,
    });
    expect((parseJson(bonnInvitation) as FileRecord).mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect((parseJson({ ...augsburgFile, mimeType: 'Application/PDF' }) as FileRecord).mimeType).toBe('application/pdf');
    expect((parseJson({ ...augsburgFile, mimeType: 'Sammeldokument' }) as FileRecord).mimeType).toBeNull();
    expect((parseJson({ ...augsburgFile, mimeType: 'N/A' }) as FileRecord).mimeType).toBeNull();
  });

  it('size 0 means unknown and becomes null (Bonn 1.1 invitation)', () => {
    expect((parseJson(bonnInvitation) as FileRecord).size).toBeNull();
  });

  it('accessUrl is used over an empty downloadUrl; a downloadUrl stands in when accessUrl is missing', () => {
    expect((parseJson(bonnInvitation) as FileRecord).accessUrl).toBe('https://www.bonn.sitzung-online.de/public/doc?DOLFDNR=2026137&DOCTYP=108&OTYP=41');
    const { accessUrl: _drop, ...withoutAccess } = bonnInvitation;
    expect((parseJson({ ...withoutAccess, downloadUrl: 'https://x.example/dl/1.docx' }) as FileRecord).accessUrl).toBe('https://x.example/dl/1.docx');
  });

  it('web "N/Avo020.asp?…" names the ALLRIS page relative to the folder of the API (Leipzig 1.0 paper list)', () => {
    const list = parsePage(page('leipzig/oparl1.0-paperlist-page2.json')) as ListRecord;
    expect(list.items[0].sourceId).toBe('https://ratsinfo.leipzig.de/bi/oparl/1.0/papers.asp?id=1000030');
    expect(list.items[0].url).toBe('https://ratsinfo.leipzig.de/bi/vo020.asp?VOLFDNR=1000030');
    // only "N/A" glued to an ALLRIS program link, and only under an id with an oparl/ folder
    expect(naPrefixedPage('N/A', 'https://ratsinfo.leipzig.de/bi/oparl/1.0/papers.asp?id=1')).toBeNull();
    expect(naPrefixedPage('N/Ajavascript:alert(1)', 'https://ratsinfo.leipzig.de/bi/oparl/1.0/papers.asp?id=1')).toBeNull();
    expect(naPrefixedPage('N/Avo020.asp?VOLFDNR=7', 'https://x.example/api/papers/7')).toBeNull();
    expect(naPrefixedPage('N/Ato010.asp?SILFDNR=42', 'https://ris.example/bi/oparl/1.0/meetings.asp?id=42')).toBe('https://ris.example/bi/to010.asp?SILFDNR=42');
    // and a usable web link is taken as it is, upper-case program name included (Braunschweig 1.1)
    const bs = parsePage(page('braunschweig/oparl1.1-paper-array-4papers.json')) as ListRecord;
    expect(bs.items[0].url).toBe('https://www.ratsinfo.braunschweig.sitzung-online.de/public/VO020?VOLFDNR=2002747');
  });

  it('placeholder timestamps 2000-01-01T00:00:00+01:00 are dropped', () => {
    // HAND-MADE meeting and paper with ALLRIS's placeholder where a date should be
    const m = parseJson({
      id: 'https://x.example/oparl/meetings/1', type: `${T}Meeting`, name: 'Sitzung',
      start: '2000-01-01T00:00:00+01:00', end: '2000-01-01T00:00:00+01:00', created: '2000-01-01T00:00:00+01:00',
    }) as MeetingRecord;
    expect([m.date, m.start, m.end]).toEqual([null, null, null]);
    const p = parseJson({
      id: 'https://x.example/oparl/papers/1', type: `${T}Paper`, date: '2000-01-01T00:00:00+01:00',
      consultation: [{ id: 'https://x.example/oparl/consultations/1', type: `${T}Consultation`, role: 'Entscheidung',
        meeting: { id: 'https://x.example/oparl/meetings/1', type: `${T}Meeting`, name: 'Sitzung des Rates', start: '2000-01-01T00:00:00+01:00' } }],
    }) as PaperRecord;
    expect(p.date).toBeNull();
    expect(p.consultation[0].meetings[0]).toMatchObject({ date: null, name: 'Sitzung des Rates', meetingSourceId: 'https://x.example/oparl/meetings/1' });
  });

  it('end "next midnight" is ALLRIS\'s placeholder: end null (Augsburg, Bonn 1.1 meetings)', () => {
    const a = parsePage(page('augsburg/oparl1.1-meeting-1000066.json')) as MeetingRecord;
    expect([a.date, a.start, a.end]).toEqual(['2027-12-01', '14:30', null]);
    const b = parsePage(page('bonn/oparl1.1-meeting-664.json')) as MeetingRecord;
    expect([b.date, b.start, b.end]).toEqual(['2021-05-11', '17:00', null]);
    // a real end is kept (specification example: 08:00–12:00)
    const s = parsePage(page('oparl-spec-example/oparl1.1-synthetic-meeting-01.json')) as MeetingRecord;
    expect([s.start, s.end]).toEqual(['08:00', '12:00']);
  });

  it('originatorPerson: [null] is harmless and persons never become originators (Augsburg 1.1 paper)', () => {
    expect((parsePage(page('augsburg/oparl1.1-paper-1001737.json')) as PaperRecord).originator).toEqual([]);
    // HAND-MADE: an embedded originator person (staff or not) stays out; an embedded organization counts
    const p = parseJson({
      id: 'https://x.example/oparl/papers/1', type: `${T}Paper`,
      originatorPerson: [null, { id: 'https://x.example/oparl/persons/7', type: `${T}Person`, name: 'Nachname, Vorname' }],
      originatorOrganization: [null, { id: 'https://x.example/oparl/organizations/fr/3', type: `${T}Organization`, name: 'Fraktion DIE LINKE' }],
    }) as PaperRecord;
    expect(p.originator).toEqual(['Fraktion DIE LINKE']);
  });

  it('vendor key "leipzig:originator" gives the originator (Leipzig 1.0 paper)', () => {
    expect((parsePage(page('leipzig/oparl1.0-paper-1014936.json')) as PaperRecord).originator).toEqual(['Petitionsausschuss']);
  });

  it('license with a trailing space: values are trimmed, the licence is no System field (Augsburg 1.1 System)', () => {
    const bytes = page('augsburg/oparl1.1-system.json');
    expect(bytes.toString('utf8')).toContain('"license": "https://creativecommons.org/licenses/by/4.0/ "');
    const rec = parsePage(bytes) as SystemRecord;
    expect(rec).not.toHaveProperty('license');
    // HAND-MADE: trailing spaces on the fields the record does keep
    const s = parseJson({
      id: 'https://x.example/oparl/system ', type: `${T}System `, oparlVersion: 'https://schema.oparl.org/1.1/ ',
      license: 'https://creativecommons.org/licenses/by/4.0/ ', body: 'https://x.example/oparl/bodies ', name: 'Musterstadt ',
    }) as SystemRecord;
    expect([s.sourceId, s.systemVersion, s.oparlVersion, s.bodies, s.name]).toEqual([
      'https://x.example/oparl/system', '1.1', '1.1', ['https://x.example/oparl/bodies'], 'Musterstadt',
    ]);
  });

  it('ids differ from the request URL: sourceId is the object\'s own id', () => {
    const bytes = page('augsburg/oparl1.1-paper-1001737.json');
    const rec = parsePage(bytes, 'https://www.augsburg.sitzung-online.de/public/oparl/papers?body=1&id=1001737&omit_internal=true');
    expect(rec.sourceId).toBe('https://www.augsburg.sitzung-online.de/public/oparl/papers?id=1001737');
    expect(rec.url).toBe('https://www.augsburg.sitzung-online.de/public/vo020?VOLFDNR=1001737');
  });

  it('invalid JSON is NotARisPageError with a one-line reason', () => {
    // HAND-MADE: a truncated answer
    const run = () => parseJson('{\n  "id": "https://x.example/oparl/papers/1",\n  "type": "https://schema.oparl.org/1.1/Paper",\n  "name": "Antr');
    expect(run).toThrow(NotARisPageError);
    expect(run).toThrow(/^invalid JSON: [^\n]+$/);
    // and through parsePage, as the CLI sees it
    expect(() => parsePage(Buffer.from('{"type": "https://schema.oparl.org/1.1/Paper", "id": }'))).toThrow(NotARisPageError);
  });

  it('JSON that is not OParl is NotARisPageError', () => {
    // HAND-MADE: GeoJSON and a type URL of another schema
    expect(() => parseJson({ type: 'Feature', geometry: null })).toThrow(NotARisPageError);
    expect(() => parseJson({ id: 'https://x.example/oparl/1', type: 'https://example.org/oparl/Paper' })).toThrow(/not an OParl object/);
    expect(() => parseJson('"oparl"')).toThrow(NotARisPageError);
    expect(() => parseJson([{ id: 'https://x.example/1', type: 'Thing' }])).toThrow(NotARisPageError);
  });
  it('authoritative: true is the decision where the role is missing or a word the rules do not know (ALLRIS-NOTES §5)', () => {
    // HAND-MADE: Braunschweig's Paper shape, its consultations' roles left out or renamed
    const paper = (consultation: unknown[]) => parseJson({
      id: 'https://x.example/oparl/papers?id=1', type: `${T}Paper`, name: 'Antrag', consultation,
    }) as PaperRecord;
    const c = (extra: object) => ({ id: 'https://x.example/oparl/consultations?id=1', type: `${T}Consultation`, organization: ['https://x.example/oparl/organizations?id=5'], ...extra });
    const codes = paper([
      c({ authoritative: true }),
      c({ authoritative: true, role: 'Zuständigkeit' }),
      c({ authoritative: true, role: 'Vorberatung' }),
      c({ authoritative: false }),
      c({ authoritative: false, role: 'Entscheidung' }),
      c({ role: 'Sonderweg' }),
    ]).consultation.map((s) => [s.role, s.roleCode]);
    expect(codes).toEqual([
      [null, 'decision'],
      ['Zuständigkeit', 'decision'],
      ['Vorberatung', 'preliminary'],
      [null, null],
      ['Entscheidung', 'decision'],
      ['Sonderweg', 'other'],
    ]);
  });
});
