/**
 * Compiles templates/ once (layouts, partials, pages) and renders a page into the layout. Handlebars escapes every
 * {{value}}; bidi formatting and control characters are dropped from the model first (text-safety.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { registerHelpers } from './helpers';
import { projectRoot } from '../util/paths';
import { neutraliseModel } from './text-safety';

export type Renderer = (page: string, model: Record<string, unknown>) => string;

function compileFolder(hbs: typeof Handlebars, dir: string): Map<string, Handlebars.TemplateDelegate> {
  const out = new Map<string, Handlebars.TemplateDelegate>();
  for (const f of fs.readdirSync(dir)) {
    if (!f.endsWith('.hbs')) continue;
    out.set(f.slice(0, -4), hbs.compile(fs.readFileSync(path.join(dir, f), 'utf8'), { strict: false }));
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
