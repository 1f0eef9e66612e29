/**
 * Compiles templates/ once (layouts, partials, pages) and renders a page into the layout. Handlebars escapes every
 * {{value}}; bidi formatting and control characters are dropped from the model first (text-safety.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { HELPER_NAMES, registerHelpers } from './helpers';
import { projectRoot } from '../util/paths';
import { neutraliseModel } from './text-safety';

type CompileOptions = Parameters<typeof Handlebars.compile>[1];

export type Renderer = (page: string, model: Record<string, unknown>) => string;

/**
 * Every helper is named to the compiler (./helpers): a call of one compiles to a direct call instead of a
 * lookup at run time that first looks for a property of that name in the context, in every row of every
 * list. Partials are compiled with the same options (on first use).
 */
const COMPILE_OPTIONS: CompileOptions = { strict: false, knownHelpers: Object.fromEntries(HELPER_NAMES.map((n) => [n, true])) };

function compileFolder(hbs: typeof Handlebars, dir: string): Map<string, Handlebars.TemplateDelegate> {
  const out = new Map<string, Handlebars.TemplateDelegate>();
  for (const f of fs.readdirSync(dir)) {
    if (!f.endsWith('.hbs')) continue;
    out.set(f.slice(0, -4), hbs.compile(fs.readFileSync(path.join(dir, f), 'utf8'), COMPILE_OPTIONS));
  }
  return out;
}

export function createRenderer(templatesDir = path.join(projectRoot(), 'templates')): Renderer {
  const hbs = Handlebars.create();
  registerHelpers(hbs);
  for (const f of fs.readdirSync(path.join(templatesDir, 'partials'))) {
    if (f.endsWith('.hbs')) hbs.registerPartial(f.slice(0, -4), fs.readFileSync(path.join(templatesDir, 'partials', f), 'utf8'));
  }
  const layouts = compileFolder(hbs, path.join(templatesDir, 'layouts'));
  const pages = compileFolder(hbs, path.join(templatesDir, 'pages'));
  const layout = layouts.get('main');
  if (!layout) throw new Error('templates/layouts/main.hbs is missing');
  return (page, model) => {
    const tpl = pages.get(page);
    if (!tpl) throw new Error(`no template pages/${page}.hbs`);
    // bidi overrides and control characters from scraped text never reach a page (text-safety.ts)
    const safe = neutraliseModel(model);
    const body = tpl(safe, { allowProtoPropertiesByDefault: false });
    return layout({ ...safe, body }, { allowProtoPropertiesByDefault: false });
  };
}
