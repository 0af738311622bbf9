import type { Graph, GraphReading } from './graph.js';
import type { OpError } from './errors.js';
import type { OpOf } from './ops.js';

type ReadingOp = OpOf<
  'event.create' | 'event.update' | 'event.delete' | 'reading.create' | 'reading.update' | 'reading.delete' | 'reading.include' | 'reading.exclude'
>;
type Result = { ok: true; graph: Graph } | { ok: false; error: OpError };

const fail = (code: OpError['code'], message: string): Result => ({ ok: false, error: { code, message } });

/** Applies the ops on events and readings (see applyOp for the contract). */
export function applyReadingOp(graph: Graph, op: ReadingOp, idTaken: (id: string) => boolean): Result {
  switch (op.type) {
    case 'event.create':
      if (idTaken(op.event.id)) return fail('DUPLICATE_ID', `Id ${op.event.id} is already used in this map.`);
      return { ok: true, graph: { ...graph, events: { ...graph.events, [op.event.id]: op.event } } };
    case 'event.update': {
      const event = graph.events[op.id];
      if (!event) return fail('EVENT_NOT_FOUND', `Event ${op.id} does not exist (it may have been deleted).`);
      return { ok: true, graph: { ...graph, events: { ...graph.events, [op.id]: { ...event, ...op.patch } } } };
    }
    case 'event.delete': {
      if (!graph.events[op.id]) return fail('EVENT_NOT_FOUND', `Event ${op.id} does not exist (it may have been deleted).`);
      const events = { ...graph.events };
      delete events[op.id];
      const readings = mapValues(graph.readings, (r) => (r.eventId === op.id ? { ...r, eventId: null } : r));
      return { ok: true, graph: { ...graph, events, readings } };
    }
    case 'reading.create': {
      const { reading } = op;
      if (idTaken(reading.id)) return fail('DUPLICATE_ID', `Id ${reading.id} is already used in this map.`);
      const error = checkMembers(graph, reading.eventId, reading.nodeIds, reading.edgeIds);
      if (error) return { ok: false, error };
      const created: GraphReading = { ...reading, nodeIds: unique(reading.nodeIds), edgeIds: unique(reading.edgeIds) };
      return { ok: true, graph: { ...graph, readings: { ...graph.readings, [reading.id]: created } } };
    }
    case 'reading.update': {
      const reading = graph.readings[op.id];
      if (!reading) return fail('READING_NOT_FOUND', `Reading ${op.id} does not exist (it may have been deleted).`);
      const error = checkMembers(graph, op.patch.eventId ?? null, [], []);
      if (error) return { ok: false, error };
      return { ok: true, graph: { ...graph, readings: { ...graph.readings, [op.id]: { ...reading, ...op.patch } } } };
    }
    case 'reading.delete': {
      if (!graph.readings[op.id]) return fail('READING_NOT_FOUND', `Reading ${op.id} does not exist (it may have been deleted).`);
      const readings = { ...graph.readings };
      delete readings[op.id];
      return { ok: true, graph: { ...graph, readings } };
    }
    case 'reading.include':
    case 'reading.exclude': {
      const reading = graph.readings[op.id];
      if (!reading) return fail('READING_NOT_FOUND', `Reading ${op.id} does not exist (it may have been deleted).`);
      let nodeIds: string[];
      let edgeIds: string[];
      if (op.type === 'reading.include') {
        const error = checkMembers(graph, null, op.nodeIds, op.edgeIds);
        if (error) return { ok: false, error };
        nodeIds = unique([...reading.nodeIds, ...op.nodeIds]);
        edgeIds = unique([...reading.edgeIds, ...op.edgeIds]);
      } else {
        // Excluding what is not there is a no-op, so a concurrent exclude of the same thing cannot fail.
        const dropNodes = new Set(op.nodeIds);
        const dropEdges = new Set(op.edgeIds);
        nodeIds = reading.nodeIds.filter((id) => !dropNodes.has(id));
        edgeIds = reading.edgeIds.filter((id) => !dropEdges.has(id));
      }
      return { ok: true, graph: { ...graph, readings: { ...graph.readings, [op.id]: { ...reading, nodeIds, edgeIds } } } };
    }
  }
}

function checkMembers(graph: Graph, eventId: string | null, nodeIds: readonly string[], edgeIds: readonly string[]): OpError | null {
  if (eventId !== null && !graph.events[eventId]) return { code: 'EVENT_NOT_FOUND', message: `Event ${eventId} is not an event of this map.` };
  const missingNode = nodeIds.find((id) => !graph.nodes[id]);
  if (missingNode) return { code: 'TARGET_NOT_FOUND', message: `A reading can only hold nodes of this map; ${missingNode} is not one.` };
  const missingEdge = edgeIds.find((id) => !graph.edges[id]);
  if (missingEdge) return { code: 'TARGET_NOT_FOUND', message: `A reading can only hold edges of this map; ${missingEdge} is not one.` };
  return null;
}

/** Reading members are sets, kept sorted so a replayed graph equals one loaded from the database. */
const unique = (ids: readonly string[]) => [...new Set(ids)].sort();

function mapValues<T>(record: Readonly<Record<string, T>>, fn: (value: T) => T): Record<string, T> {
  let changed = false;
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(record)) {
    const next = fn(value);
    if (next !== value) changed = true;
    out[key] = next;
  }
  return changed ? out : (record as Record<string, T>);
}

/** Drops removed nodes and edges from every reading that held them; untouched readings keep their identity. */
export function pruneReadings(
  readings: Readonly<Record<string, GraphReading>>,
  goneNodes: ReadonlySet<string>,
  goneEdges: ReadonlySet<string>,
): Readonly<Record<string, GraphReading>> {
  if (goneNodes.size === 0 && goneEdges.size === 0) return readings;
  return mapValues(readings, (reading) => {
    const nodeIds = reading.nodeIds.filter((id) => !goneNodes.has(id));
    const edgeIds = reading.edgeIds.filter((id) => !goneEdges.has(id));
    return nodeIds.length === reading.nodeIds.length && edgeIds.length === reading.edgeIds.length ? reading : { ...reading, nodeIds, edgeIds };
  });
}
