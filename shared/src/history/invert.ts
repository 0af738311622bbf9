import { applyOp, type ApplyContext } from '../apply-op.js';
import type { Graph } from '../graph.js';
import type { Op } from '../ops.js';
import { restoreRemoved } from './restore.js';

/**
 * The ops that undo `ops`, which were applied in order to `before`: each op's inverse is computed against the graph
 * just before it, and the inverses come back in reverse order, so `applyOps(after, invertOps(before, ops))` gives
 * `before` again.
 *
 * Deletes are undone whole: the same ids come back with everything the delete cascaded away (edges, undercuts,
 * arguments and their premise lists, reading memberships). Updates are undone field by field: the inverse patch
 * holds exactly the patched fields, with their previous values, so it never touches a field the op left alone.
 *
 * Authorship: create ops carry no author (applyOp stamps `ctx.actorId`), so whoever applies the inverse becomes
 * the author of what it re-creates. Undo by the member who made the change, applied with the same actor as the
 * original entities, gives back a deep-equal graph; otherwise everything but `authorId` is equal.
 *
 * @param ctx the context `ops` were applied with; only used to replay them.
 * @throws Error when `ops` is not an accepted sequence on `before` (a caller's bug: only acknowledged ops are undone).
 */
export function invertOps(before: Graph, ops: readonly Op[], ctx: ApplyContext = { actorId: null }): Op[] {
  const inverses: Op[][] = [];
  let graph = before;
  for (const [index, op] of ops.entries()) {
    const result = applyOp(graph, op, ctx);
    if (!result.ok) throw new Error(`Cannot invert op ${index} (${op.type}): ${result.error.code} ${result.error.message}`);
    inverses.push(invertOp(graph, op, result.graph));
    graph = result.graph;
  }
  return inverses.reverse().flat();
}

/**
 * The ops that undo one accepted op, given the graph just before it and just after it. May be empty, when the op
 * changed nothing (a reading.include of members already there).
 */
export function invertOp(before: Graph, op: Op, after: Graph): Op[] {
  switch (op.type) {
    case 'node.create':
      return [{ type: 'node.delete', id: op.node.id }];
    case 'node.update':
      return [{ type: 'node.update', id: op.id, patch: previous(before.nodes[op.id]!, op.patch) }];
    case 'nodes.move':
      return [{ type: 'nodes.move', moves: movedBack(before, op.moves) }];
    case 'edge.create':
      return [{ type: 'edge.delete', id: op.edge.id }];
    case 'edge.update':
      return [{ type: 'edge.update', id: op.id, patch: previous(before.edges[op.id]!, op.patch) }];
    case 'argument.create':
      return [{ type: 'argument.delete', id: op.argument.id }];
    case 'argument.update':
      return [{ type: 'argument.update', id: op.id, patch: previous(before.arguments[op.id]!, op.patch) }];
    case 'node.delete':
    case 'edge.delete':
    case 'argument.delete':
      return restoreRemoved(before, after);
    case 'event.create':
      return [{ type: 'event.delete', id: op.event.id }];
    case 'event.update':
      return [{ type: 'event.update', id: op.id, patch: previous(before.events[op.id]!, op.patch) }];
    case 'event.delete':
      // Deleting an event unattached its readings; they are attached again once the event is back.
      return [
        { type: 'event.create', event: before.events[op.id]! },
        ...Object.values(before.readings)
          .filter((reading) => reading.eventId === op.id)
          .map((reading): Op => ({ type: 'reading.update', id: reading.id, patch: { eventId: op.id } })),
      ];
    case 'reading.create':
      return [{ type: 'reading.delete', id: op.reading.id }];
    case 'reading.update':
      return [{ type: 'reading.update', id: op.id, patch: previous(before.readings[op.id]!, op.patch) }];
    case 'reading.delete':
      return [{ type: 'reading.create', reading: before.readings[op.id]! }];
    case 'reading.include':
    case 'reading.exclude':
      return invertMembership(before, op);
  }
}

/** The previous values of exactly the fields a patch wrote (a key present with `undefined` is restored too). */
function previous<P extends object>(entity: { [K in keyof P]: unknown }, patch: P): P {
  return Object.fromEntries(Object.keys(patch).map((key) => [key, entity[key as keyof P]])) as P;
}

/** One move back per entity, to where it was before the op (an id listed twice moved twice, but started once). */
function movedBack(before: Graph, moves: readonly { id: string }[]) {
  const back = new Map<string, { id: string; x: number; y: number }>();
  for (const { id } of moves) {
    const { x, y } = before.nodes[id] ?? before.arguments[id]!;
    if (!back.has(id)) back.set(id, { id, x, y });
  }
  return [...back.values()];
}

/**
 * Only the members the op really added (or removed) are taken out (or put back): a member that was already there
 * before an include must stay after its undo, since someone else put it there.
 */
function invertMembership(before: Graph, op: Extract<Op, { type: 'reading.include' | 'reading.exclude' }>): Op[] {
  const reading = before.readings[op.id]!;
  const had = { nodes: new Set(reading.nodeIds), edges: new Set(reading.edgeIds) };
  const changed = (ids: readonly string[], held: ReadonlySet<string>) =>
    [...new Set(ids)].filter((id) => (op.type === 'reading.include' ? !held.has(id) : held.has(id)));
  const nodeIds = changed(op.nodeIds, had.nodes);
  const edgeIds = changed(op.edgeIds, had.edges);
  if (nodeIds.length === 0 && edgeIds.length === 0) return [];
  const type = op.type === 'reading.include' ? 'reading.exclude' : 'reading.include';
  return [{ type, id: op.id, nodeIds, edgeIds }];
}
