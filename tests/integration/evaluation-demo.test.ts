import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Comparison, EvaluationResponse, MapSnapshot, type GraphNode } from '@counterpoint/shared';
import { seedDemo } from '../../prisma/seed/seed-demo.js';
import { as, createTestApp, type TestContext } from '../helpers/app.js';

/** The demo's competing readings, through the seeded database and the real routes. */
let ctx: TestContext;
let dana: string;
let snapshot: MapSnapshot;

beforeAll(async () => {
  ctx = await createTestApp();
  await seedDemo(ctx.db, ctx.database.url);
  dana = (await ctx.db.user.findFirstOrThrow({ where: { name: 'Dana' } })).id;
  const map = await ctx.db.map.findFirstOrThrow({ where: { title: 'Permanent revolution in the comments' } });
  snapshot = MapSnapshot.parse((await get(`/api/maps/${map.id}`)).json());
});
afterAll(async () => ctx.close());

const get = (url: string) => ctx.app.inject({ url, headers: as(dana) });

const node = (id: string): GraphNode => snapshot.nodes.find((n) => n.id === id)!;
/** A node by the start of its text, or, for evidence, of its quotation. */
const find = (start: string): GraphNode => {
  const found = snapshot.nodes.filter((n) => (n.quote?.exact ?? n.text).startsWith(start));
  expect(found, start).toHaveLength(1);
  return found[0]!;
};
const readingOf = (eventTitle: string, author: string) => {
  const event = snapshot.events.find((e) => e.title === eventTitle)!;
  const reading = snapshot.readings.find((r) => r.eventId === event.id && r.authorName.startsWith(author));
  expect(reading, `${eventTitle} / ${author}`).toBeDefined();
  return reading!;
};
async function compare(a: string, b: string) {
  const response = await get(`/api/maps/${snapshot.map.id}/compare?a=${a}&b=${b}`);
  expect(response.statusCode).toBe(200);
  return Comparison.parse(response.json());
}

