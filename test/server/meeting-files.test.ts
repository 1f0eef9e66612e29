/**
 * A meeting's own documents (Einladung, Bekanntmachung, Niederschrift), as its page lists them: read from
 * the corpus's ALLRIS 3 heads (Hamburg-Altona: do027 forms), ALLRIS 4 "Dokumente" panels (Taunusstein) and
 * OParl Meetings (Bonn), stored with the meeting, shown on its page and in its JSON as links to the RIS;
 * replaced when the page lists others, kept when a changed page loses most of them (a suspicious shrink).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import request from 'supertest';
import type { OpenedDb } from '../../src/db/connection';
import { importSavedPages } from '../../src/ingest/saved-pages';
import { createApp } from '../../src/server/app';
import { CORPUS, makeTmpDir } from '../helpers/tmp';
import { buildWebDb, WEB_TODAY } from '../helpers/web-db';

const ALTONA = path.join(CORPUS, 'allris3', 'hamburg-altona', 'to010-1004086.html');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe("a meeting's own documents", () => {
  const tmp = makeTmpDir();
  let opened: OpenedDb;
  const app = () => createApp(opened.sqlite, { today: () => WEB_TODAY });
  const meetingOf = (source: string, sid: string) => opened.sqlite.prepare(`SELECT m.id FROM meetings m JOIN sources s ON s.id = m.source_id
    WHERE s.key = ? AND m.external_id = ?`).pluck().get(source, sid) as number;
  const filesOf = (id: number) => opened.sqlite.prepare('SELECT position, name, url FROM meeting_files WHERE meeting_id = ? ORDER BY position').all(id);
  /** a changed Hamburg-Altona meeting page, imported as saved pages are */
  const importAltona = (html: string, name: string) => {
    const dir = path.join(tmp.dir, name, 'hamburg-altona');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'to010-1004086.html'), Buffer.from(html, 'latin1'));
    return importSavedPages(opened.sqlite, [dir], { now: '2026-11-24T09:00:00Z', today: WEB_TODAY });
  };

  beforeAll(() => {
    opened = buildWebDb(tmp.dir);
  });
  afterAll(() => {
    opened.close();
    tmp.cleanup();
  });

  test('read from the corpus: ALLRIS 3 head forms, the ALLRIS 4 panel, OParl invitation and auxiliary file', () => {
    expect(filesOf(meetingOf('hamburg-altona', '1004086'))).toEqual([
      { position: 0, name: 'Aktuelle TO', url: 'https://sitzungsdienst-altona.hamburg.de/bi/do027.asp?DOLFDNR=1511776&options=64' },
      { position: 1, name: 'Alle Dokumente zur Sitzung im Paket', url: 'https://sitzungsdienst-altona.hamburg.de/bi/do027.asp?DOLFDNR=1511514&options=64' },
      { position: 2, name: 'Einladung', url: 'https://sitzungsdienst-altona.hamburg.de/bi/do027.asp?DOLFDNR=1510819&options=64' },
      { position: 3, name: 'Niederschrift öffent. Teil', url: 'https://sitzungsdienst-altona.hamburg.de/bi/do027.asp?DOLFDNR=1518675&options=64' },
    ]);
    expect(filesOf(meetingOf('taunusstein', '4021')).map((f) => (f as { name: string }).name)).toEqual([
      'Einladung', 'Bekanntmachung', 'Niederschrift gesamt', 'Niederschrift öffentlich', 'Niederschrift nichtöffentlich',
    ]);
    const bonn = opened.sqlite.prepare("SELECT m.id FROM meetings m JOIN sources s ON s.id = m.source_id WHERE s.key = 'bonn'").pluck().get() as number;
    expect(filesOf(bonn)).toEqual([
      { position: 0, name: 'Öffentliche Tagesordnung', url: 'https://www.bonn.sitzung-online.de/public/doc?DOLFDNR=2026137&DOCTYP=108&OTYP=41' },
      { position: 1, name: 'Alle Anlagen öffentlich', url: 'https://www.bonn.sitzung-online.de/public/doc?DOLFDNR=268781&DOCTYP=134&OTYP=41' },
    ]);
    // a meeting known from its calendar row only has none
    expect(opened.sqlite.prepare('SELECT COUNT(DISTINCT meeting_id) FROM meeting_files').pluck().get()).toBe(11);
  });

  test('the meeting page lists them apart from the documents of the motions on its agenda, as links to the RIS; the JSON names them', async () => {
    const id = meetingOf('hamburg-altona', '1004086');
    const res = await request(app()).get(`/meetings/${id}`).expect(200);
    const $ = cheerio.load(res.text);
    const section = $('section[aria-labelledby="h-docs"]');
    // (the motions on this agenda have no documents known)
    expect(section.find('h3').map((_, h) => squash($(h).text())).get()).toEqual(['Dokumente der Sitzung']);
    const own = section.find('h3').first().next('ul').find('a');
    expect(own.map((_, a) => [[squash($(a).text()), $(a).attr('href'), $(a).attr('rel')]]).get()).toEqual([
      ['Aktuelle TO', 'https://sitzungsdienst-altona.hamburg.de/bi/do027.asp?DOLFDNR=1511776&options=64', 'noopener noreferrer'],
      ['Alle Dokumente zur Sitzung im Paket', 'https://sitzungsdienst-altona.hamburg.de/bi/do027.asp?DOLFDNR=1511514&options=64', 'noopener noreferrer'],
      ['Einladung', 'https://sitzungsdienst-altona.hamburg.de/bi/do027.asp?DOLFDNR=1510819&options=64', 'noopener noreferrer'],
      ['Niederschrift öffent. Teil', 'https://sitzungsdienst-altona.hamburg.de/bi/do027.asp?DOLFDNR=1518675&options=64', 'noopener noreferrer'],
    ]);
    const json = (await request(app()).get(`/meetings/${id}.json`).expect(200)).body;
    expect(json.files.map((f: { name: string }) => f.name)).toEqual(['Aktuelle TO', 'Alle Dokumente zur Sitzung im Paket', 'Einladung', 'Niederschrift öffent. Teil']);
    // imported pages: no document fetched
    expect(json.files.map((f: { document: string | null; pages: number | null }) => [f.document, f.pages])).toEqual(Array(4).fill([null, null]));
    // Laatzen's meeting: its Bekanntmachung, then the documents of its motion, each under its heading
    const $laatzen = cheerio.load((await request(app()).get(`/meetings/${meetingOf('laatzen', '1000073')}`).expect(200)).text);
    const docs = $laatzen('section[aria-labelledby="h-docs"]');
    expect(docs.find('h3').map((_, h) => squash($laatzen(h).text())).get()).toEqual(['Dokumente der Sitzung', 'Dokumente der Vorlagen auf der Tagesordnung']);
    expect(squash(docs.find('h3').first().next('ul').text())).toBe('Bekanntmachung');
    expect(docs.find('h3').last().next('ul').find('li').length).toBeGreaterThan(0);
    // a meeting of the demo data has no documents of its own: the section shows those of its motions only, under their heading
    const demo = opened.sqlite.prepare("SELECT m.id FROM meetings m JOIN sources s ON s.id = m.source_id WHERE s.is_demo = 1 LIMIT 1").pluck().get() as number;
    const $demo = cheerio.load((await request(app()).get(`/meetings/${demo}`).expect(200)).text);
    expect($demo('section[aria-labelledby="h-docs"] h3').map((_, h) => squash($demo(h).text())).get()).not.toContain('Dokumente der Sitzung');
  });

  test('the meeting\'s iCal event names them in its description and attaches their addresses where they last; so does its committee\'s calendar', async () => {
    const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
    // Taunusstein's are ALLRIS 4 addresses made anew per page version (doc-IDs instabil): a kept calendar would link
    // broken or other documents — the event names the meeting's page in the RIS for them instead
    const id = meetingOf('taunusstein', '4021');
    const ics = unfold((await request(app()).get(`/meetings/${id}/calendar.ics`).expect(200)).text);
    expect(ics.match(/^ATTACH:.*$/gm)).toBeNull();
    expect(ics).not.toContain('/wicket/resource/');
    expect(/^DESCRIPTION:(.*)$/m.exec(ics)![1]).toContain('Weitere Dokumente der Sitzung im RIS: https://www.taunusstein.de/allris/to010?SILFDNR=4021');
    // a committee's calendar (Hamburg-Mitte's Jugendhilfeausschuss): its meeting's Bekanntmachungen, one read for all its meetings
    const org = opened.sqlite.prepare('SELECT organization_id FROM meetings WHERE id = ?').pluck().get(meetingOf('hamburg-mitte', '1002940'));
    const committee = unfold((await request(app()).get(`/organizations/${org}/calendar.ics`).expect(200)).text);
    expect(committee.match(/^ATTACH:.*$/gm)).toEqual([1428013, 1428047, 1428577].map((n) => `ATTACH:https://sitzungsdienst-hamburg-mitte.hamburg.de/bi/do027.asp?DOLFDNR=${n}&options=64`));
  });

  test('a changed page: its list replaces the stored one; a name from the page is escaped', async () => {
    const page = fs.readFileSync(ALTONA, 'latin1').replace('value="Einladung"', 'value="Einladung &lt;b&gt;neu&lt;/b&gt;"');
    const summary = importAltona(page, 'renamed');
    expect([summary.updated, summary.held]).toEqual([1, 0]);
    const id = meetingOf('hamburg-altona', '1004086');
    expect(filesOf(id).map((f) => (f as { name: string }).name)).toEqual(['Aktuelle TO', 'Alle Dokumente zur Sitzung im Paket', 'Einladung <b>neu</b>', 'Niederschrift öffent. Teil']);
    const res = await request(app()).get(`/meetings/${id}`).expect(200);
    expect(res.text).toContain('Einladung &lt;b&gt;neu&lt;/b&gt;');
    expect(res.text).not.toContain('<b>neu</b>');
  });

  test('a page that lost most of them is held back as a suspicious shrink: the stored documents stay', () => {
    const id = meetingOf('hamburg-altona', '1004086');
    const before = filesOf(id);
    // the head's do027 forms gone (4 → 0), the agenda as it was
    const page = fs.readFileSync(ALTONA, 'latin1').replace(/<form action="do027\.asp"[\s\S]*?<\/form>/g, (form, at: number, whole: string) =>
      whole.lastIndexOf('class="tl1"', at) < 0 ? '' : form);
    const summary = importAltona(page, 'cut');
    expect([summary.held, summary.files[0].detail]).toEqual([1, expect.stringMatching(/^held back: .*documents 4 → 0/)]);
    expect(filesOf(id)).toEqual(before);
  });
});
