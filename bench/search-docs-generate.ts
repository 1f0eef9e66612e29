/**
 * The search bench's databases (bench/search-docs.ts): bench/generate.ts's motions (with their text
 * sections) plus one extracted document per motion — about 2 pages (1–3) of generated German text of
 * ~300 words each, words drawn by a Zipf law over the generator's vocabulary, so that a few words are
 * on almost every page and most are rare, as in real Vorlagen — put into documents / document_pages
 * (the triggers of migration 0015 index each page) and linked from the motion's first file.
 * Generated once per size and seed, kept under bench/data/ (not committed) and reused: a file there is
 * used only when its meta row says it was completed by this generator version.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { buildDatabase } from './generate';
import { Random } from './random';
import { COMMITTEES, OFFICES, PLACES, TEXT_WORDS, TOPICS } from './vocabulary';

/** bump when the generated documents change: older cached files are built again */
export const SEARCH_DATA_VERSION = 1;
const WORDS_PER_PAGE = 300;

export interface SearchDatabase {
  file: string;
  motions: number;
  documents: number;
  pages: number;
  /** bytes of the search index (papers_fts and its shadow tables) before and after the documents */
  ftsBytesWithout: number;
  ftsBytesWith: number;
  /** bytes of documents + document_pages + document_search_rows (the text kept as extracted and normalised) */
  documentTableBytes: number;
  /** the three most frequent words of 5 letters or more in the document text */
  commonWords: string[];
  /** seconds to build (0 when reused) */
  buildSeconds: number;
  reused: boolean;
}

function vocabulary(): string[] {
  const text = [TEXT_WORDS.join(' '), TOPICS.join(' '), PLACES.join(' '), COMMITTEES.map((c) => c[0]).join(' '), OFFICES.join(' ')].join(' ');
  const seen = new Set<string>();
  const out: string[] = [];
  for (const w of text.split(/[^\p{L}]+/u)) if (w.length >= 2 && !seen.has(w.toLowerCase())) {
    seen.add(w.toLowerCase());
    out.push(w);
  }
  return out;
}

/** Draws words by Zipf's law (weight 1/rank) over `words` in a fixed shuffled order. */
class ZipfWords {
  private readonly words: string[];
  private readonly cumulative: Float64Array;
  constructor(rnd: Random, words: string[]) {
    this.words = rnd.sample(words, words.length);
    this.cumulative = new Float64Array(this.words.length);
    let sum = 0;
    this.words.forEach((_, i) => (this.cumulative[i] = sum += 1 / (i + 1)));
  }
  next(rnd: Random): string {
    const r = rnd.next() * this.cumulative[this.cumulative.length - 1];
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return this.words[lo];
  }
}

function bytesOf(db: Database.Database, where: string): number {
  return db.prepare(`SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE ${where}`).pluck().get() as number;
}

const FTS = "name LIKE 'papers_fts%'";

function page(rnd: Random, zipf: ZipfWords, counts: Map<string, number>): string {
  const out: string[] = [];
  let sentence = 0;
  for (let i = 0; i < WORDS_PER_PAGE; i++) {
    let w = zipf.next(rnd);
    if (w.length >= 5) counts.set(w, (counts.get(w) ?? 0) + 1);
    if (sentence === 0) w = w[0].toUpperCase() + w.slice(1);
    if (++sentence > 6 && rnd.chance(0.15)) {
      w += '.';
      sentence = 0;
    }
    out.push(w);
    if (rnd.chance(0.08)) out.push('\n');
  }
  return out.join(' ');
}

/** Adds one document per motion to a generated database; returns counts and the common words. */
function addDocuments(db: Database.Database, seed: number): { documents: number; pages: number; commonWords: string[] } {
  const rnd = Random.derive(seed, 13_013);
  const zipf = new ZipfWords(rnd, vocabulary());
  const counts = new Map<string, number>();
  const papers = db.prepare('SELECT id FROM papers ORDER BY id').pluck().all() as number[];
  const firstFile = db.prepare('SELECT id FROM files WHERE paper_id = ? ORDER BY position LIMIT 1').pluck();
  const doc = db.prepare(`INSERT INTO documents (hash, size, mime_type, status, page_count, extracted_at, extractor)
    VALUES (?, ?, 'application/pdf', 'ok', ?, '2026-10-01T00:00:00Z', 'bench')`);
  const pageRow = db.prepare('INSERT INTO document_pages (hash, page, text, search_text) VALUES (?, ?, ?, ?)');
  const link = db.prepare("UPDATE files SET content_hash = ?, fetch_state = 'fetched', fetch_attempts = 1 WHERE id = ?");
  let pages = 0;
  const batch = db.transaction((ids: number[]) => {
    for (const id of ids) {
      const n = rnd.int(1, 3);
      const texts = Array.from({ length: n }, () => page(rnd, zipf, counts));
      const hash = crypto.createHash('sha256').update(`${seed}:${id}`).digest('hex');
      doc.run(hash, texts.join('').length, n);
      texts.forEach((t, i) => pageRow.run(hash, i + 1, t, t));
      pages += n;
      const file = firstFile.get(id) as number | undefined;
      if (file !== undefined) link.run(hash, file);
    }
  });
  for (let i = 0; i < papers.length; i += 2000) batch(papers.slice(i, i + 2000));
  const commonWords = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3).map(([w]) => w);
  return { documents: papers.length, pages, commonWords };
}

/** The cached database for this size and seed, built when it is missing or from another version. */
export function searchDatabase(dataDir: string, motions: number, seed: number, today: string, log: (line: string) => void): SearchDatabase {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, `search-docs-${motions}-s${seed}-v${SEARCH_DATA_VERSION}.sqlite`);
  if (fs.existsSync(file)) {
    const db = new Database(file, { readonly: true });
    try {
      const meta = db.prepare('SELECT json FROM bench_search_meta WHERE version = ?').pluck().get(SEARCH_DATA_VERSION) as string | undefined;
      if (meta) return { ...(JSON.parse(meta) as SearchDatabase), file, buildSeconds: 0, reused: true };
    } catch {
      // no meta table: an interrupted build, made again below
    } finally {
      db.close();
    }
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}.tmp`, `${file}.tmp-wal`, `${file}.tmp-shm`]) fs.rmSync(f, { force: true });
  const t0 = process.hrtime.bigint();
  const tmp = `${file}.tmp`;
  buildDatabase(tmp, { seed, motions, today });
  log(`search: ${motions} motions generated; adding their documents`);
  const db = new Database(tmp);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF');
    const ftsBytesWithout = bytesOf(db, FTS);
    const docs = addDocuments(db, seed);
    db.exec("INSERT INTO papers_fts (papers_fts) VALUES ('optimize')");
    const result: SearchDatabase = {
      file, motions, documents: docs.documents, pages: docs.pages, ftsBytesWithout, ftsBytesWith: bytesOf(db, FTS),
      documentTableBytes: bytesOf(db, "name IN ('documents', 'document_pages', 'document_search_rows') OR name LIKE 'sqlite_autoindex_document%' OR name = 'document_search_rows_page'"),
      commonWords: docs.commonWords, buildSeconds: Number(process.hrtime.bigint() - t0) / 1e9, reused: false,
    };
    db.exec('CREATE TABLE bench_search_meta (version INTEGER PRIMARY KEY, json TEXT NOT NULL)');
    db.prepare('INSERT INTO bench_search_meta (version, json) VALUES (?, ?)').run(SEARCH_DATA_VERSION, JSON.stringify(result));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    fs.renameSync(tmp, file);
    return result;
  } catch (err) {
    if (db.open) db.close();
    throw err;
  }
}
