import type { Graph, GraphArgument, GraphEdge, GraphNode } from './graph.js';
import {
  ARGUMENT_CONCLUSION_KINDS,
  ARGUMENT_PREMISE_KINDS,
  EDGE_RULES,
  type EdgeKind,
  type NodeKind,
} from './kinds.js';
import type { OpError } from './errors.js';
import type { Op, OpOf } from './ops.js';
import { applyReadingOp, pruneReadings } from './apply-reading-op.js';
import { GraphWriter, type ChangedIds } from './graph-writer.js';

export type { ChangedIds } from './graph-writer.js';

export type ApplyResult = { ok: true; graph: Graph } | { ok: false; error: OpError };

/** Who is applying an op: the server stamps this author on what the op creates. */
export interface ApplyContext {
  actorId: string | null;
}

const fail = (code: OpError['code'], message: string): ApplyResult => ({ ok: false, error: { code, message } });

/**
 * Applies one op to a graph and returns the new graph, or the rule it breaks. Pure: the input graph is never
 * modified, and untouched entities keep their identity (so a diff by reference finds what changed).
 *
 * Rules: ids are new on create; edges join existing things of allowed kinds (EDGE_RULES); `undercuts` targets an
 * edge or argument; no self-loops or duplicate edges; evidence nodes have a quote and other kinds do not;
 * arguments have distinct premises that exist and exclude the conclusion. Deletes cascade to what can no longer
 * stand (edges of a deleted node, undercuts of a deleted edge or argument).
 */
export function applyOp(graph: Graph, op: Op, ctx: ApplyContext = { actorId: null }): ApplyResult {
  return applyOpWith(new GraphWriter(), graph, op, ctx);
}

/**
 * applyOp through a writer that may change in place what it copied earlier in the same run (see GraphWriter).
 * On failure the graph the writer was working on may be half changed: callers drop it (applyOps) or roll the
 * writer back (GraphDraft).
 */
function applyOpWith(w: GraphWriter, graph: Graph, op: Op, ctx: ApplyContext): ApplyResult {
  switch (op.type) {
    case 'node.create':
      return createNode(w, graph, op, ctx);
    case 'node.update':
      return updateNode(w, graph, op);
    case 'node.delete':
      return deleteNode(w, graph, op.id);
    case 'nodes.move':
      return moveNodes(w, graph, op);
    case 'edge.create':
      return createEdge(w, graph, op, ctx);
    case 'edge.update':
      return updateEdge(w, graph, op);
    case 'edge.delete':
      return graph.edges[op.id]
        ? { ok: true, graph: removeCascading(w, graph, [], [op.id], []) }
        : fail('EDGE_NOT_FOUND', `Edge ${op.id} does not exist (it may have been deleted).`);
    case 'argument.create':
      return createArgument(w, graph, op, ctx);
    case 'argument.update':
      return updateArgument(w, graph, op);
    case 'argument.delete':
      return graph.arguments[op.id]
        ? { ok: true, graph: removeCascading(w, graph, [], [], [op.id]) }
        : fail('ARGUMENT_NOT_FOUND', `Argument ${op.id} does not exist (it may have been deleted).`);
    case 'event.create':
    case 'event.update':
    case 'event.delete':
    case 'reading.create':
    case 'reading.update':
    case 'reading.delete':
    case 'reading.include':
    case 'reading.exclude':
      return applyReadingOp(graph, op, (id) => idTaken(graph, id));
  }
}

/** Applies ops in order; stops at the first that breaks a rule and reports its index. */
export function applyOps(
  graph: Graph,
  ops: readonly Op[],
  ctx: ApplyContext = { actorId: null },
): { ok: true; graph: Graph } | { ok: false; error: OpError; opIndex: number } {
  // One writer for the run: each record is copied once, not once per op.
  const writer = new GraphWriter();
  let current = graph;
  for (const [opIndex, op] of ops.entries()) {
    const result = applyOpWith(writer, current, op, ctx);
    if (!result.ok) return { ok: false, error: result.error, opIndex };
    current = result.graph;
  }
  return { ok: true, graph: current };
}

/**
 * A graph that batches are applied to one after another, each all or nothing, sharing one copy-on-write writer:
 * the server validates a group of batches against the running graph this way and commits them together. A batch
 * that breaks a rule is undone and leaves the graph as it was. The graph it was created from is never modified.
 */
export class GraphDraft {
  private readonly writer = new GraphWriter();

  constructor(private current: Graph) {}

