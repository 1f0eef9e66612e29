/**
 * Layout changes fail loudly and good data stays: every corpus page with each required
 * label of its kind renamed, and with its content area emptied, is refused with a LayoutChangedError
 * (or a typed not-a-page error where the page no longer looks like ALLRIS), is reported by `import` as
 * failed, and leaves the database as the whole pages made it — unless the parser still reads the
 * changed page to exactly the record of the whole page (a calendar or agenda whose header
 * names its columns differently is read by what the cells hold; a meeting head without its Datum label
 * takes the date from its title), which then changes nothing either. A renamed "Beratungsfolge:" is "not
 * shown": the paper keeps its stations. The changed pages are made in the test from corpus pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parsePage } from '../../scrapers/parse';
import { LayoutChangedError, NotARisPageError } from '../../scrapers/errors';
import { openDb } from '../../src/db/connection';
import { importSavedPages } from '../../src/ingest/saved-pages';
import { loadFuzzPages } from '../fuzz/fuzz-core';
import { dumpContent } from '../helpers/db-dump';
import { emptyContentArea, kindOf, NOT_SHOWN, OPARL_REQUIRED_KEYS, rename, REQUIRED_LABELS } from '../helpers/layout-mutations';
import { makeTmpDir } from '../helpers/tmp';

const NOW = '2026-09-20T10:00:00Z';
const pages = loadFuzzPages().filter((p) => !p.page.startsWith('oparl/') && !p.page.endsWith('.xml'));
/** OParl papers and meetings (single objects) */
const oparlObjects = loadFuzzPages().filter((p) => p.page.startsWith('oparl/') && OPARL_REQUIRED_KEYS[(parsePage(p.bytes, p.url) as { type: string }).type]);

interface Changed {
  name: string;
  page: (typeof pages)[number];
  bytes: Buffer;
}

function changedPages(): Changed[] {
  const out: Changed[] = [];
  for (const page of pages) {
    const kind = kindOf(page.page, page.url) ?? '';
    for (const r of REQUIRED_LABELS[kind] ?? []) {
      const bytes = rename(page.bytes, r);
      if (bytes) out.push({ name: `${page.page}: ${r.part} renamed`, page, bytes });
    }
    const empty = emptyContentArea(page.bytes);
    if (empty) out.push({ name: `${page.page}: content area emptied`, page, bytes: empty });
  }
  for (const page of oparlObjects) {
    const r = OPARL_REQUIRED_KEYS[(parsePage(page.bytes, page.url) as { type: string }).type];
    out.push({ name: `${page.page}: ${r.part} renamed`, page, bytes: rename(page.bytes, r)! });
  }
  return out;
}

const changed = changedPages();

/**
 * Renamed labels that the parsers read through by design: column headers of calendars and
 * agendas (columns are found by what the cells hold) and a meeting head's Datum (the date stands in its title).
 */
const readThrough = new Set(changed.filter((c) => /: Datum( \(calendar header\))? renamed$/.test(c.name)).map((c) => c.name));

describe('a page whose layout changed is refused', () => {
  test('every page kind has its required labels renamed somewhere in the corpus, and every page its content area emptied', () => {
    for (const kind of Object.keys(REQUIRED_LABELS)) expect(changed.some((c) => c.name.includes('renamed') && kindOf(c.page.page, c.page.url) === kind)).toBe(true);
    expect(oparlObjects.length).toBeGreaterThanOrEqual(6);
    const emptied = new Set(changed.filter((c) => c.name.endsWith('emptied')).map((c) => c.page.page));
    expect(pages.filter((p) => !emptied.has(p.page)).map((p) => p.page)).toEqual([]);
  });

  test.each(changed.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    let err: unknown = null;
    let record: unknown = null;
    try {
      record = parsePage(c.bytes, c.page.url);
    } catch (e) {
      err = e;
    }
    // read through: exactly the whole page's record, never a different one
    if (err === null && c.name.includes('renamed') && readThrough.has(c.name)) {
      expect(record).toEqual(parsePage(c.page.bytes, c.page.url));
      return;
    }
    // an emptied page may no longer look like an ALLRIS page at all: refused as not a RIS page then
    if (c.name.endsWith('emptied')) expect(err instanceof LayoutChangedError || err instanceof NotARisPageError).toBe(true);
    else expect(err).toBeInstanceOf(LayoutChangedError);
    if (c.name.includes('renamed')) expect((err as Error).message).toContain(c.page.page.startsWith('oparl/') ? 'oparl page' : `${kindOf(c.page.page, c.page.url)}`);
  });
});

