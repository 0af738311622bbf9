import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { WebSocket } from 'ws';
import { ERROR_STATUS, type ErrorCode } from '@counterpoint/shared';
import { as, createMap, createSource, createTestApp, createUser, type TestContext } from '../helpers/app.js';
import { createTeam } from '../helpers/api.js';
import { LiveTestClient } from '../helpers/live-client.js';
import { claimOp, newId } from '../helpers/ops.js';
import { CreatedInvitation } from '@counterpoint/shared';

/**
 * Every REST route and every WebSocket message, as each kind of caller, against one table. A cell is the HTTP
 * status of a success or the stable code of the refusal. Each cell runs on a fresh group, so no answer depends
 * on what another cell changed.
 */
const WHO = ['owner', 'editor', 'commenter', 'viewer', 'stranger', 'anonymous'] as const;
type Who = (typeof WHO)[number];
type Cell = number | ErrorCode;
type Row = [Cell, Cell, Cell, Cell, Cell, Cell];

let ctx: TestContext;
let wsBase: string;
beforeAll(async () => {
  ctx = await createTestApp();
  wsBase = (await ctx.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
});
afterAll(async () => ctx.close());

/** A group with one member per role and an extra viewer, a map with a claim, a comment by the commenter, a source. */
async function fixture() {
  const team = await createTeam(ctx.db, 'Matrix group');
  const extra = await createUser(ctx.db, 'Extra');
  await ctx.db.membership.create({ data: { groupId: team.group.id, userId: extra.id, role: 'viewer' } });
  const map = await createMap(ctx.db, team.group.id);
  const node = await ctx.db.node.create({ data: { id: newId(), mapId: map.id, kind: 'claim', text: 'A claim', x: 0, y: 0 } });
  const comment = await ctx.db.comment.create({ data: { nodeId: node.id, authorId: team.commenter.id, body: 'A comment' } });
  const source = await createSource(ctx.db, team.group.id, 'Some text of a source.');
  const invitation = CreatedInvitation.parse(
    (await ctx.app.inject({ method: 'POST', url: `/api/groups/${team.group.id}/invitations`, headers: as(team.owner.id), payload: { role: 'viewer' } })).json(),
  );
  const userIds: Record<Who, string> = {
    owner: team.owner.id, editor: team.editor.id, commenter: team.commenter.id, viewer: team.viewer.id, stranger: team.stranger.id, anonymous: newId(),
  };
  return { g: team.group.id, m: map.id, n: node.id, c: comment.id, s: source.id, token: invitation.token, extra: extra.id, userIds };
}
type Fixture = Awaited<ReturnType<typeof fixture>>;

const json = (method: InjectOptions['method'], url: string, payload?: object) => ({ method, url, ...(payload ? { payload } : {}) });

//                      owner          editor         commenter      viewer         stranger            anonymous
const REST: [string, (f: Fixture, me: string) => InjectOptions, Row][] = [
  ['GET /auth/me', () => json('GET', '/api/auth/me'), [200, 200, 200, 200, 200, 200]],
  ['POST /auth/password', () => json('POST', '/api/auth/password', { currentPassword: 'x', newPassword: 'long enough new' }),
    ['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'UNAUTHENTICATED']],
  ['POST /auth/signout', () => json('POST', '/api/auth/signout'), [204, 204, 204, 204, 204, 204]],
  ['GET /groups', () => json('GET', '/api/groups'), [200, 200, 200, 200, 200, 'UNAUTHENTICATED']],
  ['POST /groups', () => json('POST', '/api/groups', { name: 'New' }), [201, 201, 201, 201, 201, 'UNAUTHENTICATED']],
  ['GET members', (f) => json('GET', `/api/groups/${f.g}/members`), [200, 200, 200, 200, 'GROUP_NOT_FOUND', 'UNAUTHENTICATED']],
  ['POST invitation', (f) => json('POST', `/api/groups/${f.g}/invitations`, { role: 'editor' }),
    [201, 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'GROUP_NOT_FOUND', 'UNAUTHENTICATED']],
  ['GET invitation preview', (f) => json('GET', `/api/invitations/${f.token}`), [200, 200, 200, 200, 200, 200]],
  ['POST accept invitation', (f) => json('POST', `/api/invitations/${f.token}/accept`),
    ['ALREADY_MEMBER', 'ALREADY_MEMBER', 'ALREADY_MEMBER', 'ALREADY_MEMBER', 200, 'UNAUTHENTICATED']],
  ['PATCH member role', (f) => json('PATCH', `/api/groups/${f.g}/members/${f.extra}`, { role: 'commenter' }),
    [204, 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'GROUP_NOT_FOUND', 'UNAUTHENTICATED']],
  ['DELETE another member', (f) => json('DELETE', `/api/groups/${f.g}/members/${f.extra}`),
    [204, 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'GROUP_NOT_FOUND', 'UNAUTHENTICATED']],
  ['DELETE myself (leave)', (f, me) => json('DELETE', `/api/groups/${f.g}/members/${me}`),
    ['LAST_OWNER', 204, 204, 204, 'GROUP_NOT_FOUND', 'UNAUTHENTICATED']],
  ['GET group maps', (f) => json('GET', `/api/groups/${f.g}/maps`), [200, 200, 200, 200, 'GROUP_NOT_FOUND', 'UNAUTHENTICATED']],
  ['POST group map', (f) => json('POST', `/api/groups/${f.g}/maps`, { title: 'T' }), [201, 201, 'FORBIDDEN', 'FORBIDDEN', 'GROUP_NOT_FOUND', 'UNAUTHENTICATED']],
  ['GET map', (f) => json('GET', `/api/maps/${f.m}`), [200, 200, 200, 200, 'MAP_NOT_FOUND', 'UNAUTHENTICATED']],
  ['PATCH map', (f) => json('PATCH', `/api/maps/${f.m}`, { title: 'Renamed' }), [200, 200, 'FORBIDDEN', 'FORBIDDEN', 'MAP_NOT_FOUND', 'UNAUTHENTICATED']],
  ['DELETE map', (f) => json('DELETE', `/api/maps/${f.m}`), [204, 204, 'FORBIDDEN', 'FORBIDDEN', 'MAP_NOT_FOUND', 'UNAUTHENTICATED']],
  ['POST ops', (f) => json('POST', `/api/maps/${f.m}/ops`, { baseVersion: 0, clientId: newId(), clientSeq: 0, ops: [claimOp({})] }),
    [200, 200, 'FORBIDDEN', 'FORBIDDEN', 'MAP_NOT_FOUND', 'UNAUTHENTICATED']],
  ['GET ops', (f) => json('GET', `/api/maps/${f.m}/ops?since=0`), [200, 200, 200, 200, 'MAP_NOT_FOUND', 'UNAUTHENTICATED']],
  ['GET evaluation', (f) => json('GET', `/api/maps/${f.m}/evaluation`), [200, 200, 200, 200, 'MAP_NOT_FOUND', 'UNAUTHENTICATED']],
  ['GET export', (f) => json('GET', `/api/maps/${f.m}/export?format=json`), [200, 200, 200, 200, 'MAP_NOT_FOUND', 'UNAUTHENTICATED']],
  ['POST import (empty file: past the role check it is refused for its content)',
    (f) => ({ method: 'POST', url: `/api/groups/${f.g}/maps/import?format=json&dryRun=true`, payload: ' ', headers: { 'content-type': 'text/plain' } }),
    ['IMPORT_WRONG_FORMAT', 'IMPORT_WRONG_FORMAT', 'FORBIDDEN', 'FORBIDDEN', 'GROUP_NOT_FOUND', 'UNAUTHENTICATED']],
  ['GET sources', (f) => json('GET', `/api/groups/${f.g}/sources`), [200, 200, 200, 200, 'GROUP_NOT_FOUND', 'UNAUTHENTICATED']],
  ['POST source', (f) => json('POST', `/api/groups/${f.g}/sources`, { title: 'S', kind: 'essay', text: 'Words.' }),
    [201, 201, 'FORBIDDEN', 'FORBIDDEN', 'GROUP_NOT_FOUND', 'UNAUTHENTICATED']],
  ['GET source', (f) => json('GET', `/api/sources/${f.s}`), [200, 200, 200, 200, 'SOURCE_NOT_FOUND', 'UNAUTHENTICATED']],
  ['PUT source text', (f) => json('PUT', `/api/sources/${f.s}/text`, { text: 'Corrected words.' }),
    [200, 200, 'FORBIDDEN', 'FORBIDDEN', 'SOURCE_NOT_FOUND', 'UNAUTHENTICATED']],
  ['GET quotations', (f) => json('GET', `/api/groups/${f.g}/quotations`), [200, 200, 200, 200, 'GROUP_NOT_FOUND', 'UNAUTHENTICATED']],
  ['GET search', (f) => json('GET', `/api/groups/${f.g}/search?q=claim`), [200, 200, 200, 200, 'GROUP_NOT_FOUND', 'UNAUTHENTICATED']],
  ['PUT stance', (f) => json('PUT', `/api/nodes/${f.n}/stance`, { value: 'agree', confidence: 70 }),
    [200, 200, 200, 'FORBIDDEN', 'NODE_NOT_FOUND', 'UNAUTHENTICATED']],
  ['GET map stances', (f) => json('GET', `/api/maps/${f.m}/stances`), [200, 200, 200, 200, 'MAP_NOT_FOUND', 'UNAUTHENTICATED']],
  ['GET map comments', (f) => json('GET', `/api/maps/${f.m}/comments`), [200, 200, 200, 200, 'MAP_NOT_FOUND', 'UNAUTHENTICATED']],
  ['GET node comments', (f) => json('GET', `/api/nodes/${f.n}/comments`), [200, 200, 200, 200, 'NODE_NOT_FOUND', 'UNAUTHENTICATED']],
  ['POST comment', (f) => json('POST', `/api/nodes/${f.n}/comments`, { body: 'Hello' }), [201, 201, 201, 'FORBIDDEN', 'NODE_NOT_FOUND', 'UNAUTHENTICATED']],
  ['POST reply', (f) => json('POST', `/api/nodes/${f.n}/comments`, { body: 'Re', parentId: f.c }), [201, 201, 201, 'FORBIDDEN', 'NODE_NOT_FOUND', 'UNAUTHENTICATED']],
  ["PATCH the commenter's comment", (f) => json('PATCH', `/api/comments/${f.c}`, { body: 'Edited' }),
    ['FORBIDDEN', 'FORBIDDEN', 200, 'FORBIDDEN', 'COMMENT_NOT_FOUND', 'UNAUTHENTICATED']],
  ["DELETE the commenter's comment", (f) => json('DELETE', `/api/comments/${f.c}`),
    ['FORBIDDEN', 'FORBIDDEN', 204, 'FORBIDDEN', 'COMMENT_NOT_FOUND', 'UNAUTHENTICATED']],
  ['POST resolve thread', (f) => json('POST', `/api/comments/${f.c}/resolve`, {}), [200, 200, 200, 'FORBIDDEN', 'COMMENT_NOT_FOUND', 'UNAUTHENTICATED']],
];

const answerOf = (status: number, body: { code?: string }): Cell => (status < 300 ? status : (body.code as ErrorCode));

describe('authorization matrix: REST', () => {
  it.each(REST)('%s', async (_name, build, expected) => {
    const answers: Cell[] = [];
    for (const who of WHO) {
      const f = await fixture();
      const request = build(f, f.userIds[who]);
      const response = await ctx.app.inject({ ...request, headers: { ...request.headers, ...(who === 'anonymous' ? {} : as(f.userIds[who])) } });
      const answer = answerOf(response.statusCode, response.statusCode < 300 ? {} : response.json());
      if (typeof answer === 'string') expect(response.statusCode).toBe(ERROR_STATUS[answer]);
      answers.push(answer);
    }
    expect(Object.fromEntries(WHO.map((who, i) => [who, answers[i]]))).toEqual(Object.fromEntries(WHO.map((who, i) => [who, expected[i]])));
  });
});

/** What each caller gets from the live socket: the upgrade's refusal code, or the answer to each message. */
async function live(f: Fixture, who: Who): Promise<Record<string, Cell | string>> {
  const socket = new WebSocket(`${wsBase}/api/maps/${f.m}/live`, { headers: who === 'anonymous' ? {} : as(f.userIds[who]) });
  const opened = await new Promise<WebSocket | ErrorCode>((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk));
      response.on('end', () => resolve(JSON.parse(body).code as ErrorCode));
    });
    socket.once('error', reject);
  });
  if (typeof opened === 'string') return { upgrade: opened };
  const client = new LiveTestClient(opened);
  client.send({ type: 'join', version: 0 });
  await client.next('catchup');
  client.send({ type: 'presence', cursor: { x: 1, y: 2 }, selection: [], editing: null, dragging: [] });
  client.send({ type: 'ping' });
  await client.next('pong');
  client.send({ type: 'submit', baseVersion: 0, clientId: newId(), clientSeq: 0, ops: [claimOp({})] });
  const answer = await Promise.race([client.next('ack').then(() => 'ack'), client.next('reject').then((m) => m.code)]);
  client.close();
  return { upgrade: 101, join: 'catchup', ping: 'pong', submit: answer };
}

describe('authorization matrix: WebSocket', () => {
  it('upgrades members only, answers join and ping to all of them, and applies submits of editors only', async () => {
    const member = (submit: string) => ({ upgrade: 101, join: 'catchup', ping: 'pong', submit });
    const expected: Record<Who, object> = {
      owner: member('ack'),
      editor: member('ack'),
      commenter: member('FORBIDDEN'),
      viewer: member('FORBIDDEN'),
      stranger: { upgrade: 'MAP_NOT_FOUND' },
      anonymous: { upgrade: 'UNAUTHENTICATED' },
    };
    const answers: Record<string, object> = {};
    for (const who of WHO) answers[who] = await live(await fixture(), who);
    expect(answers).toEqual(expected);
  });
});
