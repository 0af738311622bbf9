import { applyOp } from '../apply-op.js';
import type { Graph } from '../graph.js';
import type { Op, OpOf } from '../ops.js';
import { capitalise, entityName, opTargetId } from './names.js';
import { Ownership, type Collection } from './ownership.js';

/** What undo will do now, and what it leaves alone, in sentences for the member who asked for the undo. */
export interface UndoPlan {
  ops: Op[];
  skipped: string[];
}

type UpdateOp = OpOf<'node.update' | 'edge.update' | 'argument.update' | 'event.update' | 'reading.update'>;
type Report = (sentence: string) => void;

const COLLECTION_OF: Record<string, Collection> = {
  node: 'nodes',
  edge: 'edges',
  argument: 'arguments',
  event: 'events',
  reading: 'readings',
};
const collectionOf = (op: Op) => COLLECTION_OF[op.type.split('.')[0]!]!;
const FIELD_NAMES: Record<string, string> = {
  text: 'Text',
  kind: 'Kind',
  quote: 'Quotation',
  label: 'Label',
  conclusionId: 'Conclusion',
  premiseIds: 'Premises',
  title: 'Title',
  period: 'Period',
  description: 'Description',
  authorName: 'Holder',
  eventId: 'Event',
};

/**
 * Per-user undo in a shared map: the part of my inverse ops (from invertOps) that may still be applied now that
 * others have edited the map since, and sentences saying what is left alone and why.
 *
 * Last writer wins per field, so my undo only writes a field that still holds the value I left there; a field
 * someone else changed since is theirs (Ownership decides, from the graph now and the graph right after my ops).
 * The rules:
 * - updates keep only my fields, moves only my positions, reading include/exclude only my memberships;
 * - undoing my create deletes the thing only if that takes nothing of anyone else's (their edits or moves, their
 *   edges to it, their reading memberships);
 * - re-creating what I deleted goes ahead even if others edited around it; a sub-op that now breaks a rule (its
 *   other end was deleted, an equal edge exists) is dropped, and members that no longer exist are left out;
 * - an op whose target is gone is dropped.
 * A field that holds the value I left counts as mine even if someone else wrote that same value since: the graph
 * holds values, not who wrote them.
 *
 * Every op of the result was accepted by applyOp in turn, so `applyOps(current, plan.ops).ok` always holds.
 *
 * @param current the map now.
 * @param inverse the inverse of my ops, from invertOps.
 * @param mine the map right after my ops.
 */
export function undoableNow(current: Graph, inverse: readonly Op[], mine: Graph): UndoPlan {
  const plan: UndoPlan = { ops: [], skipped: [] };
  const report: Report = (sentence) => {
    if (!plan.skipped.includes(sentence)) plan.skipped.push(sentence);
  };
  const owner = new Ownership(current, mine);
  const notRestored = new Set<string>();
  for (const op of inverse) {
    const replay = applyOp(owner.replayed, op);
    const replayedAfter = replay.ok ? replay.graph : owner.replayed;
    let realAfter = owner.real;
    const adjusted = adjust(op, owner, report, notRestored);
    if (adjusted) {
      const result = applyOp(owner.real, adjusted);
      if (result.ok) {
        realAfter = result.graph;
        plan.ops.push(adjusted);
      } else {
        const restoring = op.type.endsWith('.create');
        if (restoring) notRestored.add(opTargetId(op));
        const name = entityName(restoring ? replayedAfter : owner.real, opTargetId(op));
        report(`Could not ${restoring ? 'restore' : 'undo the change to'} ${name}: ${result.error.message}`);
      }
    }
    owner.advance(realAfter, replayedAfter);
  }
  return plan;
}

/** The part of one inverse op that is still mine to apply, or null; reports what it leaves out. */
function adjust(op: Op, owner: Ownership, report: Report, notRestored: ReadonlySet<string>): Op | null {
  const [working, expected] = [owner.real, owner.replayed];
  const gone = (id: string) => {
    report(`${capitalise(entityName(expected, id))} was deleted by someone else since; nothing to undo there`);
    return null;
  };
  switch (op.type) {
    case 'node.update':
    case 'edge.update':
    case 'argument.update':
    case 'event.update':
    case 'reading.update':
      return working[collectionOf(op)][op.id] ? keepMyFields(op, owner, report) : gone(op.id);
    case 'nodes.move': {
      const moves = op.moves.filter(({ id }) => {
        const collection = working.nodes[id] ? 'nodes' : 'arguments';
        if (!working[collection][id]) {
          gone(id);
          return false;
        }
        if (owner.isMine(collection, id, 'x') && owner.isMine(collection, id, 'y')) return true;
        report(`${capitalise(entityName(working, id))} was moved by someone else since; left where it is`);
        return false;
      });
      return moves.length > 0 ? { ...op, moves } : null;
    }
    case 'node.delete':
    case 'edge.delete':
    case 'argument.delete':
    case 'event.delete':
    case 'reading.delete':
      if (!working[collectionOf(op)][op.id]) return gone(op.id);
      if (!owner.deleteTakesOthersWork(op)) return op;
      report(`${capitalise(entityName(working, op.id))} was changed or built on by someone else since; kept it`);
      return null;
    case 'reading.create': {
      // The delete cascade would have pruned members deleted since, so restoring without them is faithful.
      const { reading } = op;
      const nodeIds = reading.nodeIds.filter((id) => working.nodes[id]);
      const edgeIds = reading.edgeIds.filter((id) => working.edges[id]);
      const eventId = reading.eventId !== null && working.events[reading.eventId] ? reading.eventId : null;
      return { ...op, reading: { ...reading, nodeIds, edgeIds, eventId } };
    }
    case 'reading.include':
    case 'reading.exclude': {
      const reading = working.readings[op.id];
      if (!reading) return gone(op.id);
      const including = op.type === 'reading.include';
      const keep = (field: 'nodeIds' | 'edgeIds', collection: Collection) => (id: string) => {
        if (including && !working[collection][id]) {
          // A member whose own restore failed was reported then; say nothing twice.
          if (!notRestored.has(id)) report(`Could not put ${entityName(expected, id)} back into ${entityName(working, op.id)}: it was deleted since`);
          return false;
        }
        if (owner.isMine('readings', op.id, field, id)) return true;
        // Only say so when the undo would have changed something.
        if (reading[field].includes(id) !== including) report(`${capitalise(entityName(working, id))} was put in or taken out of ${entityName(working, op.id)} by someone else since; left as it is`);
        return false;
      };
      const nodeIds = op.nodeIds.filter(keep('nodeIds', 'nodes'));
      const edgeIds = op.edgeIds.filter(keep('edgeIds', 'edges'));
      return nodeIds.length + edgeIds.length > 0 ? { ...op, nodeIds, edgeIds } : null;
    }
    case 'node.create':
    case 'edge.create':
    case 'argument.create':
    case 'event.create':
      return op;
  }
}

/** The update restricted to the fields that are still mine. */
function keepMyFields(op: UpdateOp, owner: Ownership, report: Report): Op | null {
  const patch: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(op.patch)) {
    if (owner.isMine(collectionOf(op), op.id, field)) {
      patch[field] = value;
      continue;
    }
    const label = FIELD_NAMES[field] ?? field;
    const verb = label.endsWith('s') ? 'were' : 'was';
    report(`${label} of ${entityName(owner.real, op.id)} ${verb} changed by someone else since; left as it is`);
  }
  return Object.keys(patch).length > 0 ? ({ ...op, patch } as Op) : null;
}