describe('the demo readings', () => {
  it('has the two events, each with two readings, made of anchored quotations and the claims they back', async () => {
    expect(snapshot.events.map((e) => e.title).sort()).toEqual(['China 1925–27', 'Vietnam 1945']);
    expect(snapshot.readings).toHaveLength(4);
    const sources = await ctx.db.source.findMany({ select: { id: true, text: true } });
    const text = new Map(sources.map((s) => [s.id, s.text]));
    for (const reading of snapshot.readings) {
      const evidence = reading.nodeIds.map(node).filter((n) => n.kind === 'evidence');
      expect(evidence.length, reading.title).toBeGreaterThanOrEqual(2);
      // Every quotation is verbatim from its source, at the position it names.
      for (const e of evidence) expect(text.get(e.quote!.sourceId)!.slice(e.quote!.start, e.quote!.end)).toBe(e.quote!.exact);
      expect(reading.edgeIds.length, reading.title).toBeGreaterThan(0);
    }
  });

  it('compares China 1925–27: the book and the blogger share Moscow’s instructions and use them differently', async () => {
    const book = readingOf('China 1925–27', 'Trotsky: an introduction');
    const blogger = readingOf('China 1925–27', 'The blogger');
    const comparison = await compare(book.id, blogger.id);
    const moscow = find('Moscow instructed the Communists');
    const moscowsLine = find('Trotsky: an introduction: in 1925–27 Moscow');
    const sameLine = find('Blogger: historians of China');
    const insideKmt = find('Common ground: in 1925–27');
    const chen = find('Blogger: in China, Chen Duxiu');

    expect(comparison.sharedEvidence.map((s) => s.evidenceId)).toEqual([moscow.id]);
    const uses = comparison.sharedEvidence[0]!.uses.map((u) => [u.readingId, u.kind, u.targetId]);
    expect(uses).toEqual(
      expect.arrayContaining([
        [book.id, 'quotes', moscowsLine.id],
        [book.id, 'quotes', insideKmt.id],
        [blogger.id, 'supports', sameLine.id],
        [blogger.id, 'quotes', insideKmt.id],
      ]),
    );
    expect(uses).toHaveLength(4);

    expect(comparison.agreements.map((a) => a.claimId)).toEqual([insideKmt.id]);
    expect(comparison.agreements[0]!.supportedBy).toEqual([book.id, blogger.id]);

    const across = comparison.crossAttacks.map((c) => [c.fromId, c.targetId, c.byReadingIds, c.againstReadingIds]);
    expect(across).toEqual(
      expect.arrayContaining([
        [moscowsLine.id, chen.id, [book.id], [blogger.id]],
        [moscowsLine.id, sameLine.id, [book.id], [blogger.id]],
        [sameLine.id, moscowsLine.id, [blogger.id], [book.id]],
      ]),
    );
    const onlyBook = comparison.only.find((o) => o.readingId === book.id)!;
    expect(onlyBook.claimIds).toContain(moscowsLine.id);
    expect(comparison.only.find((o) => o.readingId === blogger.id)!.claimIds).toEqual(expect.arrayContaining([chen.id, sameLine.id]));
  });

  it('compares Vietnam 1945: the blogger’s admission is read both ways, and his undercut of the commenter shows', async () => {
    const commenter = readingOf('Vietnam 1945', 'The commenter');
    const blogger = readingOf('Vietnam 1945', 'The blogger');
    const comparison = await compare(commenter.id, blogger.id);
    const admission = find('was not, I apologize');
    const theoryMeansRising = find('Commenter: factually the Trotskyists never said');
    const tantamount = find('Blogger, admitting he simplified');
    const forRising = find('Commenter: in 1945 it was the Trotskyists');
    const vietnam = find('Blogger: in Vietnam the Trotskyists');
    const badSources = find('Blogger: the commenter’s source is worthless');

    expect(comparison.sharedEvidence).toHaveLength(1);
    expect(comparison.sharedEvidence[0]!.evidenceId).toBe(admission.id);
    expect(comparison.sharedEvidence[0]!.uses.map((u) => [u.readingId, u.kind, u.targetId])).toEqual([
      [commenter.id, 'supports', theoryMeansRising.id],
      [blogger.id, 'quotes', tantamount.id],
    ]);
    expect(comparison.agreements.map((a) => node(a.claimId).text)).toEqual([expect.stringMatching(/^Common ground: in 1945 the Viet Minh/)]);
    expect(comparison.agreements[0]!.supportedBy).toEqual([commenter.id, blogger.id]);

    const kinds = comparison.crossAttacks.map((c) => [c.kind, c.fromId, c.byReadingIds]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['attacks', forRising.id, [commenter.id]],
        ['attacks', theoryMeansRising.id, [commenter.id]],
        ['attacks', tantamount.id, [blogger.id]],
        ['undercuts', badSources.id, [blogger.id]],
      ]),
    );
    expect(comparison.crossAttacks.find((c) => c.kind === 'undercuts')!.targetId).toBe(
      snapshot.edges.find((e) => e.kind === 'attacks' && e.fromId === forRising.id && e.toId === vietnam.id)!.id,
    );
  });

  it('evaluates each reading on its own, and the whole map, differently', async () => {
    const evaluate = async (query = '') => EvaluationResponse.parse((await get(`/api/maps/${snapshot.map.id}/evaluation${query}`)).json());
    const whole = await evaluate();
    const moscowsLine = find('Trotsky: an introduction: in 1925–27 Moscow').id;
    const sameLine = find('Blogger: historians of China').id;
    const theoryMeansRising = find('Commenter: factually the Trotskyists never said').id;
    const tantamount = find('Blogger, admitting he simplified').id;
    // On the whole map the book and the blogger attack each other over whose line it was: neither stands.
    expect([whole.labels[moscowsLine], whole.labels[sameLine]]).toEqual(['undecided', 'undecided']);
    // The blogger's reply 11 knocks out the commenter's "they never said don't rise up".
    expect(whole.labels[theoryMeansRising]).toBe('out');
    expect(whole.reasons[theoryMeansRising]).toEqual([tantamount]);

    for (const reading of snapshot.readings) {
      const own = await evaluate(`?reading=${reading.id}`);
      // Each side's account, read on its own, stands.
      expect(Object.keys(own.labels).sort(), reading.title).toEqual(reading.nodeIds.filter((id) => ['claim', 'evidence'].includes(node(id).kind)).sort());
      expect(Object.values(own.labels).every((l) => l === 'in'), reading.title).toBe(true);
    }
  });
});
