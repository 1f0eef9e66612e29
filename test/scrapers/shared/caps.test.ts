/**
 * Field size caps at parse time: a title of 5 MB, a paper of 1,200 stations and an
 * agenda of 2,000 rows are cut to the stated limits and reported, never stored whole; no page of the
 * recorded corpus is cut. The oversized pages are generated in the test from corpus pages (the
 * title, a Beratungsfolge row, an agenda row multiplied); the corpus files are read, never changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parsePage, parsePageWithCaps } from '../../../scrapers/parse';
import type { MeetingRecord, PaperRecord, RisRecord } from '../../../scrapers/records';
import {
  capRecord, describeCaps, MAX_AGENDA_ITEMS, MAX_FIELD_CHARS, MAX_LIST_ITEMS, MAX_STATION_MEETINGS, MAX_STATIONS, MAX_TEXT_CHARS,
} from '../../../scrapers/shared/caps';
import { openDb } from '../../../src/db/connection';
import { importSavedPages } from '../../../src/ingest/saved-pages';
import { paper, station } from '../../helpers/records';
import { CORPUS, makeTmpDir } from '../../helpers/tmp';

const VO020 = path.join(CORPUS, 'allris3/hamburg-nord/vo020-1016851.html');
const TO010 = path.join(CORPUS, 'allris3/hamburg-nord/to010-1003143.html');
const URL_VO = 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/vo020.asp?VOLFDNR=1016851';
const URL_TO = 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/to010.asp?SILFDNR=1003143';
const latin1 = (file: string) => fs.readFileSync(file).toString('latin1');

/** The corpus motion with a 5 MB title. */
function hugeTitlePage(): Buffer {
  const text = latin1(VO020);
  expect(text).toContain('Bezirkliche Sondermittel');
  return Buffer.from(text.replace('Bezirkliche Sondermittel', `Bezirkliche Sondermittel ${'Radverkehr '.repeat(480_000)}`), 'latin1');
}

/** The corpus motion whose Beratungsfolge has 1,200 stations (its station rows repeated under other committee names). */
function manyStationsPage(): Buffer {
  const text = latin1(VO020);
  const start = text.indexOf('<tr valign="top" class="zl12">');
  const end = text.indexOf('</table>', start);
  const rows = text.slice(start, end);
  const many = Array.from({ length: 1200 }, (_v, i) => rows.replace('Hauptausschuss', `Ausschuss ${i + 1}`)).join('\n');
  return Buffer.from(text.slice(0, start) + many + text.slice(end), 'latin1');
}

/** The corpus meeting whose agenda has 2,000 rows (its first row repeated). */
function longAgendaPage(): Buffer {
  const text = latin1(TO010);
  const start = text.indexOf('<tr class="zl12">');
  const end = text.indexOf('<tr class="zl11">', start);
  const row = text.slice(start, end);
  return Buffer.from(text.slice(0, start) + row.repeat(2000) + text.slice(end), 'latin1');
}

describe('oversized pages are cut at parse time and the cut is reported', () => {
  test('a title of 5 MB: cut to MAX_FIELD_CHARS', () => {
    const { record, caps } = parsePageWithCaps(hugeTitlePage(), URL_VO);
    const p = record as PaperRecord;
    expect(p.name!.length).toBe(MAX_FIELD_CHARS);
    expect(p.name!.startsWith('Bezirkliche Sondermittel Radverkehr')).toBe(true);
    expect(p.name!.endsWith('…')).toBe(true);
    expect(caps.notes).toEqual([{ path: 'name', unit: 'characters', from: expect.any(Number), to: MAX_FIELD_CHARS }]);
    expect(caps.notes[0].from).toBeGreaterThan(5_000_000);
    // parsePage is the same record
    expect((parsePage(hugeTitlePage(), URL_VO) as PaperRecord).name).toBe(p.name);
  });

  test('a paper of 1,200 stations: the first MAX_STATIONS are kept', () => {
    const { record, caps } = parsePageWithCaps(manyStationsPage(), URL_VO);
    const p = record as PaperRecord;
    expect(p.consultation).toHaveLength(MAX_STATIONS);
    expect(p.consultation[0].organization).toBe('Ausschuss 1');
    expect(p.consultation[MAX_STATIONS - 1].organization).toBe(`Ausschuss ${MAX_STATIONS}`);
    expect(caps.notes).toEqual([{ path: 'consultation', unit: 'items', from: 1200, to: MAX_STATIONS }]);
    expect(describeCaps(caps)).toBe(`consultation: 1200 → ${MAX_STATIONS} items`);
  });

  test('an agenda of 2,000 rows: the first MAX_AGENDA_ITEMS are kept', () => {
    const { record, caps } = parsePageWithCaps(longAgendaPage(), URL_TO);
    const m = record as MeetingRecord;
    expect(m.agendaItem).toHaveLength(MAX_AGENDA_ITEMS);
    expect(caps.notes).toEqual([{ path: 'agendaItem', unit: 'items', from: expect.any(Number), to: MAX_AGENDA_ITEMS }]);
    expect(caps.notes[0].from).toBeGreaterThanOrEqual(2000);
  });

  test('import stores the cut record and says so in its line for the file', () => {
    const tmp = makeTmpDir();
    try {
      const dir = path.join(tmp.dir, 'hamburg-nord');
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'vo020-huge-title.html'), hugeTitlePage());
      fs.writeFileSync(path.join(dir, 'to010-long-agenda.html'), longAgendaPage());
      const opened = openDb(path.join(tmp.dir, 'caps.sqlite'));
      const summary = importSavedPages(opened.sqlite, [dir], { now: '2026-11-24T09:00:00Z', today: '2026-11-24' });
      expect(summary.files.map((f) => f.status)).toEqual(['inserted', 'inserted']);
      expect(summary.files[0].detail).toMatch(new RegExp(`cut to the size caps: agendaItem: \\d+ → ${MAX_AGENDA_ITEMS} items$`));
      expect(summary.files[1].detail).toMatch(new RegExp(`cut to the size caps: name: \\d+ → ${MAX_FIELD_CHARS} characters$`));
      const longest = opened.sqlite.prepare('SELECT MAX(LENGTH(name)) FROM papers').pluck().get();
      expect(longest).toBe(MAX_FIELD_CHARS);
      expect(opened.sqlite.prepare('SELECT COUNT(*) FROM agenda_items').pluck().get()).toBeLessThanOrEqual(MAX_AGENDA_ITEMS);
      opened.close();
    } finally {
      tmp.cleanup();
    }
  });
});

