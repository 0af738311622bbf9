import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Health } from '@counterpoint/shared';
import { createTestApp, type TestContext } from '../helpers/app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx.close());

describe('GET /api/health', () => {
  it('answers ok when the database answers, without needing a user', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(Health.parse(response.json())).toEqual({ status: 'ok', database: 'ok', version: '0.1.0' });
  });
  // The database-down answer (503) is tested in errors.test.ts.
});

describe('API documentation', () => {
  it('serves the OpenAPI UI at /docs', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toContain('swagger-ui');
  });

  it('documents the routes, with their methods, in /docs/json', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const spec = response.json() as { openapi: string; info: { title: string }; paths: Record<string, Record<string, unknown>> };
    expect(spec.openapi).toMatch(/^3\./);
    expect(spec.info.title).toBe('Counterpoint API');
    const routes = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    // Every route the API has must be documented; later features add to this list.
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'GET /api/groups',
        'GET /api/groups/{groupId}/maps',
        'POST /api/groups/{groupId}/maps',
        'GET /api/maps/{mapId}',
        'PATCH /api/maps/{mapId}',
        'DELETE /api/maps/{mapId}',
        'POST /api/maps/{mapId}/ops',
        'GET /api/maps/{mapId}/ops',
        'GET /api/groups/{groupId}/sources',
        'POST /api/groups/{groupId}/sources',
        'GET /api/sources/{sourceId}',
        'PUT /api/sources/{sourceId}/text',
        'GET /api/groups/{groupId}/quotations',
        'GET /api/groups/{groupId}/search',
        'GET /api/groups/{groupId}/members',
      ]),
    );
    // The live WebSocket is not an HTTP route and is documented in README.md and shared/src/sync-protocol.ts.
    expect(routes).not.toContain('GET /api/maps/{mapId}/live');
    const submitOps = spec.paths['/api/maps/{mapId}/ops']!.post as { requestBody?: unknown };
    expect(JSON.stringify(submitOps.requestBody)).toContain('clientSeq');
  });
});
