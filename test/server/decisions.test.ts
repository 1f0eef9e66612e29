/**
 * What was decided: the votes and Beschluss texts of the corpus's Taunusstein (ALLRIS 4,
 * "Dafür 25, Dagegen 8, Enthaltungen 0", and its "Status Beschluss") and Hildesheim (ALLRIS 3, "einstimmig mit zwei Enthaltungen")
 * agenda items on the motion page, the meeting page and in the CSVs — over the corpus + the demo data.
 *
 * The corpus has Taunusstein's agenda item (to020-1026743) but not its meeting's page (SILFDNR 1001258);
 * the test makes that page from the corpus's other Taunusstein meeting page (to010-4021) by renaming its
 * meeting, date and committee and turning its TOP 3.1.3 into the recorded item (number, motion, result).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { parse as parseCsv } from 'csv-parse/sync';
import request from 'supertest';
import type { Express } from 'express';
import type { OpenedDb } from '../../src/db/connection';
import { refreshDerived } from '../../src/db/derive';
import { importSavedPages } from '../../src/ingest/saved-pages';
import { createApp } from '../../src/server/app';
import { CORPUS, makeTmpDir } from '../helpers/tmp';
import { buildWebDb, paperIdOf, WEB_TODAY } from '../helpers/web-db';

/** Taunusstein's meeting of 11.12.2025, made from its meeting page of 05.04.2017 (see the file comment). */
function taunussteinMeetingPage(): string {
  return fs.readFileSync(path.join(CORPUS, 'allris4', 'taunusstein', 'to010-4021.html'), 'utf8')
    .replace(/(id="vo_48524">DRS\. 17\/044<\/a>\s*<\/div>\s*<\/td><td class="tobanr">\s*<div>)zur Kenntnis genommen/, '$1ungeändert beschlossen')
    .replace('>Ö 3.1.3<', '>Ö 3.1.12<')
    .replace(/(?<!\d)4021(?!\d)/g, '1001258')
    .replace(/(?<!\d)48524(?!\d)/g, '1026743')
    .replace(/(?<!\d)9919(?!\d)/g, '1003485')
    .replace(/DRS\. 17\/044/g, 'DRS. 25/161')
    .replace(/Auskunftserteilung durch städtische Bedienstete an Taunussteiner Mandatsträger/g, 'Entwurf der Haushaltssatzung der Stadt Taunusstein für das Haushaltsjahr 2026 mit Anlagen')
    .replace(/2\. öffentliche Sitzung des Ortsbeirates Bleidenstadt/g, '6. Sitzung der Stadtverordnetenversammlung Taunusstein (öffentlich)')
    .replace(/Ortsbeirat Bleidenstadt/g, 'Stadtverordnetenversammlung')
    .replace(/05\.04\.2017/g, '11.12.2025');
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const csv = (text: string) => parseCsv(text, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];

describe('what was decided: votes and Beschluss texts', () => {
  const tmp = makeTmpDir();
  let opened: OpenedDb;
  let app: Express;
  const meetingOf = (source: string, sid: string) => opened.sqlite.prepare(`SELECT m.id FROM meetings m JOIN sources s ON s.id = m.source_id
    WHERE s.key = ? AND m.external_id = ?`).pluck().get(source, sid) as number;

  beforeAll(() => {
    opened = buildWebDb(tmp.dir);
    const dir = path.join(tmp.dir, 'made', 'taunusstein');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'to010-1001258.html'), taunussteinMeetingPage());
    importSavedPages(opened.sqlite, [dir], { now: '2026-11-24T09:00:00Z', today: WEB_TODAY });
    refreshDerived(opened.sqlite, WEB_TODAY);
    app = createApp(opened.sqlite, { today: () => WEB_TODAY });
  });
  afterAll(() => {
    opened.close();
    tmp.cleanup();
  });

  test('motion page, Taunusstein DRS. 25/161: the meeting row shows result, vote and Beschluss text; the decision line the vote', async () => {
    const $ = cheerio.load((await request(app).get(`/papers/${paperIdOf(opened, 'taunusstein', 'DRS. 25/161')}`).expect(200)).text);
    const row = $('ul.meetings li').filter((_, li) => $(li).text().includes('11.12.2025'));
    expect(row).toHaveLength(1);
    expect(squash(row.find('strong').first().text())).toBe('ungeändert beschlossen');
    expect(squash(row.find('.vote').text())).toBe('Abstimmung: Dafür 25, Dagegen 8, Enthaltungen 0');
    // the RIS's Beschlussverfolgung ("Status Beschluss:" of the item's page)
    expect(squash(row.find('.decision-status').text())).toBe('Status des Beschlusses im RIS: Beschlussumsetzung erwünscht (22.12.2025)');
    const text = row.find('details.decision-text p').text();
    expect(row.find('details.decision-text summary').text()).toBe('Beschlusstext');
    // two decisions: what each vote was on (the committee's proposal, then the whole budget), not who asked for it;
    // the first vote in words, not as a table's cells
    expect(text).toMatch(/^Abstimmung, zunächst über den Beschlussvorschlag des Ausschusses HFWD\.\nBeschluss:\n1\. Der Entwurf der Haushaltssatzung der Stadt Taunusstein für das Haushaltsjahr 2026/);
    expect(text).toContain('\nAbstimmung: Dafür 25, Dagegen 8, Enthaltungen 0\nAbstimmung über den Gesamtbeschluss zum Haushalt 2026:\nBeschluss:\n1. Der Entwurf');
    expect(text).not.toContain('Löser');
    expect(text).not.toContain('|');
    expect(text).toContain('7. Die Nachhaltigkeitssatzung und die daraus resultierenden Hebesätze der Grundsteuer B werden in der mittelfristigen Planung von 2027 bis 2029 angewendet.');
    expect(squash($('li', '.figures').filter((_, li) => $(li).text().startsWith('Entscheidung')).text())).toBe(
      'Entscheidung: ungeändert beschlossen (Stadtverordnetenversammlung) am 11.12.2025 (Abstimmung: Dafür 25, Dagegen 8, Enthaltungen 0)',
    );
  });

  test('motion page, Taunusstein DRS. 25/161 (known from its agenda item\'s page only): the documents that page offers', async () => {
    const $ = cheerio.load((await request(app).get(`/papers/${paperIdOf(opened, 'taunusstein', 'DRS. 25/161')}`).expect(200)).text);
    const docs = $('ul.files li').toArray().map((li) => squash($(li).text()));
    expect(docs).toEqual(expect.arrayContaining([
      expect.stringContaining('Niederschriftsauszug'), expect.stringContaining('Sammeldokument'),
      expect.stringMatching(/Haushaltsplanentwurf der Stadt Taunusstein 2026.*nur im RIS abrufbar/),
    ]));
    expect($('ul.files a[href="https://www.taunusstein.de/allris/wicket/resource/org.apache.wicket.Application/doc1696523.pdf"]')).toHaveLength(1);
  });

  test('motion page, Hildesheim 25/085: "einstimmig mit zwei Enthaltungen" and the Beschluss, never the Wortprotokoll', async () => {
    const html = (await request(app).get(`/papers/${paperIdOf(opened, 'hildesheim', '25/085')}`).expect(200)).text;
    const $ = cheerio.load(html);
    const row = $('ul.meetings li').filter((_, li) => $(li).text().includes('31.03.2025'));
    expect(squash(row.find('.vote').text())).toBe('Abstimmung: einstimmig mit zwei Enthaltungen');
    expect(row.find('details.decision-text p').text()).toBe('Der Annahme der Zuwendungen wird zugestimmt.');
    // the protocol names a staff member ("Frau N. referierte die Vorlage."): not on the page
    expect(html).not.toContain('referierte');
  });

  test('meeting pages: per agenda item the result, the vote and the Beschluss text', async () => {
    const hi = cheerio.load((await request(app).get(`/meetings/${meetingOf('hildesheim', '3712')}`).expect(200)).text);
    const top9 = hi('table.agenda tbody tr').filter((_, tr) => squash(hi(tr).find('td[data-label="TOP"]').text()) === 'Ö 9');
    expect(top9).toHaveLength(1);
    const cell = top9.find('td[data-label="Ergebnis"]');
    expect(squash(cell.find('strong').text())).toBe('ungeändert beschlossen');
    expect(squash(cell.find('.vote').text())).toBe('Abstimmung: einstimmig mit zwei Enthaltungen');
    expect(cell.find('details.decision-text p').text()).toBe('Der Annahme der Zuwendungen wird zugestimmt.');
    expect(hi('table.agenda .vote')).toHaveLength(1);

    const ta = cheerio.load((await request(app).get(`/meetings/${meetingOf('taunusstein', '1001258')}`).expect(200)).text);
    const item = ta('table.agenda tbody tr').filter((_, tr) => ta(tr).find('td[data-label="Vorlage"]').text().includes('DRS. 25/161'));
    expect(item).toHaveLength(1);
    expect(squash(item.find('td[data-label="Betreff"]').text())).toBe('Entwurf der Haushaltssatzung der Stadt Taunusstein für das Haushaltsjahr 2026 mit Anlagen');
    expect(squash(item.find('.vote').text())).toBe('Abstimmung: Dafür 25, Dagegen 8, Enthaltungen 0');
    expect(squash(item.find('.decision-status').text())).toBe('Status des Beschlusses im RIS: Beschlussumsetzung erwünscht (22.12.2025)');
    expect(hi('table.agenda .decision-status')).toHaveLength(0);
    expect(item.find('details.decision-text p').text()).toContain('Die Ratenpause der „Hessenkasse“ 2026 wird beschlossen.');
  });

  test('meeting JSON: per agenda item the vote, the Beschluss text and the RIS\'s status, as the page shows them', async () => {
    const hi = (await request(app).get(`/meetings/${meetingOf('hildesheim', '3712')}.json`).expect(200)).body as { agendaItem: { number: string; decision: unknown }[] };
    expect(hi.agendaItem.find((i) => i.number === '9')?.decision).toEqual({ vote: 'einstimmig mit zwei Enthaltungen', text: 'Der Annahme der Zuwendungen wird zugestimmt.', status: null });
    // an item without either: all null
    expect(hi.agendaItem.filter((i) => i.number !== '9').every((i) => JSON.stringify(i.decision) === '{"vote":null,"text":null,"status":null}' || (i.decision as { text: string | null }).text !== null)).toBe(true);
    const ta = (await request(app).get(`/meetings/${meetingOf('taunusstein', '1001258')}.json`).expect(200)).body as { agendaItem: { paperReference: string; decision: { vote: string; text: string; status: string } }[] };
    const item = ta.agendaItem.find((i) => i.paperReference === 'DRS. 25/161')!;
    expect([item.decision.vote, item.decision.status]).toEqual(['Dafür 25, Dagegen 8, Enthaltungen 0', 'Beschlussumsetzung erwünscht (22.12.2025)']);
    expect(item.decision.text).toContain('Die Ratenpause der „Hessenkasse“ 2026 wird beschlossen.');
  });

  test('OParl: the agenda item carries the vote and the RIS\'s status of the decision as vendor properties', async () => {
    const key = opened.sqlite.prepare("SELECT a.entity_key FROM agenda_items a JOIN sources s ON s.id = a.source_id WHERE s.key = 'taunusstein' AND a.external_id = '1026743'").pluck().get() as string;
    const body = (await request(app).get(`/oparl/v1.1/bodies/taunusstein/agendaItems/${encodeURIComponent(key)}`).expect(200)).body as Record<string, unknown>;
    expect(body['ratsradar:vote']).toEqual({ yes: 25, no: 8, abstain: 0, text: 'Dafür: 25 Dagegen: 8 Enthaltungen: 0' });
    expect(body['ratsradar:decisionStatus']).toEqual({ text: 'Beschlussumsetzung erwünscht', date: '2025-12-22' });
  });

  test('OParl: an agenda item\'s resolutionText is its Beschluss only, never a protocol section (it names speakers and staff); a vote count not given is left out', async () => {
    const itemKey = (source: string, sid: string) => opened.sqlite.prepare(`SELECT a.entity_key FROM agenda_items a JOIN sources s ON s.id = a.source_id
      WHERE s.key = ? AND a.external_id = ?`).pluck().get(source, sid) as string;
    const item = async (source: string, sid: string) =>
      (await request(app).get(`/oparl/v1.1/bodies/${source}/agendaItems/${encodeURIComponent(itemKey(source, sid))}`).expect(200)).body as Record<string, unknown>;
    // Hildesheim TOP 9: a "Wortprotokoll" ("Frau N. referierte die Vorlage.") and a "Beschluss"
    const hildesheim = await item('hildesheim', '76127');
    expect(hildesheim.resolutionText).toBe('Der Annahme der Zuwendungen wird zugestimmt.');
    expect(hildesheim['ratsradar:vote']).toEqual({ no: 0, abstain: 2, text: 'einstimmig mit zwei Enthaltungen' });
    // Altona: only a "Protokoll" section (the petitioner, a member by name): no decision text at all
    const altona = await item('hamburg-altona', '1049839');
    expect(altona.resolutionText).toBeUndefined();
    expect(altona.result).toBe('zur Kenntnis genommen');
    // and the meetings they are embedded in carry none of the protocols either
    for (const source of ['hildesheim', 'hamburg-altona', 'hamburg-bergedorf', 'hamburg-eimsbuettel', 'hamburg-mitte', 'hamburg-nord']) {
      const ids = opened.sqlite.prepare(`SELECT DISTINCT m.entity_key FROM meetings m JOIN sources s ON s.id = m.source_id JOIN agenda_items a ON a.meeting_id = m.id
        WHERE s.key = ? AND a.text IS NOT NULL`).pluck().all(source) as string[];
      for (const key of ids) {
        const text = (await request(app).get(`/oparl/v1.1/bodies/${source}/meetings/${encodeURIComponent(key)}`).expect(200)).text;
        // (an agenda item may be named "Genehmigung des Protokolls …": a protocol's section heading or its speakers may not appear)
        expect([source, /"(?:Wort)?[Pp]rotokoll\\n|Herr |Frau /.test(text)]).toEqual([source, false]);
      }
    }
  });

  test('agenda CSV: vote and Beschluss per item', async () => {
    const rows = csv((await request(app).get(`/meetings/${meetingOf('hildesheim', '3712')}/agenda.csv`).expect(200)).text);
    expect(rows.find((r) => r.TOP === '9')).toMatchObject({
      Vorlage: '25/085', Ergebnis: 'ungeändert beschlossen', Abstimmung: 'einstimmig mit zwei Enthaltungen', Beschluss: 'Der Annahme der Zuwendungen wird zugestimmt.',
    });
    expect(rows.filter((r) => r.Abstimmung)).toHaveLength(1);
  });

  test('list CSV: decision, deciding committee, decision date, vote, submitter and the RIS address', async () => {
    const rows = csv((await request(app).get('/vorlagen.csv?thema=alle').expect(200)).text);
    const byRef = (source: string, ref: string) => rows.find((r) => r.Vorlage === ref && r.Link.endsWith(`/papers/${paperIdOf(opened, source, ref)}`));
    expect(byRef('taunusstein', 'DRS. 25/161')).toMatchObject({
      Entscheidung: 'ungeändert beschlossen', 'Entscheidendes Gremium': 'Stadtverordnetenversammlung', Entscheidungsdatum: '2025-12-11',
      Abstimmung: 'Dafür 25, Dagegen 8, Enthaltungen 0',
    });
    expect(byRef('hildesheim', '25/085')).toMatchObject({
      Entscheidung: 'ungeändert beschlossen', 'Entscheidendes Gremium': 'Rat der Stadt Hildesheim', Entscheidungsdatum: '2025-03-31',
      Abstimmung: 'einstimmig mit zwei Enthaltungen',
    });
    // submitters as the motion's page names them (factions), and the motion in its RIS
    const bergedorf = opened.sqlite.prepare(`SELECT p.reference, p.url FROM papers p JOIN sources s ON s.id = p.source_id
      WHERE s.key = 'hamburg-bergedorf' AND p.originator LIKE '%SPD-Fraktion%'`).get() as { reference: string; url: string };
    expect(rows.find((r) => r.Vorlage === bergedorf.reference)).toMatchObject({
      Einreicher: 'Fraktion GRÜNE Bergedorf; Fraktion DIE LINKE; SPD-Fraktion', 'Original im RIS': bergedorf.url,
    });
    expect(bergedorf.url).toMatch(/^https:\/\//);
    // a motion not decided has no decision columns
    const open = rows.find((r) => r.Vorlage === 'DS/2026/0123')!;
    expect([open.Entscheidung, open['Entscheidendes Gremium'], open.Entscheidungsdatum, open.Abstimmung]).toEqual(['', '', '', '']);
    // every decided motion names its result and date; the counts agree with the stored states
    const decided = opened.sqlite.prepare("SELECT COUNT(*) FROM papers WHERE state IN ('decided', 'decided-amended', 'rejected', 'noted', 'withdrawn', 'stopped')").pluck().get() as number;
    expect(rows.filter((r) => r.Entscheidung).length).toBeLessThanOrEqual(decided);
    expect(rows.filter((r) => r.Abstimmung).map((r) => r.Vorlage).sort()).toEqual(['25/085', 'DRS. 25/161']);
  });
});