describe('capRecord, table-tested', () => {
  const long = (n: number) => 'x'.repeat(n);
  const meetingRow = { date: '2026-01-01', name: null, meetingSourceId: null, agendaItemSourceId: null, result: null, resultCode: 'unclassified' as const };
  test.each<[string, RisRecord, { path: string; from: number; to: number }[]]>([
    ['nothing over a cap', paper({ name: long(MAX_FIELD_CHARS) }), []],
    ['a reference', paper({ reference: long(MAX_FIELD_CHARS + 1) }), [{ path: 'reference', from: MAX_FIELD_CHARS + 1, to: MAX_FIELD_CHARS }]],
    ['a text section body may be long', paper({ text: [{ heading: 'Begründung', text: long(MAX_TEXT_CHARS) }] }), []],
    ['a text section body over its cap', paper({ text: [{ heading: null, text: long(MAX_TEXT_CHARS + 5) }] }), [{ path: 'text[0].text', from: MAX_TEXT_CHARS + 5, to: MAX_TEXT_CHARS }]],
    ['a text section heading is a field', paper({ text: [{ heading: long(MAX_FIELD_CHARS + 1), text: 'ok' }] }), [{ path: 'text[0].heading', from: MAX_FIELD_CHARS + 1, to: MAX_FIELD_CHARS }]],
    ['an originator', paper({ originator: [long(MAX_FIELD_CHARS + 2)] }), [{ path: 'originator[0]', from: MAX_FIELD_CHARS + 2, to: MAX_FIELD_CHARS }]],
    ['meeting rows of a station', paper({ consultation: [station('Rat', null, Array.from({ length: 150 }, () => meetingRow))] }), [{ path: 'consultation[0].meetings', from: 150, to: MAX_STATION_MEETINGS }]],
    ['a station name', paper({ consultation: [station(long(3000), null)] }), [{ path: 'consultation[0].organization', from: 3000, to: MAX_FIELD_CHARS }]],
    ['a calendar page', { type: 'MeetingList', format: 1, system: 'allris3', systemVersion: null, sourceId: null, url: null,
      meetings: Array.from({ length: MAX_LIST_ITEMS + 1 }, () => ({ sourceId: '1', name: 'S', date: null, start: null, end: null, room: null })) } as unknown as RisRecord,
    [{ path: 'meetings', from: MAX_LIST_ITEMS + 1, to: MAX_LIST_ITEMS }]],
  ])('%s', (_name, record, expected) => {
    const caps = capRecord(record);
    expect(caps.notes.map(({ path: p, from, to }) => ({ path: p, from, to }))).toEqual(expected);
  });

  test('a cut never ends inside a surrogate pair', () => {
    const p = paper({ name: `${'x'.repeat(MAX_FIELD_CHARS - 2)}😀😀😀` });
    capRecord(p);
    expect(p.name!.length).toBeLessThanOrEqual(MAX_FIELD_CHARS);
    expect(p.name!.endsWith('…')).toBe(true);
    expect(/[\uD800-\uDBFF]…$/.test(p.name!)).toBe(false);
  });

  test('more than 20 cuts: 20 notes and the count of the rest', () => {
    const p = paper({ consultation: Array.from({ length: 30 }, () => station(long(MAX_FIELD_CHARS + 1), null)) });
    const caps = capRecord(p);
    expect(caps.notes).toHaveLength(20);
    expect(caps.more).toBe(10);
    expect(describeCaps(caps)).toMatch(/; 10 more$/);
  });
});

describe('no page of the recorded corpus is cut', () => {
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  test('every corpus page parses with no cut', () => {
    const cut: string[] = [];
    let parsed = 0;
    for (const file of files(CORPUS)) {
      try {
        const { caps } = parsePageWithCaps(fs.readFileSync(file), null);
        parsed++;
        if (caps.notes.length) cut.push(`${path.relative(CORPUS, file)}: ${describeCaps(caps)}`);
      } catch {
        // not a page (PROVENANCE.md, a truncated sample): the parsers' own tests cover it
      }
    }
    expect(parsed).toBeGreaterThan(50);
    expect(cut).toEqual([]);
  });
});
