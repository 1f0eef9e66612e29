/**
 * The replayed corpus with its documents: the PDFs of pdf-docs.ts (made at test time, written to a test
 * folder with a replay manifest of their own) served at the do027 addresses that corpus motion pages link,
 * beside the corpus pages. Which motion links which PDF:
 * - Hildesheim VO 8000 "Vorlage" → the Beschlussvorlage (3 pages: text, text, a scanned plan; a footer);
 *   "Vorlage mit Anlagen" → a scan (no text layer)
 * - Hamburg-Altona 1018473 "Drucksache" → a one-page Drucksache
 * - Hamburg-Nord 1016851 "Drucksache" → an encrypted PDF
 * - Landkreis Osnabrück 4010 "Vorlage" → a broken PDF; "Vorlage-Sammeldokument" → the same bytes as
 *   Hildesheim's Vorlage (one copy in the store, one documents row)
 * and the meetings' own documents the corpus meeting pages of these cities link (MEETING_DOC_URLS): each
 * Einladung, Bekanntmachung, "Aktuelle TO" a one-page PDF naming its meeting, each Niederschrift two pages
 * (the second with NIEDERSCHRIFT_WORD); "Alle Dokumente zur Sitzung im Paket" is served as a ZIP here (what is not a
 * PDF stays a link).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadManifest, type LoadedPage } from '../../src/ingest/replay/manifest';
import { ReplayServer, type ReplayOptions } from '../../src/ingest/replay/server';
import { beschlussvorlagePdf, brokenPdf, drucksachePdf, encryptedPdf, meetingDocumentPdf, scanPdf } from './pdf-docs';
import { corpusPages } from './replay';

export const DOC_URLS = {
  vorlage: 'https://www.stadt-hildesheim.de/allris/do027.asp?DOLFDNR=373765&options=64',
  scan: 'https://www.stadt-hildesheim.de/allris/do027.asp?DOLFDNR=373824&options=64&typ=130',
  drucksache: 'https://sitzungsdienst-altona.hamburg.de/bi/do027.asp?DOLFDNR=1543908&options=64',
  encrypted: 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/do027.asp?DOLFDNR=1401263&options=64',
  broken: 'https://kis.lkos.de/bi/do027.asp?DOLFDNR=168137&options=64',
  shared: 'https://kis.lkos.de/bi/do027.asp?DOLFDNR=168144&options=64&typ=130',
} as const;

/** The meetings' own documents of the corpus pages of Hildesheim, Hamburg-Altona and Hamburg-Nord: address → [name, meeting, motions it names]. */
export const MEETING_DOC_URLS: Record<string, [string, string, string[]?]> = {
  'https://www.stadt-hildesheim.de/allris/do027.asp?DOLFDNR=431017&options=64': ['Bekanntmachung', 'Rat der Stadt Hildesheim, 31.03.2025'],
  'https://www.stadt-hildesheim.de/allris/do027.asp?DOLFDNR=433397&options=64': ['NIE öffentl.', 'Rat der Stadt Hildesheim, 31.03.2025'],
  'https://sitzungsdienst-altona.hamburg.de/bi/do027.asp?DOLFDNR=1511776&options=64': ['Aktuelle TO', 'Bezirksversammlung Altona, 03.11.2025'],
  'https://sitzungsdienst-altona.hamburg.de/bi/do027.asp?DOLFDNR=1511514&options=64': ['Alle Dokumente zur Sitzung im Paket', 'Bezirksversammlung Altona, 03.11.2025'],
  'https://sitzungsdienst-altona.hamburg.de/bi/do027.asp?DOLFDNR=1510819&options=64': ['Einladung', 'Bezirksversammlung Altona, 03.11.2025'],
  'https://sitzungsdienst-altona.hamburg.de/bi/do027.asp?DOLFDNR=1518675&options=64': ['Niederschrift öffent. Teil', 'Bezirksversammlung Altona, 03.11.2025'],
  'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/do027.asp?DOLFDNR=1382999&options=64': ['Bekanntmachung', 'Bezirksversammlung Hamburg-Nord, 11.12.2025'],
  'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/do027.asp?DOLFDNR=1384053&options=64': ['Bekanntmachung Nachtrag', 'Bezirksversammlung Hamburg-Nord, 11.12.2025'],
  // names a motion of its agenda (TOP 3.1, Drucksache 22-1692) on its third page
  'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/do027.asp?DOLFDNR=1392414&options=64': ['Niederschrift öffent. Teil', 'Bezirksversammlung Hamburg-Nord, 11.12.2025', ['22-1692']],
  'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/do027.asp?DOLFDNR=1379319&options=64': ['Aktuelle TO', 'Regionalausschuss Hamburg-Nord, 03.11.2025'],
  'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/do027.asp?DOLFDNR=1379097&options=64': ['Bekanntmachung', 'Regionalausschuss Hamburg-Nord, 03.11.2025'],
  'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/do027.asp?DOLFDNR=1379320&options=64': ['Bekanntmachung Nachtrag', 'Regionalausschuss Hamburg-Nord, 03.11.2025'],
  'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/do027.asp?DOLFDNR=1384253&options=64': ['Niederschrift öffent. Teil', 'Regionalausschuss Hamburg-Nord, 03.11.2025'],
};

/** An empty ZIP archive (its end record only): not a PDF. */
const ZIP = Buffer.from(`504b0506${'00'.repeat(18)}`, 'hex');

/** Writes the PDFs and their manifest into `dir`; the pages a replay serves for them. */
export async function writeDocumentPages(dir: string): Promise<LoadedPage[]> {
  const vorlage = await beschlussvorlagePdf();
  const bytes: Record<keyof typeof DOC_URLS, Buffer> = {
    vorlage, scan: await scanPdf(), drucksache: await drucksachePdf(), encrypted: await encryptedPdf(), broken: await brokenPdf(), shared: vorlage,
  };
  fs.mkdirSync(dir, { recursive: true });
  const pages: { url: string; file: string; source: string; contentType?: string }[] = Object.entries(DOC_URLS).map(([name, url]) => {
    fs.writeFileSync(path.join(dir, `${name}.pdf`), bytes[name as keyof typeof DOC_URLS]);
    return { url, file: `${name}.pdf`, source: new URL(url).hostname };
  });
  let n = 0;
  for (const [url, [kind, meeting, names]] of Object.entries(MEETING_DOC_URLS)) {
    const zip = /Paket/.test(kind);
    const file = `meeting-${++n}.${zip ? 'zip' : 'pdf'}`;
    fs.writeFileSync(path.join(dir, file), zip ? ZIP : await meetingDocumentPdf(kind, meeting, names));
    pages.push({ url, file, source: new URL(url).hostname, ...(zip ? { contentType: 'application/zip' } : {}) });
  }
  const manifest = path.join(dir, 'replay-manifest.json');
  fs.writeFileSync(manifest, `${JSON.stringify({ comment: 'PDFs made by test/helpers/pdf-docs.ts for this test run', pages }, null, 2)}\n`);
  return loadManifest(manifest);
}

/** A replay server of the corpus pages and the PDFs; `server.setPage` changes or adds answers later. */
export async function startDocumentReplay(dir: string, opts: ReplayOptions = {}): Promise<{ server: ReplayServer; via: string }> {
  const server = new ReplayServer([...corpusPages(), ...(await writeDocumentPages(dir))], opts);
  const { url } = await server.listen(0);
  return { server, via: url };
}