  /** The graph with every batch applied so far. Once the draft is no longer used, it belongs to the caller. */
  get graph(): Graph {
    return this.current;
  }

  /**
   * Copies these records now, so the first batch that writes them does not: the server does this while the
   * previous group's commit is on the wire (see DraftsAhead). The graph's content does not change.
   */
  copyAhead(kinds: readonly ('nodes' | 'edges')[]): void {
    for (const kind of kinds) this.current = this.writer.own(this.current, kind);
  }

  /** The nodes, edges and arguments any batch applied so far set or removed: where `graph` may differ from the start. */
  get changedIds(): ChangedIds {
    return this.writer.changedIds;
  }

  apply(ops: readonly Op[], ctx: ApplyContext = { actorId: null }): { ok: true } | { ok: false; error: OpError; opIndex: number } {
    const start = this.current;
    this.writer.begin();
    let current = start;
    for (const [opIndex, op] of ops.entries()) {
      const result = applyOpWith(this.writer, current, op, ctx);
      if (!result.ok) {
        this.writer.rollback();
        this.current = start;
        return { ok: false, error: result.error, opIndex };
      }
      current = result.graph;
    }
    this.writer.commit();
    this.current = current;
    return { ok: true };
  }
}

function idTaken(graph: Graph, id: string): boolean {
  return id in graph.nodes || id in graph.edges || id in graph.arguments || id in graph.events || id in graph.readings;
}

function checkQuote(kind: NodeKind, quote: GraphNode['quote']): OpError | null {
  if (kind === 'evidence' && !quote)
    return { code: 'QUOTE_REQUIRED', message: 'An evidence node needs a quotation from a source.' };
  if (kind !== 'evidence' && quote)
    return { code: 'QUOTE_NOT_ALLOWED', message: `A ${kind} node cannot carry a quotation; make it evidence.` };
  return null;
}

function createNode(w: GraphWriter, graph: Graph, op: OpOf<'node.create'>, ctx: ApplyContext): ApplyResult {
  const { node } = op;
  if (idTaken(graph, node.id)) return fail('DUPLICATE_ID', `Id ${node.id} is already used in this map.`);
  const quoteError = checkQuote(node.kind, node.quote);
  if (quoteError) return { ok: false, error: quoteError };
  const created: GraphNode = { ...node, authorId: ctx.actorId };
  return { ok: true, graph: w.set(graph, 'nodes', node.id, created) };
}

function updateNode(w: GraphWriter, graph: Graph, op: OpOf<'node.update'>): ApplyResult {
  const node = graph.nodes[op.id];
  if (!node) return fail('NODE_NOT_FOUND', `Node ${op.id} does not exist (it may have been deleted).`);
  const updated: GraphNode = { ...node, ...op.patch };
  const quoteError = checkQuote(updated.kind, updated.quote);
  if (quoteError) return { ok: false, error: quoteError };
  const kindChanged = updated.kind !== node.kind;
  const next = w.set(graph, 'nodes', op.id, updated);
  // A kind change must keep every relation of the node valid.
  if (kindChanged) {
    for (const edge of Object.values(next.edges)) {
      if (edge.fromId === op.id || edge.toId === op.id) {
        const error = checkEdge(w, next, edge);
        if (error) return { ok: false, error: { code: error.code, message: `Cannot change kind: ${error.message}` } };
      }
    }
    for (const argument of Object.values(next.arguments)) {
      if (argument.conclusionId === op.id || argument.premiseIds.includes(op.id)) {
        const error = checkArgument(next, argument);
        if (error) return { ok: false, error: { code: error.code, message: `Cannot change kind: ${error.message}` } };
      }
    }
  }
  return { ok: true, graph: next };
}

function deleteNode(w: GraphWriter, graph: Graph, id: string): ApplyResult {
  if (!graph.nodes[id]) return fail('NODE_NOT_FOUND', `Node ${id} does not exist (it may have been deleted).`);
  return { ok: true, graph: removeCascading(w, graph, [id], [], []) };
}

function moveNodes(w: GraphWriter, graph: Graph, op: OpOf<'nodes.move'>): ApplyResult {
  let next = graph;
  for (const move of op.moves) {
    const node = next.nodes[move.id];
    const argument = next.arguments[move.id];
    if (node) next = w.set(next, 'nodes', move.id, { ...node, x: move.x, y: move.y });
    else if (argument) next = w.set(next, 'arguments', move.id, { ...argument, x: move.x, y: move.y });
    else return fail('NODE_NOT_FOUND', `Cannot move ${move.id}: no such node or argument.`);
  }
  return { ok: true, graph: next };
}

