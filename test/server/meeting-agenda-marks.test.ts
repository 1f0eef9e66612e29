/**
 * What an agenda marks on its items (audit): items added later ("Nachtrags-TOP") and the grey remark ("Zusatzinfo").
 * Hamburg-Altona's Mobilitätsausschuss of its to010 SILFDNR=1004086 marks Ö 4, 5, 6, 7.6 and 7.7 and remarks on Ö 2.4.
 * The meeting page tags them "Nachtrag" and shows the remark, its JSON says `supplement` and `note`, its agenda CSV has
 * a column "Nachtrag". Hildesheim's remarks name Referenten: none reaches a page.
 */
import request from 'supertest';
import * as cheerio from 'cheerio';
import { buildFixtureApp, type FixtureApp } from './fixture-app';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('items added to an agenda later, and its remarks', () => {
  let f: FixtureApp;
  let meetingId: number;
  beforeAll(() => {
    f = buildFixtureApp();
    meetingId = f.opened.sqlite.prepare(
      "SELECT m.id FROM meetings m JOIN sources s ON s.id = m.source_id WHERE s.key = 'hamburg-altona' AND m.external_id = '1004086'",
    ).pluck().get() as number;
  });
  afterAll(() => f.cleanup());

  test('the meeting page tags them "Nachtrag", and only them', async () => {
    const $ = cheerio.load((await request(f.app).get(`/meetings/${meetingId}`).expect(200)).text);
    const tops = $('table.agenda td[data-label="TOP"]').toArray().map((td) => squash($(td).text()));
    expect(tops.filter((t) => t.endsWith('Nachtrag'))).toEqual(['Ö 4 Nachtrag', 'Ö 5 Nachtrag', 'Ö 6 Nachtrag', 'Ö 7.6 Nachtrag', 'Ö 7.7 Nachtrag']);
    expect(tops.length).toBe(20);
    expect($('span.supplement').first().attr('title')).toBe('nachträglich auf die Tagesordnung gesetzt (Nachtrags-TOP)');
  });

  test('JSON supplement and the CSV column', async () => {
    const body = (await request(f.app).get(`/meetings/${meetingId}.json`).expect(200)).body as { agendaItem: { number: string; supplement: boolean }[] };
    expect(body.agendaItem.filter((i) => i.supplement).map((i) => i.number)).toEqual(['4', '5', '6', '7.6', '7.7']);
    expect(body.agendaItem.filter((i) => !i.supplement)).toHaveLength(15);
    const csv = (await request(f.app).get(`/meetings/${meetingId}/agenda.csv`).expect(200)).text.replace(/^\uFEFF/, '');
    const lines = csv.split(/\r?\n/).filter(Boolean);
    expect(lines[0].endsWith(';Nachtrag') || lines[0].endsWith(',Nachtrag')).toBe(true);
    expect(lines.slice(1).filter((l) => /[;,]ja$/.test(l)).map((l) => l.split(/[;,]/)[0])).toEqual(['4', '5', '6', '7.6', '7.7']);
  });

  test('the remark under the item\'s subject and in the JSON; a remark naming a Referent nowhere', async () => {
    const $ = cheerio.load((await request(f.app).get(`/meetings/${meetingId}`).expect(200)).text);
    const notes = $('table.agenda small.item-note').toArray().map((n) => squash($(n).text()));
    expect(notes).toEqual(['Nach eingegangener Stellungnahme des Mobilitätsausschusses wird die Beratung im Ausschuss für Grün, Naturschutz und Sport fortgesetzt']);
    const body = (await request(f.app).get(`/meetings/${meetingId}.json`).expect(200)).body as { agendaItem: { number: string; note: string | null }[] };
    expect(body.agendaItem.filter((i) => i.note).map((i) => i.number)).toEqual(['2.4']);
    const hildesheim = f.opened.sqlite.prepare(
      "SELECT m.id FROM meetings m JOIN sources s ON s.id = m.source_id WHERE s.key = 'hildesheim' AND m.external_id = '3712'",
    ).pluck().get() as number;
    const page = (await request(f.app).get(`/meetings/${hildesheim}`).expect(200)).text;
    expect(page).not.toMatch(/Referent|Ingo Meyer/);
  });
});
