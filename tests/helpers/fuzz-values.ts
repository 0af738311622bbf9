import fc from 'fast-check';

/**
 * fast-check generators of malformed input for the fuzz tests. Each mutation of a valid template is chosen so the
 * result is invalid whatever field it hits (a string field never takes a number, no text may carry NUL or a lone
 * surrogate, no number field takes 1e308), so the fuzzers can demand a 4xx without knowing every schema.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Half a surrogate pair: JSON can carry it (`"\ud800"`), UTF-8 and PostgreSQL cannot. */
export const loneSurrogate = fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff');

/** Arrays or objects nested `depth` deep, as JSON text could carry them. */
export const deeplyNested = fc
  .tuple(fc.integer({ min: 50, max: 3_000 }), fc.boolean())
  .map(([depth, arrays]) => {
    let value: Json = 'deep';
    for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value };
    return value;
  });

/** A string that is never a UUID: near misses and plain junk. */
export const notAUuid = fc.oneof(
  fc.constantFrom('', 'not-a-uuid', '00000000-0000-0000-0000-00000000000', '00000000-0000-0000-0000-0000000000000', 'g0000000-0000-4000-8000-000000000000', '{00000000-0000-4000-8000-000000000000}', '../../etc/passwd', "'; DROP TABLE nodes;--", '%00', 'null', 'undefined', '__proto__'),
  fc.uuid().map((id) => id.replace(/-/g, '')),
  fc.uuid().chain((id) => fc.nat({ max: 35 }).map((i) => `${id.slice(0, i)}${id.slice(i + 1)}`)),
  fc.uuid().map((id) => `${id}0`),
  fc.string({ maxLength: 40 }).filter((s) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)),
);

/** Text that is valid in length and type but cannot be stored: a NUL or a lone surrogate somewhere in it. */
export const unstorable = (base: string) =>
  fc.tuple(fc.oneof(loneSurrogate, fc.constant('\u0000')), fc.nat({ max: Math.max(0, base.length) })).map(([bad, at]) => `${base.slice(0, at)}${bad}${base.slice(at)}`);

/** A huge string that is invalid whatever its field's limit: it ends in a NUL. */
export const hugeInvalidString = fc.integer({ min: 20_000, max: 300_000 }).map((n) => `${'x'.repeat(n)}\u0000`);

const isUuid = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
const smallJson = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>;
const objectJson = fc.dictionary(fc.string({ maxLength: 8 }).filter((k) => k !== '__proto__'), smallJson, { maxKeys: 3 }) as fc.Arbitrary<Json>;

/** Values that break a leaf of a valid body, by the leaf's current JSON type (see the module comment). */
function breakLeaf(value: Json): fc.Arbitrary<Json> {
  if (typeof value === 'string') {
    const options: fc.Arbitrary<Json>[] = [
      fc.integer(), fc.boolean(), fc.array(smallJson, { maxLength: 3 }), objectJson, deeplyNested, unstorable(value), hugeInvalidString,
    ];
    if (isUuid(value)) options.push(notAUuid);
    return fc.oneof(...options);
  }
  if (typeof value === 'number') {
    return fc.oneof(fc.constantFrom<Json>(1e308, -1e308, 2 ** 53 + 2, -(2 ** 53) - 2), fc.string({ maxLength: 5 }), fc.boolean(), fc.constant(null), objectJson, deeplyNested);
  }
  if (typeof value === 'boolean') return fc.oneof(fc.constantFrom<Json>('true', 1, 0, null, []), objectJson);
  // null, arrays and objects: a number or boolean is never what a nullable or structured field takes.
  return fc.oneof(fc.integer(), fc.boolean(), fc.constant<Json>(Number.MAX_VALUE), deeplyNested.filter(Array.isArray));
}

/** Every path to a leaf (or an empty array/object) of `value`. */
export function leafPaths(value: Json, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.length ? value.flatMap((v, i) => leafPaths(v, [...prefix, i])) : [prefix];
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length ? keys.flatMap((k) => leafPaths(value[k]!, [...prefix, k])) : [prefix];
  }
  return [prefix];
}

const get = (value: Json, path: Path): Json => path.reduce<Json>((v, key) => (v as Record<string | number, Json>)[key]!, value);

