import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '@counterpoint/shared';
import { buildApp } from '../../server/src/app.js';
import { createPrisma } from '../../server/src/db/prisma.js';
import { as, createMap, createTestApp, type TestContext } from '../helpers/app.js';
import { createTeam, expectApiError, expectNothingWritten } from '../helpers/api.js';
import { freePort } from '../helpers/global-database.js';

let ctx: TestContext;
let team: Awaited<ReturnType<typeof createTeam>>;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.db);
});
afterAll(async () => ctx.close());

describe('every error answer has one shape', () => {
  it('maps each code to one HTTP status, 4xx for the client’s faults', () => {
    const serverSide = new Set(['INTERNAL_ERROR', 'DATABASE_UNAVAILABLE', 'SHUTTING_DOWN']);
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      expect(status, code).toBeGreaterThanOrEqual(serverSide.has(code) ? 500 : 400);
      expect(status, code).toBeLessThan(serverSide.has(code) ? 600 : 500);
    }
  });

  it('answers an unknown API path or method with 404 ROUTE_NOT_FOUND', async () => {
    const map = await createMap(ctx.db, team.group.id);
    const unknownPath = expectApiError(await ctx.app.inject({ method: 'GET', url: '/api/nothing-here', headers: as(team.owner.id) }), 'ROUTE_NOT_FOUND');
    expect(unknownPath.message).toContain('/api/nothing-here');
    expectApiError(await ctx.app.inject({ method: 'PUT', url: `/api/maps/${map.id}`, headers: as(team.owner.id), payload: {} }), 'ROUTE_NOT_FOUND');
    expectApiError(await ctx.app.inject({ method: 'GET', url: '/api' }), 'ROUTE_NOT_FOUND');
  });

  it('gives every answer its own request id', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => ctx.app.inject({ method: 'GET', url: '/api/groups' })));
    const ids = answers.map((a) => expectApiError(a, 'UNAUTHENTICATED').requestId);
    expect(new Set(ids).size).toBe(3);
  });

  it('lists what is wrong with each field of an invalid body', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: `/api/groups/${team.group.id}/maps`,
      headers: as(team.owner.id),
      payload: { title: 7, description: 8 },
    });
    const body = expectApiError(response, 'VALIDATION_FAILED');
    expect(body.issues?.map((i) => i.path).sort()).toEqual(['body.description', 'body.title']);
    expect(body.message).toMatch(/^Invalid request: body\./);
  });

  it('rejects a body that is not JSON: wrong media type (415), empty or broken JSON (400), writing nothing', async () => {
    const url = `/api/groups/${team.group.id}/maps`;
    const headers = (type: string) => ({ ...as(team.owner.id), 'content-type': type });
    await expectNothingWritten(ctx.db, async () => {
      expectApiError(await ctx.app.inject({ method: 'POST', url, headers: headers('application/xml'), payload: '<title>x</title>' }), 'UNSUPPORTED_MEDIA_TYPE');
      // Fastify parses text/plain itself; a string is then simply not a valid body.
      expectApiError(await ctx.app.inject({ method: 'POST', url, headers: headers('text/plain'), payload: 'title=x' }), 'VALIDATION_FAILED');
      expectApiError(await ctx.app.inject({ method: 'POST', url, headers: headers('application/json'), payload: '' }), 'BAD_JSON');
      expectApiError(await ctx.app.inject({ method: 'POST', url, headers: headers('application/json'), payload: "{'title': 'x'}" }), 'BAD_JSON');
      expectApiError(await ctx.app.inject({ method: 'POST', url, headers: headers('application/json'), payload: '"just a string"' }), 'VALIDATION_FAILED');
    });
  });

  it('checks the request before who sends it: a malformed id is 400 even without a user', async () => {
    expectApiError(await ctx.app.inject({ method: 'GET', url: '/api/maps/not-a-uuid' }), 'VALIDATION_FAILED');
  });

  it('refuses a body carrying a __proto__ key (400 BAD_JSON) and writes nothing', async () => {
    const response = await expectNothingWritten(ctx.db, () =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/groups/${team.group.id}/maps`,
        headers: { ...as(team.owner.id), 'content-type': 'application/json' },
        payload: '{"title": "Safe", "__proto__": {"polluted": true}}',
      }),
    );
    expectApiError(response, 'BAD_JSON');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('when the database is down', () => {
  it('answers 503 DATABASE_UNAVAILABLE without leaking how it connects', async () => {
    const url = `postgresql://counterpoint:secret-password@127.0.0.1:${await freePort()}/nowhere`;
    const db = createPrisma(url, 1);
    const app = await buildApp({ db, databaseUrl: url, resolveActor: async () => ({ userId: team.owner.id }), webRoot: '/nonexistent-web-root' });
    try {
      for (const path of ['/api/health', '/api/groups', `/api/maps/${team.group.id}`]) {
        const response = await app.inject({ method: 'GET', url: path });
        expectApiError(response, 'DATABASE_UNAVAILABLE');
        expect(response.body).not.toMatch(/secret-password|127\.0\.0\.1|ECONNREFUSED/);
      }
    } finally {
      await app.close();
      await db.$disconnect();
    }
  });
});
