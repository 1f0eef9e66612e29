/**
 * Scraped text in HTML and CSV answers: bidi formatting characters (U+202E RIGHT-TO-LEFT OVERRIDE and
 * the other embeddings, overrides, isolates and marks) and control characters (C0 but tab, line feed
 * and carriage return; DEL; C1) are dropped. An override in a title could otherwise reorder what a
 * reader sees around it ("Beschluss\u202Egnulhefpme" shows "empfehlung" backwards, a file name's
 * extension turned round), and a control character has no business in a page or a spreadsheet cell.
 * Atom and iCal strip what XML forbids themselves (atom.ts xmlSafe). Pure.
 */

const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** `text` without bidi formatting and control characters. */
export function neutraliseText(text: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text) ? text.replace(UNSAFE, '') : text;
}

const isPlain = (v: object) => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * A copy of a view model with every string neutralised (plain objects and arrays are walked; other
 * objects — a Date, a Handlebars SafeString — are kept as they are). Strings without such characters
 * are kept as they are, so a clean model costs one regular-expression test per string.
 */
export function neutraliseModel<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return neutraliseText(value) as T;
  if (value === null || typeof value !== 'object' || depth > 40) return value;
  if (Array.isArray(value)) return value.map((v) => neutraliseModel(v, depth + 1)) as T;
  if (!isPlain(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = neutraliseModel(v, depth + 1);
  return out as T;
}
