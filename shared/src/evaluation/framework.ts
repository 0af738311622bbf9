import type { Graph, GraphEdge, GraphReading } from '../graph.js';

/** Which part of a map to evaluate: a reading's nodes and edges. Without a scope the whole map is evaluated. */
export interface FrameworkScope {
  nodeIds: ReadonlySet<string>;
  edgeIds: ReadonlySet<string>;
}

/** The scope of a reading: the sub-framework induced by its own nodes and edges. */
export function readingScope(reading: GraphReading): FrameworkScope {
  return { nodeIds: new Set(reading.nodeIds), edgeIds: new Set(reading.edgeIds) };
}

/**
 * A map turned into an abstract argumentation framework (see buildFramework). Arguments `0 … nodeIds.length-1`
 * are the claim and evidence nodes, in that order; the rest are inferences and auxiliary arguments.
 */
export interface ArgumentFramework {
  /** Graph ids of the node arguments. */
  nodeIds: string[];
  /** Number of arguments, nodes included. */
  size: number;
  /** Attack `k` is `from[k] → to[k]`. */
  from: number[];
  to: number[];
  /** For attack `k`: the node argument to name as "the attacker" when `from[k]` is in, or -1 (auxiliary attacks). */
  namedAttacker: number[];
  /** The framework argument standing for each undercut inference (an edge id or an argument id). */
  inferences: Map<string, number>;
}

/**
 * Argument index by node id. A null-prototype dictionary rather than a Map: V8 turns an id string used as a
 * property key into (a pointer to) its internalized copy once, so the same edge's `fromId` is found by pointer
 * on every later evaluation, while a Map compares the 36 characters again each time. That is most of the cost
 * of building a 10,000-node framework on every edit.
 */
type NodeIndex = Record<string, number | undefined>;

function isArgumentKind(kind: string | undefined): boolean {
  return kind === 'claim' || kind === 'evidence';
}

/** The claim and evidence nodes (of the scope, or of the whole map), numbered in the order they are met. */
function indexNodes(graph: Graph, scope: FrameworkScope | undefined): { nodeIds: string[]; index: NodeIndex } {
  const nodes = graph.nodes;
  const nodeIds: string[] = [];
  const index: NodeIndex = Object.create(null);
  if (scope) {
    for (const id of scope.nodeIds) {
      if (isArgumentKind(nodes[id]?.kind) && index[id] === undefined) index[id] = nodeIds.push(id) - 1;
    }
  } else {
    // for…in over the record: no Object.values array of 10,000 entries per evaluation.
    for (const id in nodes) if (isArgumentKind(nodes[id]!.kind)) index[id] = nodeIds.push(id) - 1;
  }
  return { nodeIds, index };
}

/** Attacks between node arguments as index pairs (with their edge ids, for undercuts), and the undercut edges. */
interface EdgeScan {
  from: number[];
  to: number[];
  attackIds: string[];
  undercuts: GraphEdge[];
}

function scanEdges(graph: Graph, scope: FrameworkScope | undefined, index: NodeIndex): EdgeScan {
  const scan: EdgeScan = { from: [], to: [], attackIds: [], undercuts: [] };
  const edges = graph.edges;
  if (scope) {
    for (const id of scope.edgeIds) {
      const edge = edges[id];
      if (edge) scanEdge(edge, index, scan);
    }
  } else {
    for (const id in edges) scanEdge(edges[id]!, index, scan);
  }
  return scan;
}

function scanEdge(edge: GraphEdge, index: NodeIndex, scan: EdgeScan): void {
  const kind = edge.kind;
  if (kind === 'attacks') {
    const a = index[edge.fromId];
    const b = index[edge.toId];
    if (a === undefined || b === undefined) return;
    scan.from.push(a);
    scan.to.push(b);
    scan.attackIds.push(edge.id);
  } else if (kind === 'undercuts') {
    scan.undercuts.push(edge);
  }
}

