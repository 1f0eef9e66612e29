/** Small hand-made records for database and server tests (not scraped; every field is written here). */
import type { ConsultationRecord, PaperRecord } from '../../scrapers/records';

export function paper(overrides: Partial<PaperRecord> = {}): PaperRecord {
  return {
    type: 'Paper',
    format: 1,
    system: 'allris3',
    systemVersion: '3.9.5',
    sourceId: '1000001',
    url: 'https://ris.example/bi/vo020.asp?VOLFDNR=1000001',
    reference: 'DS/2026/0001',
    name: 'Testvorlage',
    paperType: 'Antrag',
    public: true,
    statusText: 'öffentlich',
    originator: ['Fraktion A'],
    underDirectionOf: [],
    date: null,
    relatedReferences: [],
    consultation: [],
    files: [],
    text: [],
    ...overrides,
  };
}

export function station(organization: string, role: string | null, meetings: ConsultationRecord['meetings'] = [], stationStatus: string | null = null): ConsultationRecord {
  return { organization, role, roleCode: null, stationStatus, meetings };
}
