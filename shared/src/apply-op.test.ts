import { describe, expect, it } from 'vitest';
import { applyOp, applyOps, type ApplyResult } from './apply-op.js';
import type { ErrorCode } from './errors.js';
import { emptyGraph, type Graph } from './graph.js';
import type { EdgeKind, NodeKind } from './kinds.js';
import type { Op } from './ops.js';
import {
  argumentOp,
  claimOp,
  edgeDeleteOp,
  edgeOp,
  edgeUpdateOp,
  evidenceOp,
  graphOf,
  moveOp,
  newId,
  nodeDeleteOp,
  nodeOp,
  nodeUpdateOp,
  quoteOf,
} from '../../tests/helpers/ops.js';

const SOURCE = newId();
const ACTOR = newId();

function accepted(result: ApplyResult): Graph {
  if (!result.ok) throw new Error(`expected the op to be accepted, got ${result.error.code}: ${result.error.message}`);
  return result.graph;
}

function rejected(result: ApplyResult, code: ErrorCode) {
  expect(result.ok ? 'accepted' : result.error.code).toBe(code);
  if (!result.ok) expect(result.error.message.length).toBeGreaterThan(5);
}

/** Two nodes of each kind: kind → [first id, second id]. */
function world() {
  const kinds: NodeKind[] = ['claim', 'evidence', 'question', 'note'];
  const ids = Object.fromEntries(kinds.map((k) => [k, [newId(), newId()]])) as Record<NodeKind, [string, string]>;
  const create = (kind: NodeKind, id: string) => (kind === 'evidence' ? evidenceOp(quoteOf(SOURCE), { id }) : nodeOp(kind, { id }));
  const graph = graphOf(...kinds.flatMap((kind) => ids[kind].map((id) => create(kind, id))));
  return { ids, graph };
}

describe('node.create', () => {
  it('adds the node as given, authored by the actor', () => {
    const op = claimOp({ text: 'Wages fell', x: 10, y: -20 });
    const graph = accepted(applyOp(emptyGraph, op, { actorId: ACTOR }));
    expect(graph.nodes[op.node.id]).toEqual({ ...op.node, authorId: ACTOR });
    expect(Object.keys(graph.nodes)).toEqual([op.node.id]);
  });

  it('stamps no author when nobody acts', () => {
    const op = claimOp();
    expect(accepted(applyOp(emptyGraph, op)).nodes[op.node.id]!.authorId).toBeNull();
  });

  it('rejects an id already used by a node, an edge or an argument (DUPLICATE_ID)', () => {
    const a = claimOp();
    const b = claimOp();
    const edge = edgeOp('supports', a.node.id, b.node.id);
    const argument = argumentOp(b.node.id, [a.node.id]);
    const graph = graphOf(a, b, edge, argument);
    for (const takenId of [a.node.id, edge.edge.id, argument.argument.id]) {
      rejected(applyOp(graph, claimOp({ id: takenId })), 'DUPLICATE_ID');
      rejected(applyOp(graph, edgeOp('attacks', b.node.id, a.node.id, { id: takenId })), 'DUPLICATE_ID');
      rejected(applyOp(graph, argumentOp(a.node.id, [b.node.id], { id: takenId })), 'DUPLICATE_ID');
    }
  });

  it('requires a quote on evidence and refuses one on other kinds', () => {
    const evidence = evidenceOp(quoteOf(SOURCE));
    rejected(applyOp(emptyGraph, { ...evidence, node: { ...evidence.node, quote: null } }), 'QUOTE_REQUIRED');
    for (const kind of ['claim', 'question', 'note'] as const) {
      const op = nodeOp(kind);
      rejected(applyOp(emptyGraph, { ...op, node: { ...op.node, quote: quoteOf(SOURCE) } }), 'QUOTE_NOT_ALLOWED');
    }
    accepted(applyOp(emptyGraph, evidenceOp(quoteOf(SOURCE))));
  });
});

