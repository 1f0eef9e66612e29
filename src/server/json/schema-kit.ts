/** Small builders for the JSON Schema 2020-12 of the OpenAPI 3.1 document (openapi-schemas.ts). */
export type Schema = Record<string, unknown>;

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
export const str: Schema = { type: 'string' };
export const int: Schema = { type: 'integer' };
export const bool: Schema = { type: 'boolean' };
export const uri: Schema = { type: 'string', format: 'uri' };
export const date: Schema = { type: 'string', format: 'date' };
export const dateTime: Schema = { type: 'string', format: 'date-time' };
/** HH:MM, local time in Europe/Berlin */
export const time: Schema = { type: 'string', pattern: '^\\d{2}:\\d{2}$' };

/** The schema, or null. */
export function nullable(s: Schema): Schema {
  // an object made of parts (allOf) or a $ref: the parts would still apply to null
  if (s.allOf || s.$ref || typeof s.type !== 'string') return { anyOf: [s, { type: 'null' }] };
  return { ...s, type: [s.type, 'null'], ...(Array.isArray(s.enum) ? { enum: [...s.enum, null] } : {}) };
}

export const enumOf = (values: readonly string[]): Schema => ({ type: 'string', enum: [...values] });
export const arrayOf = (items: Schema): Schema => ({ type: 'array', items });

/**
 * An object with exactly these properties, every one required unless named in `optional`.
 * `open`: further properties are allowed (for records whose optional fields grow, CONTRACTS.md, and for
 * parts of a composed() object, which closes them: no additionalProperties keyword, so the outer
 * unevaluatedProperties sees the others).
 */
export function obj(properties: Record<string, Schema>, opts: { optional?: string[]; open?: boolean; description?: string } = {}): Schema {
  const required = Object.keys(properties).filter((k) => !opts.optional?.includes(k));
  return {
    type: 'object',
    ...(opts.description ? { description: opts.description } : {}),
    properties,
    required,
    ...(opts.open ? {} : { additionalProperties: false }),
  };
}

/** An object made of `parts` (schemas by $ref) and these properties, and nothing else (unevaluatedProperties). */
export function composed(parts: Schema[], properties: Record<string, Schema>, description?: string): Schema {
  return {
    type: 'object',
    ...(description ? { description } : {}),
    allOf: [...parts, { type: 'object', properties, required: Object.keys(properties) }],
    unevaluatedProperties: false,
  };
}
