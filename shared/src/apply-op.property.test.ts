import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOp, applyOps, GraphDraft } from './apply-op.js';
import { emptyGraph, GraphArgument, GraphEdge, GraphNode, type Graph } from './graph.js';
import { EDGE_RULES, EdgeKind, NodeKind } from './kinds.js';
import { Op } from './ops.js';
import { quoteOf } from '../../tests/helpers/ops.js';

/**
 * Random op sequences over a small pool of ids, so ops collide, target each other and get rejected often. Ops are
 * built as plain data and must parse as Op: the generator itself stays honest about what a client can send.
 */
const pool = (tag: string, size: number) =>
  Array.from({ length: size }, (_, i) => `00000000-0000-4000-8000-${tag}${String(i).padStart(10, '0')}`);
const NODE_IDS = pool('aa', 6);
const EDGE_IDS = pool('bb', 6);
const ARGUMENT_IDS = pool('cc', 3);
const SOURCE = '00000000-0000-4000-8000-0000000000ff';

/** Mostly an id of the right family, sometimes any id (so ids collide across families too). */
const idOf = (family: string[]) =>
  fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...family) }, { weight: 1, arbitrary: fc.constantFrom(...NODE_IDS, ...EDGE_IDS, ...ARGUMENT_IDS) });
const nodeId = idOf(NODE_IDS);
const edgeId = idOf(EDGE_IDS);
const argumentId = idOf(ARGUMENT_IDS);
const coord = fc.integer({ min: -1000, max: 1000 });
const quote = fc.option(fc.constant(quoteOf(SOURCE)), { freq: 3 });
const nodeKind = fc.oneof(
  { weight: 6, arbitrary: fc.constant('claim' as const) },
  { weight: 3, arbitrary: fc.constant('evidence' as const) },
  { weight: 1, arbitrary: fc.constantFrom(...NodeKind.options) },
);
const edgeKind = fc.oneof(
  { weight: 2, arbitrary: fc.constant('undercuts' as const) },
  { weight: 4, arbitrary: fc.constantFrom(...EdgeKind.options) },
);
const premises = fc.uniqueArray(nodeId, { minLength: 1, maxLength: 3 });

const nodeCreate = fc.record({ id: nodeId, kind: nodeKind, x: coord, y: coord, q: quote }).map(({ id, kind, x, y, q }) => ({
    type: 'node.create' as const,
    // Mostly well-formed (quote iff evidence), sometimes not.
    node: { id, kind, text: kind, x, y, quote: kind === 'evidence' ? (q ?? quoteOf(SOURCE)) : q && x % 5 === 0 ? q : null },
  }));

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: nodeCreate },
  fc.record({ id: nodeId, kind: fc.option(nodeKind, { nil: undefined }), text: fc.option(fc.string({ maxLength: 5 }), { nil: undefined }), q: fc.option(quote, { nil: undefined }) })
    .filter((p) => p.kind !== undefined || p.text !== undefined || p.q !== undefined)
    .map(({ id, kind, text, q }) => ({
      type: 'node.update' as const,
      id,
      patch: { ...(kind && { kind }), ...(text !== undefined && { text }), ...(q !== undefined && { quote: q }) },
    })),
  nodeId.map((id) => ({ type: 'node.delete' as const, id })),
  fc.array(fc.record({ id: fc.oneof(nodeId, argumentId), x: coord, y: coord }), { minLength: 1, maxLength: 3 }).map((moves) => ({ type: 'nodes.move' as const, moves })),
  { weight: 8, arbitrary: edgeKind
    .chain((kind) => fc.record({ id: edgeId, kind: fc.constant(kind), fromId: nodeId, toId: kind === 'undercuts' ? fc.oneof(edgeId, argumentId) : nodeId }))
    .map((edge) => ({ type: 'edge.create' as const, edge: { ...edge, label: '' } })) },
  fc.record({ id: edgeId, kind: edgeKind }).map(({ id, kind }) => ({ type: 'edge.update' as const, id, patch: { kind } })),
  edgeId.map((id) => ({ type: 'edge.delete' as const, id })),
  { weight: 3, arbitrary: fc.record({ id: argumentId, conclusionId: nodeId, premiseIds: premises, x: coord }).map(({ x, ...argument }) => ({
    type: 'argument.create' as const,
    argument: { ...argument, label: '', x, y: x },
  })) },
  fc.record({ id: argumentId, conclusionId: nodeId, premiseIds: premises }).map(({ id, ...patch }) => ({ type: 'argument.update' as const, id, patch })),
  argumentId.map((id) => ({ type: 'argument.delete' as const, id })),
);

