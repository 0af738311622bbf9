import { z } from 'zod';
import { storableString } from './text.js';
import { Id } from './ids.js';
import { EdgeKind, NodeKind } from './kinds.js';
import { QuoteSelector } from './quote.js';

export const NODE_TEXT_MAX = 10_000;
/** Canvas coordinates are bounded so a bad client cannot push nodes to infinity. */
export const Coordinate = z.number().finite().min(-1e6).max(1e6);

/**
 * A node of the argument graph. Evidence nodes carry the quotation's selectors; other kinds never do.
 * `x`/`y` are canvas coordinates of the node box's top-left corner (as React Flow places nodes).
 */
export const GraphNode = z.object({
  id: Id,
  kind: NodeKind,
  /** Claim/question/note text; for evidence, an optional caption (the quotation itself is `quote.exact`). */
  text: storableString().max(NODE_TEXT_MAX),
  x: Coordinate,
  y: Coordinate,
  quote: QuoteSelector.nullable(),
  authorId: Id.nullable(),
});
export type GraphNode = z.infer<typeof GraphNode>;

/**
 * A relation. `toId` names a node, or — for `undercuts` only — an edge or an argument.
 * Ids are UUIDs, unique across nodes, edges and arguments, so the target's type is found by lookup.
 */
export const GraphEdge = z.object({
  id: Id,
  kind: EdgeKind,
  fromId: Id,
  toId: Id,
  label: storableString().max(500).default(''),
  authorId: Id.nullable(),
});
export type GraphEdge = z.infer<typeof GraphEdge>;

/**
 * A premise–conclusion argument: the premises jointly support the conclusion (one inference, not several
 * independent supports). Drawn as a small inference node; an `undercuts` edge may target it.
 */
export const GraphArgument = z.object({
  id: Id,
  conclusionId: Id,
  premiseIds: z.array(Id).min(1).max(50),
  label: storableString().max(500).default(''),
  x: Coordinate,
  y: Coordinate,
  authorId: Id.nullable(),
});
export type GraphArgument = z.infer<typeof GraphArgument>;

/** Something that happened, which readings disagree about (China 1925–27, Vietnam 1945). */
export const GraphEvent = z.object({
  id: Id,
  title: storableString().trim().min(1).max(200),
  period: storableString().max(100).default(''),
  description: storableString().max(5000).default(''),
});
export type GraphEvent = z.infer<typeof GraphEvent>;

/**
 * A named interpretation of an event: a subset of the map's nodes and edges, held by a member or by the author
 * of a source. A node or edge may belong to several readings; deleting it removes it from all of them.
 */
export const GraphReading = z.object({
  id: Id,
  eventId: Id.nullable(),
  title: storableString().trim().min(1).max(200),
  /** Who holds this reading: a member's name or a source's author. */
  authorName: storableString().max(200).default(''),
  description: storableString().max(5000).default(''),
  nodeIds: z.array(Id).max(10_000),
  edgeIds: z.array(Id).max(20_000),
});
export type GraphReading = z.infer<typeof GraphReading>;

/** The map's graph as applyOp sees it: entities by id. Treated as immutable. */
export interface Graph {
  readonly nodes: Readonly<Record<string, GraphNode>>;
  readonly edges: Readonly<Record<string, GraphEdge>>;
  readonly arguments: Readonly<Record<string, GraphArgument>>;
  readonly events: Readonly<Record<string, GraphEvent>>;
  readonly readings: Readonly<Record<string, GraphReading>>;
}

export const emptyGraph: Graph = { nodes: {}, edges: {}, arguments: {}, events: {}, readings: {} };

/** Indexes entity lists (as a snapshot carries them) by id. */
export function graphFromLists(lists: {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  arguments: readonly GraphArgument[];
  events?: readonly GraphEvent[];
  readings?: readonly GraphReading[];
}): Graph {
  const byId = <T extends { id: string }>(list: readonly T[] = []) => Object.fromEntries(list.map((x) => [x.id, x]));
  return {
    nodes: byId(lists.nodes),
    edges: byId(lists.edges),
    arguments: byId(lists.arguments),
    events: byId(lists.events),
    readings: byId(lists.readings),
  };
}

/** The inverse of graphFromLists, in a stable order (by id) so two equal graphs give equal lists. */
export function graphToLists(graph: Graph) {
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    nodes: Object.values(graph.nodes).sort(byId),
    edges: Object.values(graph.edges).sort(byId),
    arguments: Object.values(graph.arguments).sort(byId),
    events: Object.values(graph.events).sort(byId),
    readings: Object.values(graph.readings).sort(byId),
  };
}
