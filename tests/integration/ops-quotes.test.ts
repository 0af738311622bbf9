import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MapSnapshot, selectQuote } from '@counterpoint/shared';
import { as, createGroup, createMap, createSource, createTestApp, type TestContext } from '../helpers/app.js';
import { createTeam, expectApiError, expectNothingWritten, postOps } from '../helpers/api.js';
import { claimOp, edgeOp, evidenceOp, newId, nodeUpdateOp, opsBatch, quoteOf } from '../helpers/ops.js';

const TEXT = 'The revolution in a backward country cannot stop at its democratic tasks; it must grow over into socialism.';

let ctx: TestContext;
let team: Awaited<ReturnType<typeof createTeam>>;
let sourceId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.db);
  sourceId = (await createSource(ctx.db, team.group.id, TEXT)).id;
});
afterAll(async () => ctx.close());

const spanOf = (words: string) => [TEXT.indexOf(words), TEXT.indexOf(words) + words.length] as const;

describe('evidence quotations', () => {
  it('stores a quotation that matches its source, and answers it in the snapshot', async () => {
    const map = await createMap(ctx.db, team.group.id);
    const quote = selectQuote(sourceId, TEXT, ...spanOf('cannot stop at its democratic tasks'));
    const evidence = evidenceOp(quote, { text: 'Trotsky, 1930' });
    const claim = claimOp();
    const response = await postOps(ctx.app, map.id, team.editor.id, opsBatch([evidence, claim, edgeOp('quotes', evidence.node.id, claim.node.id)]));
    expect(response.statusCode).toBe(200);

    expect(await ctx.db.node.findUniqueOrThrow({ where: { id: evidence.node.id } })).toMatchObject({
      kind: 'evidence',
      text: 'Trotsky, 1930',
      sourceId,
      quoteExact: 'cannot stop at its democratic tasks',
      quotePrefix: quote.prefix,
      quoteSuffix: quote.suffix,
      quoteStart: quote.start,
      quoteEnd: quote.end,
      anchorStatus: 'placed',
    });
    const snapshot = MapSnapshot.parse(
      (await ctx.app.inject({ method: 'GET', url: `/api/maps/${map.id}`, headers: as(team.viewer.id) })).json(),
    );
    expect(snapshot.nodes.find((n) => n.id === evidence.node.id)?.quote).toEqual(quote);
  });

  it('re-anchors evidence by update, and turns evidence back into a claim', async () => {
    const map = await createMap(ctx.db, team.group.id);
    const evidence = evidenceOp(selectQuote(sourceId, TEXT, 0, 14));
    const moved = selectQuote(sourceId, TEXT, ...spanOf('socialism'));
    const response = await postOps(ctx.app, map.id, team.editor.id, opsBatch([evidence, nodeUpdateOp(evidence.node.id, { quote: moved })]));
    expect(response.statusCode).toBe(200);
    expect(await ctx.db.node.findUniqueOrThrow({ where: { id: evidence.node.id } })).toMatchObject({ quoteExact: 'socialism', quoteStart: moved.start });

    const back = await postOps(ctx.app, map.id, team.editor.id, opsBatch([nodeUpdateOp(evidence.node.id, { kind: 'claim', quote: null })], { baseVersion: 2 }));
    expect(back.statusCode).toBe(200);
    expect(await ctx.db.node.findUniqueOrThrow({ where: { id: evidence.node.id } })).toMatchObject({
      kind: 'claim', sourceId: null, quoteExact: null, quoteStart: null, anchorStatus: null,
    });
  });

  it.each([
    ['words that are not at those offsets', () => quoteOf(sourceId, 'permanent revolution', 4)],
    ['offsets past the end of the text', () => quoteOf(sourceId, 'socialism.', TEXT.length)],
    ['the right words at the wrong place', () => quoteOf(sourceId, 'revolution', TEXT.indexOf('revolution') + 1)],
  ])('refuses %s (422 SELECTOR_MISMATCH) and writes nothing', async (_what, makeQuote) => {
    const map = await createMap(ctx.db, team.group.id);
    const response = await expectNothingWritten(ctx.db, () =>
      postOps(ctx.app, map.id, team.editor.id, opsBatch([claimOp(), evidenceOp(makeQuote())])),
    );
    expect(expectApiError(response, 'SELECTOR_MISMATCH').opIndex).toBe(1);
  });

  it('refuses a mismatching quote set by node.update, naming that op', async () => {
    const map = await createMap(ctx.db, team.group.id);
    const evidence = evidenceOp(selectQuote(sourceId, TEXT, 0, 3));
    expect((await postOps(ctx.app, map.id, team.editor.id, opsBatch([evidence]))).statusCode).toBe(200);
    const batch = opsBatch([claimOp(), claimOp(), nodeUpdateOp(evidence.node.id, { quote: quoteOf(sourceId, 'nonsense', 0) })], { baseVersion: 1 });
    const response = await expectNothingWritten(ctx.db, () => postOps(ctx.app, map.id, team.editor.id, batch));
    expect(expectApiError(response, 'SELECTOR_MISMATCH').opIndex).toBe(2);
  });

  it('refuses a quote from another group’s source or from no source at all (422 QUOTE_SOURCE_NOT_FOUND)', async () => {
    const map = await createMap(ctx.db, team.group.id);
    const elsewhere = await createGroup(ctx.db, { owner: team.stranger.id }, 'Other group');
    const foreign = await createSource(ctx.db, elsewhere.id, TEXT);
    for (const id of [foreign.id, newId()]) {
      const batch = opsBatch([evidenceOp(selectQuote(id, TEXT, 0, 14))]);
      const response = await expectNothingWritten(ctx.db, () => postOps(ctx.app, map.id, team.editor.id, batch));
      const body = expectApiError(response, 'QUOTE_SOURCE_NOT_FOUND');
      expect(body.opIndex).toBe(0);
      expect(body.message).not.toContain(TEXT.slice(0, 14));
    }
  });
});
