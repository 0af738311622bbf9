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

const INFERENCE_EDGE_KINDS: ReadonlySet<string> = new Set(['supports', 'quotes', 'attacks']);

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
 */
export function buildFramework(graph: Graph, scope?: FrameworkScope): ArgumentFramework {
  // Plain loops over the records (no Object.values arrays): this runs on every edit of a 10,000-node map.
  const nodeIds: string[] = [];
  const index = new Map<string, number>();
  const addNode = (id: string) => {
    const kind = graph.nodes[id]?.kind;
    if (kind === 'claim' || kind === 'evidence') {
      index.set(id, nodeIds.length);
      nodeIds.push(id);
    }
  };
  if (scope) for (const id of scope.nodeIds) addNode(id);
  else for (const id in graph.nodes) addNode(id);

  // One pass over the edges: attacks between arguments as index pairs, and the undercuts.
  const attackFrom: number[] = [];
  const attackTo: number[] = [];
  const attackIds: string[] = [];
  const undercuts: GraphEdge[] = [];
  const visit = (edge: GraphEdge | undefined) => {
    if (edge?.kind === 'attacks') {
      const a = index.get(edge.fromId);
      const b = index.get(edge.toId);
      if (a === undefined || b === undefined) return;
      attackFrom.push(a);
      attackTo.push(b);
      attackIds.push(edge.id);
    } else if (edge?.kind === 'undercuts') undercuts.push(edge);
  };
  if (scope) for (const id of scope.edgeIds) visit(graph.edges[id]);
  else for (const id in graph.edges) visit(graph.edges[id]);

  const edgeInScope = (edge: GraphEdge) => !scope || scope.edgeIds.has(edge.id);
  /** The premises of an inference the framework can hold, or null when it is not one (or not in scope). */
  const premisesOf = (id: string): number[] | null => {
    const edge = graph.edges[id];
    if (edge) {
      const a = index.get(edge.fromId);
      const ok = INFERENCE_EDGE_KINDS.has(edge.kind) && edgeInScope(edge) && a !== undefined && index.has(edge.toId);
      return ok ? [a] : null;
    }
    const argument = graph.arguments[id];
    if (!argument || !index.has(argument.conclusionId)) return null;
    const premises = argument.premiseIds.map((p) => index.get(p));
    return premises.every((p) => p !== undefined) ? (premises as number[]) : null;
  };
  const undercutters = new Map<string, number[]>();
  const premises = new Map<string, number[]>();
  for (const edge of undercuts) {
    const undercutter = index.get(edge.fromId);
    if (undercutter === undefined) continue;
    let list = undercutters.get(edge.toId);
    if (!list) {
      const of = premisesOf(edge.toId);
      if (!of) continue;
      premises.set(edge.toId, of);
      undercutters.set(edge.toId, (list = []));
    }
    list.push(undercutter);
  }
  if (undercutters.size === 0) {
    return { nodeIds, size: nodeIds.length, from: attackFrom, to: attackTo, namedAttacker: attackFrom, inferences: new Map() };
  }

  let size = nodeIds.length;
  const from: number[] = [];
  const to: number[] = [];
  const namedAttacker: number[] = [];
  const attack = (a: number, b: number, named: number) => {
    from.push(a);
    to.push(b);
    namedAttacker.push(named);
  };
  const notArgument = new Map<number, number>();
  const notOf = (premise: number) => {
    let aux = notArgument.get(premise);
    if (aux === undefined) {
      aux = size++;
      notArgument.set(premise, aux);
      attack(premise, aux, -1);
    }
    return aux;
  };
  const inferences = new Map<string, number>();
  for (const [id, by] of undercutters) {
    const argument = size++;
    inferences.set(id, argument);
    for (const premise of premises.get(id)!) attack(notOf(premise), argument, -1);
    for (const undercutter of by) attack(undercutter, argument, undercutter);
  }
  for (let k = 0; k < attackFrom.length; k++) {
    const a = attackFrom[k]!;
    attack(inferences.get(attackIds[k]!) ?? a, attackTo[k]!, a);
  }
  return { nodeIds, size, from, to, namedAttacker, inferences };
}
