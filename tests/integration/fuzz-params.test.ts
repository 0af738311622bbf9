import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/src/paths.js';
import { as, createTestApp, type TestContext } from '../helpers/app.js';
import { databaseDigest, type DbDigest } from '../helpers/db-digest.js';
import { answerWithin, assertClientError, assertNoServerError } from '../helpers/fuzz-expect.js';
import { routeCatalog, urlOf, type RouteCase } from '../helpers/fuzz-route-catalog.js';
import { notAUuid } from '../helpers/fuzz-values.js';
import { createFuzzWorld, type FuzzWorld } from '../helpers/fuzz-world.js';

/** Malformed path params and query strings against every route; the database must stay as it was. */
let ctx: TestContext;
let world: FuzzWorld;
let before: DbDigest;

beforeAll(async () => {
  ctx = await createTestApp({ authRateLimit: { max: 1_000_000, timeWindowMs: 60_000 } });
  world = await createFuzzWorld(ctx.app, ctx.db);
  before = await databaseDigest(ctx.db);
});
afterAll(async () => ctx.close());

/** `METHOD /api/path` of every route declared in server/src/routes/*.ts. */
async function declaredRoutes(): Promise<string[]> {
  const folder = path.join(PROJECT_ROOT, 'server', 'src', 'routes');
  const found: string[] = [];
  for (const file of await readdir(folder)) {
    const text = await readFile(path.join(folder, file), 'utf8');
    for (const match of text.matchAll(/app\.(get|post|put|patch|delete)\(\s*'([^']+)'/g)) found.push(`${match[1]!.toUpperCase()} /api${match[2]}`);
  }
  return found.sort();
}

const send = (route: RouteCase, url: string, payload?: string) =>
  answerWithin(
    ctx.app.inject({ method: route.method, url, headers: { ...as(world.team.owner.id), ...(payload ? { 'content-type': 'application/json' } : {}) }, payload }),
    10_000,
    `${route.method} ${url.slice(0, 200)}`,
  );

describe('the fuzzed route list', () => {
  it('names every route the server declares', async () => {
    const catalogued = [...new Set(routeCatalog(world).map((r) => `${r.method} ${r.pattern}`))].sort();
    expect(catalogued).toEqual(await declaredRoutes());
  });
});

/** Param values that are never valid: not UUIDs (or, for invitation tokens, too long or empty), or unknown ids. */
const badParam = (name: string) =>
  name === 'token'
    ? fc.oneof(fc.constant(''), fc.string({ minLength: 201, maxLength: 400 }), fc.string({ minLength: 1, maxLength: 60 }))
    : fc.oneof({ arbitrary: notAUuid, weight: 4 }, { arbitrary: fc.uuid(), weight: 1 }, { arbitrary: fc.string({ minLength: 201, maxLength: 300 }), weight: 1 });

describe('malformed path params', () => {
  it('answers every route with a 4xx for a bad or unknown id, whatever the body', async () => {
    for (const route of routeCatalog(world).filter((r) => Object.keys(r.params).length > 0)) {
      const names = Object.keys(route.params);
      const params = fc.record(Object.fromEntries(names.map((name) => [name, badParam(name)])) as Record<string, fc.Arbitrary<string>>);
      await fc.assert(
        fc.asyncProperty(params, async (values) => {
          const url = urlOf(route, values);
          const response = await send(route, url, route.body ? JSON.stringify(route.body.template) : undefined);
          // A live upgrade asked for over plain HTTP is refused like any bad request.
          assertClientError(response, `${route.method} ${url.slice(0, 200)}`);
        }),
        { numRuns: 25, endOnFailure: true },
      );
    }
    expect(await databaseDigest(ctx.db)).toEqual(before);
  });
});

/** A bad value for a query parameter: junk, out of range numbers, NUL, lone surrogates (percent-encoded), huge. */
const badQueryValue = fc.oneof(
  notAUuid,
  fc.constantFrom('-1', '1e400', '99999999999999999999', 'NaN', 'Infinity', '0x10', '1.5', '', ' ', 'true', 'yes', '%00', '\u0000', '\ud800', 'json\u0000', 'JSON', '../../etc/passwd', "' OR 1=1 --"),
  fc.string({ maxLength: 30 }),
  fc.integer({ min: 301, max: 5_000 }).map((n) => 'q'.repeat(n)),
);

describe('malformed query strings', () => {
  it('never answers a 5xx or writes, and refuses bad queries on writes', async () => {
    for (const route of routeCatalog(world).filter((r) => r.query)) {
      const keys = Object.keys(route.query!);
      const query = fc.oneof(
        // One parameter replaced, removed, repeated (an array) or joined by an unknown one.
        fc.tuple(fc.constantFrom(...keys), badQueryValue).map(([key, value]) => new URLSearchParams({ ...route.query, [key]: value }).toString()),
        fc.constantFrom(...keys).map((key) => new URLSearchParams(Object.entries(route.query!).filter(([k]) => k !== key)).toString()),
        fc.constantFrom(...keys).map((key) => `${new URLSearchParams(route.query).toString()}&${key}=x`),
        fc.string({ maxLength: 60 }).map((raw) => `${raw}&${new URLSearchParams(route.query).toString()}`),
      );
      await fc.assert(
        fc.asyncProperty(query, async (search) => {
          const url = `${urlOf(route, route.params, undefined)}?${search}`;
          const response = await send(route, url);
          if (route.readOnly) assertNoServerError(response, `${route.method} ${url.slice(0, 200)}`);
          else assertClientError(response, `${route.method} ${url.slice(0, 200)}`);
        }),
        { numRuns: 60, endOnFailure: true },
      );
    }
    expect(await databaseDigest(ctx.db)).toEqual(before);
  });
});
