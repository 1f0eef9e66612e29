/**
 * The one reader of the version an ALLRIS page states in
 * `<meta name="description" content="ALLRIS net Version 4.1.7 (4170041) - 08.07.2026">` (attributes
 * in either order: re-serialised pages put `content` first). Pure.
 */
const VERSION = /content=["']ALLRIS net Version (\d[\w.]*)/i;

/** "3.9.5" / "4.1.7" / "3.9.4SP1" from the page text, or null. */
export function allrisVersion(text: string): string | null {
  const m = VERSION.exec(text);
  return m ? m[1] : null;
}