describe('node.update', () => {
  it('writes each patched field and keeps the rest', () => {
    const op = claimOp({ text: 'old', x: 5, y: 6 });
    const graph = accepted(applyOp(graphOf(op), nodeUpdateOp(op.node.id, { text: 'new' })));
    expect(graph.nodes[op.node.id]).toEqual({ ...op.node, text: 'new', authorId: null });
  });

  it('changes kind when no relation breaks, including to evidence with a quote', () => {
    const op = claimOp();
    const graph = accepted(applyOp(graphOf(op), nodeUpdateOp(op.node.id, { kind: 'evidence', quote: quoteOf(SOURCE) })));
    expect(graph.nodes[op.node.id]).toMatchObject({ kind: 'evidence', quote: quoteOf(SOURCE) });
  });

  it('keeps the quote rules on update', () => {
    const { ids, graph } = world();
    rejected(applyOp(graph, nodeUpdateOp(ids.claim[0], { kind: 'evidence' })), 'QUOTE_REQUIRED');
    rejected(applyOp(graph, nodeUpdateOp(ids.evidence[0], { quote: null })), 'QUOTE_REQUIRED');
    rejected(applyOp(graph, nodeUpdateOp(ids.evidence[0], { kind: 'claim' })), 'QUOTE_NOT_ALLOWED');
    rejected(applyOp(graph, nodeUpdateOp(ids.note[0], { quote: quoteOf(SOURCE) })), 'QUOTE_NOT_ALLOWED');
    accepted(applyOp(graph, nodeUpdateOp(ids.evidence[0], { kind: 'claim', quote: null })));
  });

  it('rejects a kind change that would break an edge, naming the broken rule', () => {
    const { ids, graph } = world();
    const withEdges = accepted(
      applyOps(graph, [edgeOp('supports', ids.claim[0], ids.claim[1]), edgeOp('answers', ids.claim[1], ids.question[0])]),
    );
    rejected(applyOp(withEdges, nodeUpdateOp(ids.claim[0], { kind: 'note' })), 'EDGE_KIND_NOT_ALLOWED');
    rejected(applyOp(withEdges, nodeUpdateOp(ids.claim[1], { kind: 'question' })), 'EDGE_KIND_NOT_ALLOWED');
    rejected(applyOp(withEdges, nodeUpdateOp(ids.question[0], { kind: 'claim' })), 'EDGE_KIND_NOT_ALLOWED');
    accepted(applyOp(withEdges, nodeUpdateOp(ids.note[0], { kind: 'question' })));
  });

  it('rejects a kind change that would break an argument', () => {
    const { ids, graph } = world();
    const withArgument = accepted(applyOp(graph, argumentOp(ids.claim[0], [ids.claim[1], ids.evidence[0]])));
    rejected(applyOp(withArgument, nodeUpdateOp(ids.claim[1], { kind: 'question' })), 'INVALID_ARGUMENT');
    rejected(applyOp(withArgument, nodeUpdateOp(ids.claim[0], { kind: 'note' })), 'INVALID_ARGUMENT');
  });

  it('rejects an update of a missing node (NODE_NOT_FOUND)', () => {
    const op = claimOp();
    const deleted = accepted(applyOp(graphOf(op), nodeDeleteOp(op.node.id)));
    rejected(applyOp(deleted, nodeUpdateOp(op.node.id, { text: 'x' })), 'NODE_NOT_FOUND');
    rejected(applyOp(deleted, nodeDeleteOp(op.node.id)), 'NODE_NOT_FOUND');
  });
});

describe('nodes.move', () => {
  it('moves nodes and argument markers and nothing else', () => {
    const a = claimOp();
    const b = claimOp();
    const argument = argumentOp(a.node.id, [b.node.id], { x: 1, y: 1 });
    const graph = graphOf(a, b, argument);
    const moved = accepted(applyOp(graph, moveOp({ id: a.node.id, x: 100, y: -50 }, { id: argument.argument.id, x: 7, y: 8 })));
    expect(moved.nodes[a.node.id]).toMatchObject({ x: 100, y: -50, text: a.node.text });
    expect(moved.arguments[argument.argument.id]).toMatchObject({ x: 7, y: 8, premiseIds: [b.node.id] });
    expect(moved.nodes[b.node.id]).toBe(graph.nodes[b.node.id]);
  });

  it('rejects the whole move when one id is neither a node nor an argument', () => {
    const a = claimOp();
    const b = claimOp();
    const edge = edgeOp('supports', a.node.id, b.node.id);
    const graph = graphOf(a, b, edge);
    rejected(applyOp(graph, moveOp({ id: a.node.id, x: 1, y: 1 }, { id: newId(), x: 2, y: 2 })), 'NODE_NOT_FOUND');
    rejected(applyOp(graph, moveOp({ id: edge.edge.id, x: 1, y: 1 })), 'NODE_NOT_FOUND');
  });
});

