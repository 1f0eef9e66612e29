import fs from 'node:fs';
import path from 'node:path';
import { detectPage, programFromUrl } from '../../scrapers/detect';
import { AllrisErrorPage, NotARisPageError, UnsupportedPageError } from '../../scrapers/errors';
import { CORPUS } from '../helpers/tmp';

function corpusFiles(dir = CORPUS): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return corpusFiles(p);
    return e.name === 'PROVENANCE.md' ? [] : [p];
  });
}

/** The kind a corpus file is, from its file name (vo020r-… → vo020, si010e-… → si010, startpage → start). */
function expectedKind(file: string): string {
  const name = path.basename(file);
  if (name.endsWith('.json')) return 'oparl';
  if (name.startsWith('startpage')) return 'start';
  if (name.endsWith('.xml')) return 'si010-ajax';
  return /^([a-z]{2}\d{3})/.exec(name)![1];
}

describe('detectPage on every page of the corpus', () => {
  const files = corpusFiles();
  test('the corpus is there', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
  });
  test.each(files.map((f) => [path.relative(CORPUS, f), f]))('%s', (_rel, file) => {
    const d = detectPage(fs.readFileSync(file));
    const system = path.relative(CORPUS, file).split(path.sep)[0];
    expect(d.system).toBe(system);
    expect(d.kind).toBe(expectedKind(file));
  });
  test('the version comes from the meta description, never from a date', () => {
    expect(detectPage(fs.readFileSync(path.join(CORPUS, 'allris3/hamburg-nord/vo020-1016851.html'))).systemVersion).toBe('3.9.5');
    expect(detectPage(fs.readFileSync(path.join(CORPUS, 'allris4/trier/to010-1000264.html'))).systemVersion).toBe('4.1.7');
    expect(detectPage(fs.readFileSync(path.join(CORPUS, 'allris3/hildesheim/vo020-8000.html'))).systemVersion).toBeNull();
  });
  test('the URL names the program when given', () => {
    const bytes = fs.readFileSync(path.join(CORPUS, 'allris3/hamburg-nord/vo020-1016851.html'));
    expect(detectPage(bytes, 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/vo020.asp?VOLFDNR=1016851').kind).toBe('vo020');
  });
});

describe('programFromUrl', () => {
  test.each([
    ['https://x.de/bi/vo020.asp?VOLFDNR=1', 'vo020'],
    ['https://x.de/bi/vo020_r.asp?VOLFDNR=1', 'vo020'],
    ['https://x.de/public/to010?SILFDNR=1&refresh=false', 'to010'],
    ['https://x.de/bi/si010_e.asp?MM=9&YY=2026', 'si010'],
    ['https://x.de/bi/allris.net.asp', 'start'],
    ['https://x.de/impressum.html', null],
    [null, null],
  ])('%s → %s', (url, kind) => {
    expect(programFromUrl(url)).toBe(kind);
  });
});

describe('what is not a RIS page', () => {
  const reject = (bytes: Buffer | string, message: RegExp) => {
    const b = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    let caught: unknown;
    try {
      detectPage(b);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(NotARisPageError);
    expect((caught as Error).message).toMatch(message);
  };
  test('empty file', () => reject(Buffer.alloc(0), /empty/));
  test('white space only', () => reject('  \r\n ', /white space/));
  test('binary data (a PNG header)', () => reject(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /binary/));
  test('plain text', () => reject('Sitzung am Dienstag', /not an HTML page/));
  test('an HTML page of another site', () => reject('<html><head><title>Stadtportal</title></head><body><table></table></body></html>', /not from ALLRIS/));
  test('JSON that is not OParl', () => reject('{"hello": "world"}', /not an OParl object/));
  test('a truncated ALLRIS page (the first half of a real vo020)', () => {
    const bytes = fs.readFileSync(path.join(CORPUS, 'allris3/hamburg-altona/vo020-1018473.html'));
    reject(bytes.subarray(0, Math.floor(bytes.length / 2)), /truncated/);
  });
  // Hand-made error pages in the shape ALLRIS serves them with status 200 (ALLRIS-NOTES §7.8).
  test('the rate-limit page', () =>
    reject('<html><head><title>ALLRIS - Fehler</title></head><body><div id="allris"><div class="message_header">Es ist ein Fehler aufgetreten</div><p>Zu viele Zugriffe aus Ihrem Netzwerk, Zugriff temporär gesperrt.</p></div></body></html>', /Zu viele Zugriffe/));
  test('a disabled program', () =>
    reject('<html><head><meta name="description" content="ALLRIS net Version 3.9.5 (221117m)" /></head><body>Zugriff verweigert (Programm si010_r.asp).<br></body></html>', /Zugriff verweigert/));
  // hand-made in the shape of ALLRIS programs ratsradar does not read (the body selection pa000, the full-text search yw040)
  test('an ALLRIS program ratsradar does not know: named by its container\'s program and its title', () =>
    reject('<html><head><meta name="description" content="ALLRIS net Version 3.9.5 (221117m)" /><title>Räte</title></head><body><div id="allriscontainer" class="pa000"><table><tr><td><a href="si010_a.asp?PALFDNR=1">Verbandsgemeinderat</a></td></tr></table></div></body></html>',
      /^an ALLRIS program ratsradar does not know: pa000 „Räte“$/));
  test('… or by its address where the page has no container', () => {
    let caught: unknown;
    try {
      detectPage(Buffer.from('<html><head><meta name="description" content="ALLRIS net Version 3.9.5 (221117m)" /><title>Textrecherche</title></head><body><form action="yw040_r.asp"></form></body></html>'), 'https://www.mering.de/pi2/yw040_r.asp?x=1');
    } catch (err) {
      caught = err;
    }
    expect((caught as Error).message).toBe('an ALLRIS program ratsradar does not know: yw040 „Textrecherche“');
  });
  test('a non-public page', () =>
    reject('<html><head><meta name="description" content="ALLRIS net Version 3.9.5 (221117m)" /></head><body><div id="allriscontainer">Keine Information verf&uuml;gbar</div></body></html>', /Keine Information/));
});

describe('another vendor\'s RIS: a known kind of page that is not read, said so', () => {
  // hand-made in the shape SessionNet 5.4 (Somacos) heads its pages: author meta with its version, "SessionNet | …" title
  const sessionNet = (head: string) => Buffer.from(`<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">${head}</head><body><div id="sndetails"><table><tr><td>Betreff:</td><td>Stellenplan 2027</td></tr></table></div></body></html>`, 'utf8');
  const caught = (b: Buffer) => {
    try {
      detectPage(b);
    } catch (err) {
      return err;
    }
    return null;
  };

  test('SessionNet with its version in the author meta: UnsupportedPageError naming vendor and version', () => {
    const err = caught(sessionNet('<meta name="author" content="Somacos GmbH &amp; Co. KG,https://www.somacos.de, SessionNet Version 5.4.6 KP2 bi (Layout 6)"><title>SessionNet | Beschlussempfehlung</title>'));
    expect(err).toBeInstanceOf(UnsupportedPageError);
    expect((err as UnsupportedPageError).message).toBe('a SessionNet 5.4.6 (Somacos) page: ratsradar reads ALLRIS and OParl, not this system');
    expect((err as UnsupportedPageError).pageKind).toBe('other-ris');
  });

  test('SessionNet known by its title alone', () => {
    expect((caught(sessionNet('<title>SessionNet | Bürgerinformationssystem der Stadt Koblenz</title>')) as Error).message).toMatch(/^a SessionNet \(Somacos\) page:/);
  });

  test('a page that only mentions SessionNet stays a page of another site', () => {
    const err = caught(Buffer.from('<html><head><title>Stadtportal</title></head><body><p>Unser Ratsinformationssystem SessionNet finden Sie hier.</p></body></html>', 'utf8'));
    expect(err).toBeInstanceOf(NotARisPageError);
    expect((err as Error).message).toMatch(/not from ALLRIS/);
  });
});

describe('ALLRIS error pages are typed by kind (AllrisErrorPage), not told apart by message', () => {
  // Hand-made error pages in the shape ALLRIS serves them with status 200 (ALLRIS-NOTES §7.8).
  const V3 = '<meta name="description" content="ALLRIS net Version 3.9.5 (221117m)" />';
  const kindOf = (page: string): string | null => {
    try {
      detectPage(Buffer.from(page, 'utf8'), 'https://ris.example/bi/vo020.asp?VOLFDNR=1');
      return null;
    } catch (err) {
      return err instanceof AllrisErrorPage ? err.kind : `other: ${(err as Error).name}`;
    }
  };
  test.each([
    ['rate-limited', '<html><head><title>ALLRIS - Fehler</title></head><body><div id="allris"><p>Zu viele Zugriffe aus Ihrem Netzwerk.</p></div></body></html>'],
    // ALLRIS 4's page for any other failure, in the frame of its rate-limit page (the sentence is made up)
    ['server-error', '<html><head><title>ALLRIS - Fehler</title></head><body><div id="allris"><div class="message_header">Es ist ein Fehler aufgetreten</div><p>Die Anfrage konnte nicht bearbeitet werden.</p></div></body></html>'],
    ['rate-limited', '<html><head><title>ALLRIS - Fehler</title></head><body><div id="allris"><div class="message_header">Es ist ein Fehler aufgetreten</div><p>Zu viele Zugriffe aus Ihrem Netzwerk, Zugriff temporär gesperrt.</p></div></body></html>'],
    ['denied', `<html><head>${V3}</head><body>Zugriff verweigert (Programm si010_r.asp).<br></body></html>`],
    // as ALLRIS 3 really sends it: the line alone, no markup (ALLRIS-NOTES §1)
    ['denied', 'Zugriff verweigert (Programm si010_r.asp).<br>'],
    ['denied', 'Zugriff verweigert (Programm vo020.asp).<br>\r\n'],
    ['other: NotARisPageError', 'Zugriff verweigert (Programm si010_r.asp).<br> und noch mehr Text, der keine ALLRIS-Meldung ist'],
    ['not-public', `<html><head>${V3}</head><body><div id="allriscontainer">Keine Information verf&uuml;gbar</div></body></html>`],
    ['not-public', `<html><head>${V3}</head><body><div id="allriscontainer"><a href="noauth.asp">Anmelden</a></div></body></html>`],
  ])('%s', (kind, page) => expect(kindOf(page)).toBe(kind));

  test('an AllrisErrorPage is a NotARisPageError (callers that skip those skip these)', () => {
    expect(new AllrisErrorPage('x', 'denied')).toBeInstanceOf(NotARisPageError);
  });

  test('a real page is no error page', () => {
    const bytes = fs.readFileSync(path.join(CORPUS, 'allris3/hamburg-altona/vo020-1018473.html'));
    expect(detectPage(bytes, null).kind).toBe('vo020');
  });
});
