import { z } from 'zod';
import { Id } from './ids.js';
import { Coordinate } from './graph.js';
import { MapSnapshot, OpLogEntry, SubmitOpsBody } from './map.js';
import { ErrorCode } from './errors.js';
import { Comment, Stance } from './group.js';

/**
 * The live protocol: one WebSocket per open map at /api/maps/:mapId/live. Ops are durable before they are
 * broadcast; presence is relayed and never stored. Every message is a JSON object validated by these schemas.
 */

/** How far behind a joining client may be before it gets a snapshot instead of the ops it missed. */
export const MAX_CATCHUP_OPS = 1_000;
/** Clients send presence at most this often; the server relays it at this rate, coalescing what comes faster. */
export const PRESENCE_HZ = 30;

export const PresenceState = z.object({
  /** Pointer position in canvas (flow) coordinates, or null when the pointer left the canvas. */
  cursor: z.object({ x: Coordinate, y: Coordinate }).nullable(),
  selection: z.array(Id).max(500),
  /** The node whose text this member is typing in. */
  editing: Id.nullable(),
  /** Nodes being dragged right now, where they are (the final position is stored as one nodes.move op). */
  dragging: z.array(z.object({ id: Id, x: Coordinate, y: Coordinate })).max(500).nullable(),
});
export type PresenceState = z.infer<typeof PresenceState>;

export const emptyPresence: PresenceState = { cursor: null, selection: [], editing: null, dragging: null };

/** Another member in the map: one per open connection (a member with two tabs shows twice). */
export const Peer = z.object({
  connectionId: Id,
  user: z.object({ id: Id, name: z.string(), color: z.string() }),
  presence: PresenceState,
});
export type Peer = z.infer<typeof Peer>;

export const ClientMessage = z.discriminatedUnion('type', [
  /** First message: the version the client has (0 for none). Answered with `catchup` or `snapshot`. */
  z.object({ type: z.literal('join'), version: z.number().int().nonnegative() }),
  /** An op batch, exactly as POST /api/maps/:mapId/ops takes it. Answered with `ack` or `reject`. */
  z.object({ type: z.literal('submit') }).extend(SubmitOpsBody.shape),
  z.object({ type: z.literal('presence') }).extend(PresenceState.shape),
  z.object({ type: z.literal('ping') }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export const ServerMessage = z.discriminatedUnion('type', [
  /** Sent on connect: who you are, and who else is here. */
  z.object({ type: z.literal('welcome'), connectionId: Id, user: Peer.shape.user, peers: z.array(Peer) }),
  /** The ops after the version you joined with, in order. */
  z.object({ type: z.literal('catchup'), entries: z.array(OpLogEntry), version: z.number().int().nonnegative() }),
  /** You were too far behind (or ahead): start again from this. */
  z.object({ type: z.literal('snapshot'), snapshot: MapSnapshot }),
  /** Ops just committed by anyone (you included), in version order. */
  z.object({ type: z.literal('ops'), entries: z.array(OpLogEntry) }),
  z.object({
    type: z.literal('ack'),
    clientSeq: z.number().int().nonnegative(),
    versions: z.array(z.number().int().positive()),
    version: z.number().int().positive(),
    duplicate: z.boolean(),
    actorId: Id,
  }),
  /** Your batch was refused as a whole; nothing was written. */
  z.object({
    type: z.literal('reject'),
    clientSeq: z.number().int().nonnegative(),
    code: ErrorCode,
    message: z.string(),
    opIndex: z.number().int().optional(),
  }),
  /** The latest presence of the peers whose presence changed lately (sent at most PRESENCE_HZ times a second). */
  z.object({ type: z.literal('presence'), peers: z.array(Peer).min(1) }),
  z.object({ type: z.literal('peer-left'), connectionId: Id }),
  /** A message you sent could not be understood or is not allowed; the connection stays open. */
  z.object({ type: z.literal('error'), code: ErrorCode, message: z.string() }),
  z.object({ type: z.literal('pong') }),
  /** A member set their position on a claim of this map (sent to everyone with the map open). */
  z.object({ type: z.literal('stance'), stance: Stance }),
  /** A comment on a node of this map was posted, edited, deleted or its thread resolved: its new state. */
  z.object({ type: z.literal('comment'), comment: Comment }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
