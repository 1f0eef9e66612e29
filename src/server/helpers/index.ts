/** Registers every handlebars helper (one per file, DESIGN.md habit 11). */
import type Handlebars from 'handlebars';
import { dateDe } from './date-de';
import { eq } from './eq';
import { feedLinks } from './feed-links';
import { safeUrl } from './safe-url';

export function registerHelpers(hbs: typeof Handlebars): void {
  hbs.registerHelper('dateDe', dateDe);
  hbs.registerHelper('eq', eq);
  hbs.registerHelper('feedLinks', feedLinks);
  hbs.registerHelper('safeUrl', safeUrl);
}
