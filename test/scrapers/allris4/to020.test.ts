/**
 * ALLRIS 4 to020 ("Auszug") → AgendaItem record with vote. The Taunusstein page is read in place from
 * ../shared/corpus through parsePage; its expected record was written by reading the page. The small
 * pages below are hand-made for this test.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseAllris4AgendaItem } from '../../../scrapers/allris4/to020';
import { LayoutChangedError } from '../../../scrapers/errors';
import { parsePage } from '../../../scrapers/parse';
import type { AgendaItemWithVote } from '../../../scrapers/shared/vote';
import { CASES } from '../../helpers/cases/agenda-items';
import { CORPUS } from '../../helpers/tmp';

const EXPECTED = path.resolve(__dirname, '../../expected');
const TAUNUSSTEIN = CASES.find((c) => c.page === 'allris4/taunusstein/to020-1026743.html')!;

function parseCorpus(url: string | null) {
  return parsePage(fs.readFileSync(path.join(CORPUS, TAUNUSSTEIN.page)), url);
}

const expected = () => JSON.parse(fs.readFileSync(path.join(EXPECTED, TAUNUSSTEIN.expected), 'utf8')) as Record<string, unknown>;

describe('parseAllris4AgendaItem on the recorded Taunusstein page', () => {
  test('every allris4 to020 page of the corpus has a case', () => {
    expect(CASES.filter((c) => c.page.startsWith('allris4/')).map((c) => c.page)).toEqual([TAUNUSSTEIN.page]);
  });

  test('full record', () => {
    expect(parseCorpus(TAUNUSSTEIN.url)).toEqual(expected());
  });

  test('without a URL: sourceId from Wicket.Ajax.baseUrl "to020?TOLFDNR=…", url null, nothing else changes', () => {
    expect(parseCorpus(null)).toEqual({ ...expected(), url: null });
  });

  test('the staff field Bearbeiter (#vosb) and the portal around #allris do not leak into the record', () => {
    expect(JSON.stringify(parseCorpus(TAUNUSSTEIN.url))).not.toMatch(/Palmer|Bearbeiter|Öffnungszeiten|Aarstraße/);
  });

  test('h1.title cuts the name off ("…Taunusst..."): the Vorlage\'s full name that starts with it is taken', () => {
    expect(parseCorpus(TAUNUSSTEIN.url)).toMatchObject({
      name: 'Entwurf der Haushaltssatzung der Stadt Taunusstein für das Haushaltsjahr 2026 mit Anlagen',
      paperReference: 'DRS. 25/161',
    });
  });

  test('the motion\'s "Vorlageart" and "Federführend" from the head (one entry per ";"), not the Bearbeiter', () => {
    const r = parseCorpus(TAUNUSSTEIN.url) as { paperType?: string; paperUnderDirectionOf?: string[] };
    expect([r.paperType, r.paperUnderDirectionOf]).toEqual(['Beschlussvorlage', ['Fachbereich 3', 'Finanzmanagement 3.3']]);
    expect(JSON.stringify(r)).not.toContain('Palmer');
  });

  test('Word list numbers (<ol start="2">) are kept and the vote comes from the Abstimmungsergebnis table', () => {
    const r = parseCorpus(TAUNUSSTEIN.url) as AgendaItemWithVote;
    expect(r.text[0].text).toContain('\n2. Das Investitionsprogramm');
    expect(r.text[0].text).toContain('\n7. Die Nachhaltigkeitssatzung und die daraus');
    expect(r.vote).toEqual({ yes: 25, no: 8, abstain: 0, text: 'Dafür: 25 Dagegen: 8 Enthaltungen: 0' });
  });
});

/** A hand-made ALLRIS 4 to020 page. */
function page(opts: { h1?: string; top?: string | null; vorlage?: string; result?: string; parts?: string } = {}): string {
  const row = (label: string, id: string, value: string) =>
    `<div class="row"><dl><dt class="colTitle"><span class="label">${label}</span></dt><dd class="colEntry3"><span class="text4" id="${id}">${value}</span></dd></dl></div>`;
  return `<!DOCTYPE html><html><head><meta name="description" content="ALLRIS net Version 4.1.5 (4150026) - 01.01.2026" /><title>ALLRIS - Auszug</title></head>
<body><div id="allris"><main><div class="header"><h1 class="title">${opts.h1 ?? '22.09.2026 - 4 Radweg Hauptstraße'}</h1></div>
<div id="head"><div id="headLeft">
${opts.top === null ? '' : row('TOP:', 'toname', opts.top ?? 'Ö 4')}
${row('Sitzung:', 'sibetreff', '<a href="./to010?SILFDNR=77&amp;TOLFDNR=501"><p>Sitzung des Bauausschusses</p></a>')}
${row('Gremium:', 'sigremium', '<a href="./gr020?GRLFDNR=5">Bauausschuss</a>')}
${row('Datum:', 'sidatum', 'Di., 22.09.2026')}
${opts.vorlage ? row('Vorlage:', 'vobetreff', opts.vorlage) : ''}
${row('Bearbeiter:', 'vosb', 'Erika Schulze')}
</div></div>
<div id="mainContent"><div class="compFull toBa"><dl class="row"><dt class="colTitle"><span class="label">Beschluss:</span></dt><dd class="colEntry"><span class="text4" id="toBeschlussart">${opts.result ?? 'vertagt'}</span></dd></dl></div>
${opts.parts ?? ''}</div></main></div></body></html>`;
}

