/**
 * The meeting page for staff: per agenda item the earlier stations of its motion and what
 * became of them, the agenda-check status on the page and in the agenda CSV, and the "Stand" line —
 * on the demo's Rat of 17.12.2026 (coming) and Hauptausschuss of 03.12.2026, over the corpus + the demo data.
 */
import * as cheerio from 'cheerio';
import { parse as parseCsv } from 'csv-parse/sync';
import request from 'supertest';
import type { Express } from 'express';
import type { OpenedDb } from '../../src/db/connection';
import { buildFixtureApp, type FixtureApp } from './fixture-app';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const csv = (text: string) => parseCsv(text, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];

describe('the meeting page for staff', () => {
  let f: FixtureApp;
  let opened: OpenedDb;
  let app: Express;
  const meetingOf = (sid: string) => opened.sqlite.prepare(`SELECT m.id FROM meetings m JOIN sources s ON s.id = m.source_id
    WHERE s.key = 'demo-musterstadt' AND m.external_id = ?`).pluck().get(sid) as number;
  const item = ($: cheerio.CheerioAPI, reference: string) => $('table.agenda tbody tr').filter((_, tr) => $(tr).find('td[data-label="Vorlage"] a').text() === reference);

  beforeAll(() => {
    f = buildFixtureApp();
    ({ opened, app } = f);
  });
  afterAll(() => f.cleanup());

  test('a coming meeting: the earlier stations per item, with their results, and the check status', async () => {
    const $ = cheerio.load((await request(app).get(`/meetings/${meetingOf('4103')}`).expect(200)).text);
    const earlier = (ref: string) => item($, ref).find('.earlier li').toArray().map((li) => [squash($(li).text()), $(li).hasClass('open')]);
    expect(earlier('DS/2026/0123')).toEqual([
      ['Vorberatung im Ausschuss für Digitalisierung und Smart City am 14.10.2026: ungeändert beschlossen', false],
      ['Vorberatung im Hauptausschuss: noch nicht beraten, Termin 03.12.2026', true],
    ]);
    expect(earlier('DS/2026/0301')).toEqual([
      ['Überweisung in die Ausschüsse im Rat der Stadt Musterstadt am 10.09.2026: überwiesen', false],
      ['Anhörung in der Bezirksvertretung Mitte am 29.09.2026: zur Kenntnis genommen', false],
      ['Vorberatung im Ausschuss für Stadtentwicklung und Mobilität am 21.10.2026: ungeändert beschlossen', false],
    ]);
    const status = (ref: string) => squash(item($, ref).find('.check-status').text());
    expect([status('DS/2026/0123'), status('DS/2026/0301'), status('DS/2026/0342')]).toEqual([
      'Agenda-Check: Vorstation ausstehend', 'Agenda-Check: bereit', 'Agenda-Check: Vorstation offen',
    ]);
    // the flag beside the item says the same verdict (a pending earlier station is not called "offen")
    const flag = (ref: string) => squash(item($, ref).find('strong.flag').text());
    expect([flag('DS/2026/0123'), flag('DS/2026/0301'), flag('DS/2026/0342')]).toEqual(['⚠ Vorstation ausstehend', '', '⚠ Vorstation offen']);
    // an item without a motion has neither
    const first = $('table.agenda tbody tr').first();
    expect(first.find('.earlier, .check-status')).toHaveLength(0);
    // empty cells stay empty (no label-only cards on the phone)
    expect(first.find('td[data-label="Vorlage"]').html()).toBe('');
    expect(first.find('td[data-label="Ergebnis"]').html()).toBe('');
  });

  test('the meeting JSON gives every item with a motion its check, "bereit" too, as the page and the CSV say it', async () => {
    const body = (await request(app).get(`/meetings/${meetingOf('4103')}.json`).expect(200)).body as { agendaItem: { paperReference: string | null; check: { flagged: boolean; blocking: boolean; label: string; messages: string[] } | null }[] };
    expect(body.agendaItem.map((i) => [i.paperReference, i.check && [i.check.label, i.check.flagged, i.check.blocking, i.check.messages.length > 0]])).toEqual([
      [null, null], ['DS/2026/0123', ['Vorstation ausstehend', true, false, true]], ['DS/2026/0301', ['bereit', false, false, false]],
      ['DS/2026/0342', ['Vorstation offen', true, true, true]], [null, null],
    ]);
  });

  test('the agenda CSV carries the check status, the open earlier stations and the earlier stations', async () => {
    const rows = csv((await request(app).get(`/meetings/${meetingOf('4103')}/agenda.csv`).expect(200)).text);
    expect(rows.map((r) => [r.Vorlage, r['Agenda-Check']])).toEqual([
      ['', ''], ['DS/2026/0123', 'Vorstation ausstehend'], ['DS/2026/0301', 'bereit'], ['DS/2026/0342', 'Vorstation offen'], ['', ''],
    ]);
    expect(rows[3]['Offene Vorstationen']).toBe(
      'Vorberatung (Ausschuss für Digitalisierung und Smart City): geplant, kein Termin vor dieser Sitzung; muss vor dem 17.12.2026 beraten werden — Rat der Stadt Musterstadt',
    );
    expect(rows[1]['Bisherige Beratung']).toBe(
      'Vorberatung im Ausschuss für Digitalisierung und Smart City am 14.10.2026: ungeändert beschlossen | Vorberatung im Hauptausschuss: noch nicht beraten, Termin 03.12.2026',
    );
  });

  test('a past meeting: earlier stations but no check; the "Stand" line names when the data was read', async () => {
    const $ = cheerio.load((await request(app).get(`/meetings/${meetingOf('4106')}`).expect(200)).text);
    expect($('.check-status')).toHaveLength(0);
    const rows = csv((await request(app).get(`/meetings/${meetingOf('4106')}/agenda.csv`).expect(200)).text);
    for (const r of rows) expect(r['Agenda-Check']).toBe('');
    const dataAsOf = opened.sqlite.prepare(`SELECT MAX(p.data_as_of) FROM agenda_items a JOIN papers p ON p.id = a.paper_id WHERE a.meeting_id = ?`).pluck().get(meetingOf('4106')) as string;
    expect(dataAsOf).toMatch(/^2026-11-24/);
    expect(squash($('p.stand').text())).toBe('Stand der Daten: 24.11.2026; ausgewertet am 24.11.2026');
    expect($('p.stand time').attr('datetime')).toBe(dataAsOf);
  });

  test('a corpus meeting without any read time says so', async () => {
    const id = opened.sqlite.prepare(`SELECT m.id FROM meetings m JOIN sources s ON s.id = m.source_id
      WHERE s.key = 'hildesheim' AND m.external_id = '3712'`).pluck().get() as number;
    const stand = opened.sqlite.prepare(`SELECT MAX(p.data_as_of) FROM agenda_items a JOIN papers p ON p.id = a.paper_id WHERE a.meeting_id = ?`).pluck().get(id) as string | null;
    const $ = cheerio.load((await request(app).get(`/meetings/${id}`).expect(200)).text);
    expect(squash($('p.stand').text())).toMatch(stand ? /^Stand der Daten: \d\d\.\d\d\.\d{4}; ausgewertet am 24\.11\.2026$/ : /^Stand der Daten: unbekannt; ausgewertet am 24\.11\.2026$/);
  });
});
