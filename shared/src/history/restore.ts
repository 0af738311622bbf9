import type { Graph, GraphEdge } from '../graph.js';
import { ARGUMENT_PREMISE_KINDS } from '../kinds.js';
import type { Op } from '../ops.js';

/**
 * The ops that bring back what a cascading delete (node.delete, edge.delete, argument.delete) removed, given the
 * graph just before the delete and just after it. Ids are kept, so references elsewhere (the op log, other
 * members' pending ops, readings) point at the restored things again.
 *
 * Order, so that applyOp accepts each op in turn:
 * 1. nodes (they depend on nothing);
 * 2. removed arguments (they need their premise and conclusion nodes), see restoreArguments for premises;
 * 3. removed edges, targets before the undercuts that point at them;
 * 4. premise lists of arguments that lost premises (see below why after the edges);
 * 5. reading memberships of the removed nodes and edges.
 *
 * Authors are not carried: create ops have no author field, so applyOp stamps whoever applies the restore.
 */
export function restoreRemoved(before: Graph, after: Graph): Op[] {
  const goneEdges = Object.values(before.edges).filter((edge) => !after.edges[edge.id]);
  const nodes: Op[] = Object.values(before.nodes)
    .filter((node) => !after.nodes[node.id])
    .map(({ authorId: _author, ...node }) => ({ type: 'node.create', node }));
  const { staging, premiseUpdates, unrestorable } = restoreArguments(before, after, goneEdges);
  const edges = edgesInOrder(goneEdges.filter((edge) => !unrestorable.has(edge.id)));
  const memberships = restoreMemberships(before, after, unrestorable);
  return [...nodes, ...staging, ...edges, ...premiseUpdates, ...memberships];
}

/**
 * applyOp refuses an undercut whose author is a premise of the argument it targets, but argument.update does not
 * check undercuts, so a graph can hold an argument whose premise undercuts it. Before such undercuts come back, the
 * argument is created (or, if it survived, updated) without those premises; an argument.update after the edges
 * puts the full premise list back, which is also how premise lists that merely shrank are restored. If every
 * premise undercuts the argument, another node of the map stands in as its only premise meanwhile; in a map with no
 * node that may (only the conclusion and the undercutters), no order works: those undercuts stay deleted.
 */
function restoreArguments(before: Graph, after: Graph, goneEdges: readonly GraphEdge[]) {
  const staging: Op[] = [];
  const premiseUpdates: Op[] = [];
  const unrestorable = new Set<string>();
  for (const argument of Object.values(before.arguments)) {
    const now = after.arguments[argument.id];
    const undercuts = goneEdges.filter((edge) => edge.toId === argument.id);
    if (now && undercuts.length === 0 && samePremises(now.premiseIds, argument.premiseIds)) continue;
    // The premise list the argument has while its edges come back.
    const start = now ? now.premiseIds : argument.premiseIds;
    const blocked = new Set(undercuts.map((edge) => edge.fromId));
    let staged = start.filter((id) => !blocked.has(id));
    if (staged.length === 0) {
      const standIn = standInPremise(before, argument.conclusionId, blocked);
      staged = standIn ? [standIn] : start;
      if (!standIn) for (const edge of undercuts) if (start.includes(edge.fromId)) unrestorable.add(edge.id);
    }
    const { authorId: _author, ...fields } = argument;
    if (!now) staging.push({ type: 'argument.create', argument: { ...fields, premiseIds: staged } });
    else if (!samePremises(staged, start)) staging.push(premiseUpdate(argument.id, staged));
    if (!samePremises(staged, argument.premiseIds)) premiseUpdates.push(premiseUpdate(argument.id, argument.premiseIds));
  }
  return { staging, premiseUpdates, unrestorable };
}

/** A node that may be the argument's premise without blocking an undercut; by id, so the choice is stable. */
function standInPremise(graph: Graph, conclusionId: string, blocked: ReadonlySet<string>): string | undefined {
  return Object.values(graph.nodes)
    .filter((node) => ARGUMENT_PREMISE_KINDS.includes(node.kind) && node.id !== conclusionId && !blocked.has(node.id))
    .map((node) => node.id)
    .sort()[0];
}

const premiseUpdate = (id: string, premiseIds: string[]): Op => ({ type: 'argument.update', id, patch: { premiseIds } });

const samePremises = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/** Edges before the undercuts that target them (undercuts target supports/quotes/attacks edges, never undercuts). */
function edgesInOrder(edges: readonly GraphEdge[]): Op[] {
  const removed = new Set(edges.map((edge) => edge.id));
  const first = edges.filter((edge) => !removed.has(edge.toId));
  const then = edges.filter((edge) => removed.has(edge.toId));
  return [...first, ...then].map(({ authorId: _author, ...edge }) => ({ type: 'edge.create', edge }));
}

/** Re-includes removed nodes and edges in the readings that held them; membership is a set, so order is moot. */
function restoreMemberships(before: Graph, after: Graph, unrestorable: ReadonlySet<string>): Op[] {
  const ops: Op[] = [];
  for (const reading of Object.values(before.readings)) {
    const now = after.readings[reading.id];
    if (!now) continue;
    const nodesNow = new Set(now.nodeIds);
    const edgesNow = new Set(now.edgeIds);
    const nodeIds = reading.nodeIds.filter((id) => !nodesNow.has(id));
    const edgeIds = reading.edgeIds.filter((id) => !edgesNow.has(id) && !unrestorable.has(id));
    if (nodeIds.length > 0 || edgeIds.length > 0) ops.push({ type: 'reading.include', id: reading.id, nodeIds, edgeIds });
  }
  return ops;
}
