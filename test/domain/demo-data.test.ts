/**
 * data/demo/*.json: every file is a contract-exact Paper record (CONTRACTS.md section 2, format 1),
 * and together on 2026-11-24 they show every state of PAPER_STATES.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PaperRecord } from '../../scrapers/records';
import { classifyResult, classifyRole, RESULT_CODES, ROLE_CODES } from '../../scrapers/shared/codes';
import { PAPER_STATES, progress, type PaperState } from '../../src/domain/progress';

const DEMO = path.join(__dirname, '..', '..', 'data', 'demo');
const TODAY = '2026-11-24';

const files = fs.readdirSync(DEMO).filter((f) => f.endsWith('.json')).sort();
const records: [string, PaperRecord][] = files.map((f) => [f, JSON.parse(fs.readFileSync(path.join(DEMO, f), 'utf8')) as PaperRecord]);

const PAPER_KEYS = [
  'type', 'format', 'system', 'systemVersion', 'sourceId', 'url', 'reference', 'name', 'paperType', 'public', 'statusText',
  'originator', 'underDirectionOf', 'date', 'relatedReferences', 'consultation', 'files', 'text',
].sort();
const CONSULTATION_KEYS = ['organization', 'role', 'roleCode', 'stationStatus', 'meetings'].sort();
const MEETING_KEYS = ['date', 'name', 'meetingSourceId', 'agendaItemSourceId', 'result', 'resultCode'].sort();

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
  'musterstadt-ds-2026-0301-beteiligungsportal.json': 'in-deliberation',
  'musterstadt-ds-2026-0342-online-terminvergabe.json': 'submitted',
  'musterstadt-ds-2026-0388-sensorik-messnetz.json': 'scheduled',
};

const isoOrNull = (v: unknown) => v === null || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v));
/** CONTRACTS.md: strings trimmed, inner white space collapsed, empty → null (text sections keep their line breaks). */
const cleanOrNull = (v: unknown) => v === null || (typeof v === 'string' && v !== '' && v === v.replace(/[\s\u00a0]+/g, ' ').trim());

describe('data/demo', () => {
  test('holds the Leipzig motion and 10–14 Musterstadt motions, plus a README', () => {
    expect(files).toContain('leipzig-vii-a-00777-digitaltag-2020.json');
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
    const p = progress(r, TODAY);
    expect(p.state).toBe(EXPECTED_STATES[file]);
    expect(p.explanation.length).toBeGreaterThan(20);
    if (p.basis?.stationIndex != null) expect(p.explanation).toContain(p.stations[p.basis.stationIndex].organization);
  });

  test('on 2026-11-24 every state of PAPER_STATES occurs', () => {
    const seen = new Set(records.map(([, r]) => progress(r, TODAY).state));
    expect([...seen].sort()).toEqual([...PAPER_STATES].sort());
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
});
