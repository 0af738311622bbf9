import fc from 'fast-check';
import { applyOp, type ApplyContext } from '../apply-op.js';
import type { Graph, GraphArgument } from '../graph.js';
import { EdgeKind, NodeKind } from '../kinds.js';
import type { Op } from '../ops.js';

/**
 * Random ops over small id pools (for the history property tests), so ops collide, target each other, cascade and
 * get rejected often. Every op type is generated; `accepted` keeps the ones applyOp takes, which makes a valid
 * sequence out of any random one.
 */
const pool = (tag: string, size: number) =>
  Array.from({ length: size }, (_, i) => `00000000-0000-4000-8000-${tag}${String(i).padStart(10, '0')}`);
export const NODE_IDS = pool('aa', 6);
export const EDGE_IDS = pool('bb', 6);
export const ARGUMENT_IDS = pool('cc', 3);
export const EVENT_IDS = pool('dd', 2);
export const READING_IDS = pool('ee', 2);
const SOURCE = '00000000-0000-4000-8000-0000000000ff';

const nodeId = fc.constantFrom(...NODE_IDS);
const edgeId = fc.constantFrom(...EDGE_IDS);
const argumentId = fc.constantFrom(...ARGUMENT_IDS);
const eventId = fc.constantFrom(...EVENT_IDS);
const readingId = fc.constantFrom(...READING_IDS);
const coord = fc.integer({ min: -50, max: 50 });
const text = fc.constantFrom('a', 'b', 'Workers need a party', '');
const quote = (exact: string) => ({ sourceId: SOURCE, exact, prefix: '', suffix: '', start: 0, end: exact.length });
const nodeKind = fc.oneof({ weight: 6, arbitrary: fc.constant('claim' as const) }, { weight: 4, arbitrary: fc.constantFrom(...NodeKind.options) });
const edgeKind = fc.oneof({ weight: 2, arbitrary: fc.constant('undercuts' as const) }, { weight: 5, arbitrary: fc.constantFrom(...EdgeKind.options) });
const ids = <T>(arb: fc.Arbitrary<T>) => fc.uniqueArray(arb, { minLength: 0, maxLength: 2 });

const nodeCreate = fc.record({ id: nodeId, kind: nodeKind, text, x: coord, y: coord }).map(
  ({ kind, ...node }): Op => ({ type: 'node.create', node: { ...node, kind, quote: kind === 'evidence' ? quote('words') : null } }),
);

/** Updates of kind carry the quote an evidence node needs (or drop it), so kind changes are often accepted. */
const nodeUpdate = fc
  .record({ id: nodeId, kind: fc.option(nodeKind, { nil: undefined }), text: fc.option(text, { nil: undefined }), requote: fc.boolean() })
  .map(({ id, kind, text, requote }): Op => {
    const patch: Record<string, unknown> = {};
    if (kind !== undefined) Object.assign(patch, { kind, quote: kind === 'evidence' ? quote('other words') : null });
    else if (requote) patch.quote = quote('new words');
    if (text !== undefined || Object.keys(patch).length === 0) patch.text = text ?? 'edited';
    return { type: 'node.update', id, patch } as Op;
  });

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: nodeCreate },
  { weight: 2, arbitrary: nodeUpdate },
  { weight: 2, arbitrary: nodeId.map((id): Op => ({ type: 'node.delete', id })) },
  fc.array(fc.record({ id: fc.oneof(nodeId, argumentId), x: coord, y: coord }), { minLength: 1, maxLength: 3 }).map((moves): Op => ({ type: 'nodes.move', moves })),
  { weight: 12, arbitrary: edgeKind
    .chain((kind) => fc.record({ id: edgeId, kind: fc.constant(kind), fromId: nodeId, toId: kind === 'undercuts' ? fc.oneof(edgeId, argumentId) : nodeId, label: text }))
    .map((edge): Op => ({ type: 'edge.create', edge })) },
  fc.record({ id: edgeId, kind: fc.option(edgeKind, { nil: undefined }), label: text }).map(({ id, kind, label }): Op =>
    ({ type: 'edge.update', id, patch: kind ? { kind } : { label } })),
  edgeId.map((id): Op => ({ type: 'edge.delete', id })),
  { weight: 3, arbitrary: fc.record({ id: argumentId, conclusionId: nodeId, premiseIds: fc.uniqueArray(nodeId, { minLength: 1, maxLength: 3 }), x: coord })
    .map(({ x, ...argument }): Op => ({ type: 'argument.create', argument: { ...argument, label: '', x, y: x } })) },
  // A premise drawn from the edge pool is aimed at the author of an undercut of the argument (see `aim`).
  { weight: 3, arbitrary: fc.record({ id: argumentId, premiseIds: fc.uniqueArray(fc.oneof(nodeId, edgeId), { minLength: 1, maxLength: 3 }), label: text, which: fc.nat(2) })
    .map(({ id, premiseIds, label, which }): Op => ({ type: 'argument.update', id, patch: which === 0 ? { label } : which === 1 ? { premiseIds } : { premiseIds, label } })) },
  argumentId.map((id): Op => ({ type: 'argument.delete', id })),
  fc.record({ id: eventId, title: fc.constantFrom('China 1925–27', 'Vietnam 1945') }).map(({ id, title }): Op =>
    ({ type: 'event.create', event: { id, title, period: '', description: '' } })),
  fc.record({ id: eventId, period: fc.constantFrom('1925', '1945') }).map(({ id, period }): Op => ({ type: 'event.update', id, patch: { period } })),
  eventId.map((id): Op => ({ type: 'event.delete', id })),
  { weight: 2, arbitrary: fc.record({ id: readingId, eventId: fc.option(eventId), title: fc.constantFrom('Trotsky', 'Stalin') }).map(({ id, eventId, title }): Op =>
    ({ type: 'reading.create', reading: { id, eventId, title, authorName: '', description: '', nodeIds: [], edgeIds: [] } })) },
  fc.record({ id: readingId, eventId: fc.option(eventId), title: fc.constantFrom('Trotsky', 'Stalin') }).map(({ id, eventId, title }): Op =>
    ({ type: 'reading.update', id, patch: eventId === null ? { title } : { eventId } })),
  readingId.map((id): Op => ({ type: 'reading.delete', id })),
  { weight: 10, arbitrary: fc.record({ id: readingId, nodeIds: ids(nodeId), edgeIds: ids(edgeId) }).map((members): Op => ({ type: 'reading.include', ...members })) },
  { weight: 2, arbitrary: fc.record({ id: readingId, nodeIds: ids(nodeId), edgeIds: ids(edgeId) }).map((members): Op => ({ type: 'reading.exclude', ...members })) },
);

