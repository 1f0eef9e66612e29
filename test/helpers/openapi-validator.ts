/**
 * Validates JSON answers against the OpenAPI 3.1 document the app publishes at /openapi.json, with
 * Ajv's JSON Schema 2020-12 validator and ajv-formats (formats checked: date, date-time, uri).
 * `check(path, status, body)` looks the answer's schema up under the document's path (e.g.
 * '/meetings/{id}.json') and returns Ajv's errors as text ('' when valid).
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import request from 'supertest';
import type { Express } from 'express';

const DOC_ID = 'https://ratsradar.test/openapi.json';

export interface OpenApiValidator {
  doc: Record<string, unknown> & { paths: Record<string, { get?: { responses?: Record<string, unknown> } }>; components: { schemas: Record<string, unknown> } };
  /** Ajv's errors of `body` against the answer schema of GET `path` with `status`, '' when valid */
  check: (path: string, status: number, body: unknown) => string;
}

export function openApiValidatorOf(doc: OpenApiValidator['doc']): OpenApiValidator {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  // the OpenAPI document's own keywords, so that Ajv in strict mode reads it as a schema holding schemas
  ajv.addVocabulary(['openapi', 'info', 'servers', 'paths', 'components']);
  ajv.addSchema(doc, DOC_ID);
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  return {
    doc,
    check(path, status, body) {
      const key = `${path}|${status}`;
      let validate = compiled.get(key);
      if (!validate) {
        if (!doc.paths[path]?.get?.responses?.[String(status)]) throw new Error(`the OpenAPI document has no ${status} answer for GET ${path}`);
        const pointer = `#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/get/responses/${status}/content/application~1json/schema`;
        validate = ajv.compile({ $ref: `${DOC_ID}${pointer}` });
        compiled.set(key, validate);
      }
      return validate(body) ? '' : ajv.errorsText(validate.errors, { separator: '\n' });
    },
  };
}

/** The document the app publishes, with its validator. */
export async function loadOpenApiValidator(app: Express): Promise<OpenApiValidator> {
  const res = await request(app).get('/openapi.json').expect(200).expect('Content-Type', /application\/json/);
  return openApiValidatorOf(res.body);
}

/** every request names this host (supertest runs each on its own port), so absolute links compare */
export const JSON_TEST_HOST = 'ratsradar.test';

/**
 * Requests against `app` with the test host: `get`, `local` (an absolute link of an answer → the path
 * to request) and `getJson` (the answer's status, JSON content type and its validity against the
 * document's schema of `docPath` asserted; the body returned).
 */
export function jsonClient(app: () => Express, validator: () => OpenApiValidator) {
  const get = (url: string) => request(app()).get(url).set('Host', JSON_TEST_HOST);
  const local = (href: string) => {
    expect(href.startsWith(`http://${JSON_TEST_HOST}/`)).toBe(true);
    const u = new URL(href);
    return u.pathname + u.search;
  };
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers are read field by field
  async function getJson(url: string, docPath: string, status = 200): Promise<Record<string, any>> {
    const res = await get(url);
    expect([url, res.status]).toEqual([url, status]);
    expect(res.headers['content-type']).toMatch(/^application\/json; charset=utf-8/);
    expect([url, validator().check(docPath, status, res.body)]).toEqual([url, '']);
    return res.body;
  }
  return { get, local, getJson };
}
