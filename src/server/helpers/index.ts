/** Registers every handlebars helper (one per file, DESIGN.md habit 11). */
import type Handlebars from 'handlebars';
import { dateDe } from './date-de';
import { eq } from './eq';
import { feedLinks } from './feed-links';
import { safeUrl } from './safe-url';

const HELPERS = { dateDe, eq, feedLinks, safeUrl };

/** the helpers' names (render.ts names them to the compiler as known helpers) */
export const HELPER_NAMES = Object.keys(HELPERS);

export function registerHelpers(hbs: typeof Handlebars): void {
  for (const [name, fn] of Object.entries(HELPERS)) hbs.registerHelper(name, fn);
}
