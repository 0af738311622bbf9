import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MapSnapshot, Quotation, selectQuote, SourceRevisionResult, type QuoteSelector } from '@counterpoint/shared';
import { as, createMap, createTestApp, type TestContext } from '../helpers/app.js';
import { createTeam, expectApiError, expectNothingWritten, postOps } from '../helpers/api.js';
import { claimOp, edgeOp, evidenceOp, nodeUpdateOp, opsBatch } from '../helpers/ops.js';

const TEXT = [
  'The theory of permanent revolution was first set out in 1906.',
  'It held that in a backward country the bourgeoisie was too weak to lead its own revolution.',
  'Therefore the working class, at the head of the peasantry, would have to take power.',
  'Having taken power, it could not stop at the democratic tasks; the revolution would grow over into socialism.',
].join('\n\n');

let ctx: TestContext;
let team: Awaited<ReturnType<typeof createTeam>>;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.db);
});
afterAll(async () => ctx.close());

async function importSource(text = TEXT) {
  const response = await ctx.app.inject({
    method: 'POST', url: `/api/groups/${team.group.id}/sources`, headers: as(team.editor.id), payload: { title: 'Results and Prospects', kind: 'essay', text },
  });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; text: string };
}

const quoteIn = (sourceId: string, words: string, text = TEXT) => selectQuote(sourceId, text, text.indexOf(words), text.indexOf(words) + words.length);

/** A map with one evidence node per quotation; answers the node ids in order. */
async function mapQuoting(quotes: QuoteSelector[]) {
  const map = await createMap(ctx.db, team.group.id, 'Quoting map');
  const evidence = quotes.map((quote) => evidenceOp(quote, { text: 'caption' }));
  const claim = claimOp();
  const response = await postOps(ctx.app, map.id, team.editor.id, opsBatch([claim, ...evidence, ...evidence.map((e) => edgeOp('quotes', e.node.id, claim.node.id))]));
  expect(response.statusCode).toBe(200);
  return { map, nodeIds: evidence.map((e) => e.node.id) };
}

const revise = (sourceId: string, payload: unknown, userId = team.editor.id) =>
  ctx.app.inject({ method: 'PUT', url: `/api/sources/${sourceId}/text`, headers: as(userId), payload: payload as object });