/** Which node kinds each node-to-node relation may join, as kinds.ts describes them in words. */
const ALLOWED: Record<Exclude<EdgeKind, 'undercuts'>, string[]> = {
  supports: ['claim→claim', 'evidence→claim'],
  attacks: ['claim→claim', 'claim→evidence', 'evidence→claim', 'evidence→evidence'],
  answers: ['claim→question'],
  quotes: ['evidence→claim'],
};
const KINDS: NodeKind[] = ['claim', 'evidence', 'question', 'note'];
const PAIRS = (Object.keys(ALLOWED) as (keyof typeof ALLOWED)[]).flatMap((edge) =>
  KINDS.flatMap((from) => KINDS.map((to) => ({ edge, from, to, ok: ALLOWED[edge].includes(`${from}→${to}`) }))),
);

describe('edge.create between nodes', () => {
  it.each(PAIRS)('$edge from $from to $to: allowed=$ok', ({ edge, from, to, ok }) => {
    const { ids, graph } = world();
    const op = edgeOp(edge, ids[from][0], ids[to][1], { label: 'because' });
    const result = applyOp(graph, op, { actorId: ACTOR });
    if (ok) expect(accepted(result).edges[op.edge.id]).toEqual({ ...op.edge, authorId: ACTOR });
    else rejected(result, 'EDGE_KIND_NOT_ALLOWED');
  });

  it('rejects an edge from or to a missing node (TARGET_NOT_FOUND)', () => {
    const { ids, graph } = world();
    rejected(applyOp(graph, edgeOp('supports', ids.claim[0], newId())), 'TARGET_NOT_FOUND');
    rejected(applyOp(graph, edgeOp('supports', newId(), ids.claim[0])), 'TARGET_NOT_FOUND');
  });

  it('rejects a node-to-node relation aimed at an edge', () => {
    const { ids, graph } = world();
    const support = edgeOp('supports', ids.claim[0], ids.claim[1]);
    rejected(applyOp(graphOf(...opsOf(graph), support), edgeOp('attacks', ids.evidence[0], support.edge.id)), 'EDGE_KIND_NOT_ALLOWED');
  });

  it('rejects a self-loop and a duplicate relation, but allows the reverse or another kind', () => {
    const { ids, graph } = world();
    rejected(applyOp(graph, edgeOp('attacks', ids.claim[0], ids.claim[0])), 'SELF_LOOP');
    const withOne = accepted(applyOp(graph, edgeOp('supports', ids.claim[0], ids.claim[1])));
    rejected(applyOp(withOne, edgeOp('supports', ids.claim[0], ids.claim[1])), 'DUPLICATE_EDGE');
    accepted(applyOp(withOne, edgeOp('supports', ids.claim[1], ids.claim[0])));
    accepted(applyOp(withOne, edgeOp('attacks', ids.claim[0], ids.claim[1])));
  });
});

