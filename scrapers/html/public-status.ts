/**
 * The one reading of an ALLRIS "Status:" value as public or not (ALLRIS-NOTES §4.1, §4.2, §7.179). Pure.
 * Papers say "öffentlich" or "nichtöffentlich" ("nicht öffentlich", "nicht-öffentlich", "oe" when
 * transliterated); meetings also say "öffentlich/nichtöffentlich" (a public and a non-public part):
 * that is neither, so null, never false — a public part must not be hidden as non-public.
 */
const NOT_PUBLIC = /nicht[\s-]*(ö|oe)ffentlich/g;
const PUBLIC = /(ö|oe)ffentlich/;

/** true for "öffentlich", false for "nichtöffentlich", null for both at once, anything else or nothing. */
export function publicFromStatus(status: string | null): boolean | null {
  if (!status) return null;
  const t = status.toLowerCase();
  const notPublic = t.search(NOT_PUBLIC) >= 0;
  const isPublic = PUBLIC.test(t.replace(NOT_PUBLIC, ''));
  if (notPublic === isPublic) return null;
  return isPublic;
}
