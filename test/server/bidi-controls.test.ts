/**
 * Bidi overrides and control characters from scraped text are dropped in HTML and CSV
 * answers, and in Atom and iCal beside what XML forbids (a feed reader or calendar would show an override too). The records are written here by hand
 * (test/helpers/records.ts), with the characters in every field a page or a CSV row shows.
 */
import path from 'node:path';
import request from 'supertest';
import { openDb, type OpenedDb } from '../../src/db/connection';
import { refreshDerived } from '../../src/db/derive';
import { importRecords } from '../../src/db/import';
import { createApp } from '../../src/server/app';
import { csvCell } from '../../src/server/csv-output';
import { neutraliseModel, neutraliseText } from '../../src/server/text-safety';
import { paper, station } from '../helpers/records';
import { makeTmpDir } from '../helpers/tmp';

const TODAY = '2026-11-24';
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\u200E\u200F]/;
const RLO = '\u202E';

describe('neutraliseText', () => {
  test.each([
    ['Beschluss\u202Egnulhefpme', 'Beschlussgnulhefpme'],
    ['a\u2066b\u2069c\u202Ad\u202Ce', 'abcde'],
    ['Glocke\u0007 und\u0000 Null\u001B[31m', 'Glocke und Null[31m'],
    ['Zeile 1\nZeile 2\tTab\r', 'Zeile 1\nZeile 2\tTab\r'],
    ['Übergang für Fußgänger – „Ampel“', 'Übergang für Fußgänger – „Ampel“'],
    ['\u200Fmark\u200E', 'mark'],
  ])('%j → %j', (input, output) => {
    expect(neutraliseText(input)).toBe(output);
  });

  test('neutraliseModel walks plain objects and arrays and keeps other objects', () => {
    const when = new Date(0);
    const model = { a: `x${RLO}y`, list: [{ b: `\u0007z` }, 3, null], when };
    expect(neutraliseModel(model)).toEqual({ a: 'xy', list: [{ b: 'z' }, 3, null], when });
    expect(neutraliseModel(model).when).toBe(when);
    expect(model.a).toBe(`x${RLO}y`); // the model itself is not changed
  });

  test('a CSV cell drops them too, and still neutralises a formula', () => {
    expect(csvCell(`${RLO}=HYPERLINK("x")`)).toBe(`'=HYPERLINK("x")`);
    expect(csvCell('exe.\u202Etxt')).toBe('exe.txt');
  });
});

describe('in the answers', () => {
  const tmp = makeTmpDir();
  let opened: OpenedDb;
  let id: number;
  beforeAll(() => {
    opened = openDb(path.join(tmp.dir, 'bidi.sqlite'));
    const res = importRecords(opened.sqlite, { key: 'bidi', name: `Bidi${RLO}stadt` }, [
      paper({
        sourceId: '9', reference: `B\u0007-1${RLO}`, name: `Radweg ${RLO}gnulhefpme\u2066 und \u001B[2J Ampel`, paperType: `Antrag\u202D`,
        originator: [`Fraktion\u0008 A`],
        consultation: [station(`Ausschuss${RLO} für Verkehr`, `Vorberatung\u2067`, [{ date: '2026-12-01', name: `Sitzung\u0001`, meetingSourceId: null, agendaItemSourceId: null, result: `vertagt${RLO}`, resultCode: 'deferred' }])],
        text: [{ heading: `Begründung${RLO}`, text: `Text\u0000 mit\u202E Override` }],
        files: [{ name: `Anlage${RLO}fdp.exe`, url: 'https://ris.example/anlage.pdf' }],
      }),
    ], '2026-11-24T09:00:00Z');
    id = res.papers[0].id;
    refreshDerived(opened.sqlite, TODAY);
  });
  afterAll(() => {
    opened.close();
    tmp.cleanup();
  });

  test.each(['/papers/ID', '/?thema=alle', '/suche?q=Radweg', '/vorlagen.csv?thema=alle', '/suche.csv?q=Radweg', '/?thema=alle&format=csv',
    '/papers/ID/feed.atom', '/papers/ID/calendar.ics', '/feed.atom?thema=alle', '/suche/feed.atom?q=Radweg'])('%s carries none', async (url) => {
    const app = createApp(opened.sqlite, { today: () => TODAY });
    const res = await request(app).get(url.replace('ID', String(id)));
    expect(res.status).toBe(200);
    expect(res.text).toContain('Radweg');
    expect(res.text).toContain('gnulhefpme');
    const hit = FORBIDDEN.exec(res.text);
    expect(hit ? `U+${hit[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${hit.index}` : null).toBeNull();
  });
});
