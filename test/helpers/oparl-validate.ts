/**
 * The official OParl 1.1 JSON schemas (../shared/oparl-spec/schema, CC BY-SA 4.0, read in place) in a
 * real validator (ajv + ajv-formats, formats included), and a walk of an OParl API over real HTTP:
 * from /system through every Body's lists, page by page along links.next, every object and every
 * object embedded in it validated against the schema of its type.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export const OPARL_SPEC = path.resolve(__dirname, '..', '..', '..', 'shared', 'oparl-spec', 'schema');
const TYPE = /^https:\/\/schema\.oparl\.org\/1\.1\/([A-Za-z]+)$/;

/** One validator per OParl type name ("Paper", …). */
export function oparlValidators(): Map<string, ValidateFunction> {
  // the spec's type patterns escape ':' and '/' ("^https\\:\\/\\/…"), valid ECMA-262 only without the unicode flag
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv);
  // the spec's own format name for an absolute http(s) URL (its README says so)
  ajv.addFormat('url', { type: 'string', validate: (s: string) => /^https?:\/\/[^\s/?#]+[^\s]*$/.test(s) && URL.canParse(s) });
  // annotations of the spec, no JSON-schema keywords
  ajv.addVocabulary(['references', 'backreference', 'cardinality', 'schema']);
  const out = new Map<string, ValidateFunction>();
  for (const file of fs.readdirSync(OPARL_SPEC).filter((f) => f.endsWith('.json'))) {
    out.set(file.replace(/\.json$/, ''), ajv.compile(JSON.parse(fs.readFileSync(path.join(OPARL_SPEC, file), 'utf8'))));
  }
  const list = ajv.compile({
    type: 'object', required: ['data', 'pagination', 'links'], additionalProperties: false,
    properties: {
      data: { type: 'array', items: { type: 'object' } },
      pagination: { type: 'object', properties: { elementsPerPage: { type: 'integer' }, totalElements: { type: 'integer' }, currentPage: { type: 'integer' }, totalPages: { type: 'integer' } } },
      links: { type: 'object', additionalProperties: { type: 'string', format: 'url' } },
    },
  });
  out.set('#list', list);
  return out;
}

export interface WalkResult {
  /** every object by id, as its list (or, for the System, its address) gives it */
  objects: Map<string, Record<string, unknown>>;
  /** every object embedded in another, by id: as embedded there, and the id of the object it is embedded in */
  embedded: Map<string, { object: Record<string, unknown>; in: string }>;
  /** how many objects of each type the lists held */
  listed: Map<string, number>;
  pages: number;
  /** schema violations: "<where>: <ajv message>" */
  errors: string[];
  /** every URL any object names */
  named: Set<string>;
  /** list pages of 1 KiB or more, by the Content-Encoding they came with (fetch asks for gzip, as OParl clients do) */
  encodings: Map<string, number>;
}

function typeName(o: Record<string, unknown>): string | null {
  const m = typeof o.type === 'string' ? TYPE.exec(o.type) : null;
  return m ? m[1] : null;
}

/**
 * Validates an object and, recursively, every object embedded in it; collects the URLs it names. `container`:
 * the id of the object this one is embedded in (null: a listed object, or the System).
 */
function check(o: Record<string, unknown>, where: string, v: Map<string, ValidateFunction>, r: WalkResult, container: string | null = null): void {
  const name = typeName(o);
  const validate = name ? v.get(name) : undefined;
  if (!validate) {
    r.errors.push(`${where}: no OParl 1.1 type (${String(o.type)})`);
    return;
  }
  if (!validate(o)) for (const e of validate.errors ?? []) r.errors.push(`${where} ${name}${e.instancePath}: ${e.message}`);
  if (typeof o.id === 'string') {
    if (container === null && !r.objects.has(o.id)) r.objects.set(o.id, o);
    if (container !== null && !r.embedded.has(o.id)) r.embedded.set(o.id, { object: o, in: container });
  }
  const visit = (x: unknown, at: string) => {
    if (typeof x === 'string' && /^https?:\/\//.test(x)) r.named.add(x);
    else if (Array.isArray(x)) x.forEach((y, i) => visit(y, `${at}[${i}]`));
    else if (x && typeof x === 'object') {
      const obj = x as Record<string, unknown>;
      if (typeName(obj)) check(obj, `${where} → ${at}`, v, r, typeof o.id === 'string' ? o.id : where);
      else for (const [k, y] of Object.entries(obj)) visit(y, `${at}.${k}`);
    }
  };
  for (const [k, x] of Object.entries(o)) if (k !== 'id') visit(x, k);
}

/** GET with fetch (which sends Accept-Encoding: gzip, deflate and decompresses); the Content-Encoding it came with, and the UTF-8 length. */
export async function getJson(url: string): Promise<{ status: number; body: unknown; encoding: string; bytes: number }> {
  const res = await fetch(url);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the caller looks at the status and the text
  }
  return { status: res.status, body, encoding: res.headers.get('content-encoding') ?? 'identity', bytes: Buffer.byteLength(text) };
}

/** Walks an OParl API from its System: bodies, then every list of every body, page by page. */
export async function walkOparl(systemUrl: string): Promise<WalkResult> {
  const v = oparlValidators();
  const r: WalkResult = { objects: new Map(), embedded: new Map(), listed: new Map(), pages: 0, errors: [], named: new Set(), encodings: new Map() };
  const system = await getJson(systemUrl);
  if (system.status !== 200) throw new Error(`${systemUrl}: HTTP ${system.status}`);
  check(system.body as Record<string, unknown>, 'system', v, r);
  const walkList = async (first: string): Promise<Record<string, unknown>[]> => {
    const items: Record<string, unknown>[] = [];
    const seen = new Set<string>();
    for (let url: string | undefined = first; url; ) {
      if (seen.has(url)) throw new Error(`${url}: links.next goes round in a circle`);
      seen.add(url);
      const page = await getJson(url);
      r.pages++;
      if (page.bytes >= 1024) r.encodings.set(page.encoding, (r.encodings.get(page.encoding) ?? 0) + 1);
      if (page.status !== 200) {
        r.errors.push(`${url}: HTTP ${page.status}`);
        break;
      }
      const list = v.get('#list')!;
      if (!list(page.body)) {
        r.errors.push(`${url}: not an OParl list page: ${list.errors?.map((e) => `${e.instancePath} ${e.message}`).join('; ')}`);
        break;
      }
      const body = page.body as { data: Record<string, unknown>[]; links: { next?: string } };
      body.data.forEach((o, i) => {
        check(o, `${url} data[${i}]`, v, r);
        const name = typeName(o) ?? '?';
        r.listed.set(name, (r.listed.get(name) ?? 0) + 1);
      });
      items.push(...body.data);
      url = body.links.next;
    }
    return items;
  };
  const bodies = await walkList(String((system.body as { body: string }).body));
  for (const b of bodies) {
    for (const field of ['organization', 'person', 'meeting', 'paper', 'agendaItem', 'consultation', 'file', 'membership', 'locationList', 'legislativeTermList']) {
      if (typeof b[field] === 'string') await walkList(b[field] as string);
    }
  }
  return r;
}
