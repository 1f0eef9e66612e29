/**
 * Declared selectors (DESIGN.md habit 2; spatula's `selectors.py` is the model): a selector knows its
 * name, its CSS and how many matches the page must have, and names itself in the LayoutChangedError
 * when the page has fewer or more. It runs on cheerio's own selector engine (css-select, compiled once
 * at declaration) over the page's one htmlparser2 document (html/dom.ts documentOf). Pure.
 *
 *   const FACTION_TABLES = sel('faction table', 'table.tl1', { min: 1 });
 *   const tables = FACTION_TABLES.all(scope, ctx.url);
 */
import { compile, selectAll, selectOne } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import { LayoutChangedError } from '../errors';

export interface Expect {
  /** fewest matches the page must have (default 1) */
  min?: number;
  /** most matches the page may have (default: any number) */
  max?: number;
}

export class Selector {
  private readonly query: ReturnType<typeof compile<AnyNode, Element>>;

  constructor(
    readonly name: string,
    readonly css: string,
    readonly min = 1,
    readonly max = Infinity,
  ) {
    this.query = compile<AnyNode, Element>(css);
  }

  /** Every match below `root` in document order; LayoutChangedError naming this selector when the count is out of range. */
  all(root: AnyNode | AnyNode[], page: string | null): Element[] {
    const found = selectAll<AnyNode, Element>(this.query, root);
    if (found.length < this.min || found.length > this.max) throw this.error(found.length, page);
    return found;
  }

  /** The one match (a selector declared with max 1), or undefined where min is 0 and the page has none. */
  one(root: AnyNode | AnyNode[], page: string | null): Element | undefined {
    if (this.max === Infinity && this.min <= 1) {
      const first = selectOne<AnyNode, Element>(this.query, root) ?? undefined;
      if (!first && this.min > 0) throw this.error(0, page);
      return first;
    }
    return this.all(root, page)[0];
  }

  /** The first match, never an error (for reading an optional part). */
  first(root: AnyNode | AnyNode[]): Element | undefined {
    return selectOne<AnyNode, Element>(this.query, root) ?? undefined;
  }

  private error(count: number, page: string | null): LayoutChangedError {
    const wanted = this.max === Infinity ? `at least ${this.min}` : this.min === this.max ? `${this.min}` : `${this.min} to ${this.max}`;
    const found = count === 0 ? 'not found' : `${count} found`;
    return new LayoutChangedError(`${page ?? '(no url)'}: ${this.name} (${this.css}) ${found}, ${wanted} expected`, page, this.css);
  }
}

/** Declares a selector: `sel('paper title', 'td.text1', { min: 1, max: 1 })`. */
export function sel(name: string, css: string, expect: Expect = {}): Selector {
  return new Selector(name, css, expect.min ?? 1, expect.max ?? Infinity);
}
