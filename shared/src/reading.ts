import { z } from 'zod';
import { Id } from './ids.js';

/** Something that happened, which readings disagree about (e.g. China 1925–27). */
export const Event = z.object({
  id: Id,
  mapId: Id,
  title: z.string().min(1).max(200),
  period: z.string().max(100),
  description: z.string().max(5000),
});
export type Event = z.infer<typeof Event>;

/** A named interpretation of an event: a subset of the map's nodes and edges. */
export const Reading = z.object({
  id: Id,
  mapId: Id,
  eventId: Id.nullable(),
  title: z.string().min(1).max(200),
  /** Who holds this reading: a member, or a named author of a source. */
  authorName: z.string().max(200),
  description: z.string().max(5000),
  nodeIds: z.array(Id),
  edgeIds: z.array(Id),
});
export type Reading = z.infer<typeof Reading>;
