import { readFileSync } from 'fs';
import { join } from 'path';
import { byId, parseHtml } from '../../../scrapers/html/dom';
import { parsePage } from '../../../scrapers/parse';
import { parseAllris4Paper } from '../../../scrapers/allris4/vo020';
import { readBfTable } from '../../../scrapers/shared/bf-table';
import { LayoutChangedError } from '../../../scrapers/errors';
import type { PaperRecord } from '../../../scrapers/records';

const CORPUS = join(__dirname, '../../../../shared/corpus');
const PAGE = join(CORPUS, 'allris4/laatzen/vo020-1000238.html');
const URL = 'https://ratsinfo.laatzen.de/public/vo020?VOLFDNR=1000238';
const expected = JSON.parse(
  readFileSync(join(__dirname, '../../expected/allris4/laatzen/vo020-1000238.json'), 'utf8'),
) as PaperRecord;

describe('ALLRIS 4 vo020 (Laatzen 4.1.5, VOLFDNR 1000238)', () => {
  const bytes = readFileSync(PAGE);

  it('reads the full record', () => {
    expect(parsePage(bytes, URL)).toEqual(expected);
  });

  it('keeps links relative and url null without a page URL; the VOLFDNR comes from the page itself', () => {
    const rec = parsePage(bytes, null) as PaperRecord;
    expect(rec.url).toBeNull();
    expect(rec.sourceId).toBe('1000238');
    expect(rec.files.map((f) => f.url)).toEqual([
      './wicket/resource/org.apache.wicket.Application/doc1006716.pdf',
      './wicket/resource/org.apache.wicket.Application/doc1006712.pdf',
      // the attachment's Wicket listener link belongs to the session that rendered the page: no lasting address
      null,
    ]);
    expect({ ...rec, url: URL, files: expected.files }).toEqual(expected);
  });
});

// HAND-MADE fixture (not a recorded page): two stations in the Laatzen #bfTable row markup, with the
// meeting date in the English locale some live ALLRIS 4 pages show ("Jan 29, 2026", ALLRIS-NOTES §6),
// a Gestoppt station (#555753) with no meeting, and a Geplant station whose two meetings must both stay
// under it (a meeting row never starts a station).
const HAND_MADE_BF = `
<div id="allris"><div id="bfTable"><table class="dataTable bfTable">
<thead><tr class="headers"><th class="colorCol"><span>Status</span></th><th><span>Datum</span></th>
<th><span>Gremium</span></th><th><span>Beschluss</span></th><th class="toLink"><span>NA</span></th></tr></thead>
<tbody>
<tr class="even"><td class="colorCol"><div><span class="wfcolorDescIcon" data-iconcolor="#FFFFFF">●</span>
<span class="wfcolorDesc">Erledigt</span></div></td><td><div> </div></td><td><div>Schulausschuss</div></td>
<td><div>Vorberatung</div></td><td class="toLink"><div> </div></td></tr>
<tr class="odd"><td class="colorCol"><div> </div></td><td class="date"><div>Jan 29, 2026</div></td>
<td><div><a href="./to010?SILFDNR=1000059&amp;TOLFDNR=1000633">Sitzung des Schulausschusses</a></div></td>
<td><div><a href="./to020?TOLFDNR=1000633">vertagt</a></div></td>
<td class="toLink"><div><a class="objAnchor" href="./to020?TOLFDNR=1000633">NA</a></div></td></tr>
<tr class="even"><td class="colorCol"><div> </div></td><td class="date"><div>Feb 3, 2026</div></td>
<td><div><a href="./to010?SILFDNR=1000073&amp;TOLFDNR=1001059">Sitzung des Schulausschusses</a></div></td>
<td><div><a href="./to020?TOLFDNR=1001059">ungeändert beschlossen</a></div></td><td class="toLink"></td></tr>
<tr class="odd"><td class="colorCol"><div><span class="wfcolorDescIcon" data-iconcolor="#555753">●</span>
<span class="wfcolorDesc">Gestoppt</span></div></td><td><div> </div></td><td><div>Rat der Stadt Laatzen</div></td>
<td><div>Entscheidung</div></td><td class="toLink"><div> </div></td></tr>
</tbody></table></div></div>`;

describe('#bfTable station/meeting rows (hand-made fixture)', () => {
  it('reads English-locale dates and a Gestoppt station', () => {
    expect(readBfTable(byId(parseHtml(HAND_MADE_BF), 'allris')!, 'hand-made')).toEqual([
      {
        organization: 'Schulausschuss',
        role: 'Vorberatung',
        roleCode: 'preliminary',
        stationStatus: 'Erledigt',
        meetings: [
          {
            date: '2026-01-29',
            name: 'Sitzung des Schulausschusses',
            meetingSourceId: '1000059',
            agendaItemSourceId: '1000633',
            result: 'vertagt',
            resultCode: 'deferred',
          },
          {
            date: '2026-02-03',
            name: 'Sitzung des Schulausschusses',
            meetingSourceId: '1000073',
            agendaItemSourceId: '1001059',
            result: 'ungeändert beschlossen',
            resultCode: 'adopted',
          },
        ],
      },
      {
        organization: 'Rat der Stadt Laatzen',
        role: 'Entscheidung',
        roleCode: 'decision',
        stationStatus: 'Gestoppt',
        meetings: [],
      },
    ]);
  });
});

// HAND-MADE fixtures for layout drift: a page we cannot read must throw, never return an empty record.
describe('layout drift', () => {
  const ctx = (text: string) => ({ text, url: 'https://example.org/public/vo020?VOLFDNR=1', systemVersion: '4.1.5' });

  it('throws LayoutChangedError without h1.title and #vobetreff', () => {
    const page = '<html><body><div id="allris"><h1>Vorlage</h1><div id="bfTable"></div></div></body></html>';
    expect(() => parseAllris4Paper(ctx(page))).toThrow(LayoutChangedError);
    expect(() => parseAllris4Paper(ctx(page))).toThrow(/h1\.title.*#vobetreff/);
  });

  it('throws LayoutChangedError for a #bfTable without readable rows', () => {
    const page =
      '<html><body><div id="allris"><h1 class="title">Antrag - 2026/1</h1>' +
      '<div id="bfTable"><table><thead><tr><th>Status</th></tr></thead><tbody><tr><td></td></tr></tbody></table></div>' +
      '</div></body></html>';
    expect(() => parseAllris4Paper(ctx(page))).toThrow(LayoutChangedError);
    expect(() => parseAllris4Paper(ctx(page))).toThrow(/#bfTable/);
  });

  it('reads a page without a Beratungsfolge as having none', () => {
    const page = '<html><body><div id="allris"><h1 class="title">Antrag - 2026/1</h1></div></body></html>';
    const rec = parseAllris4Paper(ctx(page));
    expect(rec.reference).toBe('2026/1');
    expect(rec.paperType).toBe('Antrag');
    expect(rec.consultation).toEqual([]);
  });
});
