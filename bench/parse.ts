/**
 * Section 1 (parse): decode + detect + parse every HTML/XML page of the corpus, repeated to at least
 * `minPages`, on one core; against the floor of the same bytes decoded (iconv-lite windows-1252, or
 * UTF-8 where the bytes are multi-byte UTF-8) and read by htmlparser2.parseDocument. Floor and real
 * passes alternate; each side keeps its best pass.
 */
import fs from 'node:fs';
import { parseDocument } from 'htmlparser2';
import iconv from 'iconv-lite';
import { parsePage } from '../scrapers/parse';
import { isMultiByteUtf8 } from '../scrapers/shared/encoding';
import { collectFiles } from '../src/ingest/saved-pages';

export interface ParseResult {
  files: number;
  pages: number;
  pagesPerSec: number;
  floorPagesPerSec: number;
  /** real time / floor time: how many times the bare floor the parse costs */
  ratio: number;
  /** pages the parser refused (counted in the time; named here) */
  refused: string[];
}

const HTML_OR_XML = /\.(html?|asp|xml)$/i;

function timed(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

export function corpusPages(corpus: string): { file: string; bytes: Buffer }[] {
  return collectFiles([corpus])
    .filter((f) => HTML_OR_XML.test(f))
    .map((file) => ({ file, bytes: fs.readFileSync(file) }));
}

export function benchParse(corpus: string, minPages = 2000, rounds = 3): ParseResult {
  const pages = corpusPages(corpus);
  if (pages.length === 0) throw new Error(`no HTML/XML pages under ${corpus}`);
  const repeat = Math.ceil(minPages / pages.length);
  const total = repeat * pages.length;
  const utf8 = pages.map((p) => isMultiByteUtf8(p.bytes));
  const refused = new Set<string>();
  const floor = () => {
    for (let r = 0; r < repeat; r++) {
      for (let i = 0; i < pages.length; i++) {
        const b = pages[i].bytes;
        parseDocument(utf8[i] ? b.toString('utf8') : iconv.decode(b, 'windows-1252'));
      }
    }
  };
  const real = () => {
    for (let r = 0; r < repeat; r++) {
      for (const p of pages) {
        try {
          parsePage(p.bytes, null);
        } catch {
          refused.add(p.file);
        }
      }
    }
  };
  // warm-up (JIT) on a tenth of a pass each
  for (const p of pages.slice(0, Math.max(1, pages.length / 10))) {
    parseDocument(p.bytes.toString('latin1'));
    try {
      parsePage(p.bytes, null);
    } catch {
      /* counted in the timed passes */
    }
  }
  let bestFloor = Infinity;
  let bestReal = Infinity;
  for (let k = 0; k < rounds; k++) {
    bestFloor = Math.min(bestFloor, timed(floor));
    bestReal = Math.min(bestReal, timed(real));
  }
  return {
    files: pages.length,
    pages: total,
    pagesPerSec: total / bestReal,
    floorPagesPerSec: total / bestFloor,
    ratio: bestReal / bestFloor,
    refused: [...refused],
  };
}