function part(name: string, h2: string, body: string): string {
  return `<div class="compFull roundedBorder"><div class="expcol"><a href="#" data-simpletooltip-text="${name} ausblenden" class="js-simple-tooltip"></a></div>
<div><h2 class="expandedTitle">${h2}</h2><div id="htm1" class="docPart readOnly"><div>${body}</div></div></div></div>`;
}

function parseHtml(html: string, url: string | null = 'https://ris.example.de/public/to020?TOLFDNR=501') {
  return parseAllris4AgendaItem({ text: html, url, systemVersion: '4.1.5' });
}

describe('vendor traps (hand-made pages)', () => {
  test('head read by label; relative links; a name that is not cut off stays as shown; staff never read', () => {
    const r = parseHtml(page());
    expect(r).toMatchObject({
      sourceId: '501', number: '4', public: true, name: 'Radweg Hauptstraße', meetingSourceId: '77',
      meetingName: 'Sitzung des Bauausschusses', organization: 'Bauausschuss', date: '2026-09-22',
      paperReference: null, paperSourceId: null, result: 'vertagt', resultCode: 'deferred', text: [], vote: null,
    });
    expect(JSON.stringify(r)).not.toMatch(/Schulze/);
  });

  test('a cut-off title whose text the Vorlage name does not start with stays as shown, "..." included', () => {
    const r = parseHtml(page({
      h1: '22.09.2026 - N 4 Ausbau der Radwege an der Hauptstr...',
      top: 'N 4',
      vorlage: '<a href="./vo020?VOLFDNR=900&amp;TOLFDNR=501"><p>K 2026/0725 Radwegekonzept</p></a>',
    }));
    expect(r).toMatchObject({
      number: '4', public: false, name: 'Ausbau der Radwege an der Hauptstr...', paperReference: 'K 2026/0725', paperSourceId: '900',
    });
  });

  test('docParts: empty h2 → the first line "Beschluss:" or the panel tooltip names the section; empty parts left out; without an Abstimmungsergebnis the last labelled vote line counts', () => {
    const parts = [
      part('Beschluss', '', '<p><b>Beschluss:</b></p><p>&#xa0;</p><ol type="a"><li>Erstens.</li><li>Zweitens.</li></ol>' +
        '<table><tr><td><p>Abstimmung:</p></td><td><p>Ja-Stimmen:</p></td><td><p>10</p></td></tr></table>' +
        '<p>Abstimmung über den geänderten Antrag:</p><table><tr><td><p>Abstimmung:</p></td><td><p>einstimmig bei einer Enthaltung</p></td></tr></table>'),
      part('Wortprotokoll', '', '<p><span>&#xa0;</span></p>'),
      part('Sachstand', 'Sachstand', '<p>Offen.</p>'),
    ].join('\n');
    const r = parseHtml(page({ parts }));
    expect(r.text).toEqual([
      {
        heading: 'Beschluss',
        text: 'a. Erstens.\nb. Zweitens.\nAbstimmung: | Ja-Stimmen: | 10\nAbstimmung über den geänderten Antrag:\nAbstimmung: | einstimmig bei einer Enthaltung',
      },
      { heading: 'Sachstand', text: 'Offen.' },
    ]);
    expect(r.vote).toEqual({ yes: null, no: 0, abstain: 1, text: 'einstimmig bei einer Enthaltung' });
  });

  test('LayoutChangedError naming the page and selector when the head has no TOP field', () => {
    const html = page({ top: null });
    expect(() => parseHtml(html)).toThrow(LayoutChangedError);
    try {
      parseHtml(html);
    } catch (e) {
      expect((e as LayoutChangedError).page).toBe('https://ris.example.de/public/to020?TOLFDNR=501');
      expect((e as LayoutChangedError).selector).toMatch(/TOP|toname/);
    }
  });
});