/** The invariants every graph applyOp produces must keep, stated independently of applyOp's code. */
function checkInvariants(graph: Graph) {
  const ids = [...Object.keys(graph.nodes), ...Object.keys(graph.edges), ...Object.keys(graph.arguments)];
  expect(new Set(ids).size, 'ids are unique across nodes, edges and arguments').toBe(ids.length);
  for (const [key, node] of Object.entries(graph.nodes)) {
    expect(node.id).toBe(key);
    GraphNode.parse(node);
    expect(node.quote !== null, `quote iff evidence (${node.kind})`).toBe(node.kind === 'evidence');
  }
  for (const [key, edge] of Object.entries(graph.edges)) {
    expect(edge.id).toBe(key);
    GraphEdge.parse(edge);
    const from = graph.nodes[edge.fromId];
    expect(from, `edge ${edge.kind} has its source node`).toBeDefined();
    const rule = EDGE_RULES[edge.kind];
    expect(rule.from).toContain(from!.kind);
    if (rule.target === 'node') {
      const to = graph.nodes[edge.toId];
      expect(to, `edge ${edge.kind} has its target node`).toBeDefined();
      expect(rule.to).toContain(to!.kind);
      expect(edge.fromId).not.toBe(edge.toId);
    } else {
      const toEdge = graph.edges[edge.toId];
      expect(toEdge ?? graph.arguments[edge.toId], 'an undercut targets an existing edge or argument').toBeDefined();
      if (toEdge) expect(rule.toEdgeKinds).toContain(toEdge.kind);
    }
    const twins = Object.values(graph.edges).filter((e) => e.kind === edge.kind && e.fromId === edge.fromId && e.toId === edge.toId);
    expect(twins, 'no duplicate edges').toHaveLength(1);
  }
  for (const [key, argument] of Object.entries(graph.arguments)) {
    expect(argument.id).toBe(key);
    GraphArgument.parse(argument);
    expect(graph.nodes[argument.conclusionId]?.kind, 'the conclusion is an existing claim').toBe('claim');
    expect(new Set(argument.premiseIds).size).toBe(argument.premiseIds.length);
    expect(argument.premiseIds).not.toContain(argument.conclusionId);
    for (const premiseId of argument.premiseIds) expect(['claim', 'evidence']).toContain(graph.nodes[premiseId]?.kind);
  }
}

/** A few nodes first, so later ops have something to relate, then anything. */
const sequences = fc
  .tuple(fc.array(nodeCreate, { maxLength: 8, size: 'max' }), fc.array(opArb, { minLength: 1, maxLength: 50, size: 'max' }))
  .map(([nodes, rest]) => [...nodes, ...rest]);

describe('applyOp on random op sequences', () => {
  it('generates only ops the Op schema accepts', () => {
    fc.assert(fc.property(sequences, (ops) => ops.every((op) => Op.safeParse(op).success)));
  });

  it('applyOps never throws, and an accepted sequence leaves a graph whose invariants hold', () => {
    fc.assert(
      fc.property(sequences, (ops) => {
        const result = applyOps(emptyGraph, ops);
        if (result.ok) checkInvariants(result.graph);
        else expect(result.opIndex).toBeLessThan(ops.length);
      }),
      { numRuns: 500 },
    );
  });

  it('applying ops one by one, dropping rejected ones, keeps the invariants after every step', () => {
    const reached = { ops: 0, edges: 0, undercuts: 0, arguments: 0, cascades: 0 };
    fc.assert(
      fc.property(sequences, (ops) => {
        let graph = emptyGraph;
        for (const op of ops) {
          const before = JSON.parse(JSON.stringify(graph));
          const result = applyOp(graph, op);
          expect(graph, 'the input graph is never modified').toEqual(before);
          if (!result.ok) continue;
          reached.ops += 1;
          if (op.type === 'edge.create') reached[op.edge.kind === 'undercuts' ? 'undercuts' : 'edges'] += 1;
          if (op.type === 'argument.create') reached.arguments += 1;
          const size = (g: Graph) => Object.keys(g.nodes).length + Object.keys(g.edges).length + Object.keys(g.arguments).length;
          if (op.type.endsWith('delete') && size(graph) - size(result.graph) > 1) reached.cascades += 1;
          graph = result.graph;
          checkInvariants(graph);
        }
      }),
      { numRuns: 1_000 },
    );
    // The generator must reach rich graphs and cascades, not only rejections.
    expect(reached.ops).toBeGreaterThan(1_000);
    expect(reached.edges).toBeGreaterThan(100);
    for (const count of Object.values(reached)) expect(count).toBeGreaterThan(20);
  });

  it('the whole sequence gives the same graph as its accepted prefix applied op by op', () => {
    fc.assert(
      fc.property(sequences, (ops) => {
        const result = applyOps(emptyGraph, ops);
        const prefix = result.ok ? ops : ops.slice(0, result.opIndex);
        let graph = emptyGraph;
        for (const op of prefix) {
          const step = applyOp(graph, op);
          expect(step.ok).toBe(true);
          if (step.ok) graph = step.graph;
        }
        if (result.ok) expect(result.graph).toEqual(graph);
        else expect(applyOp(graph, ops[result.opIndex]!)).toMatchObject({ ok: false, error: result.error });
      }),
      { numRuns: 300 },
    );
  });

  it('a GraphDraft applying batches in turn equals applyOps batch by batch, and never modifies its input', () => {
    const batches = fc.array(fc.array(opArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 15 });
    fc.assert(
      fc.property(fc.array(nodeCreate, { maxLength: 8 }), batches, (seed, rest) => {
        const seeded = applyOps(emptyGraph, seed);
        const start = seeded.ok ? seeded.graph : emptyGraph;
        const startCopy = JSON.parse(JSON.stringify(start));
        const draft = new GraphDraft(start);
        let reference = start;
        for (const batch of rest) {
          const expected = applyOps(reference, batch);
          const got = draft.apply(batch);
          expect(got.ok).toBe(expected.ok);
          if (expected.ok) reference = expected.graph;
          else expect(got).toMatchObject({ ok: false, opIndex: expected.opIndex, error: expected.error });
          expect(draft.graph).toEqual(reference);
        }
        expect(start, 'the graph the draft started from is never modified').toEqual(startCopy);
        for (const kind of ['nodes', 'edges', 'arguments'] as const) {
          const differing = [...new Set([...Object.keys(start[kind]), ...Object.keys(draft.graph[kind])])].filter((id) => start[kind][id] !== draft.graph[kind][id]);
          expect(differing.filter((id) => !draft.changedIds[kind].has(id)), `${kind} changed but not listed in changedIds`).toEqual([]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
