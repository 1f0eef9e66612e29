/**
 * Tolerant JSON reading for OParl answers. ALLRIS 3's OParl 1.0 endpoints emit raw control characters
 * (U+0000–U+001F) inside JSON strings, which JSON.parse refuses (ALLRIS-NOTES §3, §7.11; the
 * Braunschweig 1.0 paper): they are escaped as \u00XX before parsing, inside strings only. Everything
 * else (DOS-codepage mojibake such as "beschr„nkter") is left exactly as the bytes say here; the record's
 * strings are repaired where they are read (quirks.ts repairOldField). Pure.
 */
import { NotARisPageError, TruncatedPageError } from '../errors';

/** Escapes the raw control characters that stand inside JSON string literals; white space between tokens stays. */
export function escapeControlCharsInStrings(text: string): string {
  let out = '';
  let inString = false;
  let afterBackslash = false;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!inString) {
      if (c === 0x22) inString = true;
      continue;
    }
    const escapedHere = afterBackslash;
    afterBackslash = false;
    if (c < 0x20) {
      // "\<raw control>" is no escape JSON knows: the backslash goes, the character is escaped
      out += text.slice(last, escapedHere ? i - 1 : i) + '\\u' + c.toString(16).padStart(4, '0');
      last = i + 1;
    } else if (escapedHere) {
      continue;
    } else if (c === 0x5c) {
      afterBackslash = true;
    } else if (c === 0x22) {
      inString = false;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

/** Parses OParl JSON text; invalid JSON throws NotARisPageError with a one-line reason (TruncatedPageError where it ends too soon). */
export function readOparlJson(text: string): unknown {
  const source = escapeControlCharsInStrings(text.replace(/^\ufeff/, ''));
  try {
    return JSON.parse(source) as unknown;
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();
    // JSON that ends before its last value closes is a cut answer
    const at = /at position (\d+)/.exec(reason);
    if (/end of (JSON|data)|unterminated/i.test(reason) || (at && Number(at[1]) >= source.trimEnd().length)) throw new TruncatedPageError(`invalid JSON: truncated (${reason})`);
    throw new NotARisPageError(`invalid JSON: ${reason}`);
  }
}
