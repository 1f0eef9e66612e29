/**
 * Every OParl page of the corpus through parsePage, compared in full with its hand-checked expected
 * record; then once more with the URL the page was served at, which must change nothing (OParl
 * records take sourceId from the object's `id` and url from its `web` link).
 */
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { detectPage } from '../../../scrapers/detect';
import { parsePage } from '../../../scrapers/parse';
import type { RisRecord } from '../../../scrapers/records';
import { CASES } from '../../helpers/cases/oparl';
import { CORPUS } from '../../helpers/tmp';

const expectedOf = (path: string): RisRecord =>
  JSON.parse(readFileSync(join(__dirname, '../../expected', path), 'utf8')) as RisRecord;

/** Where each page was (or would be) served; the paper list page is page 2 of Leipzig's papers.asp. */
const SERVED: Record<string, string> = {
  'oparl/augsburg/oparl1.1-meeting-1000066.json': 'https://www.augsburg.sitzung-online.de/public/oparl/meetings?id=1000066',
  'oparl/augsburg/oparl1.1-paper-1001737.json': 'https://www.augsburg.sitzung-online.de/public/oparl/papers?id=1001737',
  'oparl/augsburg/oparl1.1-system.json': 'https://www.augsburg.sitzung-online.de/public/oparl/system',
  'oparl/bonn/oparl1.1-meeting-664.json': 'https://www.bonn.sitzung-online.de/public/oparl/meetings?id=664',
  'oparl/braunschweig/oparl1.0-paper-1664-broken-control-chars.json': 'https://ratsinfo.braunschweig.de/bi/oparl/1.0/papers.asp?id=1664',
  'oparl/braunschweig/oparl1.1-paper-array-4papers.json': 'https://www.ratsinfo.braunschweig.sitzung-online.de/oparl/papers?body=1',
  'oparl/erkelenz/oparl1.0-body-1.json': 'http://ratsinfo.erkelenz.de/bi/oparl/1.0/bodies.asp?id=1',
  'oparl/erkelenz/oparl1.0-system.json': 'http://ratsinfo.erkelenz.de/bi/oparl/1.0/system.asp',
  'oparl/leipzig/oparl1.0-body-2387.json': 'https://ratsinfo.leipzig.de/bi/oparl/1.0/bodies.asp?id=2387',
  'oparl/leipzig/oparl1.0-paper-1014936.json': 'https://ratsinfo.leipzig.de/bi/oparl/1.0/papers.asp?id=1014936',
  'oparl/leipzig/oparl1.0-paperlist-page2.json': 'https://ratsinfo.leipzig.de/bi/oparl/1.0/papers.asp?body=2387&p=2',
  'oparl/leipzig/oparl1.0-system.json': 'https://ratsinfo.leipzig.de/bi/oparl/1.0/system.asp',
  'oparl/maerkisch-oderland/oparl1.0-body-1.json': 'http://ratsinfo-online.net/landkreis-mol-bi/oparl/1.0/bodies.asp?id=1',
  'oparl/maerkisch-oderland/oparl1.0-system.json': 'http://ratsinfo-online.net/landkreis-mol-bi/oparl/1.0/system.asp',
  'oparl/oparl-spec-example/oparl1.1-synthetic-meeting-01.json': 'https://oparl.example.org/meeting/281',
  'oparl/oparl-spec-example/oparl1.1-synthetic-paper-01.json': 'https://oparl.example.org/paper/749',
};

describe('OParl corpus pages', () => {
  it('covers every file under corpus/oparl', () => {
    const files = readdirSync(join(CORPUS, 'oparl'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.json'))
      .map((f) => `oparl/${f.replace(/\\/g, '/')}`)
      .sort();
    expect(CASES.map((c) => c.page).sort()).toEqual(files);
    expect(Object.keys(SERVED).sort()).toEqual(files);
  });

  describe.each(CASES)('$page', (c) => {
    const bytes = readFileSync(join(CORPUS, c.page));
    const expected = expectedOf(c.expected);

    it('is detected as an OParl page', () => {
      const d = detectPage(bytes, c.url);
      expect([d.system, d.kind]).toEqual(['oparl', 'oparl']);
    });

    it(`reads the full ${c.type} record`, () => {
      const rec = parsePage(bytes, c.url);
      expect(rec.type).toBe(c.type);
      expect(rec).toEqual(expected);
    });

    it('reads the same record with the URL it was served at', () => {
      expect(parsePage(bytes, SERVED[c.page])).toEqual(expected);
    });
  });
});
