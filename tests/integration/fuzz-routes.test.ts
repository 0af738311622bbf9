import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type TestContext } from '../helpers/app.js';
import { databaseDigest, type DbDigest } from '../helpers/db-digest.js';
import { answerWithin, assertClientError } from '../helpers/fuzz-expect.js';
import { routeCatalog, urlOf, type RouteCase } from '../helpers/fuzz-route-catalog.js';
import { malformedBody } from '../helpers/fuzz-values.js';
import { createFuzzWorld, type FuzzWorld } from '../helpers/fuzz-world.js';

/**
 * Malformed JSON bodies against every route that takes one: each must be refused with a 4xx in the API's error
 * shape, quickly, and leave the database exactly as it was.
 */
let ctx: TestContext;
let world: FuzzWorld;
let before: DbDigest;

beforeAll(async () => {
  // Rate limits are not what is tested here; a fuzzer would otherwise hit them on the auth routes.
  ctx = await createTestApp({ authRateLimit: { max: 1_000_000, timeWindowMs: 60_000 } });
  world = await createFuzzWorld(ctx.app, ctx.db);
  before = await databaseDigest(ctx.db);
});
afterAll(async () => ctx.close());

/** Runs per route; the ops route has one case per op type, so each of those gets fewer. */
const RUNS = 100;

const label = (route: RouteCase) => {
  const op = (route.body?.template as { ops?: { type: string }[] } | undefined)?.ops?.[0]?.type;
  return `${route.method} ${route.pattern}${op ? ` (${op})` : ''}`;
};

describe('malformed bodies', () => {
  const routes = () => routeCatalog(world).filter((route) => route.body);

  it('covers every route with a body', () => {
    expect(routes().length).toBeGreaterThan(30);
  });

  it('refuses every malformed body with a 4xx and a stable code, on every route', async () => {
    for (const route of routes()) {
      const runs = route.pattern.endsWith('/ops') ? 30 : RUNS;
      await fc.assert(
        fc.asyncProperty(malformedBody(route.body!.template, route.body!), async (payload) => {
          const response = await answerWithin(
            ctx.app.inject({ method: route.method, url: urlOf(route), headers: { ...as(world.team.owner.id), 'content-type': 'application/json' }, payload }),
            10_000,
            label(route),
          );
          assertClientError(response, label(route));
        }),
        { numRuns: runs, endOnFailure: true },
      );
    }
    expect(await databaseDigest(ctx.db)).toEqual(before);
  });

  it('refuses bodies of other media types, and multipart where it is not taken', async () => {
    const contentTypes = fc.constantFrom('application/xml', 'text/html', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream', 'text/plain', 'application/json; charset=latin1');
    const routeArb = fc.constantFrom(...routes().filter((route) => !route.pattern.endsWith('/sources')));
    await fc.assert(
      fc.asyncProperty(routeArb, contentTypes, fc.string({ maxLength: 200 }), async (route, type, payload) => {
        const response = await answerWithin(
          ctx.app.inject({ method: route.method, url: urlOf(route), headers: { ...as(world.team.owner.id), 'content-type': type }, payload }),
          10_000,
          `${label(route)} as ${type}`,
        );
        assertClientError(response, `${label(route)} as ${type}`);
      }),
      { numRuns: 150, endOnFailure: true },
    );
    expect(await databaseDigest(ctx.db)).toEqual(before);
  });

  it('has a digest that sees a real write (so "unchanged" above means something)', async () => {
    const response = await ctx.app.inject({ method: 'PATCH', url: `/api/maps/${world.mapId}`, headers: as(world.team.owner.id), payload: { description: 'changed' } });
    expect(response.statusCode).toBe(200);
    expect(await databaseDigest(ctx.db)).not.toEqual(before);
  });
});