describe('import: refused pages are reported, stored data stays', () => {
  const tmp = makeTmpDir();
  afterAll(() => tmp.cleanup());

  test('the whole corpus, then every changed page: each failed with its reason, the database as before', () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'db.sqlite'));
    try {
      const urls = new Map<string, string | null>();
      const write = (dir: string, c: { page: (typeof pages)[number]; bytes: Buffer }, i: number) => {
        // the source is the corpus folder's name, as for the whole pages
        const file = path.join(tmp.dir, dir, path.basename(path.dirname(c.page.page)), `${i}-${path.basename(c.page.page)}`);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, c.bytes);
        urls.set(file, c.page.url);
      };
      [...pages, ...oparlObjects].forEach((page, i) => write('whole', { page, bytes: page.bytes }, i));
      const first = importSavedPages(sqlite, [path.join(tmp.dir, 'whole')], { now: NOW, today: '2026-09-20', urlOf: (f) => urls.get(f) ?? null });
      expect(first.failed + first.skipped).toBe(0);
      const before = dumpContent(sqlite);

      changed.forEach((c, i) => write('changed', c, i));
      const second = importSavedPages(sqlite, [path.join(tmp.dir, 'changed')], { now: '2026-09-21T10:00:00Z', today: '2026-09-21', urlOf: (f) => urls.get(f) ?? null });
      expect(second.files.map((f) => f.status).filter((s) => s !== 'failed' && s !== 'skipped' && s !== 'unchanged')).toEqual([]);
      expect(second.unchanged).toBeLessThanOrEqual(readThrough.size);
      const renamed = second.files.filter((f) => f.status === 'failed');
      expect(renamed.length).toBeGreaterThanOrEqual(changed.filter((c) => c.name.includes('renamed') && !readThrough.has(c.name)).length);
      for (const f of renamed) expect(f.detail).toMatch(/^failed: layout not understood \(.*(not found|no |neither)/);
      expect(dumpContent(sqlite)).toEqual(before);
    } finally {
      close();
    }
  });

  test('"Beratungsfolge:" renamed: the page shows no Beratungsfolge, and the paper keeps its stored stations', () => {
    const { sqlite, close } = openDb(path.join(tmp.dir, 'bf.sqlite'));
    try {
      // pages with a #bfTable (ALLRIS 4, `_r`) still show it without the label; the classic ones do not
      const papers = pages.filter((p) => kindOf(p.page, p.url) === 'vo020' && !p.bytes.includes('bfTable') && rename(p.bytes, NOT_SHOWN));
      expect(papers.length).toBeGreaterThanOrEqual(6);
      for (const p of papers) {
        const record = parsePage(rename(p.bytes, NOT_SHOWN)!, p.url);
        expect(record).toMatchObject({ type: 'Paper', consultation: [], consultationShown: false });
      }
      const dir = path.join(tmp.dir, 'bf');
      const urls = new Map<string, string | null>();
      const put = (sub: string, p: (typeof pages)[number], bytes: Buffer) => {
        const file = path.join(dir, sub, path.basename(path.dirname(p.page)), path.basename(p.page));
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, bytes);
        urls.set(file, p.url);
      };
      for (const p of papers) put('whole', p, p.bytes);
      importSavedPages(sqlite, [path.join(dir, 'whole')], { now: NOW, today: '2026-09-20', urlOf: (f) => urls.get(f) ?? null });
      const stations = sqlite.prepare('SELECT COUNT(*) FROM consultations').pluck().get() as number;
      expect(stations).toBeGreaterThanOrEqual(papers.length);
      const before = dumpContent(sqlite);
      for (const p of papers) put('renamed', p, rename(p.bytes, NOT_SHOWN)!);
      const res = importSavedPages(sqlite, [path.join(dir, 'renamed')], { now: '2026-09-21T10:00:00Z', today: '2026-09-21', urlOf: (f) => urls.get(f) ?? null });
      expect(res.files.map((f) => f.status)).toEqual(papers.map(() => 'unchanged'));
      expect(dumpContent(sqlite)).toEqual(before);
    } finally {
      close();
    }
  });
});