describe('undercuts', () => {
  function withInferences() {
    const { ids, graph } = world();
    const inference = {
      supports: edgeOp('supports', ids.claim[0], ids.claim[1]),
      attacks: edgeOp('attacks', ids.evidence[0], ids.claim[1]),
      quotes: edgeOp('quotes', ids.evidence[1], ids.claim[0]),
      answers: edgeOp('answers', ids.claim[0], ids.question[0]),
    };
    const argument = argumentOp(ids.claim[1], [ids.evidence[1]]);
    return { ids, argument, inference, graph: graphOf(...opsOf(graph), ...Object.values(inference), argument) };
  }

  it.each(['supports', 'attacks', 'quotes'] as const)('may target a %s edge', (kind) => {
    const { ids, inference, graph } = withInferences();
    accepted(applyOp(graph, edgeOp('undercuts', ids.claim[1], inference[kind].edge.id)));
  });

  it('may target an argument, from a claim or evidence', () => {
    const { ids, argument, graph } = withInferences();
    accepted(applyOp(graph, edgeOp('undercuts', ids.claim[0], argument.argument.id)));
    accepted(applyOp(graph, edgeOp('undercuts', ids.evidence[0], argument.argument.id)));
  });

  it('may not target an answers edge or another undercut', () => {
    const { ids, inference, graph } = withInferences();
    rejected(applyOp(graph, edgeOp('undercuts', ids.claim[1], inference.answers.edge.id)), 'EDGE_KIND_NOT_ALLOWED');
    const undercut = edgeOp('undercuts', ids.claim[1], inference.supports.edge.id);
    const next = accepted(applyOp(graph, undercut));
    rejected(applyOp(next, edgeOp('undercuts', ids.evidence[0], undercut.edge.id)), 'EDGE_KIND_NOT_ALLOWED');
  });

  it('may not target a node, and a missing target is TARGET_NOT_FOUND', () => {
    const { ids, graph } = withInferences();
    rejected(applyOp(graph, edgeOp('undercuts', ids.claim[0], ids.claim[1])), 'EDGE_KIND_NOT_ALLOWED');
    rejected(applyOp(graph, edgeOp('undercuts', ids.claim[0], newId())), 'TARGET_NOT_FOUND');
  });

  it('may come only from a claim or evidence', () => {
    const { ids, inference, graph } = withInferences();
    rejected(applyOp(graph, edgeOp('undercuts', ids.question[1], inference.supports.edge.id)), 'EDGE_KIND_NOT_ALLOWED');
    rejected(applyOp(graph, edgeOp('undercuts', ids.note[0], inference.supports.edge.id)), 'EDGE_KIND_NOT_ALLOWED');
  });

  it('rejects a node undercutting its own inference or an argument it is a premise of (SELF_LOOP)', () => {
    const { ids, inference, argument, graph } = withInferences();
    rejected(applyOp(graph, edgeOp('undercuts', ids.claim[0], inference.supports.edge.id)), 'SELF_LOOP');
    rejected(applyOp(graph, edgeOp('undercuts', ids.evidence[1], argument.argument.id)), 'SELF_LOOP');
  });
});

describe('edge.update and edge.delete', () => {
  it('relabels and rekinds an edge when the new kind fits', () => {
    const { ids, graph } = world();
    const edge = edgeOp('supports', ids.evidence[0], ids.claim[0]);
    const next = accepted(applyOps(graph, [edge, edgeUpdateOp(edge.edge.id, { kind: 'quotes', label: 'verbatim' })]));
    expect(next.edges[edge.edge.id]).toMatchObject({ kind: 'quotes', label: 'verbatim', fromId: ids.evidence[0] });
  });

  it('rejects a kind the endpoints do not allow, a duplicate, or a kind its undercut cannot target', () => {
    const { ids, graph } = world();
    const support = edgeOp('supports', ids.claim[0], ids.claim[1]);
    const attack = edgeOp('attacks', ids.claim[0], ids.claim[1]);
    const answer = edgeOp('answers', ids.claim[1], ids.question[0]);
    const next = graphOf(...opsOf(graph), support, attack, answer, edgeOp('undercuts', ids.evidence[0], support.edge.id));
    rejected(applyOp(next, edgeUpdateOp(answer.edge.id, { kind: 'supports' })), 'EDGE_KIND_NOT_ALLOWED');
    rejected(applyOp(next, edgeUpdateOp(attack.edge.id, { kind: 'supports' })), 'DUPLICATE_EDGE');
    rejected(applyOp(next, edgeUpdateOp(support.edge.id, { kind: 'quotes' })), 'EDGE_KIND_NOT_ALLOWED');
  });

  it('rejects update or delete of a missing edge (EDGE_NOT_FOUND)', () => {
    rejected(applyOp(emptyGraph, edgeUpdateOp(newId(), { label: 'x' })), 'EDGE_NOT_FOUND');
    rejected(applyOp(emptyGraph, edgeDeleteOp(newId())), 'EDGE_NOT_FOUND');
  });
});

/** The ops that rebuild a graph made by graphOf (so fixtures can be extended). */
function opsOf(graph: Graph): Op[] {
  const nodes: Op[] = Object.values(graph.nodes).map(({ authorId: _a, ...node }) => ({ type: 'node.create', node }));
  const edges: Op[] = Object.values(graph.edges).map(({ authorId: _a, ...edge }) => ({ type: 'edge.create', edge }));
  return [...nodes, ...edges];
}
