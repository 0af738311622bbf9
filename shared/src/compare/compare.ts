import type { Graph, GraphReading } from '../graph.js';
import type { Agreement, Comparison, CrossAttack, NodeUse } from './schema.js';

type Support = Agreement['support'][number];

/** One reading, indexed for the comparison: its claim/evidence nodes, its uses of them, its supports of claims. */
interface Indexed {
  reading: GraphReading;
  nodes: Set<string>;
  /** Node id → how this reading uses it (its own edges out of it, and arguments it is a premise of). */
  uses: Map<string, NodeUse[]>;
  /** Claim id → what this reading gives for it (its own supports/quotes edges into it, and its arguments for it). */
  supports: Map<string, Support[]>;
}

const USE_EDGE_KINDS: ReadonlySet<string> = new Set(['quotes', 'supports', 'attacks']);

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function indexReading(graph: Graph, reading: GraphReading): Indexed {
  const nodes = new Set(reading.nodeIds.filter((id) => ['claim', 'evidence'].includes(graph.nodes[id]?.kind ?? '')));
  const uses = new Map<string, NodeUse[]>();
  const supports = new Map<string, Support[]>();
  for (const edgeId of reading.edgeIds) {
    const edge = graph.edges[edgeId];
    if (!edge || !USE_EDGE_KINDS.has(edge.kind) || !nodes.has(edge.fromId) || !nodes.has(edge.toId)) continue;
    const kind = edge.kind as NodeUse['kind'];
    push(uses, edge.fromId, { readingId: reading.id, kind, viaId: edge.id, targetId: edge.toId });
    if (kind !== 'attacks') push(supports, edge.toId, { readingId: reading.id, kind, viaId: edge.id, fromId: edge.fromId });
  }
  // Arguments are not members of readings: a reading makes an argument when it holds all of its nodes.
  for (const argument of Object.values(graph.arguments)) {
    if (!nodes.has(argument.conclusionId) || !argument.premiseIds.every((p) => nodes.has(p))) continue;
    for (const premise of argument.premiseIds) {
      push(uses, premise, { readingId: reading.id, kind: 'argument', viaId: argument.id, targetId: argument.conclusionId });
      push(supports, argument.conclusionId, { readingId: reading.id, kind: 'argument', viaId: argument.id, fromId: premise });
    }
  }
  return { reading, nodes, uses, supports };
}

/**
 * Compares two or more readings of a map: the evidence several of them cite and how each uses it, what only
 * one holds, the attacks and undercuts from one reading on another, and the claims they share with the support
 * each gives them. Pure; the server's compare route and the web's compare view both call it.
 *
 * A reading's uses and supports are its own edges (members) between its own nodes; attacks across readings are
 * looked for among all the map's edges, since an edge between two readings usually belongs to neither.
 *
 * @throws RangeError when fewer than two distinct readings are named or one is not in the graph.
 */
export function compareReadings(graph: Graph, readingIds: readonly string[]): Comparison {
  if (readingIds.length < 2 || new Set(readingIds).size !== readingIds.length) {
    throw new RangeError('Compare two or more different readings.');
  }
  const indexed = readingIds.map((id) => {
    const reading = graph.readings[id];
    if (!reading) throw new RangeError(`Reading ${id} is not in this map.`);
    return indexReading(graph, reading);
  });
  const holders = (nodeId: string) => indexed.filter((r) => r.nodes.has(nodeId));
  const ids = (list: readonly Indexed[]) => list.map((r) => r.reading.id);

  const position = (id: string) => graph.nodes[id] ?? graph.arguments[id];
  const canvasOrder = (a: string, b: string) => {
    const pa = position(a);
    const pb = position(b);
    return (pa?.y ?? 0) - (pb?.y ?? 0) || (pa?.x ?? 0) - (pb?.x ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
  };
  const allNodes = [...new Set(indexed.flatMap((r) => [...r.nodes]))].sort(canvasOrder);
  // Within one reading, uses and supports in canvas order too (sort is stable: edges before arguments on ties).
  for (const r of indexed) {
    for (const list of r.uses.values()) list.sort((x, y) => canvasOrder(x.targetId, y.targetId));
    for (const list of r.supports.values()) list.sort((x, y) => canvasOrder(x.fromId, y.fromId));
  }

  const sharedEvidence = allNodes
    .filter((id) => graph.nodes[id]!.kind === 'evidence' && holders(id).length >= 2)
    .map((id) => {
      const held = holders(id);
      return { evidenceId: id, readingIds: ids(held), uses: held.flatMap((r) => r.uses.get(id) ?? []) };
    });

  const only = indexed.map((r) => {
    const mine = allNodes.filter((id) => r.nodes.has(id) && holders(id).length === 1);
    return {
      readingId: r.reading.id,
      claimIds: mine.filter((id) => graph.nodes[id]!.kind === 'claim'),
      evidenceIds: mine.filter((id) => graph.nodes[id]!.kind === 'evidence'),
    };
  });

  const agreements = allNodes
    .filter((id) => graph.nodes[id]!.kind === 'claim' && holders(id).length >= 2)
    .map((id) => {
      const held = holders(id);
      const support = held.flatMap((r) => r.supports.get(id) ?? []);
      return { claimId: id, readingIds: ids(held), support, supportedBy: ids(held.filter((r) => r.supports.has(id))) };
    });

  return {
    readings: indexed.map(({ reading }) => ({ id: reading.id, title: reading.title, authorName: reading.authorName, eventId: reading.eventId })),
    sharedEvidence,
    only,
    crossAttacks: crossAttacks(graph, indexed, canvasOrder),
    agreements,
  };
}

function crossAttacks(graph: Graph, indexed: readonly Indexed[], canvasOrder: (a: string, b: string) => number): CrossAttack[] {
  const found: { attack: CrossAttack; at: string }[] = [];
  for (const edge of Object.values(graph.edges)) {
    let holdsTarget: (r: Indexed) => boolean;
    let at: string;
    if (edge.kind === 'attacks') {
      holdsTarget = (r) => r.nodes.has(edge.toId);
      at = edge.toId;
    } else if (edge.kind === 'undercuts') {
      // A reading makes an inference when it holds the edge's source or the argument's conclusion.
      const maker = graph.edges[edge.toId]?.fromId ?? graph.arguments[edge.toId]?.conclusionId;
      if (!maker) continue;
      holdsTarget = (r) => r.nodes.has(maker);
      at = graph.edges[edge.toId]?.toId ?? maker;
    } else continue;
    const by = indexed.filter((r) => r.nodes.has(edge.fromId) && !holdsTarget(r));
    const against = indexed.filter((r) => holdsTarget(r) && !r.nodes.has(edge.fromId));
    if (by.length === 0 || against.length === 0) continue;
    const attack: CrossAttack = {
      edgeId: edge.id,
      kind: edge.kind,
      fromId: edge.fromId,
      targetId: edge.toId,
      byReadingIds: by.map((r) => r.reading.id),
      againstReadingIds: against.map((r) => r.reading.id),
    };
    found.push({ attack, at });
  }
  return found.sort((a, b) => canvasOrder(a.at, b.at) || (a.attack.edgeId < b.attack.edgeId ? -1 : 1)).map((f) => f.attack);
}
