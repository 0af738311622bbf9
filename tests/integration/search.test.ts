import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchResult, selectQuote, type SearchHit } from '@counterpoint/shared';
import { CORPUS_DIR } from '../../server/src/paths.js';
import { as, createMap, createTestApp, type TestContext } from '../helpers/app.js';
import { createTeam, expectApiError, postOps } from '../helpers/api.js';
import { claimOp, evidenceOp, nodeUpdateOp, opsBatch, questionOp } from '../helpers/ops.js';

let ctx: TestContext;
let team: Awaited<ReturnType<typeof createTeam>>;
let otherTeam: Awaited<ReturnType<typeof createTeam>>;
let mapId: string;
let bookId: string;
let threadId: string;
const ids: Record<string, string> = {};

const corpus = (file: string) => readFileSync(path.join(CORPUS_DIR, file), 'utf8');

async function importSource(groupId: string, userId: string, title: string, text: string) {
  const response = await ctx.app.inject({ method: 'POST', url: `/api/groups/${groupId}/sources`, headers: as(userId), payload: { title, kind: 'book', text } });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string };
}

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.db, 'Readers');
  otherTeam = await createTeam(ctx.db, 'Others');
  const book = corpus('trotsky-an-introduction.txt');
  bookId = (await importSource(team.group.id, team.editor.id, 'Trotsky: an introduction', book)).id;
  threadId = (await importSource(team.group.id, team.editor.id, 'International parties', corpus('problem-with-international-parties.txt'))).id;
  await importSource(otherTeam.group.id, otherTeam.editor.id, 'Secret notes', 'Kronstadt was a tragedy, say the secret notes of the other group.');

  const map = await createMap(ctx.db, team.group.id, 'China 1927');
  mapId = map.id;
  const words = 'Chinese Communist Party must not under any circumstances';
  const evidence = evidenceOp(selectQuote(bookId, book, book.indexOf(words), book.indexOf(words) + words.length), { text: 'Trotsky on the CCP' });
  const claim = claimOp({ text: 'Stalin’s line in China led to the disaster of 1927.' });
  const question = questionOp({ text: 'Did Trotsky tell Chen Duxiu to stay in the Kuomintang?' });
  ids.evidence = evidence.node.id;
  ids.claim = claim.node.id;
  ids.question = question.node.id;
  expect((await postOps(ctx.app, map.id, team.editor.id, opsBatch([evidence, claim, question]))).statusCode).toBe(200);
  const other = await createMap(ctx.db, otherTeam.group.id);
  expect((await postOps(ctx.app, other.id, otherTeam.editor.id, opsBatch([claimOp({ text: 'Kronstadt claim of the other group' })]))).statusCode).toBe(200);
});
afterAll(async () => ctx.close());

async function search(q: string, userId = team.viewer.id, groupId = team.group.id) {
  const response = await ctx.app.inject({ method: 'GET', url: `/api/groups/${groupId}/search?q=${encodeURIComponent(q)}`, headers: as(userId) });
  expect(response.statusCode).toBe(200);
  return SearchResult.parse(response.json()).hits;
}

const snippet = (hit: SearchHit) => hit.snippet.map((p) => (p.match ? `[${p.text}]` : p.text)).join('');

describe('GET /api/groups/:groupId/search', () => {
  it('finds claims, questions and evidence (by caption or quoted words) on the group’s maps', async () => {
    const nodes = (await search('Kuomintang')).filter((h) => h.type === 'node');
    expect(nodes).toEqual([expect.objectContaining({ type: 'node', nodeId: ids.question, nodeKind: 'question', mapId, mapTitle: 'China 1927' })]);
    const byQuote = (await search('"under any circumstances"')).filter((h) => h.type === 'node');
    expect(byQuote.map((h) => h.type === 'node' && h.nodeId)).toEqual([ids.evidence]);
    // "under" and "any" are stop words: only the word that counts is marked.
    expect(snippet(byQuote[0]!)).toBe('Trotsky on the CCP — Chinese Communist Party must not under any [circumstances]');
  });

  it('finds source passages, stemmed, ranked, with highlighted snippets and where they are', async () => {
    const hits = await search('Kronstadt revolts');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.type === 'passage' && h.sourceId === bookId)).toBe(true);
    const ranks = hits.map((h) => h.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    const first = hits[0]!;
    if (first.type !== 'passage') throw new Error('expected a passage');
    const passage = await ctx.db.passage.findUniqueOrThrow({ where: { id: first.passageId } });
    expect({ index: first.passageIndex, start: first.start, end: first.end }).toEqual({ index: passage.index, start: passage.start, end: passage.end });
    expect(snippet(first)).toMatch(/\[Kronstadt\]/);
    expect(snippet(first)).toMatch(/\[revolt\]/i);
    // "revolutions" finds "revolution" (english stemming); a comment of the thread is found too.
    const stemmed = await search('permanent revolutions');
    expect(stemmed.some((h) => h.type === 'passage' && h.sourceId === threadId && h.passageKind === 'comment')).toBe(true);
  });

  it('sees edits at once: a node’s new text is searchable after the op commits', async () => {
    const nodeHits = async (q: string) => (await search(q)).filter((h) => h.type === 'node').map((h) => h.type === 'node' && h.nodeId);
    expect(await nodeHits('bureaucratic centrism')).toEqual([]);
    const edit = nodeUpdateOp(ids.claim!, { text: 'Bureaucratic centrism explains the zigzags.' });
    expect((await postOps(ctx.app, mapId, team.editor.id, opsBatch([edit], { baseVersion: 3 }))).statusCode).toBe(200);
    expect(await nodeHits('bureaucratic centrism')).toEqual([ids.claim]);
  });

  it('keeps each group’s texts to itself', async () => {
    expect((await search('secret notes')).length).toBe(0);
    const theirs = await search('Kronstadt', otherTeam.viewer.id, otherTeam.group.id);
    expect(theirs.map((h) => (h.type === 'node' ? h.mapTitle : h.sourceTitle)).sort()).toEqual(['Secret notes', 'Test map']);
  });

  it('answers no hits for stop words only, and refuses an empty query, strangers and anonymous requests', async () => {
    expect(await search('the of and')).toEqual([]);
    expectApiError(await ctx.app.inject({ method: 'GET', url: `/api/groups/${team.group.id}/search?q=%20`, headers: as(team.owner.id) }), 'VALIDATION_FAILED');
    expectApiError(await ctx.app.inject({ method: 'GET', url: `/api/groups/${team.group.id}/search?q=x`, headers: as(team.stranger.id) }), 'GROUP_NOT_FOUND');
    expectApiError(await ctx.app.inject({ method: 'GET', url: `/api/groups/${team.group.id}/search?q=x` }), 'UNAUTHENTICATED');
  });

  it('treats query syntax as text, never as SQL', async () => {
    expect(await search("'; DROP TABLE nodes; --")).toEqual([]);
    expect(await ctx.db.node.count()).toBeGreaterThan(0);
    const without = await search('Kronstadt -revolt');
    expect(without.length).toBeGreaterThan(0);
    expect(without.every((h) => !/revolt/i.test(h.snippet.map((p) => p.text).join('')))).toBe(true);
  });
});
