import type { Graph, GraphEdge } from '../graph.js';
import type { Op } from '../ops.js';

/**
 * The ops that bring back what a cascading delete (node.delete, edge.delete, argument.delete) removed, given the
 * graph just before the delete and just after it. Ids are kept, so references elsewhere (the op log, other
 * members' pending ops, readings) point at the restored things again.
 *
 * Order, so that applyOp accepts each op in turn:
 * 1. nodes (they depend on nothing);
 * 2. arguments (they need their premise and conclusion nodes);
 * 3. removed edges, targets before the undercuts that point at them;
 * 4. reading memberships of the removed nodes and edges.
 *
 * Authors are not carried: create ops have no author field, so applyOp stamps whoever applies the restore.
 */
export function restoreRemoved(before: Graph, after: Graph): Op[] {
  const goneEdges = Object.values(before.edges).filter((edge) => !after.edges[edge.id]);
  const nodes: Op[] = Object.values(before.nodes)
    .filter((node) => !after.nodes[node.id])
    .map(({ authorId: _author, ...node }) => ({ type: 'node.create', node }));
  return [...nodes, ...restoreArguments(before, after), ...edgesInOrder(goneEdges), ...restoreMemberships(before, after)];
}

/**
 * Arguments that went come back whole; arguments that only lost premises get their premise list back. This can
 * precede the undercuts of an argument because applyOp never lets a premise undercut its own argument.
 */
function restoreArguments(before: Graph, after: Graph): Op[] {
  const ops: Op[] = [];
  for (const argument of Object.values(before.arguments)) {
    const now = after.arguments[argument.id];
    const { authorId: _author, ...fields } = argument;
    if (!now) ops.push({ type: 'argument.create', argument: fields });
    else if (!samePremises(now.premiseIds, argument.premiseIds)) {
      ops.push({ type: 'argument.update', id: argument.id, patch: { premiseIds: argument.premiseIds } });
    }
  }
  return ops;
}

const samePremises = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/** Edges before the undercuts that target them (undercuts target supports/quotes/attacks edges, never undercuts). */
function edgesInOrder(edges: readonly GraphEdge[]): Op[] {
  const removed = new Set(edges.map((edge) => edge.id));
  const first = edges.filter((edge) => !removed.has(edge.toId));
  const then = edges.filter((edge) => removed.has(edge.toId));
  return [...first, ...then].map(({ authorId: _author, ...edge }) => ({ type: 'edge.create', edge }));
}

/** Re-includes removed nodes and edges in the readings that held them; membership is a set, so order is moot. */
function restoreMemberships(before: Graph, after: Graph): Op[] {
  const ops: Op[] = [];
  for (const reading of Object.values(before.readings)) {
    const now = after.readings[reading.id];
    if (!now) continue;
    const nodesNow = new Set(now.nodeIds);
    const edgesNow = new Set(now.edgeIds);
    const nodeIds = reading.nodeIds.filter((id) => !nodesNow.has(id));
    const edgeIds = reading.edgeIds.filter((id) => !edgesNow.has(id));
    if (nodeIds.length > 0 || edgeIds.length > 0) ops.push({ type: 'reading.include', id: reading.id, nodeIds, edgeIds });
  }
  return ops;
}
