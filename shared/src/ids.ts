import { z } from 'zod';

/** Every entity id is a UUID. Clients mint ids for what they create, so an optimistic edit needs no round trip. */
export const Id = z.uuid();
export type Id = z.infer<typeof Id>;
