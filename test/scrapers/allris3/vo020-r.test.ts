import { readFileSync } from 'fs';
import { join } from 'path';
import { byId, parseHtml } from '../../../scrapers/html/dom';
import { parsePage } from '../../../scrapers/parse';
import { readAnchorSections } from '../../../scrapers/allris3/vo020-r';
import type { PaperRecord } from '../../../scrapers/records';

const CORPUS = join(__dirname, '../../../../shared/corpus');
// UTF-8 bytes that declare iso-8859-1 (corpus PROVENANCE.md, "Encoding trap"); decodePage reads them as UTF-8.
const PAGE = join(CORPUS, 'allris3/landkreis-osnabrueck/vo020r-4010-excerpt.html');
const URL = 'https://kis.lkos.de/bi/vo020_r.asp?VOLFDNR=4010';
const expected = JSON.parse(
  readFileSync(join(__dirname, '../../expected/allris3/landkreis-osnabrueck/vo020r-4010.json'), 'utf8'),
) as PaperRecord;

describe('ALLRIS 3 responsive vo020_r (Landkreis Osnabrück, VOLFDNR 4010)', () => {
  const bytes = readFileSync(PAGE);

  it('reads the full record', () => {
    expect(parsePage(bytes, URL)).toEqual(expected);
  });

  it('never records the Vorstand or Bearbeiter/-in (staff persons)', () => {
    const json = JSON.stringify(parsePage(bytes, URL));
    expect(json).not.toMatch(/Kebschull|Könnecker|Opitz/);
  });

  it('keeps document links relative without a page URL (sourceId then unknown: the page does not carry it)', () => {
    const rec = parsePage(bytes, null) as PaperRecord;
    expect(rec.url).toBeNull();
    expect(rec.sourceId).toBeNull();
    expect(rec.files).toEqual([
      { name: 'Vorlage', url: 'do027.asp?DOLFDNR=168137&options=64' },
      { name: 'Vorlage-Sammeldokument', url: 'do027.asp?DOLFDNR=168144&options=64&typ=130' },
    ]);
  });
});

// HAND-MADE fixture (not a recorded page): the Osnabrück `div#allrisBV` markup (a nested Aspose.Words
// <html> document, ALLRIS-NOTES §3) with text after its "Beschluss:" line, plus a Sachverhalt whose
// Word document has no heading line of its own.
const HAND_MADE_TEXT = `<div id="allris" class="vo020 normal">
<div id="allrisSV"><!-- ### SV1.rtf --><a name="allrisSV"></a><?xml version="1.0" encoding="iso-8859-1"?>
<html><head><title>ALLRIS Office Integration</title></head><body><div><p><span>Der Landkreis f\u00f6rdert</span>
<span>den Verkehr.</span></p><p><span>&#xa0;</span></p><p>Zweiter&#xa0;Absatz.</p></div></body></html></div>
<div id="allrisBV"><a name="allrisBV"></a><html><head><title></title></head><body><div><p>
<span style="font-weight:bold">Beschluss:</span><br /><span>&#xa0;</span></p><p>Der Kreistag beschlie\u00dft.</p></div></body></html></div>
</div>`;

describe('vo020_r text sections (hand-made fixture)', () => {
  it('reads each allrisXX document: inline heading line, else the anchor meaning; paragraphs joined by newline', () => {
    const doc = parseHtml(HAND_MADE_TEXT);
    expect(readAnchorSections(byId(doc, 'allris')!)).toEqual([
      { heading: 'Sachverhalt', text: 'Der Landkreis f\u00f6rdert den Verkehr.\nZweiter Absatz.' },
      { heading: 'Beschluss', text: 'Der Kreistag beschlie\u00dft.' },
    ]);
  });
});
