/**
 * Structure-aware mutations of OParl JSON pages: values of the wrong type, missing and extra keys,
 * the wrong OParl type, deep nesting, huge strings. Byte mutations (mutate.ts) mostly make JSON
 * that does not parse; these reach the OParl object parsers with valid but hostile JSON.
 */
import type { Rng } from './prng';
import type { Mutation } from './mutate';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const OPARL_TYPES = ['System', 'Body', 'Paper', 'Meeting', 'AgendaItem', 'Organization', 'Person', 'File', 'Consultation', 'Location', 'Membership', 'LegislativeTerm', 'Nonsense'];

function parse(page: Buffer): Json | undefined {
  try {
    return JSON.parse(page.toString('utf8').replace(/^\ufeff/, '')) as Json;
  } catch {
    return undefined;
  }
}

/** Every container (object or array) in the tree, with a path for replacing its children. */
function containers(root: Json, out: (Json[] | { [key: string]: Json })[] = [], depth = 0): (Json[] | { [key: string]: Json })[] {
  if (root === null || typeof root !== 'object' || depth > 200) return out;
  out.push(root);
  for (const v of Array.isArray(root) ? root : Object.values(root)) containers(v, out, depth + 1);
  return out;
}

function hostileValue(rng: Rng, old: Json): Json {
  switch (rng.int(14)) {
    case 0: return null;
    case 1: return rng.pick([0, -1, 1e308, -0, 3.5, Number.MAX_SAFE_INTEGER + 2]);
    case 2: return rng.pick(['', 'N/A', ' ', 'javascript:alert(1)', '2026-13-45', '2026-02-30T25:61:00+02:00', '0000-00-00', '\u0000\u0001', '<script>x</script>']);
    case 3: return {};
    case 4: return [];
    case 5: return [old, old];
    case 6: return { id: 'https://x/oparl/1', type: `https://schema.oparl.org/1.1/${rng.pick(OPARL_TYPES)}` };
    case 7: return [null];
    case 8: return true;
    case 9: return typeof old === 'string' ? old.repeat(rng.range(2, 50)) : String(old);
    case 10: return typeof old === 'string' ? `${old}\u0000\r\n${old}` : [String(old)];
    case 11: return { [rng.pick(['name', 'id', 'type', 'date', 'url', 'accessUrl'])]: old };
    case 12: return rng.pick(['https://schema.oparl.org/1.0/Paper', 'https://schema.oparl.org/1.1/Meeting', 'https://schema.oparl.org/2.0/Paper']);
    // biome-ignore lint/correctness/noPrecisionLoss: a number past 2^53 on purpose, as a source might send one
    default: return 12345678901234567890;
  }
}

/** Replaces 1–10 random values in the tree with values of the wrong type or shape. */
export const jsonWrongValues: Mutation = (page, rng) => {
  const root = parse(page);
  if (root === undefined) return page;
  const all = containers(root);
  const n = rng.range(1, 10);
  for (let i = 0; i < n && all.length; i++) {
    const c = rng.pick(all);
    if (Array.isArray(c)) {
      if (c.length) {
        const k = rng.int(c.length);
        c[k] = hostileValue(rng, c[k]);
      }
    } else {
      const keys = Object.keys(c);
      if (keys.length) {
        const k = rng.pick(keys);
        c[k] = hostileValue(rng, c[k]);
      }
    }
  }
  return Buffer.from(JSON.stringify(root), 'utf8');
};

/** Deletes keys (including id, type, data) and array entries. */
export const jsonDropKeys: Mutation = (page, rng) => {
  const root = parse(page);
  if (root === undefined) return page;
  for (const c of containers(root)) {
    if (Array.isArray(c)) {
      if (c.length && rng.chance(0.2)) c.splice(rng.int(c.length), 1);
    } else for (const k of Object.keys(c)) if (rng.chance(0.2)) delete c[k];
  }
  return Buffer.from(JSON.stringify(root), 'utf8');
};

/** Changes the OParl `type` of objects (a Paper that says it is a Meeting, a type from OParl 2.0, no type). */
export const jsonSwapType: Mutation = (page, rng) => {
  const root = parse(page);
  if (root === undefined) return page;
  for (const c of containers(root)) {
    if (!Array.isArray(c) && typeof c.type === 'string' && rng.chance(0.5)) {
      c.type = rng.pick([`https://schema.oparl.org/1.${rng.int(3)}/${rng.pick(OPARL_TYPES)}`, rng.pick(OPARL_TYPES), '', 'oparl']);
    }
  }
  return Buffer.from(JSON.stringify(root), 'utf8');
};

/** 1 000 to 200 000 nested arrays or objects as one value. */
export const jsonDeepNesting: Mutation = (page, rng) => {
  const root = parse(page);
  const depth = rng.range(1000, 200_000);
  const nested = rng.chance(0.5) ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  if (root === null || typeof root !== 'object' || Array.isArray(root)) return Buffer.from(`{"type":"https://schema.oparl.org/1.1/Paper","data":${nested}}`);
  const key = rng.pick([...Object.keys(root), 'consultation', 'agendaItem', 'data']);
  const text = JSON.stringify({ ...root, [key]: '\u0000PLACEHOLDER' }).replace('"\\u0000PLACEHOLDER"', nested);
  return Buffer.from(text, 'utf8');
};

/** One string value of 1–8 MB. */
export const jsonHugeString: Mutation = (page, rng) => {
  const root = parse(page);
  if (root === null || root === undefined || typeof root !== 'object' || Array.isArray(root)) return page;
  const key = rng.pick(Object.keys(root).concat(['name']));
  root[key] = rng.pick(['x', 'ä', ' ', '\\']).repeat(rng.range(1, 8) * 1024 * 1024);
  return Buffer.from(JSON.stringify(root), 'utf8');
};

export const JSON_MUTATIONS: [string, Mutation, number][] = [
  ['jsonWrongValues', jsonWrongValues, 20],
  ['jsonDropKeys', jsonDropKeys, 10],
  ['jsonSwapType', jsonSwapType, 6],
  ['jsonDeepNesting', jsonDeepNesting, 2],
  ['jsonHugeString', jsonHugeString, 1],
];
