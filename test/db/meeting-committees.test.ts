/**
 * Calendar meetings whose calendar names no committee take the one their title names, where the source
 * knows that name exactly (src/domain/meeting-committee.ts), whichever came first — the calendar or what
 * names the committee — as the import and the crawl link them. The corpus's real calendars: Hamburg-Nord
 * (si010_e) and Landkreis Osnabrück (si010_r).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import request from 'supertest';
import { openDb } from '../../src/db/connection';
import { importSavedPages } from '../../src/ingest/saved-pages';
import { createApp } from '../../src/server/app';
import { CORPUS, makeTmpDir } from '../helpers/tmp';

const NOW = '2026-11-24T09:00:00Z';
const TODAY = '2026-11-24';
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
type Db = ReturnType<typeof openDb>;

/** the meetings that got their committee from their title (their record names none: no "organization" in its provenance) */
const named = (db: Db) => db.sqlite.prepare(`SELECT m.name, m.date, m.organization, o.name AS linked FROM meetings m
  LEFT JOIN organizations o ON o.id = m.organization_id WHERE m.organization IS NOT NULL AND m.provenance NOT LIKE '%"organization"%'
  ORDER BY m.date, m.name`).all();

describe('calendar meetings named by their titles', () => {
  const tmp = makeTmpDir();
  afterAll(() => tmp.cleanup());
  /** a corpus city's pages one batch each, the calendar first or last */
  const importCity = (db: Db, city: string, calendarFirst: boolean) => {
    const dir = path.join(CORPUS, 'allris3', city);
    const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
    const isCalendar = (f: string) => /si010/.test(path.basename(f));
    const ordered = calendarFirst ? [...files.filter(isCalendar), ...files.filter((f) => !isCalendar(f))] : [...files.filter((f) => !isCalendar(f)), ...files.filter(isCalendar)];
    for (const f of ordered) importSavedPages(db.sqlite, [f], { now: NOW, today: TODAY, source: city });
  };

  test.each([['the calendar first', true], ['the calendar last', false]])(
    'Hamburg-Nord, %s: the council\'s and two factions\' meetings named (the factions linked); a title that only contains a known name is left',
    (_, calendarFirst) => {
      const db = openDb(path.join(tmp.dir, `nord-${calendarFirst}.sqlite`));
      try {
        importCity(db, 'hamburg-nord', calendarFirst);
        expect(named(db)).toEqual([
          // its committee is known by name since an agenda item's page (to020 1036324) names that committee's meeting of 05.03.2025
          { name: 'Sitzung des Haushaltsausschusses', date: '2023-10-04', organization: 'Haushaltsausschuss', linked: null },
          { name: 'Sitzung der FDP-Fraktion', date: '2023-10-10', organization: 'FDP-Fraktion', linked: 'FDP-Fraktion' },
          { name: 'Sitzung der Fraktion Bündnis 90/DIE GRÜNEN', date: '2023-10-10', organization: 'Fraktion Bündnis 90/DIE GRÜNEN', linked: 'Fraktion Bündnis 90/DIE GRÜNEN' },
          { name: 'Sitzung der Bezirksversammlung', date: '2023-10-12', organization: 'Bezirksversammlung', linked: null },
        ]);
        expect(db.sqlite.prepare("SELECT organization FROM meetings WHERE name LIKE '%Unterausschusses Bau des Regionalausschusses%'").all()).toEqual([{ organization: null }]);
      } finally {
        db.close();
      }
    },
  );

  test('Landkreis Osnabrück: the calendar\'s "Sitzung des Ausschusses für Planen und Bauen" is that committee\'s meeting, on its page', async () => {
    const db = openDb(path.join(tmp.dir, 'lkos.sqlite'));
    try {
      importCity(db, 'landkreis-osnabrueck', true);
      expect(named(db)).toEqual([
        { name: 'Sitzung des Ausschusses für Planen und Bauen', date: '2026-09-03', organization: 'Ausschuss für Planen und Bauen', linked: null },
      ]);
      const app = createApp(db.sqlite, { today: () => TODAY });
      const $ = cheerio.load((await request(app).get(`/gremien/landkreis-osnabrueck/${encodeURIComponent('Ausschuss für Planen und Bauen')}`).expect(200)).text);
      expect($('section[aria-labelledby="h-past"] li').map((_, li) => squash($(li).text())).get()).toContain('03.09.2026 – Sitzung des Ausschusses für Planen und Bauen');
    } finally {
      db.close();
    }
  });
});
