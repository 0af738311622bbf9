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
  switch (op.type) {
    case 'node.create':
      return createNode(graph, op, ctx);
    case 'node.update':
      return updateNode(graph, op);
    case 'node.delete':
      return deleteNode(graph, op.id);
    case 'nodes.move':
      return moveNodes(graph, op);
    case 'edge.create':
      return createEdge(graph, op, ctx);
    case 'edge.update':
      return updateEdge(graph, op);
    case 'edge.delete':
      return graph.edges[op.id]
        ? { ok: true, graph: removeCascading(graph, [], [op.id], []) }
        : fail('EDGE_NOT_FOUND', `Edge ${op.id} does not exist (it may have been deleted).`);
    case 'argument.create':
      return createArgument(graph, op, ctx);
    case 'argument.update':
      return updateArgument(graph, op);
    case 'argument.delete':
      return graph.arguments[op.id]
        ? { ok: true, graph: removeCascading(graph, [], [], [op.id]) }
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
  let current = graph;
  for (const [opIndex, op] of ops.entries()) {
    const result = applyOp(current, op, ctx);
    if (!result.ok) return { ok: false, error: result.error, opIndex };
    current = result.graph;
  }
  return { ok: true, graph: current };
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

function createNode(graph: Graph, op: OpOf<'node.create'>, ctx: ApplyContext): ApplyResult {
  const { node } = op;
  if (idTaken(graph, node.id)) return fail('DUPLICATE_ID', `Id ${node.id} is already used in this map.`);
  const quoteError = checkQuote(node.kind, node.quote);
  if (quoteError) return { ok: false, error: quoteError };
  const created: GraphNode = { ...node, authorId: ctx.actorId };
  return { ok: true, graph: { ...graph, nodes: { ...graph.nodes, [node.id]: created } } };
}

function updateNode(graph: Graph, op: OpOf<'node.update'>): ApplyResult {
  const node = graph.nodes[op.id];
  if (!node) return fail('NODE_NOT_FOUND', `Node ${op.id} does not exist (it may have been deleted).`);
  const updated: GraphNode = { ...node, ...op.patch };
  const quoteError = checkQuote(updated.kind, updated.quote);
  if (quoteError) return { ok: false, error: quoteError };
  const next: Graph = { ...graph, nodes: { ...graph.nodes, [op.id]: updated } };
  // A kind change must keep every relation of the node valid.
  if (updated.kind !== node.kind) {
    for (const edge of Object.values(graph.edges)) {
      if (edge.fromId === op.id || edge.toId === op.id) {
        const error = checkEdge(next, edge);
        if (error) return { ok: false, error: { code: error.code, message: `Cannot change kind: ${error.message}` } };
      }
    }
    for (const argument of Object.values(graph.arguments)) {
      if (argument.conclusionId === op.id || argument.premiseIds.includes(op.id)) {
        const error = checkArgument(next, argument);
        if (error) return { ok: false, error: { code: error.code, message: `Cannot change kind: ${error.message}` } };
      }
    }
  }
  return { ok: true, graph: next };
}

function deleteNode(graph: Graph, id: string): ApplyResult {
  if (!graph.nodes[id]) return fail('NODE_NOT_FOUND', `Node ${id} does not exist (it may have been deleted).`);
  return { ok: true, graph: removeCascading(graph, [id], [], []) };
}

function moveNodes(graph: Graph, op: OpOf<'nodes.move'>): ApplyResult {
  const nodes = { ...graph.nodes };
  const args = { ...graph.arguments };
  for (const move of op.moves) {
    const node = nodes[move.id];
    const argument = args[move.id];
    if (node) nodes[move.id] = { ...node, x: move.x, y: move.y };
    else if (argument) args[move.id] = { ...argument, x: move.x, y: move.y };
    else return fail('NODE_NOT_FOUND', `Cannot move ${move.id}: no such node or argument.`);
  }
  return { ok: true, graph: { ...graph, nodes, arguments: args } };
}

/** Checks an edge against the graph it would live in; null when it may stand. */
function checkEdge(graph: Graph, edge: Omit<GraphEdge, 'authorId'>): OpError | null {
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
  const duplicate = Object.values(graph.edges).find(
    (e) => e.id !== edge.id && e.kind === edge.kind && e.fromId === edge.fromId && e.toId === edge.toId,
  );
  if (duplicate) return { code: 'DUPLICATE_EDGE', message: `The same ${edge.kind} relation already exists.` };
  return null;
}

function notAllowed(kind: EdgeKind, what: string): OpError {
  return { code: 'EDGE_KIND_NOT_ALLOWED', message: `A "${kind}" relation cannot go ${what}.` };
}

function createEdge(graph: Graph, op: OpOf<'edge.create'>, ctx: ApplyContext): ApplyResult {
  if (idTaken(graph, op.edge.id)) return fail('DUPLICATE_ID', `Id ${op.edge.id} is already used in this map.`);
  const error = checkEdge(graph, op.edge);
  if (error) return { ok: false, error };
  const created: GraphEdge = { ...op.edge, label: op.edge.label ?? '', authorId: ctx.actorId };
  return { ok: true, graph: { ...graph, edges: { ...graph.edges, [created.id]: created } } };
}

function updateEdge(graph: Graph, op: OpOf<'edge.update'>): ApplyResult {
  const edge = graph.edges[op.id];
  if (!edge) return fail('EDGE_NOT_FOUND', `Edge ${op.id} does not exist (it may have been deleted).`);
  const updated: GraphEdge = { ...edge, ...op.patch };
  if (updated.kind !== edge.kind) {
    const error = checkEdge(graph, updated);
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
  return { ok: true, graph: { ...graph, edges: { ...graph.edges, [op.id]: updated } } };
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

function createArgument(graph: Graph, op: OpOf<'argument.create'>, ctx: ApplyContext): ApplyResult {
  const { argument } = op;
  if (idTaken(graph, argument.id)) return fail('DUPLICATE_ID', `Id ${argument.id} is already used in this map.`);
  const error = checkArgument(graph, argument);
  if (error) return { ok: false, error };
  const created: GraphArgument = { ...argument, label: argument.label ?? '', authorId: ctx.actorId };
  return { ok: true, graph: { ...graph, arguments: { ...graph.arguments, [created.id]: created } } };
}

function updateArgument(graph: Graph, op: OpOf<'argument.update'>): ApplyResult {
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
  return { ok: true, graph: { ...graph, arguments: { ...graph.arguments, [op.id]: updated } } };
}

/**
 * Removes nodes, edges and arguments, and everything that can no longer stand without them: edges touching a
 * removed node or targeting a removed edge/argument, arguments concluding in a removed node, and arguments left
 * without premises. Premises that go are dropped from the arguments they served.
 */
function removeCascading(graph: Graph, nodeIds: string[], edgeIds: string[], argumentIds: string[]): Graph {
  const goneNodes = new Set(nodeIds);
  const goneEdges = new Set(edgeIds);
  const goneArguments = new Set(argumentIds);
  const args: Record<string, GraphArgument> = { ...graph.arguments };

  for (const argument of Object.values(graph.arguments)) {
    if (goneArguments.has(argument.id)) continue;
    if (goneNodes.has(argument.conclusionId)) {
      goneArguments.add(argument.id);
      continue;
    }
    const premiseIds = argument.premiseIds.filter((id) => !goneNodes.has(id));
    if (premiseIds.length === 0) goneArguments.add(argument.id);
    else if (premiseIds.length !== argument.premiseIds.length) args[argument.id] = { ...argument, premiseIds };
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

  const nodes = { ...graph.nodes };
  for (const id of goneNodes) delete nodes[id];
  const edges = { ...graph.edges };
  for (const id of goneEdges) delete edges[id];
  for (const id of goneArguments) delete args[id];
  return { ...graph, nodes, edges, arguments: args, readings: pruneReadings(graph.readings, goneNodes, goneEdges) };
}
