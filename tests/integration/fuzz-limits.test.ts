import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_MAX_BYTES, SOURCE_UPLOAD_MAX_BYTES } from '@counterpoint/shared';
import { as, createTestApp, type TestContext } from '../helpers/app.js';
import { expectApiError } from '../helpers/api.js';
import { databaseDigest, type DbDigest } from '../helpers/db-digest.js';
import { routeCatalog, urlOf, type RouteCase } from '../helpers/fuzz-route-catalog.js';
import { createFuzzWorld, type FuzzWorld } from '../helpers/fuzz-world.js';
import { multipartBody } from '../helpers/multipart.js';

/** Size and depth limits of every route, and the regressions the fuzzers found. Nothing here may write. */
let ctx: TestContext;
let world: FuzzWorld;
let before: DbDigest;

beforeAll(async () => {
  ctx = await createTestApp();
  world = await createFuzzWorld(ctx.app, ctx.db);
  before = await databaseDigest(ctx.db);
});
afterAll(async () => {
  expect(await databaseDigest(ctx.db)).toEqual(before);
  await ctx.close();
});

const MB = 1024 * 1024;
/** Each route's body limit, as the routes declare it (1 MB unless a route says otherwise). */
function bodyLimit(route: RouteCase): number {
  if (route.pattern.endsWith('/ops')) return 20 * MB;
  if (route.pattern.endsWith('/sources') || route.pattern.endsWith('/text')) return 6 * MB;
  if (route.pattern.endsWith('/import')) return IMPORT_MAX_BYTES;
  return MB;
}

const writes = () => {
  const seen = new Set<string>();
  return routeCatalog(world).filter((r) => r.method !== 'GET' && !seen.has(r.pattern + r.method) && seen.add(r.pattern + r.method));
};
const inject = (route: RouteCase, payload: string, type = 'application/json') =>
  ctx.app.inject({ method: route.method, url: urlOf(route), headers: { ...as(world.team.owner.id), 'content-type': type }, payload });

describe('body limits', () => {
  it('refuses a body one byte over each route’s limit with 413 PAYLOAD_TOO_LARGE', async () => {
    for (const route of writes()) {
      const limit = bodyLimit(route);
      // A JSON string of exactly limit + 1 bytes.
      const response = await inject(route, `"${'x'.repeat(limit - 1)}"`);
      expectApiError(response, 'PAYLOAD_TOO_LARGE');
    }
  }, 120_000);

  it('refuses an uploaded file over 5 MB with 413 UPLOAD_TOO_LARGE', async () => {
    const upload = multipartBody({ title: 'Big' }, { name: 'big.txt', type: 'text/plain', content: 'x'.repeat(SOURCE_UPLOAD_MAX_BYTES + 1) });
    const response = await ctx.app.inject({ method: 'POST', url: `/api/groups/${world.team.group.id}/sources`, headers: { ...as(world.team.owner.id), ...upload.headers }, payload: upload.payload });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toMatch(/^(UPLOAD_TOO_LARGE|PAYLOAD_TOO_LARGE)$/);
  });
});

describe('nesting depth', () => {
  it('answers JSON nested 100 000 deep with a 4xx on every route that takes a body, not a stack overflow', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const nested = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    for (const route of writes().filter((r) => r.body || r.pattern.endsWith('/import'))) {
      // Objects nested under a real field (unknown keys alone would be stripped, leaving a valid body).
      const field = Object.keys((route.body?.template ?? { a: 1 }) as object)[0]!;
      for (const payload of [deep, `{"${field}":${nested}}`]) {
        const response = await inject(route, payload);
        expect(response.statusCode, `${route.method} ${route.pattern}`).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, `${route.method} ${route.pattern}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
      }
    }
  }, 120_000);
});

describe('regressions found by the fuzzers', () => {
  const mapUrl = () => `/api/maps/${world.mapId}/ops`;
  const claim = (text: string) => ({ baseVersion: world.version, clientId: crypto.randomUUID(), clientSeq: 0, ops: [{ type: 'node.create', node: { id: crypto.randomUUID(), kind: 'claim', text, x: 0, y: 0, quote: null } }] });

  it('refuses a lone surrogate in op text with 400 VALIDATION_FAILED (was a 500 from jsonb)', async () => {
    for (const text of ['a\ud800b', '\udc00', 'end\udbff']) {
      expectApiError(await ctx.app.inject({ method: 'POST', url: mapUrl(), headers: as(world.team.owner.id), payload: claim(text) }), 'VALIDATION_FAILED');
    }
  });

  it('refuses a lone surrogate in a title or password instead of storing U+FFFD (was a 201)', async () => {
    const owner = as(world.team.owner.id);
    expectApiError(await ctx.app.inject({ method: 'POST', url: `/api/groups/${world.team.group.id}/maps`, headers: owner, payload: { title: 'x\ud800' } }), 'VALIDATION_FAILED');
    expectApiError(await ctx.app.inject({ method: 'POST', url: '/api/groups', headers: owner, payload: { name: 'x\udc00' } }), 'VALIDATION_FAILED');
    expectApiError(await ctx.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { name: 'N', email: 'n@example.org', password: 'long password \ud800' } }), 'VALIDATION_FAILED');
  });

  it('refuses a javascript: source URL (was stored, one click from running)', async () => {
    const body = { title: 'S', kind: 'essay', text: 'Text.', url: 'javascript:alert(1)' };
    expectApiError(await ctx.app.inject({ method: 'POST', url: `/api/groups/${world.team.group.id}/sources`, headers: as(world.team.owner.id), payload: body }), 'VALIDATION_FAILED');
  });

  it('answers a path param over 200 characters, or a broken percent-escape, in the API error shape (was Fastify’s own body)', async () => {
    expectApiError(await ctx.app.inject({ method: 'GET', url: `/api/maps/${'a'.repeat(201)}`, headers: as(world.team.owner.id) }), 'VALIDATION_FAILED');
    expectApiError(await ctx.app.inject({ method: 'GET', url: '/api/maps/%E0%A4%A', headers: as(world.team.owner.id) }), 'VALIDATION_FAILED');
  });
});

describe('regressions found by the upload fuzzer', () => {
  it('refuses a multipart upload cut short with 400 VALIDATION_FAILED (was a 500)', async () => {
    const upload = multipartBody({ title: 'T' }, { name: 'ok.txt', content: 'Plain words.' });
    for (const cut of [5, 60, upload.payload.length - 10]) {
      const response = await ctx.app.inject({
        method: 'POST',
        url: `/api/groups/${world.team.group.id}/sources`,
        headers: { ...as(world.team.owner.id), ...upload.headers },
        payload: upload.payload.subarray(0, cut),
      });
      expectApiError(response, 'VALIDATION_FAILED');
    }
  });
});
