/**
 * Encoding sniffing for RIS pages. ALLRIS 3 declares ISO-8859-1 (decode as its superset windows-1252,
 * since „“–€ occur); ALLRIS 4 and OParl are UTF-8. Pages re-saved as UTF-8 keep their Latin-1
 * declaration (corpus PROVENANCE.md, "Encoding trap"): valid multi-byte UTF-8 wins over a declared Latin-1.
 * Node 20's TextDecoder gets windows-1252 bytes 0x80–0x9F wrong, so iconv-lite decodes the legacy charsets.
 */
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  /** The encoding used to decode: 'utf-8', 'windows-1252', 'iso-8859-15', … */
  encoding: string;
  /** The charset the page declared (XML prolog or meta), lower-cased, or null. */
  declared: string | null;
}

/** Reads the declared charset from the first 4 kB: XML prolog, <meta charset>, or <meta http-equiv content>. */
export function declaredCharset(head: string): string | null {
  const m =
    /<\?xml[^>]*encoding\s*=\s*["']?([\w.:-]+)/i.exec(head) ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

/** True when the bytes are valid UTF-8 and contain at least one multi-byte sequence. */
export function isMultiByteUtf8(bytes: Uint8Array): boolean {
  let multi = false;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) { len = 2; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { len = 3; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { len = 4; min = 0x10000; }
    else return false;
    if (i + len > n) return false;
    let cp = b & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    multi = true;
    i += len;
  }
  return multi;
}

function normaliseCharset(cs: string | null): string {
  if (!cs) return 'windows-1252';
  const c = cs.toLowerCase().replace(/_/g, '-');
  if (c === 'utf-8' || c === 'utf8') return 'utf-8';
  if (c === 'iso-8859-1' || c === 'latin1' || c === 'latin-1' || c === 'us-ascii' || c === 'ascii' || c === 'cp1252' || c === 'windows-1252') return 'windows-1252';
  if (iconv.encodingExists(c)) return c;
  return 'windows-1252';
}

/** Decodes page bytes to text by the rules above. A UTF-8 BOM always means UTF-8. */
export function decodePage(bytes: Uint8Array): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8', declared: 'utf-8' };
  }
  const head = buf.subarray(0, 4096).toString('latin1');
  const declared = declaredCharset(head);
  if (isMultiByteUtf8(buf)) return { text: buf.toString('utf8'), encoding: 'utf-8', declared };
  const enc = normaliseCharset(declared);
  if (enc === 'utf-8') {
    // Declared UTF-8 but not valid multi-byte UTF-8: pure ASCII decodes the same; otherwise it is really Latin-1.
    const hasHigh = buf.some((b) => b >= 0x80);
    return hasHigh
      ? { text: iconv.decode(buf, 'windows-1252'), encoding: 'windows-1252', declared }
      : { text: buf.toString('utf8'), encoding: 'utf-8', declared };
  }
  return { text: iconv.decode(buf, enc), encoding: enc, declared };
}
