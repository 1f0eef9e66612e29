/**
 * Real PDFs for the document tests, made at test time with pdfkit (a real PDF producer; nothing here is
 * a recorded file): German text with umlauts, words hyphenated at line ends, several pages with a footer
 * repeated on every page, a page that is only an image (no text layer, like a scan), a scan-only file, an
 * encrypted file (user password) and a broken file (a PDF cut in half).
 */
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

/** Renders a pdfkit document to bytes. */
function render(build: (doc: PDFKit.PDFDocument) => void, opts: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { CreationDate: new Date(Date.UTC(2026, 8, 3, 9, 0)) }, ...opts });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    build(doc);
    doc.end();
  });
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A grey "scanned page" as a PNG: stripes where the text of a scan would be (pixels, not text). */
export function scanPng(width = 200, height = 280): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width);
    for (let x = 0; x < width; x++) row[1 + x] = y % 14 < 3 && x > 20 && x < width - 20 && (x * 7 + y) % 23 > 4 ? 40 : 235;
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const FOOTER = 'Stadt Hildesheim · Der Oberbürgermeister · Vorlage 26/173';

/** The words a test searches: each stands in one place of the Beschlussvorlage only. */
export const VORLAGE_WORDS = { page1: 'Zuwendungsbescheid', page2: 'Pilotbetrieb', hyphenated: 'Straßenbeleuchtung' };

function footer(doc: PDFKit.PDFDocument, page: number, total: number): void {
  doc.page.margins.bottom = 0; // the footer stands below the text area: no new page for it
  doc.fontSize(8).text(`${FOOTER} – Seite ${page} von ${total}`, 56, 790, { width: 480, lineBreak: false });
}

/**
 * The Beschlussvorlage: three pages of German text, the third only an image (a scanned plan). The word
 * "Straßenbeleuchtung" is hyphenated at a line end by hand ("Straßen-" / "beleuchtung"), as word
 * processors do; every page carries the same footer with its page number.
 */
export function beschlussvorlagePdf(): Promise<Buffer> {
  return render((doc) => {
    doc.fontSize(16).text('Beschlussvorlage: Ernst-Ehrlicher-Park, Umgestaltung des Kernbereichs');
    doc.moveDown().fontSize(11);
    doc.text('Sachverhalt: Die Verwaltung hat für den Kernbereich des Parks einen Entwurf erarbeitet. Ökologische Belange, barrierefreie Wege und die Schließung der Lücke im Grünzug werden berücksichtigt.');
    doc.text(`Der ${VORLAGE_WORDS.page1} des Landes über 480.000 € liegt vor; die Förderung gilt bis Ende 2027.`);
    doc.text('Die vorhandene Straßen-');
    doc.text('beleuchtung wird durch sparsame Leuchten ersetzt; Anwohnerinnen und Anwohner werden beteiligt.');
    footer(doc, 1, 3);
    doc.addPage();
    doc.fontSize(11).text('Beschlussvorschlag: Der Ausschuss für Umwelt und Stadtgrün empfiehlt dem Rat, den Entwurf zu beschließen.');
    doc.text(`Ein ${VORLAGE_WORDS.page2} der neuen Bewässerung beginnt im Frühjahr; die Grünflächenpflege übernimmt das Referat Digitale Stadt mit Sensoren.`);
    doc.text('Finanzielle Auswirkungen: Die Folgekosten betragen jährlich 12.500 € (Haushaltsstelle 5510.0100).');
    footer(doc, 2, 3);
    doc.addPage();
    doc.image(scanPng(), 56, 80, { width: 480 });
    footer(doc, 3, 3);
  }, { info: { Title: 'Beschlussvorlage Ernst-Ehrlicher-Park', CreationDate: new Date(Date.UTC(2026, 8, 3, 9, 0)) } });
}

/** A short Drucksache of one page (Hamburg), a text of its own. */
export function drucksachePdf(): Promise<Buffer> {
  return render((doc) => {
    doc.fontSize(14).text('Drucksache 22-2076: Metrobuslinie 1');
    doc.fontSize(11).text('Die Bezirksversammlung möge beschließen: Das Marion Dönhoff Gymnasium wird wieder mit regulären Bussen angebunden. Ein Fahrgastbeirat prüft die Taktung.');
  }, { info: { Title: 'Drucksache 22-2076', CreationDate: new Date(Date.UTC(2026, 5, 11, 8, 30)) } });
}

/** A scan: two pages that are only images, no text layer at all. */
export function scanPdf(): Promise<Buffer> {
  return render((doc) => {
    doc.image(scanPng(), 56, 80, { width: 480 });
    doc.addPage();
    doc.image(scanPng(180, 240), 56, 80, { width: 400 });
  });
}

/** A PDF that needs a password to open (pdfkit's userPassword: RC4/AES encryption). */
export function encryptedPdf(): Promise<Buffer> {
  return render((doc) => {
    doc.text('Vertraulich: nur für den Ausschuss.');
  }, { userPassword: 'geheim', ownerPassword: 'geheimer', pdfVersion: '1.7' });
}

/** A broken PDF: the first half of a real one (a download cut short). */
export async function brokenPdf(): Promise<Buffer> {
  const whole = await drucksachePdf();
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/** The word a test searches in a meeting's Niederschrift: it stands in no motion's document. */
export const NIEDERSCHRIFT_WORD = 'Breitbandausbau';

/**
 * A meeting's document (an Einladung, a Bekanntmachung, a Niederschrift): one page naming the meeting; a
 * Niederschrift has a second page with what was said about the Digitaltag and the broadband rollout, and a
 * third on the motions `names` (their reference numbers, also listed as its agenda on the first page) where given.
 */
export function meetingDocumentPdf(kind: string, meeting: string, names: string[] = []): Promise<Buffer> {
  return render((doc) => {
    doc.fontSize(14).text(`${kind}: ${meeting}`);
    doc.fontSize(11).text('Die Sitzung ist öffentlich. Die Tagesordnung und die Vorlagen stehen im Ratsinformationssystem.');
    if (names.length) doc.text(`Tagesordnung: ${names.map((n, i) => `TOP 3.${i + 1} Drucksache ${n}`).join('; ')}`);
    if (/niederschrift|nie\b/i.test(kind)) {
      doc.addPage();
      doc.fontSize(11).text(`Zu TOP 3: Die Verwaltung berichtet über den ${NIEDERSCHRIFT_WORD} in den Gewerbegebieten und die Teilnahme am Digitaltag. Die Fraktionen nehmen den Bericht zur Kenntnis.`);
      // a third page on the motions it names (their reference numbers)
      if (names.length) {
        doc.addPage();
        doc.fontSize(11).text(names.map((n) => `Zu Drucksache ${n}: Die Bezirksversammlung beschließt wie beantragt.`).join('\n'));
      }
    }
  }, { info: { Title: `${kind} ${meeting}`, CreationDate: new Date(Date.UTC(2026, 0, 8, 9, 0)) } });
}

/** A long PDF of generated German text (for limits and the bench): `pages` pages of about 2,500 characters. */
export function longPdf(pages: number): Promise<Buffer> {
  const sentence = 'Der Ausschuss berät über die Fortschreibung des Nahverkehrsplans, die Förderung der Radwege und die Sanierung der Grundschule. ';
  return render((doc) => {
    for (let p = 1; p <= pages; p++) {
      if (p > 1) doc.addPage();
      doc.fontSize(10).text(`Seite ${p}: ${sentence.repeat(18)}`);
    }
  });
}