describe('PUT /api/sources/:sourceId/text', () => {
  it('stores a new revision, keeps the old one, re-segments, and re-anchors every quotation with a report', async () => {
    const source = await importSource();
    const unchanged = quoteIn(source.id, 'The theory of permanent revolution');
    const shifted = quoteIn(source.id, 'the bourgeoisie was too weak to lead its own revolution');
    const edited = quoteIn(source.id, 'Therefore the working class, at the head of the peasantry, would have to take power.');
    const deleted = quoteIn(source.id, 'it could not stop at the democratic tasks');
    const { map, nodeIds } = await mapQuoting([unchanged, shifted, edited, deleted]);
    const other = await mapQuoting([shifted]);

    const corrected = TEXT.replace('1906.', '1906.\n\nAn editor’s note inserted here.')
      .replace('at the head of the peasantry', 'leading the peasantry')
      .replace('Having taken power, it could not stop at the democratic tasks; the', 'The');
    const response = await revise(source.id, { text: corrected, baseRevision: 1 });
    expect(response.statusCode).toBe(200);
    const { source: after, report } = SourceRevisionResult.parse(response.json());
    expect(after).toMatchObject({ revision: 2, text: corrected });
    for (const passage of after.passages) expect(passage.text).toBe(corrected.slice(passage.start, passage.end));
    expect(after.passages.map((p) => p.text)).toContain('An editor’s note inserted here.');

    expect([report.placed, report.moved, report.unplaced]).toEqual([1, 3, 1]);
    const entry = (nodeId: string) => report.quotations.find((q) => q.nodeId === nodeId)!;
    expect(entry(nodeIds[0]!)).toMatchObject({ status: 'placed', after: { start: unchanged.start, exact: unchanged.exact } });
    expect(entry(nodeIds[1]!).after).toEqual(quoteIn(source.id, shifted.exact, corrected));
    expect(entry(nodeIds[2]!)).toMatchObject({ status: 'moved', after: { exact: 'Therefore the working class, leading the peasantry, would have to take power.' } });
    expect(entry(nodeIds[3]!)).toMatchObject({ status: 'unplaced', before: deleted, after: null, score: 0 });

    // Revisions: both texts kept, the new one by the person who corrected it.
    const revisions = await ctx.db.sourceRevision.findMany({ where: { sourceId: source.id }, orderBy: { revision: 'asc' } });
    expect(revisions.map((r) => [r.revision, r.text, r.authorId])).toEqual([[1, TEXT, team.editor.id], [2, corrected, team.editor.id]]);

    // The map: moved quotations carry their new selectors; the unplaced one keeps its old selectors.
    const snapshot = MapSnapshot.parse((await ctx.app.inject({ method: 'GET', url: `/api/maps/${map.id}`, headers: as(team.viewer.id) })).json());
    const quoteOf = (id: string) => snapshot.nodes.find((n) => n.id === id)!.quote;
    expect(quoteOf(nodeIds[1]!)).toEqual(entry(nodeIds[1]!).after);
    expect(quoteOf(nodeIds[3]!)).toEqual(deleted);
    const statuses = await ctx.db.node.findMany({ where: { id: { in: nodeIds } }, select: { id: true, anchorStatus: true } });
    expect(nodeIds.map((id) => statuses.find((s) => s.id === id)!.anchorStatus)).toEqual(['placed', 'moved', 'moved', 'unplaced']);

    // Each map got one batch of node.update ops, by the corrector, in its op log.
    // (The map was built by one batch of 9 ops: a claim, 4 evidence nodes, 4 quotes edges.)
    const log = await ctx.db.opLog.findMany({ where: { mapId: map.id }, orderBy: { version: 'asc' } });
    const reanchorOps = log.slice(9);
    // The placed quotation too: its suffix selector changed with the inserted note.
    expect(reanchorOps.map((o) => [(o.op as { type: string }).type, (o.op as { id: string }).id]).sort()).toEqual(
      [nodeIds[0], nodeIds[1], nodeIds[2]].map((id) => ['node.update', id]).sort(),
    );
    expect(new Set(reanchorOps.map((o) => o.clientId)).size).toBe(1);
    expect(reanchorOps.every((o) => o.actorId === team.editor.id)).toBe(true);
    expect((await ctx.db.map.findUniqueOrThrow({ where: { id: map.id } })).version).toBe(12);
    const otherLog = await ctx.db.opLog.findMany({ where: { mapId: other.map.id }, orderBy: { version: 'asc' } });
    expect(otherLog.map((o) => (o.op as { type: string }).type)).toEqual(['node.create', 'node.create', 'edge.create', 'node.update']);
    expect(otherLog[3]!.clientId).not.toBe(reanchorOps[0]!.clientId);
  });

  it('keeps an unplaced quotation flagged while its caption is edited, until a person re-anchors it', async () => {
    const source = await importSource();
    const gone = quoteIn(source.id, 'the bourgeoisie was too weak to lead its own revolution');
    const { map, nodeIds } = await mapQuoting([gone]);
    const corrected = TEXT.replace('It held that in a backward country the bourgeoisie was too weak to lead its own revolution.', 'It held otherwise.');
    expect(SourceRevisionResult.parse((await revise(source.id, { text: corrected })).json()).report.unplaced).toBe(1);
    const status = async () => (await ctx.db.node.findUniqueOrThrow({ where: { id: nodeIds[0]! } })).anchorStatus;

    expect((await postOps(ctx.app, map.id, team.editor.id, opsBatch([nodeUpdateOp(nodeIds[0]!, { text: 'new caption' })], { baseVersion: 3 }))).statusCode).toBe(200);
    expect(await status()).toBe('unplaced');
    const listed = z.array(Quotation).parse((await ctx.app.inject({
      method: 'GET', url: `/api/groups/${team.group.id}/quotations?status=unplaced&sourceId=${source.id}`, headers: as(team.viewer.id),
    })).json());
    expect(listed).toEqual([{ nodeId: nodeIds[0], mapId: map.id, mapTitle: 'Quoting map', caption: 'new caption', quote: gone, status: 'unplaced' }]);

    const fixed = quoteIn(source.id, 'It held otherwise.', corrected);
    expect((await postOps(ctx.app, map.id, team.editor.id, opsBatch([nodeUpdateOp(nodeIds[0]!, { quote: fixed })], { baseVersion: 4 }))).statusCode).toBe(200);
    expect(await status()).toBe('placed');
  });

  it('refuses a quotation taken from the old text once the text is corrected (SELECTOR_MISMATCH)', async () => {
    const source = await importSource();
    const old = quoteIn(source.id, 'would grow over into socialism');
    await revise(source.id, { text: TEXT.replace('would grow over into socialism', 'grew over into socialism') });
    const map = await createMap(ctx.db, team.group.id);
    const body = await expectNothingWritten(ctx.db, () => postOps(ctx.app, map.id, team.editor.id, opsBatch([evidenceOp(old)])));
    expect(expectApiError(body, 'SELECTOR_MISMATCH').opIndex).toBe(0);
  });

  it('refuses a correction of an older revision (409), viewers (403), strangers (404) and a blank text, writing nothing', async () => {
    const source = await importSource();
    await revise(source.id, { text: `${TEXT}\n\nAppended.` });
    await expectNothingWritten(ctx.db, async () => {
      expectApiError(await revise(source.id, { text: 'Another text.', baseRevision: 1 }), 'SOURCE_REVISION_CONFLICT');
      expectApiError(await revise(source.id, { text: 'Another text.' }, team.viewer.id), 'FORBIDDEN');
      expectApiError(await revise(source.id, { text: 'Another text.' }, team.stranger.id), 'SOURCE_NOT_FOUND');
      expectApiError(await revise(source.id, { text: '  \n ' }), 'VALIDATION_FAILED');
    });
  });

  it('never leaves a quotation that matches no text: one made during a correction is re-anchored or refused', async () => {
    for (let round = 0; round < 5; round++) {
      const source = await importSource();
      const map = await createMap(ctx.db, team.group.id);
      const quote = quoteIn(source.id, 'would have to take power');
      const corrected = `Preface ${round}.\n\n${TEXT.replace('would have to take power', 'must take power')}`;
      const [revised, quoted] = await Promise.all([revise(source.id, { text: corrected }), postOps(ctx.app, map.id, team.editor.id, opsBatch([evidenceOp(quote)]))]);
      expect(revised.statusCode).toBe(200);
      expect([200, 422]).toContain(quoted.statusCode);
      const nodes = await ctx.db.node.findMany({ where: { sourceId: source.id } });
      for (const node of nodes) {
        const matches = corrected.slice(node.quoteStart!, node.quoteEnd!) === node.quoteExact;
        expect(matches || node.anchorStatus === 'unplaced').toBe(true);
      }
    }
  });

  it('answers an unchanged text without a new revision', async () => {
    const source = await importSource();
    const { report, source: after } = SourceRevisionResult.parse((await revise(source.id, { text: TEXT })).json());
    expect(after.revision).toBe(1);
    expect(report.quotations).toEqual([]);
  });
});
