import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphFromLists, type Graph, type GraphArgument, type GraphEdge, type GraphNode } from '../graph.js';
import type { EdgeKind } from '../kinds.js';
import type { ArgumentLabel } from './schema.js';
import { evaluateGraph } from './evaluate.js';

const id = (tag: string, i: number) => `00000000-0000-4000-8000-${tag}${String(i).padStart(10, '0')}`;
const SOURCE = id('ff', 0);

/**
 * A random map: claims and evidence (plus a question and a note that must not matter), attacks, supports and
 * quotes between them, premise–conclusion arguments, and undercuts of any of those inferences.
 */
const mapArb = fc.integer({ min: 1, max: 7 }).chain((n) =>
  fc.record({
    evidence: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    relations: fc.array(fc.record({ kind: fc.constantFrom<EdgeKind>('attacks', 'attacks', 'supports', 'quotes'), from: fc.nat(n - 1), to: fc.nat(n - 1) }), { maxLength: 14 }),
    args: fc.array(fc.record({ premises: fc.uniqueArray(fc.nat(n - 1), { minLength: 1, maxLength: 3 }), conclusion: fc.nat(n - 1) }), { maxLength: 2 }),
    undercuts: fc.array(fc.record({ from: fc.nat(n - 1), target: fc.nat(20) }), { maxLength: 5 }),
  }),
);
type MapSpec = typeof mapArb extends fc.Arbitrary<infer T> ? T : never;

function buildGraph(spec: MapSpec): Graph {
  const nodes: GraphNode[] = spec.evidence.map((isEvidence, i) => ({
    id: id('aa', i),
    kind: isEvidence ? 'evidence' : 'claim',
    text: '',
    x: 0,
    y: 0,
    quote: isEvidence ? { sourceId: SOURCE, exact: 'w', prefix: '', suffix: '', start: 0, end: 1 } : null,
    authorId: null,
  }));
  nodes.push({ id: id('aa', 90), kind: 'question', text: '', x: 0, y: 0, quote: null, authorId: null });
  nodes.push({ id: id('aa', 91), kind: 'note', text: '', x: 0, y: 0, quote: null, authorId: null });
  const kindOf = (i: number) => nodes[i]!.kind;
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  spec.relations.forEach(({ kind, from, to }, i) => {
    const valid = from !== to && kindOf(to) === 'claim' ? (kind === 'quotes' ? kindOf(from) === 'evidence' : true) : kind === 'attacks' && from !== to;
    if (!valid || seen.has(`${kind}:${from}:${to}`)) return;
    seen.add(`${kind}:${from}:${to}`);
    edges.push({ id: id('bb', i), kind, fromId: id('aa', from), toId: id('aa', to), label: '', authorId: null });
  });
  edges.push({ id: id('bb', 99), kind: 'answers', fromId: id('aa', 0), toId: id('aa', 90), label: '', authorId: null });
  const args: GraphArgument[] = spec.args
    .filter((a) => !a.premises.includes(a.conclusion) && kindOf(a.conclusion) === 'claim')
    .map((a, i) => ({ id: id('cc', i), conclusionId: id('aa', a.conclusion), premiseIds: a.premises.map((p) => id('aa', p)), label: '', x: 0, y: 0, authorId: null }));
  const inferenceIds = [...edges.filter((e) => e.kind !== 'answers').map((e) => e.id), ...args.map((a) => a.id)];
  spec.undercuts.forEach(({ from, target }, i) => {
    const targetId = inferenceIds[target % Math.max(1, inferenceIds.length)];
    if (targetId) edges.push({ id: id('dd', i), kind: 'undercuts', fromId: id('aa', from), toId: targetId, label: '', authorId: null });
  });
  return graphFromLists({ nodes, edges, arguments: args });
}

/**
 * The semantics stated directly on the map, as a naive fixpoint: in one full pass, a node is in when every
 * attack on it is void (its attacker out, or its inference out), out when some attack on it is effective
 * (attacker in and inference in); an undercut inference is in when its premises are in and its undercutters
 * out, out when a premise is out or an undercutter in. Repeat until nothing changes; the rest is undecided.
 */
function referenceLabels(graph: Graph): Record<string, ArgumentLabel> {
  const label = new Map<string, ArgumentLabel>();
  const isArg = (nodeId: string) => ['claim', 'evidence'].includes(graph.nodes[nodeId]!.kind);
  const edges = Object.values(graph.edges);
  const undercutters = (targetId: string) => edges.filter((e) => e.kind === 'undercuts' && e.toId === targetId).map((e) => e.fromId);
  const inferenceLabel = (targetId: string, premises: string[]): ArgumentLabel | undefined => {
    const by = undercutters(targetId);
    if (premises.some((p) => label.get(p) === 'out') || by.some((u) => label.get(u) === 'in')) return 'out';
    if (premises.every((p) => label.get(p) === 'in') && by.every((u) => label.get(u) === 'out')) return 'in';
    return undefined;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const node of Object.values(graph.nodes)) {
      if (!isArg(node.id) || label.has(node.id)) continue;
      const attacks = edges.filter((e) => e.kind === 'attacks' && e.toId === node.id).map((e) => inferenceLabel(e.id, [e.fromId]));
      const next = attacks.includes('in') ? 'out' : attacks.every((l) => l === 'out') ? 'in' : undefined;
      if (next) {
        label.set(node.id, next);
        changed = true;
      }
    }
  }
  return Object.fromEntries(Object.values(graph.nodes).filter((n) => isArg(n.id)).map((n) => [n.id, label.get(n.id) ?? 'undecided']));
}

/** The same map with every supports and quotes edge, every argument, and the undercuts of those taken away. */
function withoutSupports(graph: Graph): Graph {
  const kept = Object.values(graph.edges).filter((e) => e.kind === 'attacks' || e.kind === 'answers' || (e.kind === 'undercuts' && graph.edges[e.toId]?.kind === 'attacks'));
  return graphFromLists({ nodes: Object.values(graph.nodes), edges: kept, arguments: [] });
}

describe('evaluateGraph (properties)', () => {
  it('matches a naive fixpoint of the semantics stated on the map', () => {
    fc.assert(fc.property(mapArb, (spec) => {
      const graph = buildGraph(spec);
      expect(evaluateGraph(graph).labels).toEqual(referenceLabels(graph));
    }), { numRuns: 1500 });
  });

  it('labels do not change when supports, quotes and arguments are added or removed', () => {
    fc.assert(fc.property(mapArb, (spec) => {
      const graph = buildGraph(spec);
      expect(evaluateGraph(graph).labels).toEqual(evaluateGraph(withoutSupports(graph)).labels);
    }), { numRuns: 1000 });
  });

  it('every out node has reasons: attackers that are in and attack it through an attacks edge', () => {
    fc.assert(fc.property(mapArb, (spec) => {
      const graph = buildGraph(spec);
      const { labels, reasons } = evaluateGraph(graph);
      for (const [nodeId, l] of Object.entries(labels)) {
        if (l !== 'out') {
          expect(reasons[nodeId]).toBeUndefined();
          continue;
        }
        expect(reasons[nodeId]!.length).toBeGreaterThan(0);
        for (const attacker of reasons[nodeId]!) {
          expect(labels[attacker]).toBe('in');
          expect(Object.values(graph.edges).some((e) => e.kind === 'attacks' && e.fromId === attacker && e.toId === nodeId)).toBe(true);
        }
      }
    }), { numRuns: 1000 });
  });
});
