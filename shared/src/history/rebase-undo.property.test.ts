import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOps } from '../apply-op.js';
import { emptyGraph, type Graph } from '../graph.js';
import { Op } from '../ops.js';
import { invertOps } from './invert.js';
import { undoableNow } from './rebase-undo.js';
import { accepted, changeArb, graphsAlong, setupArb } from './op-arbitraries.test-support.js';

const ME = { actorId: '00000000-0000-4000-8000-00000000a001' };
const BOB = { actorId: '00000000-0000-4000-8000-00000000b0b0' };

/** Setup by me, then my change, then Bob's change on top of mine; every op in them was accepted. */
const scenario = fc.tuple(setupArb, changeArb, changeArb).map(([setup, change, theirs]) => {
  const before = accepted(emptyGraph, setup, ME).graph;
  const { graph: mine, ops } = accepted(before, change, ME);
  const { graph: current, ops: theirOps } = accepted(mine, theirs, BOB);
  return { before, ops, mine, current, theirOps, inverse: invertOps(before, ops, ME) };
});

/** The fields last-writer-wins protects, per collection; arrays of members are compared member by member. */
const FIELDS = {
  nodes: ['text', 'kind', 'quote', 'x', 'y'],
  edges: ['kind', 'label'],
  arguments: ['conclusionId', 'premiseIds', 'label', 'x', 'y'],
  events: ['title', 'period', 'description'],
  readings: ['eventId', 'title', 'authorName', 'description', 'nodeIds', 'edgeIds'],
} as const;
const MEMBER_FIELDS = new Set(['nodeIds', 'edgeIds']);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Every field (or reading membership) another member changed after me still holds their value after my undo. */
function expectOthersFieldsKept(mine: Graph, current: Graph, undone: Graph) {
  for (const [collection, fields] of Object.entries(FIELDS) as [keyof typeof FIELDS, readonly string[]][]) {
    for (const [id, now] of Object.entries(current[collection]) as [string, Record<string, unknown>][]) {
      const then = mine[collection][id] as Record<string, unknown> | undefined;
      const after = undone[collection][id] as Record<string, unknown> | undefined;
      if (!then || !after) continue;
      for (const field of fields) {
        if (!MEMBER_FIELDS.has(field)) {
          if (!same(now[field], then[field])) expect(after[field], `${collection} ${id} ${field}`).toEqual(now[field]);
          continue;
        }
        const [n, t, a] = [now[field], then[field], after[field]] as string[][];
        for (const member of new Set([...n!, ...t!])) {
          if (n!.includes(member) !== t!.includes(member)) expect(a!.includes(member), `${collection} ${id} ${field} ${member}`).toBe(n!.includes(member));
        }
      }
    }
  }
}

describe('undoableNow on random concurrent edits', () => {
  it('always gives ops that apply cleanly to the current graph', () => {
    const reached = { theirOps: 0, undoOps: 0, skipped: 0, runsWithSkips: 0 };
    fc.assert(
      fc.property(scenario, ({ mine, current, inverse, theirOps }) => {
        const plan = undoableNow(current, inverse, mine);
        const result = applyOps(current, plan.ops, ME);
        expect(result.ok ? 'ok' : `op ${result.opIndex} rejected: ${result.error.message}`).toBe('ok');
        for (const op of plan.ops) expect(Op.safeParse(op).success, JSON.stringify(op)).toBe(true);
        expect(new Set(plan.skipped).size).toBe(plan.skipped.length);
        for (const sentence of plan.skipped) expect(sentence).toMatch(/^\S.{10,}$/);
        reached.theirOps += theirOps.length;
        reached.undoOps += plan.ops.length;
        reached.skipped += plan.skipped.length;
        reached.runsWithSkips += plan.skipped.length > 0 ? 1 : 0;
      }),
      { numRuns: 1_000 },
    );
    // Bob must really get in my way, often.
    for (const [what, count] of Object.entries(reached)) expect(count, what).toBeGreaterThan(200);
  });

  it('never overwrites a field another member changed after me', () => {
    fc.assert(
      fc.property(scenario, ({ mine, current, inverse }) => {
        const plan = undoableNow(current, inverse, mine);
        const result = applyOps(current, plan.ops, ME);
        if (result.ok) expectOthersFieldsKept(mine, current, result.graph);
      }),
      { numRuns: 1_000 },
    );
  });

  it('is the whole inverse, and restores the graph before my change, when nobody else acted', () => {
    fc.assert(
      fc.property(scenario, ({ before, ops, mine, inverse }) => {
        const plan = undoableNow(mine, inverse, mine);
        expect(plan).toEqual({ ops: inverse, skipped: [] });
        const result = applyOps(mine, plan.ops, ME);
        expect(result.ok && result.graph).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });
});