/** A few nodes first, so later ops have something to relate, then anything. */
export const setupArb = fc
  .tuple(fc.array(nodeCreate, { minLength: 3, maxLength: 8, size: 'max' }), fc.array(opArb, { maxLength: 80, size: 'max' }))
  .map(([nodes, rest]) => [...nodes, ...rest]);

export const changeArb = fc.array(opArb, { minLength: 1, maxLength: 30, size: 'max' });

/**
 * Applies what applyOp accepts and leaves out the rest: the accepted ops form a valid sequence on `graph`. Each op is
 * first aimed at the graph (see `aim`), so most ops land on something that exists instead of being rejected.
 */
export function accepted(graph: Graph, ops: readonly Op[], ctx: ApplyContext): { graph: Graph; ops: Op[] } {
  const kept: Op[] = [];
  let current = graph;
  for (const raw of ops) {
    const op = aim(current, raw);
    const result = applyOp(current, op, ctx);
    if (!result.ok) continue;
    kept.push(op);
    current = result.graph;
  }
  return { graph: current, ops: kept };
}

/** Every graph an accepted sequence passes through: `before`, then the graph after each op. */
export function graphsAlong(before: Graph, ops: readonly Op[], ctx: ApplyContext): Graph[] {
  const graphs = [before];
  for (const op of ops) {
    const result = applyOp(graphs.at(-1)!, op, ctx);
    if (!result.ok) throw new Error(`not an accepted sequence: ${result.error.message}`);
    graphs.push(result.graph);
  }
  return graphs;
}

/** Replaces a referenced id the graph lacks by an existing one of the same family (chosen by the id's pool index). */
function aim(graph: Graph, op: Op): Op {
  const pick = (family: Record<string, unknown>) => (id: string) => {
    const existing = Object.keys(family);
    if (id in family || existing.length === 0) return id;
    return existing[Number.parseInt(id.slice(-4), 10) % existing.length]!;
  };
  const [node, edge, argument, event, reading] = [graph.nodes, graph.edges, graph.arguments, graph.events, graph.readings].map(pick);
  const set = (ids: string[], to: (id: string) => string) => [...new Set(ids.map(to))];
  const inference = (id: string) => (graph.edges[id] || graph.arguments[id] ? id : EDGE_IDS.includes(id) ? edge!(id) : argument!(id));
  switch (op.type) {
    case 'node.update':
    case 'node.delete':
      return { ...op, id: node!(op.id) };
    case 'nodes.move':
      return { ...op, moves: op.moves.map((move) => ({ ...move, id: NODE_IDS.includes(move.id) ? node!(move.id) : argument!(move.id) })) };
    case 'edge.create': {
      const toId = op.edge.kind === 'undercuts' ? inference(op.edge.toId) : node!(op.edge.toId);
      return { ...op, edge: { ...op.edge, fromId: node!(op.edge.fromId), toId } };
    }
    case 'edge.update':
    case 'edge.delete':
      return { ...op, id: edge!(op.id) };
    case 'argument.create':
      return { ...op, argument: { ...op.argument, conclusionId: node!(op.argument.conclusionId), premiseIds: set(op.argument.premiseIds, node!) } };
    case 'argument.update': {
      const id = argument!(op.id);
      // applyOp does not stop a premise from undercutting its own argument; make that state common enough to test.
      const undercutter = Object.values(graph.edges).find((e) => e.kind === 'undercuts' && e.toId === id)?.fromId;
      const premise = (p: string) => (EDGE_IDS.includes(p) && undercutter ? undercutter : node!(p));
      return { ...op, id, patch: op.patch.premiseIds ? { ...op.patch, premiseIds: set(op.patch.premiseIds, premise) } : op.patch };
    }
    case 'argument.delete':
      return { ...op, id: argument!(op.id) };
    case 'event.update':
    case 'event.delete':
      return { ...op, id: event!(op.id) };
    case 'reading.create':
      return { ...op, reading: { ...op.reading, eventId: op.reading.eventId && event!(op.reading.eventId) } };
    case 'reading.update':
      return { ...op, id: reading!(op.id), patch: op.patch.eventId ? { ...op.patch, eventId: event!(op.patch.eventId) } : op.patch };
    case 'reading.delete':
      return { ...op, id: reading!(op.id) };
    case 'reading.include':
    case 'reading.exclude':
      return { ...op, id: reading!(op.id), nodeIds: set(op.nodeIds, node!), edgeIds: set(op.edgeIds, edge!) };
    default:
      return op;
  }
}
