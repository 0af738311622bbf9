import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { Comment, Stance } from '@counterpoint/shared';
import { as, createMap, createTestApp, type TestContext } from '../helpers/app.js';
import { createTeam, expectApiError } from '../helpers/api.js';
import { LiveTestClient } from '../helpers/live-client.js';
import { newId } from '../helpers/ops.js';

let ctx: TestContext;
let wsBase: string;
let team: Awaited<ReturnType<typeof createTeam>>;
let mapId: string;
let claimId: string;
let noteId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  wsBase = (await ctx.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
  team = await createTeam(ctx.db, 'Discussion group');
  mapId = (await createMap(ctx.db, team.group.id)).id;
  claimId = (await ctx.db.node.create({ data: { id: newId(), mapId, kind: 'claim', text: 'A claim', x: 0, y: 0 } })).id;
  noteId = (await ctx.db.node.create({ data: { id: newId(), mapId, kind: 'note', text: 'A note', x: 0, y: 0 } })).id;
});
afterAll(async () => ctx.close());

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, userId: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: as(userId), ...(payload ? { payload } : {}) });

async function watch(userId: string) {
  const socket = new WebSocket(`${wsBase}/api/maps/${mapId}/live`, { headers: as(userId) });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const client = new LiveTestClient(socket);
  client.send({ type: 'join', version: 0 });
  await client.next('catchup');
  return client;
}

describe('stances', () => {
  it('stores one stance per member and claim, visible to the group and relayed live', async () => {
    const viewer = await watch(team.viewer.id);
    const put = await call('PUT', `/api/nodes/${claimId}/stance`, team.editor.id, { value: 'agree', confidence: 80, note: 'Fits the evidence' });
    expect(Stance.parse(put.json())).toEqual({ userId: team.editor.id, nodeId: claimId, value: 'agree', confidence: 80, note: 'Fits the evidence' });
    expect((await viewer.next('stance')).stance).toMatchObject({ userId: team.editor.id, value: 'agree' });
    await call('PUT', `/api/nodes/${claimId}/stance`, team.editor.id, { value: 'unsure', confidence: 40 });
    await call('PUT', `/api/nodes/${claimId}/stance`, team.commenter.id, { value: 'disagree', confidence: 90 });
    const stances = Stance.array().parse((await call('GET', `/api/maps/${mapId}/stances`, team.viewer.id)).json());
    expect(stances.map((s) => [s.userId, s.value, s.confidence]).sort()).toEqual(
      [[team.editor.id, 'unsure', 40], [team.commenter.id, 'disagree', 90]].sort(),
    );
    viewer.close();
  });

  it('refuses a stance on a non-claim, out-of-range confidence, a two-line reason, and viewers', async () => {
    expectApiError(await call('PUT', `/api/nodes/${noteId}/stance`, team.owner.id, { value: 'agree', confidence: 50 }), 'NOT_A_CLAIM');
    expectApiError(await call('PUT', `/api/nodes/${claimId}/stance`, team.owner.id, { value: 'agree', confidence: 101 }), 'VALIDATION_FAILED');
    expectApiError(await call('PUT', `/api/nodes/${claimId}/stance`, team.owner.id, { value: 'agree', confidence: 5, note: 'a\nb' }), 'VALIDATION_FAILED');
    expectApiError(await call('PUT', `/api/nodes/${claimId}/stance`, team.viewer.id, { value: 'agree', confidence: 50 }), 'FORBIDDEN');
    expect(await ctx.db.stance.count({ where: { userId: { in: [team.owner.id, team.viewer.id] } } })).toBe(0);
  });
});

describe('comment threads', () => {
  it('posts, replies, edits and deletes one’s own, resolves a thread, live to others', async () => {
    const owner = await watch(team.owner.id);
    const root = Comment.parse((await call('POST', `/api/nodes/${claimId}/comments`, team.commenter.id, { body: 'Is this sourced?' })).json());
    expect((await owner.next('comment')).comment).toMatchObject({ id: root.id, body: 'Is this sourced?' });
    const reply = Comment.parse((await call('POST', `/api/nodes/${claimId}/comments`, team.editor.id, { body: 'Yes, p. 12', parentId: root.id })).json());
    expect(reply.parentId).toBe(root.id);
    expect((await call('PATCH', `/api/comments/${reply.id}`, team.editor.id, { body: 'Yes, page 12' })).json()).toMatchObject({ body: 'Yes, page 12' });
    expectApiError(await call('PATCH', `/api/comments/${reply.id}`, team.commenter.id, { body: 'Not mine' }), 'FORBIDDEN');
    expect((await call('POST', `/api/comments/${reply.id}/resolve`, team.commenter.id, {})).json()).toMatchObject({ id: root.id, resolved: true });
    expect((await call('DELETE', `/api/comments/${root.id}`, team.commenter.id)).statusCode).toBe(204);
    const thread = Comment.array().parse((await call('GET', `/api/nodes/${claimId}/comments`, team.viewer.id)).json());
    // The deleted first comment stays as an empty placeholder, so the reply still answers something.
    expect(thread.map((c) => [c.id, c.deleted, c.body])).toEqual([[root.id, true, ''], [reply.id, false, 'Yes, page 12']]);
    expectApiError(await call('PATCH', `/api/comments/${root.id}`, team.commenter.id, { body: 'Back' }), 'COMMENT_NOT_FOUND');
    expectApiError(await call('POST', `/api/nodes/${claimId}/comments`, team.owner.id, { body: 'x', parentId: newId() }), 'COMMENT_NOT_FOUND');
    owner.close();
  });
});

describe('live relay through map_events', () => {
  it('relays each change once to a member on the writing instance, even the writer, and long comments whole', async () => {
    const writer = await watch(team.editor.id);
    const other = await watch(team.owner.id);
    // Longer than a NOTIFY payload may be: the notification names the row, the relay reads it.
    const long = 'Why? '.repeat(1_900).trim();
    const posted = Comment.parse((await call('POST', `/api/nodes/${claimId}/comments`, team.editor.id, { body: long })).json());
    await call('PUT', `/api/nodes/${claimId}/stance`, team.editor.id, { value: 'agree', confidence: 55 });
    for (const client of [writer, other]) {
      expect((await client.next('comment', (m) => m.comment.id === posted.id)).comment.body).toBe(long);
      // Relays go out in notification order: once the later stance is here, a duplicate comment would be too.
      await client.next('stance', (m) => m.stance.confidence === 55);
      expect(client.received.filter((m) => m.type === 'comment' && m.comment.id === posted.id)).toEqual([]);
    }
    writer.close();
    other.close();
  });

  it('sends nothing when the write is refused', async () => {
    const owner = await watch(team.owner.id);
    expectApiError(await call('PUT', `/api/nodes/${claimId}/stance`, team.viewer.id, { value: 'agree', confidence: 50 }), 'FORBIDDEN');
    await call('PUT', `/api/nodes/${claimId}/stance`, team.commenter.id, { value: 'unsure', confidence: 10 });
    expect((await owner.next('stance')).stance).toMatchObject({ userId: team.commenter.id, confidence: 10 });
    owner.close();
  });
});
