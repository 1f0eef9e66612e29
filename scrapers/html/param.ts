/**
 * One reader for URL parameters in hrefs, form actions and page URLs (ALLRIS-NOTES §2c): case-insensitive
 * names, `&amp;` read as `&`. Pure.
 */
import { cleanText } from '../shared/text';

export interface ParamOptions {
  /**
   * 'id' (default): the leading digits of the value, the way ALLRIS ids (VOLFDNR, SILFDNR, TOLFDNR, …)
   * are read; a `;` also separates parameters. 'text': the whole value, percent-decoded and cleaned.
   */
  value?: 'id' | 'text';
}

const ID_PATTERNS = new Map<string, RegExp>();
const TEXT_PATTERNS = new Map<string, RegExp>();

function pattern(cache: Map<string, RegExp>, name: string, make: (name: string) => RegExp): RegExp {
  let re = cache.get(name);
  if (!re) {
    re = make(name);
    cache.set(name, re);
  }
  return re;
}

/** The value of `name` in `href` ("to010.asp?SILFDNR=3712&amp;TOLFDNR=76116", 'TOLFDNR' → "76116"); null if absent. */
export function param(href: string | null | undefined, name: string, opts: ParamOptions = {}): string | null {
  if (!href) return null;
  if (opts.value === 'text') {
    const m = pattern(TEXT_PATTERNS, name, (n) => new RegExp(`[?&]${n}=([^&#]*)`, 'i')).exec(href.replace(/&amp;/gi, '&'));
    if (!m) return null;
    try {
      return cleanText(decodeURIComponent(m[1]));
    } catch {
      return cleanText(m[1]);
    }
  }
  // `&amp;NAME=` is matched through its `;`
  const m = pattern(ID_PATTERNS, name, (n) => new RegExp(`[?&;]${n}=(\\d+)`, 'i')).exec(href);
  return m ? m[1] : null;
}
