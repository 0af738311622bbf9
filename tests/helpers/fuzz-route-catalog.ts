import type { HTTPMethods } from 'fastify';
import type { FuzzWorld } from './fuzz-world.js';
import { batchOf, opTemplates } from './fuzz-world.js';
import type { Json, MalformedOptions } from './fuzz-values.js';

/**
 * Every HTTP route of the API (server/src/routes/*.ts), with a valid example of each input it takes. The fuzzers
 * break these examples; the catalog test checks that no route of the running app is missing here.
 */
export interface RouteCase {
  method: HTTPMethods;
  /** Fastify's pattern, e.g. `/api/maps/:mapId`. */
  pattern: string;
  /** Values of the pattern's params that exist in the fuzz world. */
  params: Record<string, string>;
  /** A valid JSON body, and how to break it; absent for routes that take none. */
  body?: { template: Json } & MalformedOptions;
  /** A valid query string, as key → value. */
  query?: Record<string, string>;
  /** Only reads: a fuzzed request may be harmlessly valid (2xx); writes must always be refused. */
  readOnly?: boolean;
}

export function routeCatalog(world: FuzzWorld): RouteCase[] {
  const { team, mapId, sourceId, commentId, invitationToken } = world;
  const group = { groupId: team.group.id };
  const map = { mapId };
  const node = { nodeId: world.nodeIds[0] };
  const comment = { commentId };
  return [
    { method: 'GET', pattern: '/api/health', params: {}, readOnly: true },
    { method: 'POST', pattern: '/api/auth/signup', params: {}, body: { template: { name: 'Newcomer', email: 'new@example.org', password: 'long enough password' }, required: ['name', 'email', 'password'] } },
    { method: 'POST', pattern: '/api/auth/signin', params: {}, body: { template: { email: 'nobody@example.org', password: 'whatever1' }, required: ['email', 'password'] } },
    { method: 'POST', pattern: '/api/auth/signout', params: {}, readOnly: true },
    { method: 'GET', pattern: '/api/auth/me', params: {}, readOnly: true },
    { method: 'POST', pattern: '/api/auth/password', params: {}, body: { template: { currentPassword: 'old password', newPassword: 'new password!' }, required: ['currentPassword', 'newPassword'] } },
    { method: 'GET', pattern: '/api/auth/demo-members', params: {}, readOnly: true },
    { method: 'POST', pattern: '/api/auth/demo-signin', params: {}, body: { template: { userId: team.owner.id }, required: ['userId'] } },
    { method: 'PUT', pattern: '/api/nodes/:nodeId/stance', params: node, body: { template: { value: 'agree', confidence: 70, note: 'why' }, required: ['value', 'confidence'], ranges: { confidence: { min: 0, max: 100 } } } },
    { method: 'GET', pattern: '/api/maps/:mapId/stances', params: map, readOnly: true },
    { method: 'GET', pattern: '/api/maps/:mapId/comments', params: map, readOnly: true },
    { method: 'GET', pattern: '/api/nodes/:nodeId/comments', params: node, readOnly: true },
    { method: 'POST', pattern: '/api/nodes/:nodeId/comments', params: node, body: { template: { body: 'A reply', parentId: commentId }, required: ['body'] } },
    { method: 'PATCH', pattern: '/api/comments/:commentId', params: comment, body: { template: { body: 'Edited' }, required: ['body'] } },
    { method: 'DELETE', pattern: '/api/comments/:commentId', params: comment },
    { method: 'POST', pattern: '/api/comments/:commentId/resolve', params: comment, body: { template: { resolved: true } } },
    { method: 'GET', pattern: '/api/maps/:mapId/evaluation', params: map, query: { reading: world.readingId }, readOnly: true },
    { method: 'GET', pattern: '/api/maps/:mapId/compare', params: map, query: { a: world.readingId, b: world.readingId }, readOnly: true },
    { method: 'GET', pattern: '/api/groups', params: {}, readOnly: true },
    { method: 'GET', pattern: '/api/groups/:groupId/members', params: group, readOnly: true },
    { method: 'GET', pattern: '/api/groups/:groupId/maps', params: group, readOnly: true },
    { method: 'POST', pattern: '/api/groups/:groupId/maps', params: group, body: { template: { title: 'New map', description: 'd' }, required: ['title'] } },
    { method: 'GET', pattern: '/api/formats/native.schema.json', params: {}, readOnly: true },
    { method: 'GET', pattern: '/api/maps/:mapId/export', params: map, query: { format: 'json', sourceText: 'true' }, readOnly: true },
    // The import's body is a file, not JSON: fuzz-import.test.ts covers it.
    { method: 'POST', pattern: '/api/groups/:groupId/maps/import', params: group, query: { format: 'json', dryRun: 'true' }, readOnly: true },
    { method: 'GET', pattern: '/api/maps/:mapId', params: map, readOnly: true },
    { method: 'PATCH', pattern: '/api/maps/:mapId', params: map, body: { template: { title: 'Renamed' }, required: ['title'] } },
    { method: 'DELETE', pattern: '/api/maps/:mapId', params: map },
    ...opTemplates(world).map(
      (op): RouteCase => ({
        method: 'POST',
        pattern: '/api/maps/:mapId/ops',
        params: map,
        body: { template: batchOf(world, [op]), required: ['baseVersion', 'clientId', 'clientSeq', 'ops'], ranges: { baseVersion: { min: 0 }, clientSeq: { min: 0, max: 2 ** 31 - 5_000 } } },
      }),
    ),
    { method: 'GET', pattern: '/api/maps/:mapId/ops', params: map, query: { since: '0', limit: '10' }, readOnly: true },
    { method: 'POST', pattern: '/api/groups', params: {}, body: { template: { name: 'Another group', description: '' }, required: ['name'] } },
    { method: 'POST', pattern: '/api/groups/:groupId/invitations', params: group, body: { template: { role: 'editor', expiresInHours: 5 }, required: ['role'], ranges: { expiresInHours: { min: 1, max: 720 } } } },
    { method: 'GET', pattern: '/api/invitations/:token', params: { token: invitationToken }, readOnly: true },
    { method: 'POST', pattern: '/api/invitations/:token/accept', params: { token: invitationToken } },
    { method: 'PATCH', pattern: '/api/groups/:groupId/members/:userId', params: { ...group, userId: team.viewer.id }, body: { template: { role: 'editor' }, required: ['role'] } },
    { method: 'DELETE', pattern: '/api/groups/:groupId/members/:userId', params: { ...group, userId: team.viewer.id } },
    { method: 'GET', pattern: '/api/groups/:groupId/search', params: group, query: { q: 'party', limit: '5' }, readOnly: true },
    { method: 'GET', pattern: '/api/groups/:groupId/sources', params: group, readOnly: true },
    {
      method: 'POST',
      pattern: '/api/groups/:groupId/sources',
      params: group,
      body: { template: { title: 'S', kind: 'essay', author: 'A', date: '1925', url: 'https://example.org/s', text: 'Some text.' }, required: ['title', 'kind', 'text'] },
    },
    { method: 'GET', pattern: '/api/sources/:sourceId', params: { sourceId }, readOnly: true },
    { method: 'PUT', pattern: '/api/sources/:sourceId/text', params: { sourceId }, body: { template: { text: 'Corrected text.', baseRevision: 1 }, required: ['text'], ranges: { baseRevision: { min: 1 } } } },
    { method: 'GET', pattern: '/api/groups/:groupId/quotations', params: group, query: { sourceId, mapId, status: 'placed' }, readOnly: true },
    { method: 'GET', pattern: '/api/maps/:mapId/live', params: map, readOnly: true },
  ];
}

/** The URL of a route case with the given params (URI-encoded) and query. */
export function urlOf(route: RouteCase, params: Record<string, string> = route.params, query = route.query): string {
  const path = route.pattern.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? ''));
  const search = query ? new URLSearchParams(query).toString() : '';
  return search ? `${path}?${search}` : path;
}
