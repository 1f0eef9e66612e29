import fs from 'node:fs';
import path from 'node:path';
import { decodePage, declaredCharset, isMultiByteUtf8 } from '../../../scrapers/shared/encoding';
import { CORPUS } from '../../helpers/tmp';

const latin1Page = (body: string) =>
  Buffer.concat([Buffer.from('<?xml version="1.0" encoding="iso-8859-1"?><html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body>', 'latin1'), Buffer.from(body, 'latin1'), Buffer.from('</body></html>')]);

describe('encoding sniffing', () => {
  test('declared ISO-8859-1 is read as windows-1252 (€ „ “ – in 0x80–0x9F)', () => {
    const bytes = latin1Page('Gr\xfc\xdfe \x84Digitaltag\x93 \x96 5 \x80');
    const d = decodePage(bytes);
    expect(d.encoding).toBe('windows-1252');
    expect(d.declared).toBe('iso-8859-1');
    expect(d.text).toContain('Grüße „Digitaltag“ – 5 €');
  });

  test('valid multi-byte UTF-8 wins over a declared Latin-1 (the corpus encoding trap)', () => {
    const bytes = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="iso-8859-1"?><html><body>'), Buffer.from('Beschlussvorschlag für Straßen', 'utf8'), Buffer.from('</body></html>')]);
    const d = decodePage(bytes);
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toContain('für Straßen');
  });

  test('a real byte-exact Latin-1 page (Hamburg-Altona vo020) decodes its umlauts', () => {
    const bytes = fs.readFileSync(path.join(CORPUS, 'allris3/hamburg-altona/vo020-1018473.html'));
    expect(isMultiByteUtf8(bytes)).toBe(false);
    const d = decodePage(bytes);
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toMatch(/öffentlich/);
  });

  test('a transcribed page stored as UTF-8 that declares iso-8859-1 (Regensburg) decodes as UTF-8', () => {
    const bytes = fs.readFileSync(path.join(CORPUS, 'allris3/regensburg/vo020-VO-26-23343-D2-excerpt.html'));
    const d = decodePage(bytes);
    expect(d.declared).toBe('iso-8859-1');
    expect(d.encoding).toBe('utf-8');
    expect(d.text).not.toMatch(/Ã¶|Ã¼|Ã¤/);
  });

  test('ISO-8859-15 is decoded as such (€ at 0xA4)', () => {
    const bytes = Buffer.concat([Buffer.from('<html><head><meta charset="ISO-8859-15"></head><body>'), Buffer.from([0xa4, 0x20, 0xfc]), Buffer.from('</body></html>')]);
    expect(decodePage(bytes).text).toContain('€ ü');
  });

  test('declared UTF-8 with invalid bytes falls back to windows-1252 instead of U+FFFD', () => {
    const bytes = Buffer.concat([Buffer.from('<meta charset="utf-8"><p>'), Buffer.from([0x47, 0x72, 0xfc, 0xdf, 0x65]), Buffer.from('</p>')]);
    expect(decodePage(bytes).text).toContain('Grüße');
  });

  test('a UTF-8 BOM means UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<html>Ä</html>', 'utf8')]);
    expect(decodePage(bytes)).toMatchObject({ encoding: 'utf-8', text: '<html>Ä</html>' });
  });

  test('declaredCharset reads the XML prolog and meta tags', () => {
    expect(declaredCharset('<?xml version="1.0" encoding="ISO-8859-1"?>')).toBe('iso-8859-1');
    expect(declaredCharset('<meta charset="utf-8">')).toBe('utf-8');
    expect(declaredCharset('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15">')).toBe('iso-8859-15');
    expect(declaredCharset('<html>')).toBeNull();
  });

  test('overlong and truncated UTF-8 sequences are not UTF-8', () => {
    expect(isMultiByteUtf8(Buffer.from([0xc0, 0xaf]))).toBe(false);
    expect(isMultiByteUtf8(Buffer.from([0x41, 0xc3]))).toBe(false);
    expect(isMultiByteUtf8(Buffer.from('plain ascii'))).toBe(false);
    expect(isMultiByteUtf8(Buffer.from('ä', 'utf8'))).toBe(true);
  });
});
