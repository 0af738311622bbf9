import { z } from 'zod';
import { Id } from './ids.js';
import { EdgeKind, NodeKind } from './kinds.js';
import { QuoteSelector } from './quote.js';
import { Coordinate, GraphArgument, GraphEdge, GraphNode, NODE_TEXT_MAX } from './graph.js';

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
      text: z.string().max(NODE_TEXT_MAX),
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
    .object({ kind: EdgeKind, label: z.string().max(500) })
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
      label: z.string().max(500),
    })
    .partial()
    .refine((p) => Object.keys(p).length > 0, 'patch must change at least one field'),
});

/** Deleting an argument keeps its premise and conclusion nodes; undercuts of it go too. */
const ArgumentDelete = z.object({ type: z.literal('argument.delete'), id: Id });

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
]);
export type Op = z.infer<typeof Op>;
export type OpType = Op['type'];
export type OpOf<T extends OpType> = Extract<Op, { type: T }>;

/** Most ops one batch may carry (a whole imported map is split into several batches). */
export const MAX_OPS_PER_BATCH = 5_000;