/**
 * Builds the argument framework of a map (or of the part of it a scope names):
 *
 * - every claim and evidence node is an argument (questions and notes take part in no attack);
 * - an `attacks` edge a→b is the attack a→b;
 * - an inference that something undercuts — a `supports`, `quotes` or `attacks` edge, or a premise–conclusion
 *   argument — becomes an argument I of its own, attacked by each undercutter. I stands only while its premises
 *   stand: each premise p gets an auxiliary argument "not p" (p attacks it, it attacks I), so I is in exactly
 *   when every premise is in and every undercutter is out. An undercut attack a→b is then drawn I→b instead of
 *   a→b: it stops attacking as soon as its inference is out;
 * - `supports`, `quotes`, `answers` and argument legs attack nothing, so they never change a label.
 *
 * Inferences nobody undercuts are not materialised: with no undercutter, I would be labelled exactly like its
 * premise, so a plain edge gives the same labels with fewer arguments.
 *
 * With a scope, only the scope's claim/evidence nodes count, and only the scope's edges among them; an argument
 * counts when its conclusion and all its premises are in the scope.
 *
 * Runs on every edit of a 10,000-node map in the browser: one pass over the nodes and one over the edges, with
 * integer indices from then on.
 */
export function buildFramework(graph: Graph, scope?: FrameworkScope): ArgumentFramework {
  const { nodeIds, index } = indexNodes(graph, scope);
  const scan = scanEdges(graph, scope, index);
  if (scan.undercuts.length === 0) {
    return { nodeIds, size: nodeIds.length, from: scan.from, to: scan.to, namedAttacker: scan.from, inferences: new Map() };
  }
  return withUndercuts(graph, scope, nodeIds, index, scan);
}

/** The framework when something is undercut: inference and "not premise" arguments, attacks redrawn. */
function withUndercuts(graph: Graph, scope: FrameworkScope | undefined, nodeIds: string[], index: NodeIndex, scan: EdgeScan): ArgumentFramework {
  // Undercut inferences in the order first met, with their premises and undercutters.
  const undercutters = new Map<string, number[]>();
  const premises = new Map<string, number[]>();
  for (const edge of scan.undercuts) {
    const undercutter = index[edge.fromId];
    if (undercutter === undefined) continue;
    let list = undercutters.get(edge.toId);
    if (!list) {
      const of = premisesOf(graph, scope, index, edge.toId);
      if (!of) continue;
      premises.set(edge.toId, of);
      undercutters.set(edge.toId, (list = []));
    }
    list.push(undercutter);
  }

  let size = nodeIds.length;
  const from: number[] = [];
  const to: number[] = [];
  const namedAttacker: number[] = [];
  const notArgument = new Map<number, number>();
  const inferences = new Map<string, number>();
  for (const [id, by] of undercutters) {
    const argument = size++;
    inferences.set(id, argument);
    for (const premise of premises.get(id)!) {
      let not = notArgument.get(premise);
      if (not === undefined) {
        notArgument.set(premise, (not = size++));
        from.push(premise), to.push(not), namedAttacker.push(-1);
      }
      from.push(not), to.push(argument), namedAttacker.push(-1);
    }
    for (const undercutter of by) from.push(undercutter), to.push(argument), namedAttacker.push(undercutter);
  }
  for (let k = 0; k < scan.from.length; k++) {
    const a = scan.from[k]!;
    from.push(inferences.get(scan.attackIds[k]!) ?? a), to.push(scan.to[k]!), namedAttacker.push(a);
  }
  return { nodeIds, size, from, to, namedAttacker, inferences };
}

const INFERENCE_EDGE_KINDS: ReadonlySet<string> = new Set(['supports', 'quotes', 'attacks']);

/** The premises of an inference the framework can hold, or null when it is not one (or not in scope). */
function premisesOf(graph: Graph, scope: FrameworkScope | undefined, index: NodeIndex, id: string): number[] | null {
  const edge = graph.edges[id];
  if (edge) {
    const a = index[edge.fromId];
    const inScope = !scope || scope.edgeIds.has(edge.id);
    return INFERENCE_EDGE_KINDS.has(edge.kind) && inScope && a !== undefined && index[edge.toId] !== undefined ? [a] : null;
  }
  const argument = graph.arguments[id];
  if (!argument || index[argument.conclusionId] === undefined) return null;
  const premises: number[] = [];
  for (const p of argument.premiseIds) {
    const i = index[p];
    if (i === undefined) return null;
    premises.push(i);
  }
  return premises;
}