/** Checks an edge against the graph it would live in; null when it may stand. */
function checkEdge(w: GraphWriter, graph: Graph, edge: Omit<GraphEdge, 'authorId'>): OpError | null {
  const rule = EDGE_RULES[edge.kind];
  const from = graph.nodes[edge.fromId];
  if (!from) return { code: 'TARGET_NOT_FOUND', message: `The edge's source ${edge.fromId} is not a node of this map.` };
  if (edge.fromId === edge.toId) return { code: 'SELF_LOOP', message: 'A node cannot relate to itself.' };
  if (!rule.from.includes(from.kind))
    return notAllowed(edge.kind, `from a ${from.kind}`);
  if (rule.target === 'node') {
    const to = graph.nodes[edge.toId];
    // An existing edge or argument as target breaks the kind rule; only a missing target is "not found".
    if (!to && (graph.edges[edge.toId] || graph.arguments[edge.toId])) return notAllowed(edge.kind, 'to an inference');
    if (!to) return { code: 'TARGET_NOT_FOUND', message: `The edge's target ${edge.toId} is not a node of this map.` };
    if (!rule.to.includes(to.kind)) return notAllowed(edge.kind, `to a ${to.kind}`);
  } else {
    const toEdge = graph.edges[edge.toId];
    const toArgument = graph.arguments[edge.toId];
    const toNode = graph.nodes[edge.toId];
    if (toNode) return notAllowed(edge.kind, `to a ${toNode.kind}: it targets an edge or argument`);
    if (!toEdge && !toArgument)
      return {
        code: 'TARGET_NOT_FOUND',
        message: `An undercut targets an edge or argument of this map; ${edge.toId} is neither.`,
      };
    if (toEdge && !rule.toEdgeKinds.includes(toEdge.kind)) return notAllowed(edge.kind, `a ${toEdge.kind} edge`);
    if ((toEdge && toEdge.fromId === edge.fromId) || toArgument?.premiseIds.includes(edge.fromId))
      return { code: 'SELF_LOOP', message: 'A node cannot undercut its own inference.' };
  }
  if (w.hasDuplicateEdge(graph, edge)) return { code: 'DUPLICATE_EDGE', message: `The same ${edge.kind} relation already exists.` };
  return null;
}

function notAllowed(kind: EdgeKind, what: string): OpError {
  return { code: 'EDGE_KIND_NOT_ALLOWED', message: `A "${kind}" relation cannot go ${what}.` };
}

function createEdge(w: GraphWriter, graph: Graph, op: OpOf<'edge.create'>, ctx: ApplyContext): ApplyResult {
  if (idTaken(graph, op.edge.id)) return fail('DUPLICATE_ID', `Id ${op.edge.id} is already used in this map.`);
  const error = checkEdge(w, graph, op.edge);
  if (error) return { ok: false, error };
  const created: GraphEdge = { ...op.edge, label: op.edge.label ?? '', authorId: ctx.actorId };
  return { ok: true, graph: w.set(graph, 'edges', created.id, created) };
}

function updateEdge(w: GraphWriter, graph: Graph, op: OpOf<'edge.update'>): ApplyResult {
  const edge = graph.edges[op.id];
  if (!edge) return fail('EDGE_NOT_FOUND', `Edge ${op.id} does not exist (it may have been deleted).`);
  const updated: GraphEdge = { ...edge, ...op.patch };
  if (updated.kind !== edge.kind) {
    const error = checkEdge(w, graph, updated);
    if (error) return { ok: false, error };
    // Undercuts of this edge must still target an inference they may target.
    for (const undercut of Object.values(graph.edges)) {
      if (undercut.kind === 'undercuts' && undercut.toId === op.id) {
        const rule = EDGE_RULES.undercuts;
        if (rule.target === 'inference' && !rule.toEdgeKinds.includes(updated.kind))
          return fail('EDGE_KIND_NOT_ALLOWED', `Cannot make it "${updated.kind}": an undercut targets this edge.`);
      }
    }
  }
  return { ok: true, graph: w.set(graph, 'edges', op.id, updated) };
}

