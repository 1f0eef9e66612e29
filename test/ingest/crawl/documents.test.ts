/**
 * A crawl of the replayed corpus with its PDFs (test/helpers/document-replay.ts)
 * fetches each motion's documents and each meeting's own, keeps one copy per content, reads them (text per page, page count,
 * title, creation date; a scan as "no_text"; encrypted and broken ones as typed errors) and makes their
 * text searchable; the crawl report counts them. A later run asks again only conditionally.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import * as cheerio from 'cheerio';
import { parse as parseCsv } from 'csv-parse/sync';
import request from 'supertest';
import { createApp } from '../../../src/server/app';
import { reparseStore } from '../../../src/ingest/crawl/reparse';
import { reparseDocuments } from '../../../src/ingest/documents/reparse-documents';
import { openDb } from '../../../src/db/connection';
import { formatReport, type CrawlReport } from '../../../src/ingest/crawl/report';
import type { ReplayServer } from '../../../src/ingest/replay/server';
import { crawlCorpus } from '../../helpers/crawl';
import { DOC_URLS, startDocumentReplay } from '../../helpers/document-replay';
import { FOOTER, NIEDERSCHRIFT_WORD, VORLAGE_WORDS } from '../../helpers/pdf-docs';
import { loadOpenApiValidator } from '../../helpers/openapi-validator';
import { corpusPages } from '../../helpers/replay';
import { makeTmpDir } from '../../helpers/tmp';

const SOURCES = ['hildesheim', 'hamburg-altona', 'hamburg-nord', 'landkreis-osnabrueck'];
const seedsOf = (key: string) => corpusPages().filter((p) => p.source === key).map((p) => p.url);

function fileRow(sqlite: Database.Database, url: string) {
  return sqlite.prepare(`SELECT f.fetch_state AS state, f.fetch_attempts AS attempts, f.fetch_error AS error, d.status, d.page_count AS pages, d.title,
      d.created_on AS createdOn, f.content_hash AS hash FROM files f LEFT JOIN documents d ON d.hash = f.content_hash WHERE f.url = ?`).get(url) as Record<string, unknown>;
}

describe('crawling the replayed corpus with its documents', () => {
  const tmp = makeTmpDir();
  let server: ReplayServer;
  let via: string;
  let db: ReturnType<typeof openDb>;
  const reports: Record<string, CrawlReport> = {};
  beforeAll(async () => {
    ({ server, via } = await startDocumentReplay(path.join(tmp.dir, 'pdf')));
    db = openDb(path.join(tmp.dir, 'db.sqlite'));
    for (const key of SOURCES) reports[key] = await crawlCorpus(db.sqlite, tmp.dir, key, via, { seeds: seedsOf(key), now: () => '2026-09-20T08:00:00Z' });
  });
  afterAll(async () => {
    db.close();
    await server.close();
    tmp.cleanup();
  });

  test('the crawl report counts documents fetched, extracted, without text layer, unreadable and failed', () => {
    expect(Object.fromEntries(SOURCES.map((k) => [k, reports[k].documents]))).toEqual({
      // the motions' documents and the meetings' own (MEETING_DOC_URLS; Altona's "Paket" is a ZIP: skipped, a link)
      hildesheim: { fetched: 4, unchanged: 0, extracted: 3, noText: 1, unreadable: 0, failed: 0, skipped: 0 },
      'hamburg-altona': { fetched: 4, unchanged: 0, extracted: 4, noText: 0, unreadable: 0, failed: 0, skipped: 1 },
      'hamburg-nord': { fetched: 8, unchanged: 0, extracted: 7, noText: 0, unreadable: 1, failed: 0, skipped: 0 },
      // the Sammeldokument has the bytes of Hildesheim's Vorlage: stored and read once, in the Hildesheim run
      'landkreis-osnabrueck': { fetched: 2, unchanged: 0, extracted: 0, noText: 0, unreadable: 1, failed: 0, skipped: 0 },
    });
    expect(formatReport(reports.hildesheim)).toContain('documents: 4 fetched (0 unchanged), 3 extracted, 1 without text layer, 0 unreadable, 0 failed, 0 skipped');
    expect(reports.hildesheim.byPageKind.document).toBe(4);
  });

  test('each document is read: text per page, page count, title, creation date; a scan has no text; encrypted and broken are typed errors', () => {
    const s = db.sqlite;
    expect(fileRow(s, DOC_URLS.vorlage)).toMatchObject({ state: 'fetched', attempts: 1, status: 'ok', pages: 3, title: 'Beschlussvorlage Ernst-Ehrlicher-Park', createdOn: '2026-09-03' });
    expect(fileRow(s, DOC_URLS.scan)).toMatchObject({ state: 'fetched', status: 'no_text', pages: 2, title: null });
    expect(fileRow(s, DOC_URLS.drucksache)).toMatchObject({ state: 'fetched', status: 'ok', pages: 1, title: 'Drucksache 22-2076', createdOn: '2026-06-11' });
    expect(fileRow(s, DOC_URLS.encrypted)).toMatchObject({ state: 'fetched', status: 'encrypted', pages: null });
    expect(fileRow(s, DOC_URLS.broken)).toMatchObject({ state: 'fetched', status: 'broken', pages: null });
    expect(s.prepare('SELECT error FROM documents WHERE status IN (?, ?) ORDER BY status').pluck().all('broken', 'encrypted')).toEqual(['Invalid PDF structure.', 'No password given']);
    expect(s.prepare('SELECT COUNT(*) FROM document_pages p JOIN documents d USING (hash) WHERE d.status NOT IN (?, ?)').pluck().get('ok', 'no_text')).toBe(0);
  });

  test('one copy per content: two motions in two sources share the stored file and the documents row', () => {
    const s = db.sqlite;
    const shared = fileRow(s, DOC_URLS.shared);
    expect(shared).toMatchObject({ state: 'fetched', status: 'ok', pages: 3 });
    expect(shared.hash).toBe(fileRow(s, DOC_URLS.vorlage).hash);
    // the motions' five contents and the meetings' twelve PDFs
    expect(s.prepare('SELECT COUNT(*) FROM documents').pluck().get()).toBe(17);
    const hash = String(shared.hash);
    expect(fs.existsSync(path.join(tmp.dir, 'store', 'objects', hash.slice(0, 2), hash))).toBe(true);
  });

  test('a meeting\'s own documents are fetched and read as a motion\'s: each Niederschrift two pages, the "Paket" (a ZIP) a link', () => {
    const rows = db.sqlite.prepare(`SELECT f.name, f.fetch_state AS state, f.fetch_attempts AS attempts, d.status, d.page_count AS pages, f.fetch_error AS error
        FROM meeting_files f JOIN meetings m ON m.id = f.meeting_id LEFT JOIN documents d ON d.hash = f.content_hash
        WHERE m.url LIKE '%altona%SILFDNR=1004086' ORDER BY f.position`).all();
    expect(rows).toEqual([
      { name: 'Aktuelle TO', state: 'fetched', attempts: 1, status: 'ok', pages: 1, error: null },
      { name: 'Alle Dokumente zur Sitzung im Paket', state: 'skipped', attempts: 1, status: null, pages: null, error: 'not a PDF (application/zip): kept as a link' },
      { name: 'Einladung', state: 'fetched', attempts: 1, status: 'ok', pages: 1, error: null },
      { name: 'Niederschrift öffent. Teil', state: 'fetched', attempts: 1, status: 'ok', pages: 2, error: null },
    ]);
    const said = db.sqlite.prepare(`SELECT dp.page FROM document_pages dp JOIN meeting_files f ON f.content_hash = dp.hash
        WHERE f.name LIKE 'Niederschrift%' AND dp.search_text LIKE ? ORDER BY f.url`).pluck().all(`%${NIEDERSCHRIFT_WORD}%`);
    expect(said).toEqual([2, 2, 2]);
  });

  test('text is kept as extracted, and normalised for search: hyphenation joined, the repeated footer dropped', () => {
    const hash = fileRow(db.sqlite, DOC_URLS.vorlage).hash;
    const pages = db.sqlite.prepare('SELECT page, text, search_text AS search FROM document_pages WHERE hash = ? ORDER BY page').all(hash) as { page: number; text: string; search: string }[];
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(pages[0].text).toContain('Straßen-\nbeleuchtung');
    expect(pages[0].text).toContain(`${FOOTER} – Seite 1 von 3`);
    expect(pages[0].search).toContain(VORLAGE_WORDS.hyphenated);
    expect(pages[0].search).not.toContain('Straßen-');
    for (const p of pages) expect(p.search).not.toContain('Oberbürgermeister');
    // the scanned plan: only the footer is text on that page
    expect(pages[2]).toEqual({ page: 3, text: `${FOOTER} – Seite 3 von 3`, search: '' });
  });

  test('a word that stands only in a PDF finds its motion and page', () => {
    const rows = db.sqlite.prepare(`SELECT DISTINCT p.reference, dp.page FROM document_pages dp JOIN files f ON f.content_hash = dp.hash JOIN papers p ON p.id = f.paper_id
        WHERE dp.search_text LIKE ? ORDER BY p.reference`).all(`%${VORLAGE_WORDS.page2}%`);
    const hildesheim = db.sqlite.prepare(`SELECT reference FROM papers WHERE url LIKE '%stadt-hildesheim.de%VOLFDNR=8000'`).pluck().get();
    const osnabrueck = db.sqlite.prepare(`SELECT reference FROM papers WHERE url LIKE '%kis.lkos.de%VOLFDNR=4010'`).pluck().get();
    expect(rows).toEqual([{ reference: hildesheim, page: 2 }, { reference: osnabrueck, page: 2 }].sort((a, b) => String(a.reference).localeCompare(String(b.reference))));
    // and in no motion's title or text
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM papers WHERE name LIKE ? OR text LIKE ?').pluck().get(`%${VORLAGE_WORDS.page2}%`, `%${VORLAGE_WORDS.page2}%`)).toBe(0);
  });

  test('/suche over the crawled database finds that word in the PDF, names the document and its page, and links the page', async () => {
    const app = createApp(db.sqlite, { today: () => '2026-09-20' });
    const $ = cheerio.load((await request(app).get(`/suche?q=${encodeURIComponent(VORLAGE_WORDS.page2)}`).expect(200)).text);
    const refs = $('main a[href^="/papers/"] .ref').map((_, e) => $(e).text()).get();
    const hildesheim = db.sqlite.prepare(`SELECT reference FROM papers WHERE url LIKE '%stadt-hildesheim.de%VOLFDNR=8000'`).pluck().get() as string;
    const osnabrueck = db.sqlite.prepare(`SELECT reference FROM papers WHERE url LIKE '%kis.lkos.de%VOLFDNR=4010'`).pluck().get() as string;
    expect([...new Set(refs)].sort()).toEqual([hildesheim, osnabrueck].sort());
    const places = $('.match-places li').map((_, li) => $(li).text().replace(/\s+/g, ' ').trim()).get();
    expect(places.some((t) => /^in Dokument „Vorlage“, Seite 2: /.test(t))).toBe(true);
    expect($('.match-places mark').first().text().toLowerCase()).toBe(VORLAGE_WORDS.page2.toLowerCase());
    expect($('.match-places a[href$="#page=2"]').length).toBeGreaterThan(0);
  });

  test('/suche finds a word that stands only in meetings\' Niederschriften: "In Dokumenten der Sitzungen", newest first, by city too', async () => {
    const app = createApp(db.sqlite, { today: () => '2026-09-20' });
    const search = async (query: string) => {
      const $ = cheerio.load((await request(app).get(`/suche?${query}`).expect(200)).text);
      return {
        papers: $('main a[href^="/papers/"]').length,
        noMotion: $('main').text().includes('Keine Vorlage gefunden'),
        count: $('p.count').text().replace(/\s+/g, ' ').trim(),
        docs: $('.meeting-doc-matches li').map((_, li) => ({
          text: $(li).text().replace(/\s+/g, ' ').trim(),
          meeting: $(li).find('a[href^="/meetings/"]').attr('href'),
          page: $(li).find('a[href*="#page="]').attr('href'),
          mark: $(li).find('mark').text(),
        })).get(),
      };
    };
    const meetingId = (url: string) => `/meetings/${db.sqlite.prepare('SELECT id FROM meetings WHERE url LIKE ?').pluck().get(`%${url}`)}`;
    const all = await search(`q=${NIEDERSCHRIFT_WORD.toLowerCase()}`);
    expect(all.papers).toBe(0);
    expect(all.noMotion).toBe(true);
    expect(all.count).toBe('0 Treffer für „breitbandausbau“, sortiert nach Relevanz. Dazu 4 Dokumente von Sitzungen.');
    expect(all.docs.map((d) => d.meeting)).toEqual([
      meetingId('hamburg-nord.hamburg.de/bi/to010.asp?SILFDNR=1003143'), meetingId('hamburg-nord.hamburg.de/bi/to010.asp?SILFDNR=1003201'),
      meetingId('altona.hamburg.de/bi/to010.asp?SILFDNR=1004086'), meetingId('stadt-hildesheim.de/allris/to010.asp?SILFDNR=3712'),
    ]);
    const city = db.sqlite.prepare("SELECT name FROM sources WHERE key = 'hamburg-nord'").pluck().get() as string;
    // no excerpt: minutes name speakers and staff
    expect(all.docs[0].text).toBe(`Bezirksversammlung, 11.12.2025 (${city}): „Niederschrift öffent. Teil“, Seite 2`);
    expect(all.docs[0].page).toBe('https://sitzungsdienst-hamburg-nord.hamburg.de/bi/do027.asp?DOLFDNR=1392414&options=64#page=2');
    expect(all.docs.map((d) => d.mark)).toEqual(Array(4).fill(''));
    expect(all.docs.map((d) => d.text).join(' ')).not.toContain('Verwaltung berichtet');
    // in one city; and not where the search asks for titles only
    const altona = await search(`q=${NIEDERSCHRIFT_WORD}&stadt=hamburg-altona`);
    expect(altona.docs.map((d) => d.meeting)).toEqual([meetingId('altona.hamburg.de/bi/to010.asp?SILFDNR=1004086')]);
    expect((await search(`q=${NIEDERSCHRIFT_WORD}&in=titel`)).docs).toEqual([]);
  });

  test('the meeting page shows each of its documents, and those of its motions, with their state', async () => {
    const app = createApp(db.sqlite, { today: () => '2026-09-20' });
    const id = db.sqlite.prepare('SELECT id FROM meetings WHERE url LIKE ?').pluck().get('%altona.hamburg.de/bi/to010.asp?SILFDNR=1004086');
    const $ = cheerio.load((await request(app).get(`/meetings/${id}`).expect(200)).text);
    const own = $('h3.files-heading').first().next('ul.files').find('li').map((_, li) => $(li).text().replace(/\s+/g, ' ').trim()).get();
    expect(own).toEqual(['Aktuelle TO (1 Seite)', 'Alle Dokumente zur Sitzung im Paket (nur als Link)', 'Einladung (1 Seite)', 'Niederschrift öffent. Teil (2 Seiten)']);
    // and its JSON
    const json = (await request(app).get(`/meetings/${id}.json`).expect(200)).body as { files: { name: string; document: string | null; pages: number | null }[] };
    expect(json.files.map((f) => [f.name, f.document, f.pages])).toEqual([
      ['Aktuelle TO', 'read', 1], ['Alle Dokumente zur Sitzung im Paket', 'link', null], ['Einladung', 'read', 1], ['Niederschrift öffent. Teil', 'read', 2],
    ]);
    // and the documents of the motions on an agenda, as on the motion page (Landkreis Osnabrück's Kreistag: VO/2026/181)
    const kreistag = db.sqlite.prepare('SELECT id FROM meetings WHERE url LIKE ?').pluck().get('%kis.lkos.de/bi/to010_r.asp?SILFDNR=1543');
    const $k = cheerio.load((await request(app).get(`/meetings/${kreistag}`).expect(200)).text);
    expect($k('section[aria-labelledby="h-docs"] ul.files li').map((_, li) => $k(li).text().replace(/\s+/g, ' ').trim()).get())
      .toEqual(['TOP 7, VO/2026/181: Vorlage (beschädigt, nicht lesbar)', 'TOP 7, VO/2026/181: Vorlage-Sammeldokument (3 Seiten)']);
  });

  test('the motion page and the meeting\'s agenda name the pages of its minutes that name a motion (its reference number), only there', async () => {
    const app = createApp(db.sqlite, { today: () => '2026-09-20' });
    const mentions = async (reference: string) => {
      const id = db.sqlite.prepare("SELECT p.id FROM papers p JOIN sources s ON s.id = p.source_id WHERE s.key = 'hamburg-nord' AND p.reference = ?").pluck().get(reference);
      const $ = cheerio.load((await request(app).get(`/papers/${id}`).expect(200)).text);
      return $('ul.meetings .minutes-mention').map((_, el) => ({
        text: $(el).text().replace(/\s+/g, ' ').trim(), hrefs: $(el).find('a').map((__, a) => $(a).attr('href')).get(),
      })).get();
    };
    // its agenda on the first page, the item on the third
    const doc = 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/do027.asp?DOLFDNR=1392414&options=64';
    expect(await mentions('22-1692')).toEqual([{ text: 'Genannt in „Niederschrift öffent. Teil“ auf Seite 1, 3', hrefs: [`${doc}#page=1`, `${doc}#page=3`] }]);
    // another motion of the same meeting: its minutes do not name it; the Bekanntmachung names no motion either way
    const other = db.sqlite.prepare(`SELECT p.reference FROM agenda_items a JOIN papers p ON p.id = a.paper_id JOIN meetings m ON m.id = a.meeting_id
        WHERE m.url LIKE '%SILFDNR=1003143' AND p.reference <> '22-1692' ORDER BY a.position LIMIT 1`).pluck().get() as string;
    expect(await mentions(other)).toEqual([]);
    // and the meeting page's agenda: at that item only
    const meeting = db.sqlite.prepare("SELECT id FROM meetings WHERE url LIKE '%hamburg-nord%SILFDNR=1003143'").pluck().get();
    const $ = cheerio.load((await request(app).get(`/meetings/${meeting}`).expect(200)).text);
    const named = $('table.agenda tbody tr').filter((_, tr) => $(tr).find('.minutes-mention').length > 0);
    expect(named.map((_, tr) => $(tr).find('td[data-label="Vorlage"] a').text()).get()).toEqual(['22-1692']);
    expect(named.find('.minutes-mention').text().replace(/\s+/g, ' ').trim()).toBe('Genannt in „Niederschrift öffent. Teil“ auf Seite 1, 3');
  });

  test('the JSON of the motion and of the meeting, and the agenda\'s CSV, name the same pages of the minutes (valid against /openapi.json)', async () => {
    const app = createApp(db.sqlite, { today: () => '2026-09-20' });
    const validator = await loadOpenApiValidator(app);
    const doc = 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/do027.asp?DOLFDNR=1392414&options=64';
    const named = [{ name: 'Niederschrift öffent. Teil', url: doc, pages: [{ page: 1, url: `${doc}#page=1` }, { page: 3, url: `${doc}#page=3` }] }];
    const meeting = db.sqlite.prepare("SELECT id FROM meetings WHERE url LIKE '%hamburg-nord%SILFDNR=1003143'").pluck().get() as number;
    const paper = db.sqlite.prepare("SELECT p.id FROM papers p JOIN sources s ON s.id = p.source_id WHERE s.key = 'hamburg-nord' AND p.reference = '22-1692'").pluck().get();
    // the motion: its meetings whose minutes name it
    const motion = (await request(app).get(`/papers/${paper}.json`).expect(200)).body;
    expect(validator.check('/papers/{id}.json', 200, motion)).toBe('');
    expect(motion.minutes.map((m: { meeting: { id: number }; documents: unknown }) => [m.meeting.id, m.documents])).toEqual([[meeting, named]]);
    // the meeting: at that agenda item only; the other items' lists are empty
    const json = (await request(app).get(`/meetings/${meeting}.json`).expect(200)).body;
    expect(validator.check('/meetings/{id}.json', 200, json)).toBe('');
    const items = json.agendaItem as { paperReference: string | null; minutes: unknown[] }[];
    expect(items.filter((i) => i.minutes.length > 0).map((i) => [i.paperReference, i.minutes])).toEqual([['22-1692', named]]);
    expect(items.length).toBeGreaterThan(1);
    // a motion the minutes do not name: an empty list
    const other = items.find((i) => i.paperReference && i.paperReference !== '22-1692')!;
    const otherId = db.sqlite.prepare("SELECT p.id FROM papers p JOIN sources s ON s.id = p.source_id WHERE s.key = 'hamburg-nord' AND p.reference = ?").pluck().get(other.paperReference);
    expect((await request(app).get(`/papers/${otherId}.json`).expect(200)).body.minutes).toEqual([]);
    // the agenda's CSV
    const rows = parseCsv((await request(app).get(`/meetings/${meeting}/agenda.csv`).expect(200)).text, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows.filter((r) => r['Genannt in der Niederschrift']).map((r) => [r.Vorlage, r['Genannt in der Niederschrift']]))
      .toEqual([['22-1692', 'Niederschrift öffent. Teil: S. 1, 3']]);
  });

  test('the committee and city pages list their past meetings with their minutes and what became of their fetch; their JSON too', async () => {
    const app = createApp(db.sqlite, { today: () => '2026-09-20' });
    const validator = await loadOpenApiValidator(app);
    const { id, org, url } = db.sqlite.prepare(`SELECT m.id, m.organization_id AS org, f.url FROM meetings m JOIN meeting_files f ON f.meeting_id = m.id
      WHERE m.url LIKE '%altona.hamburg.de/bi/to010.asp?SILFDNR=1004086' AND f.name = 'Niederschrift öffent. Teil'`).get() as { id: number; org: number; url: string };
    const $ = cheerio.load((await request(app).get(`/organizations/${org}`).expect(200)).text);
    const li = $('ul.meeting-list li').filter((_, el) => $(el).find(`a[href="/meetings/${id}"]`).length > 0);
    expect(li.find('.past-minutes').map((_, el) => $(el).text().replace(/\s+/g, ' ').trim()).get()).toEqual(['Niederschrift öffent. Teil (2 Seiten)']);
    expect(li.find('.past-minutes a').attr('href')).toBe(url);
    // the Einladung and the agenda are not minutes
    expect(li.text()).not.toContain('Einladung');
    const json = (await request(app).get(`/organizations/${org}.json`).expect(200)).body;
    expect(validator.check('/organizations/{id}.json', 200, json)).toBe('');
    const past = (json.pastMeetings as { id: number; minutes: unknown[] }[]).find((m) => m.id === id)!;
    expect(past.minutes).toEqual([{ name: 'Niederschrift öffent. Teil', url, document: 'read', pages: 2 }]);
    // the committee's meetings list (the data of its feed and calendar) and its CSV
    const list = (await request(app).get(`/organizations/${org}/meetings.json`).expect(200)).body;
    expect(validator.check('/organizations/{id}/meetings.json', 200, list)).toBe('');
    expect((list.items as { id: number; minutes: unknown[] }[]).find((m) => m.id === id)!.minutes)
      .toEqual([{ name: 'Niederschrift öffent. Teil', url, document: 'read', pages: 2 }]);
    const csvRows = parseCsv((await request(app).get(`/organizations/${org}/meetings.csv`).expect(200)).text, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    // (and the Mobilitätsausschuss of 03.03.2025, known from an agenda item's own page: no documents read)
    expect(csvRows.map((r) => [r.Datum, r.Niederschrift])).toEqual([['2025-11-03', url], ['2025-03-03', '']]);
    // the city's page lists its latest meetings so too
    const $c = cheerio.load((await request(app).get('/staedte/hamburg-altona').expect(200)).text);
    const cityLi = $c('section[aria-labelledby="h-past"] li').filter((_, el) => $c(el).find(`a[href="/meetings/${id}"]`).length > 0);
    expect(cityLi.find('.past-minutes').map((_, el) => $c(el).text().replace(/\s+/g, ' ').trim()).get()).toEqual(['Niederschrift öffent. Teil (2 Seiten)']);
    const city = (await request(app).get('/staedte/hamburg-altona.json').expect(200)).body;
    expect(validator.check('/staedte/{key}.json', 200, city)).toBe('');
    expect((city.pastMeetings as { id: number; minutes: unknown[] }[]).find((m) => m.id === id)!.minutes)
      .toEqual([{ name: 'Niederschrift öffent. Teil', url, document: 'read', pages: 2 }]);
    // a cancelled meeting says so there, as on the committee page (Hamburg-Nord's calendar: "ENTFÄLLT! Sitzung des Stadtentwicklungsausschusses")
    const $n = cheerio.load((await request(app).get('/staedte/hamburg-nord').expect(200)).text);
    const cancelled = $n('section[aria-labelledby="h-past"] li').filter((_, el) => $n(el).find('.tag').length > 0);
    expect(cancelled.map((_, el) => $n(el).text().replace(/\s+/g, ' ').trim()).get()).toEqual(['05.10.2023 – ENTFÄLLT! Sitzung des Stadtentwicklungsausschusses abgesagt']);
    const nord = (await request(app).get('/staedte/hamburg-nord.json').expect(200)).body;
    expect(validator.check('/staedte/{key}.json', 200, nord)).toBe('');
    expect((nord.pastMeetings as { name: string; cancelled: boolean }[]).filter((m) => m.cancelled).map((m) => m.name)).toEqual(['ENTFÄLLT! Sitzung des Stadtentwicklungsausschusses']);
  });

  test('OParl: a meeting\'s fetched document is a File with the type, size and sha256 of what was kept; one left a link has none', async () => {
    const app = createApp(db.sqlite, { today: () => '2026-09-20' });
    const key = db.sqlite.prepare("SELECT entity_key FROM meetings WHERE url LIKE '%altona.hamburg.de/bi/to010.asp?SILFDNR=1004086'").pluck().get() as string;
    const meeting = (await request(app).get(`/oparl/v1.1/bodies/hamburg-altona/meetings/${encodeURIComponent(key)}`).expect(200)).body as Record<string, Record<string, unknown>>;
    const protocol = meeting.resultsProtocol;
    const kept = db.sqlite.prepare("SELECT f.content_hash AS hash, d.size FROM meeting_files f JOIN documents d ON d.hash = f.content_hash WHERE f.url = ?")
      .get(protocol.accessUrl) as { hash: string; size: number };
    expect(protocol).toMatchObject({ name: 'Niederschrift öffent. Teil', mimeType: 'application/pdf', size: kept.size, 'ratsradar:sha256': kept.hash });
    const paket = (meeting.auxiliaryFile as unknown as Record<string, unknown>[]).find((f) => f.name === 'Alle Dokumente zur Sitzung im Paket')!;
    expect(['mimeType', 'size', 'ratsradar:sha256'].filter((k) => k in paket)).toEqual([]);
  });

  test('the motion page shows each document link with its state', async () => {
    const app = createApp(db.sqlite, { today: () => '2026-09-20' });
    const filesOf = async (urlPart: string) => {
      const id = db.sqlite.prepare('SELECT id FROM papers WHERE url LIKE ?').pluck().get(`%${urlPart}`);
      const $ = cheerio.load((await request(app).get(`/papers/${id}`).expect(200)).text);
      return $('ul.files li').map((_, li) => $(li).text().replace(/\s+/g, ' ').trim()).get();
    };
    expect(await filesOf('stadt-hildesheim.de/allris/vo020.asp?VOLFDNR=8000')).toEqual([
      'Vorlage (3 Seiten)', 'Vorlage mit Anlagen (ohne Textebene (keine Texterkennung))',
      'Präsentation Entwurf Ernst-Ehrlicher-Park (incl. Kosten) (nur im RIS abrufbar)', 'Entwurfsplan Kernbereich Ernst-Ehrlicher-Park (nur im RIS abrufbar)',
      'Plan Entnahme & Rückbau Kernbereich Ernst-Ehrlicher-Park (nur im RIS abrufbar)', 'Folgekostenabschätzung (nur im RIS abrufbar)',
    ]);
    expect(await filesOf('hamburg-nord.hamburg.de/bi/vo020.asp?VOLFDNR=1016851')).toEqual(['Drucksache (verschlüsselt, nicht lesbar)']);
    expect(await filesOf('kis.lkos.de/bi/vo020_r.asp?VOLFDNR=4010')).toEqual(['Vorlage (beschädigt, nicht lesbar)', 'Vorlage-Sammeldokument (3 Seiten)']);
  });

  test('a database rebuilt from the store (reparse, then reparse --documents) has the same documents, without the network', async () => {
    const rebuilt = openDb(path.join(tmp.dir, 'rebuilt.sqlite'));
    const docs = (q: Database.Database) => ({
      files: q.prepare(`SELECT s.key, f.url, f.content_hash AS hash, f.fetch_state AS state FROM files f JOIN sources s ON s.id = f.source_id
          WHERE f.url IS NOT NULL AND f.paper_id IS NOT NULL ORDER BY s.key, f.url`).all(),
      // those the store holds (what was not a PDF is not in it: the rebuilt database asks for it again, as for a motion's document)
      meetingFiles: q.prepare(`SELECT s.key, f.url, f.content_hash AS hash, f.fetch_state AS state FROM meeting_files f JOIN sources s ON s.id = f.source_id
          WHERE f.content_hash IS NOT NULL ORDER BY s.key, f.url`).all(),
      documents: q.prepare('SELECT hash, status, error, page_count, title, created_on, extractor FROM documents ORDER BY hash').all(),
      pages: q.prepare('SELECT hash, page, text, search_text FROM document_pages ORDER BY hash, page').all(),
    });
    try {
      const pages = reparseStore(rebuilt.sqlite, path.join(tmp.dir, 'store'), { today: '2026-09-20' });
      expect(pages.lines[pages.lines.length - 1]).toBe('documents: 18 links to stored documents restored; 17 not read in this database yet: run ratsradar reparse --documents');
      const read = await reparseDocuments(rebuilt.sqlite, path.join(tmp.dir, 'store'), { now: '2026-09-20T09:00:00Z' });
      expect(read.lines).toEqual(['documents: 17 read again from the store: 14 with text, 1 without text layer, 2 unreadable']);
      expect(docs(rebuilt.sqlite)).toEqual(docs(db.sqlite));
    } finally {
      rebuilt.close();
    }
  });

  test('a later run asks for a document again only when its motion changed, and then conditionally', async () => {
    const from = server.requests.length;
    const again = await crawlCorpus(db.sqlite, tmp.dir, 'hildesheim', via, { seeds: seedsOf('hildesheim'), today: '2026-09-21', now: () => '2026-09-21T08:00:00Z' });
    expect(server.requests.slice(from).filter((r) => /do027/i.test(r.url))).toEqual([]);
    expect(again.documents).toMatchObject({ fetched: 0, failed: 0 });
    // the motion's page changes (a new word in it): its documents are asked for again, conditionally, and are unchanged
    const page = corpusPages().find((p) => p.source === 'hildesheim' && /vo020/.test(p.url))!;
    server.setPage(page.url, Buffer.concat([fs.readFileSync(page.absFile), Buffer.from('\n<!-- geändert -->\n')]));
    const from2 = server.requests.length;
    const third = await crawlCorpus(db.sqlite, tmp.dir, 'hildesheim', via, { seeds: [page.url], today: '2026-09-22', now: () => '2026-09-22T08:00:00Z' });
    const docRequests = server.requests.slice(from2).filter((r) => /do027/i.test(r.url));
    expect(docRequests.map((r) => [r.conditional, r.status])).toEqual([[true, 304], [true, 304]]);
    expect(third.documents).toMatchObject({ fetched: 2, unchanged: 2, extracted: 0, failed: 0 });
    expect(fileRow(db.sqlite, DOC_URLS.vorlage)).toMatchObject({ state: 'fetched', status: 'ok', attempts: 2 });
  });
});
