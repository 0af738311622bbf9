import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SOURCE_TEXT_MAX, SourceDetail, SourceSummary } from '@counterpoint/shared';
import { as, createSource, createTestApp, type TestContext } from '../helpers/app.js';
import { createTeam, expectApiError, expectNothingWritten } from '../helpers/api.js';
import { newId } from '../helpers/ops.js';

let ctx: TestContext;
let team: Awaited<ReturnType<typeof createTeam>>;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.db);
});
afterAll(async () => ctx.close());

const ESSAY = [
  'Results and Prospects',
  '',
  'The theory of permanent revolution,\nstated plainly — with “quotes” and 🚩.',
  '',
  '1. The democratic tasks.',
  '',
  '2. The socialist tasks.',
].join('\n');

const essay = (overrides: Record<string, unknown> = {}) => ({
  title: 'Results and Prospects',
  kind: 'essay',
  author: 'L. Trotsky',
  date: '1906',
  url: 'https://www.marxists.org/archive/trotsky/1931/tpr/rp-index.htm',
  text: ESSAY,
  ...overrides,
});

const postSource = (groupId: string, userId: string | undefined, payload: unknown, headers: Record<string, string> = {}) =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/groups/${groupId}/sources`,
    headers: { ...(userId ? as(userId) : {}), ...headers },
    payload: payload as string,
  });
const get = (url: string, userId?: string) => ctx.app.inject({ method: 'GET', url, headers: userId ? as(userId) : {} });

describe('POST /api/groups/:groupId/sources', () => {
  it('stores the source as revision 1 with passages that are spans of its text', async () => {
    const response = await postSource(team.group.id, team.editor.id, essay());
    expect(response.statusCode).toBe(201);
    const source = SourceDetail.parse(response.json());
    expect(source).toMatchObject({
      groupId: team.group.id, title: 'Results and Prospects', kind: 'essay', author: 'L. Trotsky', date: '1906',
      revision: 1, text: ESSAY, length: ESSAY.length, passageCount: 4,
    });
    expect(source.passages.map((p) => [p.index, p.kind, p.number, p.text])).toEqual([
      [0, 'heading', null, 'Results and Prospects'],
      [1, 'paragraph', null, 'The theory of permanent revolution,\nstated plainly — with “quotes” and 🚩.'],
      [2, 'list_item', '1', '1. The democratic tasks.'],
      [3, 'list_item', '2', '2. The socialist tasks.'],
    ]);

    const row = await ctx.db.source.findUniqueOrThrow({ where: { id: source.id }, include: { revisions: true, passages: true } });
    expect(row).toMatchObject({ groupId: team.group.id, text: ESSAY, revision: 1, url: essay().url });
    expect(row.revisions.map((r) => [r.revision, r.text])).toEqual([[1, ESSAY]]);
    expect(row.passages).toHaveLength(4);
    for (const passage of row.passages) expect(passage.text).toBe(row.text.slice(passage.start, passage.end));
  });

  it('defaults missing metadata to null and trims the title', async () => {
    const response = await postSource(team.group.id, team.owner.id, { title: '  Notes ', kind: 'other', text: 'One line.' });
    expect(response.statusCode).toBe(201);
    expect(SourceDetail.parse(response.json())).toMatchObject({ title: 'Notes', author: null, date: null, url: null, passageCount: 1 });
  });

  it.each([
    ['empty text', essay({ text: '' })],
    ['missing text', essay({ text: undefined })],
    ['text of the wrong type', essay({ text: ['a'] })],
    ['a missing title', essay({ title: undefined })],
    ['an unknown kind', essay({ kind: 'tweet' })],
    ['a url that is not one', essay({ url: 'marxists dot org' })],
    ['text longer than the limit', essay({ text: 'x'.repeat(SOURCE_TEXT_MAX + 1) })],
    ['a NUL character in the text', essay({ text: 'binary\u0000data' })],
    ['a NUL character in the title', essay({ title: 'bad\u0000title' })],
  ])('rejects %s (400) and writes nothing', async (_what, payload) => {
    const response = await expectNothingWritten(ctx.db, () => postSource(team.group.id, team.editor.id, payload));
    expectApiError(response, 'VALIDATION_FAILED');
  });

  it('rejects malformed JSON (400 BAD_JSON) and an oversized body (413 PAYLOAD_TOO_LARGE), writing nothing', async () => {
    await expectNothingWritten(ctx.db, async () => {
      const json = { 'content-type': 'application/json' };
      expectApiError(await postSource(team.group.id, team.editor.id, '{"title": "x", "text": ', json), 'BAD_JSON');
      const huge = JSON.stringify(essay({ text: 'x'.repeat(6_500_000) }));
      expectApiError(await postSource(team.group.id, team.editor.id, huge, json), 'PAYLOAD_TOO_LARGE');
    });
  });

  it('refuses viewers and commenters (403), strangers and unknown groups (404) and anonymous requests (401)', async () => {
    await expectNothingWritten(ctx.db, async () => {
      expectApiError(await postSource(team.group.id, team.viewer.id, essay()), 'FORBIDDEN');
      expectApiError(await postSource(team.group.id, team.commenter.id, essay()), 'FORBIDDEN');
      expectApiError(await postSource(team.group.id, team.stranger.id, essay()), 'GROUP_NOT_FOUND');
      expectApiError(await postSource(newId(), team.owner.id, essay()), 'GROUP_NOT_FOUND');
      expectApiError(await postSource('group-1', team.owner.id, essay()), 'VALIDATION_FAILED');
      expectApiError(await postSource(team.group.id, undefined, essay()), 'UNAUTHENTICATED');
    });
  });
});

describe('GET /api/groups/:groupId/sources', () => {
  it('lists the group’s sources, oldest first, without their text, to any member', async () => {
    const { group, editor, viewer } = await createTeam(ctx.db, 'Library');
    const first = SourceDetail.parse((await postSource(group.id, editor.id, essay({ title: 'First' }))).json());
    const second = await createSource(ctx.db, group.id, 'Plain.', 'Second');
    const response = await get(`/api/groups/${group.id}/sources`, viewer.id);
    expect(response.statusCode).toBe(200);
    const list = z.array(SourceSummary).parse(response.json());
    expect(list.map((s) => [s.id, s.title, s.passageCount, s.length, s.revision])).toEqual([
      [first.id, 'First', 4, ESSAY.length, 1],
      [second.id, 'Second', 0, 6, 1],
    ]);
    expect(response.json()[0]).not.toHaveProperty('text');
  });

  it('hides the list from strangers (404) and anonymous requests (401)', async () => {
    expectApiError(await get(`/api/groups/${team.group.id}/sources`, team.stranger.id), 'GROUP_NOT_FOUND');
    expectApiError(await get(`/api/groups/${newId()}/sources`, team.owner.id), 'GROUP_NOT_FOUND');
    expectApiError(await get(`/api/groups/${team.group.id}/sources`), 'UNAUTHENTICATED');
    expectApiError(await get('/api/groups/1/sources', team.owner.id), 'VALIDATION_FAILED');
  });
});

describe('GET /api/sources/:sourceId', () => {
  it('answers the source with its text and passages, as created, to any member', async () => {
    const created = SourceDetail.parse((await postSource(team.group.id, team.editor.id, essay())).json());
    for (const member of [team.viewer, team.commenter]) {
      const response = await get(`/api/sources/${created.id}`, member.id);
      expect(response.statusCode).toBe(200);
      expect(SourceDetail.parse(response.json())).toEqual(created);
    }
  });

  it('hides a source from a stranger exactly as if it did not exist (404 SOURCE_NOT_FOUND)', async () => {
    const source = await createSource(ctx.db, team.group.id, 'Private notes of the group.');
    const hidden = expectApiError(await get(`/api/sources/${source.id}`, team.stranger.id), 'SOURCE_NOT_FOUND');
    const missing = expectApiError(await get(`/api/sources/${newId()}`, team.stranger.id), 'SOURCE_NOT_FOUND');
    expect(hidden.message).toBe(missing.message);
    expect(JSON.stringify(hidden)).not.toContain('Private notes');
    expectApiError(await get(`/api/sources/${source.id}`), 'UNAUTHENTICATED');
    expectApiError(await get('/api/sources/abc', team.owner.id), 'VALIDATION_FAILED');
  });
});