/** Checks an argument against the graph it would live in; null when it may stand. */
function checkArgument(graph: Graph, argument: Omit<GraphArgument, 'authorId'>): OpError | null {
  const conclusion = graph.nodes[argument.conclusionId];
  if (!conclusion)
    return { code: 'TARGET_NOT_FOUND', message: `The conclusion ${argument.conclusionId} is not a node of this map.` };
  if (!ARGUMENT_CONCLUSION_KINDS.includes(conclusion.kind))
    return { code: 'INVALID_ARGUMENT', message: `A ${conclusion.kind} cannot be the conclusion of an argument.` };
  if (new Set(argument.premiseIds).size !== argument.premiseIds.length)
    return { code: 'INVALID_ARGUMENT', message: 'A premise is listed twice.' };
  for (const premiseId of argument.premiseIds) {
    const premise = graph.nodes[premiseId];
    if (!premise) return { code: 'TARGET_NOT_FOUND', message: `The premise ${premiseId} is not a node of this map.` };
    if (premiseId === argument.conclusionId)
      return { code: 'INVALID_ARGUMENT', message: 'The conclusion cannot also be a premise.' };
    if (!ARGUMENT_PREMISE_KINDS.includes(premise.kind))
      return { code: 'INVALID_ARGUMENT', message: `A ${premise.kind} cannot be a premise of an argument.` };
  }
  return null;
}

function createArgument(w: GraphWriter, graph: Graph, op: OpOf<'argument.create'>, ctx: ApplyContext): ApplyResult {
  const { argument } = op;
  if (idTaken(graph, argument.id)) return fail('DUPLICATE_ID', `Id ${argument.id} is already used in this map.`);
  const error = checkArgument(graph, argument);
  if (error) return { ok: false, error };
  const created: GraphArgument = { ...argument, label: argument.label ?? '', authorId: ctx.actorId };
  return { ok: true, graph: w.set(graph, 'arguments', created.id, created) };
}

function updateArgument(w: GraphWriter, graph: Graph, op: OpOf<'argument.update'>): ApplyResult {
  const argument = graph.arguments[op.id];
  if (!argument) return fail('ARGUMENT_NOT_FOUND', `Argument ${op.id} does not exist (it may have been deleted).`);
  const updated: GraphArgument = { ...argument, ...op.patch };
  const error = checkArgument(graph, updated);
  if (error) return { ok: false, error };
  // As for a new undercut: a premise cannot also undercut the inference it serves.
  const selfUndercut = Object.values(graph.edges).some(
    (e) => e.kind === 'undercuts' && e.toId === op.id && updated.premiseIds.includes(e.fromId),
  );
  if (selfUndercut) return fail('SELF_LOOP', 'A node cannot be a premise of an argument it undercuts.');
  return { ok: true, graph: w.set(graph, 'arguments', op.id, updated) };
}

/**
 * Removes nodes, edges and arguments, and everything that can no longer stand without them: edges touching a
 * removed node or targeting a removed edge/argument, arguments concluding in a removed node, and arguments left
 * without premises. Premises that go are dropped from the arguments they served.
 */
function removeCascading(w: GraphWriter, graph: Graph, nodeIds: string[], edgeIds: string[], argumentIds: string[]): Graph {
  const goneNodes = new Set(nodeIds);
  const goneEdges = new Set(edgeIds);
  const goneArguments = new Set(argumentIds);
  const shrunk: GraphArgument[] = [];

  for (const argument of Object.values(graph.arguments)) {
    if (goneArguments.has(argument.id)) continue;
    if (goneNodes.has(argument.conclusionId)) {
      goneArguments.add(argument.id);
      continue;
    }
    const premiseIds = argument.premiseIds.filter((id) => !goneNodes.has(id));
    if (premiseIds.length === 0) goneArguments.add(argument.id);
    else if (premiseIds.length !== argument.premiseIds.length) shrunk.push({ ...argument, premiseIds });
  }

  // Undercuts of undercut targets cascade further, so repeat until nothing more goes.
  let changed = true;
  while (changed) {
    changed = false;
    for (const edge of Object.values(graph.edges)) {
      if (goneEdges.has(edge.id)) continue;
      const touchesGone =
        goneNodes.has(edge.fromId) || goneNodes.has(edge.toId) || goneEdges.has(edge.toId) || goneArguments.has(edge.toId);
      if (touchesGone) {
        goneEdges.add(edge.id);
        changed = true;
      }
    }
  }

  const readings = pruneReadings(graph.readings, goneNodes, goneEdges);
  let next = graph;
  for (const argument of shrunk) next = w.set(next, 'arguments', argument.id, argument);
  next = w.remove(next, 'nodes', goneNodes);
  next = w.remove(next, 'edges', goneEdges);
  next = w.remove(next, 'arguments', goneArguments);
  return w.replace(next, 'readings', readings);
}