/** A deep copy of `value` with the leaf at `path` replaced (or removed, for `undefined`). */
export function setAt(value: Json, path: Path, leaf: Json | undefined): Json {
  if (path.length === 0) return leaf as Json;
  const copy = structuredClone(value) as Record<string | number, Json>;
  const parent = get(copy as Json, path.slice(0, -1)) as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (leaf === undefined) delete parent[last];
  else parent[last] = leaf;
  return copy as Json;
}

/** Junk keys a body may carry next to a real fault; alone they would simply be stripped. */
const extraKeys = fc.dictionary(fc.constantFrom('extra', 'isAdmin', 'authorId', 'role', 'constructor', 'toString', 'valueOf', 'id2'), smallJson, { maxKeys: 3 });

export interface MalformedOptions {
  /** Top-level keys whose absence is invalid (no default). */
  required?: readonly string[];
  /** Number leaves and the range they must stay in, by top-level key (for "-1" and "max + 1" cases). */
  ranges?: Readonly<Record<string, { min: number; max?: number }>>;
  /**
   * Add `__proto__` / `constructor.prototype` keys to a valid body (default true). Only for receivers that refuse
   * them outright, as Fastify's JSON parser does; elsewhere they are stripped and the body is valid.
   */
  protoKeys?: boolean;
}

/**
 * Invalid variants of a valid JSON body, as JSON text: one leaf broken (with junk keys beside it), a required key
 * missing, a number out of its range, the whole body of the wrong type, a prototype-pollution key, or truncated.
 */
export function malformedBody(template: Json, options: MalformedOptions = {}): fc.Arbitrary<string> {
  const paths = leafPaths(template).filter((p) => p.length > 0);
  const isObject = template !== null && typeof template === 'object' && !Array.isArray(template);
  const variants: fc.Arbitrary<Json>[] = [
    // Not an object (an object of unknown keys is valid where every field has a default).
    fc.oneof(fc.constant<Json>(null), fc.integer(), fc.string({ maxLength: 20 }), fc.array(smallJson, { maxLength: 3 }), deeplyNested.filter(Array.isArray), fc.constant<Json>(true)),
  ];
  if (paths.length) {
    variants.push(
      fc.tuple(fc.constantFrom(...paths), extraKeys).chain(([path, extra]) =>
        breakLeaf(get(template, path)).map((bad) => {
          const broken = setAt(template, path, bad);
          return isObject ? { ...extra, ...(broken as Record<string, Json>) } : broken;
        }),
      ),
    );
  }
  if (options.required?.length) variants.push(fc.constantFrom(...options.required).map((key) => setAt(template, [key], undefined)));
  const ranges = Object.entries(options.ranges ?? {});
  if (ranges.length) {
    variants.push(
      fc.constantFrom(...ranges).chain(([key, { min, max }]) =>
        fc.constantFrom(...[min - 1, min - 1e9, ...(max === undefined ? [] : [max + 1, max + 1e9]), min + 0.5]).map((n) => setAt(template, [key], n)),
      ),
    );
  }
  // Free text (not ids, not enum values) with a NUL or a lone surrogate: the one fault a schema without a rule for
  // it lets through to the database, so it gets its own, heavier, variant.
  const textPaths = paths.filter((p) => {
    const value = get(template, p);
    return typeof value === 'string' && !isUuid(value) && !['type', 'kind', 'role', 'value', 'email'].includes(String(p[p.length - 1]));
  });
  const poisoned = textPaths.length
    ? fc.constantFrom(...textPaths).chain((path) => unstorable(get(template, path) as string).map((bad) => setAt(template, path, bad)))
    : null;
  const asText = (poisoned ? fc.oneof({ arbitrary: fc.oneof(...variants), weight: 3 }, { arbitrary: poisoned, weight: 1 }) : fc.oneof(...variants)).map((body) =>
    JSON.stringify(body),
  );
  const raw: fc.Arbitrary<string>[] = [asText];
  if (isObject) {
    const text = JSON.stringify(template);
    raw.push(fc.nat({ max: text.length - 1 }).map((at) => text.slice(0, at)));
    if (options.protoKeys ?? true) {
      // secure-json-parse refuses these outright; JSON.parse would make them own keys.
      raw.push(fc.constantFrom('"__proto__":{"polluted":true}', '"constructor":{"prototype":{"polluted":true}}', '"__proto__":null').map((key) => `${text.slice(0, -1)},${key}}`));
    }
  }
  return fc.oneof({ arbitrary: asText, weight: 6 }, ...raw.slice(1).map((arbitrary) => ({ arbitrary, weight: 1 })));
}
