import { z } from 'zod';
import { storableString } from './text.js';
import { Id } from './ids.js';
import { EdgeKind, NodeKind } from './kinds.js';
import { QuoteSelector } from './quote.js';
import { Coordinate, GraphArgument, GraphEdge, GraphEvent, GraphNode, GraphReading, NODE_TEXT_MAX } from './graph.js';

/** Creating a node; the author is set by the server from who is acting, never trusted from the client. */
const NodeCreate = z.object({
  type: z.literal('node.create'),
  node: GraphNode.omit({ authorId: true }),
});

/** Field-level update: each field present is written (last writer wins per field). */
const NodeUpdate = z.object({
  type: z.literal('node.update'),
  id: Id,
  patch: z
    .object({
      text: storableString().max(NODE_TEXT_MAX),
      kind: NodeKind,
      quote: QuoteSelector.nullable(),
    })
    .partial()
    .refine((p) => Object.keys(p).length > 0, 'patch must change at least one field'),
});

/** Deleting a node also deletes its edges, arguments it concludes, and undercuts of those. */
const NodeDelete = z.object({ type: z.literal('node.delete'), id: Id });

/** Moves nodes and argument markers; a drag is stored once, when it ends. */
const NodesMove = z.object({
  type: z.literal('nodes.move'),
  moves: z.array(z.object({ id: Id, x: Coordinate, y: Coordinate })).min(1).max(10_000),
});

const EdgeCreate = z.object({
  type: z.literal('edge.create'),
  edge: GraphEdge.omit({ authorId: true }),
});

const EdgeUpdate = z.object({
  type: z.literal('edge.update'),
  id: Id,
  patch: z
    .object({ kind: EdgeKind, label: storableString().max(500) })
    .partial()
    .refine((p) => Object.keys(p).length > 0, 'patch must change at least one field'),
});

/** Deleting an edge also deletes undercuts that target it. */
const EdgeDelete = z.object({ type: z.literal('edge.delete'), id: Id });

const ArgumentCreate = z.object({
  type: z.literal('argument.create'),
  argument: GraphArgument.omit({ authorId: true }),
});

const ArgumentUpdate = z.object({
  type: z.literal('argument.update'),
  id: Id,
  patch: z
    .object({
      conclusionId: Id,
      premiseIds: z.array(Id).min(1).max(50),
      label: storableString().max(500),
    })
    .partial()
    .refine((p) => Object.keys(p).length > 0, 'patch must change at least one field'),
});

/** Deleting an argument keeps its premise and conclusion nodes; undercuts of it go too. */
const ArgumentDelete = z.object({ type: z.literal('argument.delete'), id: Id });

const EventCreate = z.object({ type: z.literal('event.create'), event: GraphEvent });
const EventUpdate = z.object({
  type: z.literal('event.update'),
  id: Id,
  // Without the defaults: a patch must not reset the fields it leaves out.
  patch: z
    .object({ title: GraphEvent.shape.title, period: GraphEvent.shape.period.unwrap(), description: GraphEvent.shape.description.unwrap() })
    .partial()
    .refine((p) => Object.keys(p).length > 0, 'patch must change at least one field'),
});
/** Deleting an event keeps its readings, unattached. */
const EventDelete = z.object({ type: z.literal('event.delete'), id: Id });

const ReadingCreate = z.object({ type: z.literal('reading.create'), reading: GraphReading });
/** Changes a reading's own fields; membership changes with reading.include / reading.exclude. */
const ReadingUpdate = z.object({
  type: z.literal('reading.update'),
  id: Id,
  patch: z
    .object({
      eventId: GraphReading.shape.eventId,
      title: GraphReading.shape.title,
      authorName: GraphReading.shape.authorName.unwrap(),
      description: GraphReading.shape.description.unwrap(),
    })
    .partial()
    .refine((p) => Object.keys(p).length > 0, 'patch must change at least one field'),
});
const ReadingDelete = z.object({ type: z.literal('reading.delete'), id: Id });
/**
 * Adds nodes and edges to a reading, or removes them. Set operations rather than a whole new list, so two
 * members adding different claims to one reading at the same time both keep their additions.
 */
const ReadingMembers = {
  id: Id,
  nodeIds: z.array(Id).max(10_000).default([]),
  edgeIds: z.array(Id).max(20_000).default([]),
};
const ReadingInclude = z.object({ type: z.literal('reading.include'), ...ReadingMembers });
const ReadingExclude = z.object({ type: z.literal('reading.exclude'), ...ReadingMembers });

/** Every change to a map. The server, the web client, undo, replay and tests all apply these with applyOp. */
export const Op = z.discriminatedUnion('type', [
  NodeCreate,
  NodeUpdate,
  NodeDelete,
  NodesMove,
  EdgeCreate,
  EdgeUpdate,
  EdgeDelete,
  ArgumentCreate,
  ArgumentUpdate,
  ArgumentDelete,
  EventCreate,
  EventUpdate,
  EventDelete,
  ReadingCreate,
  ReadingUpdate,
  ReadingDelete,
  ReadingInclude,
  ReadingExclude,
]);
export type Op = z.infer<typeof Op>;
export type OpType = Op['type'];
export type OpOf<T extends OpType> = Extract<Op, { type: T }>;

/** Most ops one batch may carry (a whole imported map is split into several batches). */
export const MAX_OPS_PER_BATCH = 5_000;
