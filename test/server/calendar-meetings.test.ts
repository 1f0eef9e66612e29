/**
 * A meeting known only from a calendar row (no meeting page of its own read) links its page in the RIS
 * where the row links it (the MeetingList entry's `url`, scrapers/shared/calendar.ts meetingLinkOf), on
 * the meeting page and in its JSON; a row that links no page (internal, cancelled, no public agenda)
 * links nothing. Over the corpus, imported without a manifest as the README's first import does.
 */
import * as cheerio from 'cheerio';
import request from 'supertest';
import { loadOpenApiValidator } from '../helpers/openapi-validator';
import { buildFixtureApp, type FixtureApp } from './fixture-app';

describe('meetings from a calendar', () => {
  let f: FixtureApp;
  beforeAll(() => {
    f = buildFixtureApp();
  });
  afterAll(() => f.cleanup());

  const meetingId = (source: string, where: string, arg: string) => f.opened.sqlite.prepare(`SELECT m.id FROM meetings m JOIN sources s ON s.id = m.source_id
    WHERE s.key = ? AND ${where}`).pluck().get(source, arg) as number;
  const original = async (id: number) => {
    const $ = cheerio.load((await request(f.app).get(`/meetings/${id}`).expect(200)).text);
    return $('p.source a').toArray().map((a) => [$(a).text(), $(a).attr('href')]);
  };

  test('Bitburg-Prüm (si010): the meeting page links the to010 page the row links, and so does its JSON', async () => {
    const id = meetingId('bitburg-pruem', 'm.external_id = ?', '1741');
    const url = 'https://www.bitburg-pruem.sitzung-online.de/bi/to010.asp?SILFDNR=1741';
    expect(await original(id)).toEqual([['Original im Ratsinformationssystem öffnen', url]]);
    const json = (await request(f.app).get(`/meetings/${id}.json`).expect(200)).body as { originalUrl: string | null };
    expect(json.originalUrl).toBe(url);
    // no agenda read here: the page says where it stands once published, and claims no documents
    const $ = cheerio.load((await request(f.app).get(`/meetings/${id}`).expect(200)).text);
    const agenda = $('section[aria-labelledby="h-agenda"] p');
    expect(agenda.text()).toBe('Zu dieser Sitzung ist keine Tagesordnung bekannt. Ist sie veröffentlicht, steht sie im Original im Ratsinformationssystem.');
    expect(agenda.find('a').attr('href')).toBe(url);
    expect($('section[aria-labelledby="h-docs"] p').text()).toBe('Zu dieser Sitzung sind keine Dokumente bekannt. Einladung und Niederschrift stehen, soweit veröffentlicht, im Original.');
    // the record's change date is ratsradar's, not the RIS's (a first import of a meeting of 2026 says the import day)
    expect($('p.source').text()).toMatch(/^Original im Ratsinformationssystem öffnen · in ratsradar zuletzt geändert: \d{2}\.\d{2}\.\d{4}$/);
  });

  test('Landkreis Osnabrück (responsive si010_r): to010_r, as its rows link', async () => {
    expect(await original(meetingId('landkreis-osnabrueck', 'm.external_id = ?', '1601'))).toEqual([
      ['Original im Ratsinformationssystem öffnen', 'https://kis.lkos.de/bi/to010_r.asp?SILFDNR=1601'],
    ]);
  });

  test('ALLRIS 4 (Trier): the ./to010 page without its view parameter (refresh=false)', async () => {
    expect(await original(meetingId('trier', 'm.external_id = ?', '1000686'))).toEqual([
      ['Original im Ratsinformationssystem öffnen', 'https://ratsinfo.trier.de/public/to010?SILFDNR=1000686'],
    ]);
  });

  test('a row without a SILFDNR (Mainz-Bingen, "ABGESAGT!!"): no link, no guess', async () => {
    const id = meetingId('mainz-bingen', 'm.external_id IS NULL AND m.name LIKE ?', '%ABGESAGT%');
    expect(id).toBeGreaterThan(0);
    expect(await original(id)).toEqual([]);
  });

  test('rows with a SILFDNR but no link (Hamburg-Nord: a faction board, the cancelled "ENTFÄLLT!" meeting): no link either', async () => {
    for (const silfdnr of ['1002824', '1002587']) {
      const id = meetingId('hamburg-nord', 'm.external_id = ?', silfdnr);
      expect(id).toBeGreaterThan(0);
      expect(await original(id)).toEqual([]);
      const json = (await request(f.app).get(`/meetings/${id}.json`).expect(200)).body as { originalUrl: string | null };
      expect(json.originalUrl).toBeNull();
      const $ = cheerio.load((await request(f.app).get(`/meetings/${id}`).expect(200)).text);
      expect($('section[aria-labelledby="h-agenda"] p').text()).toBe('Zu dieser Sitzung ist keine Tagesordnung bekannt.');
      expect($('section[aria-labelledby="h-docs"] p').text()).toBe('Zu dieser Sitzung sind keine Dokumente bekannt.');
    }
  });

  test('a meeting its calendar row marks as cancelled is shown so: page status, JSON, the calendar\'s JSON and iCal, OParl', async () => {
    const id = meetingId('mainz-bingen', 'm.external_id IS NULL AND m.name LIKE ?', '%ABGESAGT%');
    const $ = cheerio.load((await request(f.app).get(`/meetings/${id}`).expect(200)).text);
    const facts = $('dl.facts-list').children().toArray().map((el) => $(el).text().trim());
    expect(facts.slice(facts.indexOf('Status'), facts.indexOf('Status') + 2)).toEqual(['Status', 'abgesagt']);
    expect(((await request(f.app).get(`/meetings/${id}.json`).expect(200)).body as { cancelled: boolean }).cancelled).toBe(true);
    const month = (await request(f.app).get('/sitzungen.json?monat=2026-09').expect(200)).body as { month: { items: { id: number; cancelled: boolean }[] } };
    expect(month.month.items.filter((i) => i.cancelled).map((i) => i.id)).toEqual([id]);
    const ics = (await request(f.app).get(`/meetings/${id}/calendar.ics`).expect(200)).text;
    expect(ics).toMatch(/\r\nSTATUS:CANCELLED\r\n/);
    // a meeting the calendar does not mark: none of it
    const other = meetingId('bitburg-pruem', 'm.external_id = ?', '1741');
    expect(((await request(f.app).get(`/meetings/${other}.json`).expect(200)).body as { cancelled: boolean }).cancelled).toBe(false);
    expect((await request(f.app).get(`/meetings/${other}/calendar.ics`).expect(200)).text).not.toContain('STATUS:CANCELLED');
  });

  test('OParl: the cancelled meeting carries OParl\'s cancelled flag, the others none', async () => {
    const key = f.opened.sqlite.prepare("SELECT m.entity_key FROM meetings m JOIN sources s ON s.id = m.source_id WHERE s.key = 'hamburg-nord' AND m.external_id = '1002587'").pluck().get() as string;
    const cancelled = (await request(f.app).get(`/oparl/v1.1/bodies/hamburg-nord/meetings/${key}`).expect(200)).body as Record<string, unknown>;
    expect(cancelled.cancelled).toBe(true);
    const held = (await request(f.app).get('/oparl/v1.1/bodies/hamburg-nord/meetings/1002655').expect(200)).body as Record<string, unknown>;
    expect(held).not.toHaveProperty('cancelled');
  });

  test('a month without meetings names the nearest ones on either side, with the filters; a month with meetings does not', async () => {
    const validator = await loadOpenApiValidator(f.app);
    const nearest = async (query: string) => {
      const $ = cheerio.load((await request(f.app).get(`/sitzungen?${query}`).expect(200)).text);
      return { text: $('p.nearest').text().replace(/\s+/g, ' ').trim(), months: $('p.nearest a').filter((_, a) => $(a).text() === 'zum Monat').map((_, a) => $(a).attr('href')).get() };
    };
    // every city: the demo's last meeting (04.02.2027) and Augsburg's OParl meeting scheduled for 01.12.2027, each with its city
    expect(await nearest('monat=2027-03')).toEqual({
      text: 'Keine Sitzung in diesem Monat. Die letzte davor: 04.02.2027 – Rat der Stadt Musterstadt Musterstadt (Demo) (zum Monat). '
        + 'Die nächste danach: 01.12.2027 – Sitzung des Ausschusses für Digitalisierung, Organisation, Personal Stadt Augsburg (zum Monat).',
      months: ['/sitzungen?monat=2027-02', '/sitzungen?monat=2027-12'],
    });
    // one city: Trier's last meeting in the corpus, 28.10.2026
    expect((await nearest('stadt=trier&monat=2027-03')).text).toBe('Keine Sitzung in diesem Monat. Die letzte davor: 28.10.2026 – Sitzung des Haushalts- und Personalausschusses (zum Monat).');
    // one city: Hamburg-Nord's last meeting in the corpus; none after it (no sentence for it), the city kept in the month's link
    expect(await nearest('stadt=hamburg-nord&monat=2026-03')).toEqual({
      text: 'Keine Sitzung in diesem Monat. Die letzte davor: 11.12.2025 – Bezirksversammlung (zum Monat).',
      months: ['/sitzungen?stadt=hamburg-nord&monat=2025-12'],
    });
    // one committee: Altona's Mobilitätsausschuss, its one meeting in the corpus
    expect(await nearest(`gremium=${encodeURIComponent('hamburg-altona:Mobilitätsausschuss')}&monat=2026-03`)).toEqual({
      text: 'Keine Sitzung in diesem Monat. Die letzte davor: 03.11.2025 – Mobilitätsausschuss (zum Monat).',
      months: [`/sitzungen?stadt=hamburg-altona&gremium=${encodeURIComponent('hamburg-altona:Mobilitätsausschuss')}&monat=2025-11`],
    });
    const json = (await request(f.app).get('/sitzungen.json?stadt=hamburg-nord&monat=2026-03').expect(200)).body;
    expect(validator.check('/sitzungen.json', 200, json)).toBe('');
    expect([json.month.nearest.before.date, json.month.nearest.before.id > 0, json.month.nearest.after]).toEqual(['2025-12-11', true, null]);
    // a month with meetings: nothing of the kind
    expect((await nearest('stadt=hamburg-nord&monat=2025-12')).text).toBe('');
    expect((await request(f.app).get('/sitzungen.json?stadt=hamburg-nord&monat=2025-12').expect(200)).body.month.nearest).toBeNull();
  });
});
