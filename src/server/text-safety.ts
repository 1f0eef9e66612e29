/**
 * Scraped text in HTML and CSV answers: bidi formatting characters (U+202E RIGHT-TO-LEFT OVERRIDE and
 * the other embeddings, overrides, isolates and marks) and control characters (C0 but tab, line feed
 * and carriage return; DEL; C1) are dropped. An override in a title could otherwise reorder what a
 * reader sees around it ("Beschluss\u202Egnulhefpme" shows "empfehlung" backwards, a file name's
 * extension turned round), and a control character has no business in a page or a spreadsheet cell.
 * Atom and iCal drop the same and what XML forbids besides (atom.ts xmlSafe). Pure.
 */

const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** the same class, not global: a test that keeps no lastIndex */
const HAS_UNSAFE = new RegExp(UNSAFE.source);

/** `text` without bidi formatting and control characters. */
export function neutraliseText(text: string): string {
  return HAS_UNSAFE.test(text) ? text.replace(UNSAFE, '') : text;
}

const isPlain = (v: object) => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * A view model with every string neutralised (plain objects and arrays are walked; other objects — a Date,
 * a Handlebars SafeString — are kept as they are). Copy on write: an array or object none of whose values
 * changed is returned as it is, so a clean model costs one regular-expression test per string and no copy
 * (a page's model is thousands of values: copying it all was most of this walk's cost, and garbage).
 */
export function neutraliseModel<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return neutraliseText(value) as T;
  if (value === null || typeof value !== 'object' || depth > 40) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const n = neutraliseModel(v, depth + 1);
      if (out) out.push(n);
      else if (n !== v) (out = value.slice(0, i)).push(n);
    }
    return (out ?? value) as T;
  }
  if (!isPlain(value)) return value;
  const record = value as Record<string, unknown>;
  let out: Record<string, unknown> | null = null;
  for (const k of Object.keys(record)) {
    const v = record[k];
    const n = neutraliseModel(v, depth + 1);
    if (n !== v) (out ??= { ...record })[k] = n;
  }
  return (out ?? value) as T;
}
