import { applyOp, type Graph, type NodeKind, type Op } from '@counterpoint/shared';
import type { EdgeRole } from './flow-types';

/** Builders of the op batches the editor sends. Every id is minted here, so edits need no round trip. */

export function createNodeOp(kind: Exclude<NodeKind, 'evidence'>, x: number, y: number): { id: string; op: Op } {
  const id = crypto.randomUUID();
  return { id, op: { type: 'node.create', node: { id, kind, text: '', x: Math.round(x), y: Math.round(y), quote: null } } };
}

/**
 * The ops that save an edited text. An emptied claim, question or note is deleted rather than kept as a blank
 * card (an evidence caption may be empty: the quotation is the content).
 */
export function textOps(graph: Graph, id: string, rawText: string): Op[] {
  const node = graph.nodes[id];
  if (!node) return [];
  const text = rawText.trim();
  if (text === '' && node.kind !== 'evidence') return [{ type: 'node.delete', id }];
  return text === node.text ? [] : [{ type: 'node.update', id, patch: { text } }];
}

/**
 * One batch deleting a selection. Deletes cascade (a node takes its edges along), so each op is tried on the
 * graph as the earlier ones left it and skipped if its target is already gone. Removing one premise of a
 * several-premise argument keeps the argument.
 */
export function deleteOps(graph: Graph, ids: readonly string[], edgeRoles: readonly EdgeRole[]): Op[] {
  let current = graph;
  const ops: Op[] = [];
  const tryOp = (op: Op) => {
    const result = applyOp(current, op);
    if (!result.ok) return;
    current = result.graph;
    ops.push(op);
  };
  for (const id of ids) {
    if (current.nodes[id]) tryOp({ type: 'node.delete', id });
    else if (current.arguments[id]) tryOp({ type: 'argument.delete', id });
  }
  for (const role of edgeRoles) {
    if (role.type === 'edge') {
      if (current.edges[role.edgeId]) tryOp({ type: 'edge.delete', id: role.edgeId });
      continue;
    }
    const argument = current.arguments[role.argumentId];
    if (!argument) continue;
    const premiseIds = role.type === 'premise' ? argument.premiseIds.filter((p) => p !== role.premiseId) : [];
    if (premiseIds.length > 0 && premiseIds.length < argument.premiseIds.length)
      tryOp({ type: 'argument.update', id: argument.id, patch: { premiseIds } });
    else if (role.type === 'conclusion' || premiseIds.length === 0) tryOp({ type: 'argument.delete', id: argument.id });
  }
  return ops;
}

/** One `nodes.move` for the entities whose position really changed, or nothing. */
export function moveOps(graph: Graph, positions: ReadonlyArray<{ id: string; x: number; y: number }>): Op[] {
  const moves = positions
    .map(({ id, x, y }) => ({ id, x: Math.round(x), y: Math.round(y) }))
    .filter(({ id, x, y }) => {
      const at = graph.nodes[id] ?? graph.arguments[id];
      return at !== undefined && (at.x !== x || at.y !== y);
    });
  return moves.length > 0 ? [{ type: 'nodes.move', moves }] : [];
}
