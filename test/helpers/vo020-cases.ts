/** Every vo020 page of the corpus, the URL it was served at, and its hand-checked expected record. */
import fs from 'node:fs';
import path from 'node:path';
import type { PaperRecord } from '../../scrapers/records';
import { CORPUS } from './tmp';

const hh = (district: string, id: string) => `https://sitzungsdienst-${district}.hamburg.de/bi/vo020.asp?VOLFDNR=${id}`;

export interface Vo020Case {
  /** path under ../shared/corpus */
  page: string;
  url: string;
  /** path under test/expected */
  expected: string;
}

export const VO020_CASES: Vo020Case[] = [
  { page: 'allris3/hamburg-altona/vo020-1018473.html', url: hh('altona', '1018473'), expected: 'allris3/hamburg-altona/vo020-1018473.json' },
  { page: 'allris3/hamburg-bergedorf/vo020-1009833.html', url: hh('bergedorf', '1009833'), expected: 'allris3/hamburg-bergedorf/vo020-1009833.json' },
  { page: 'allris3/hamburg-eimsbuettel/vo020-1011853.html', url: hh('eimsbuettel', '1011853'), expected: 'allris3/hamburg-eimsbuettel/vo020-1011853.json' },
  { page: 'allris3/hamburg-mitte/vo020-1020365.html', url: hh('hamburg-mitte', '1020365'), expected: 'allris3/hamburg-mitte/vo020-1020365.json' },
  { page: 'allris3/hamburg-nord/vo020-1016851.html', url: hh('hamburg-nord', '1016851'), expected: 'allris3/hamburg-nord/vo020-1016851.json' },
  { page: 'allris3/hildesheim/vo020-8000.html', url: 'https://www.stadt-hildesheim.de/allris/vo020.asp?VOLFDNR=8000', expected: 'allris3/hildesheim/vo020-8000.json' },
  { page: 'allris3/regensburg/vo020-VO-26-23343-D2-excerpt.html', url: 'https://srv19.regensburg.de/bi/vo020.asp?VOLFDNR=22820', expected: 'allris3/regensburg/vo020-VO-26-23343-D2-excerpt.json' },
  { page: 'allris3/landkreis-osnabrueck/vo020r-4010-excerpt.html', url: 'https://kis.lkos.de/bi/vo020_r.asp?VOLFDNR=4010', expected: 'allris3/landkreis-osnabrueck/vo020r-4010.json' },
  { page: 'allris4/laatzen/vo020-1000238.html', url: 'https://ratsinfo.laatzen.de/public/vo020?VOLFDNR=1000238', expected: 'allris4/laatzen/vo020-1000238.json' },
];

export function corpusPath(c: Vo020Case): string {
  return path.join(CORPUS, c.page);
}

export function expectedRecord(c: Vo020Case): PaperRecord {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'expected', c.expected), 'utf8')) as PaperRecord;
}
