import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/** Who is acting on a request. */
export interface Actor {
  userId: string;
}

/** Finds who is acting; null when nobody is. The one seam that sign-in replaces. */
export type ActorResolver = (request: FastifyRequest) => Promise<Actor | null>;

declare module 'fastify' {
  interface FastifyRequest {
    /** The acting member; throws UNAUTHENTICATED when nobody is. */
    actor(): Promise<Actor>;
  }
}

/** The demo member every request acts as until accounts exist. */
export const DEMO_USER_EMAIL = 'dana@demo.counterpoint';

export function demoActorResolver(findUserIdByEmail: (email: string) => Promise<string | null>): ActorResolver {
  let cached: string | null = null;
  return async () => {
    cached ??= await findUserIdByEmail(DEMO_USER_EMAIL);
    return cached ? { userId: cached } : null;
  };
}

/**
 * Decorates requests with `actor()`. Routes never look at cookies or headers themselves, so replacing the
 * resolver (demo member today, sessions later) touches no route.
 */
export default fp<{ resolveActor: ActorResolver }>(
  async (app, { resolveActor }) => {
    app.decorateRequest('actor', async function (this: FastifyRequest) {
      const actor = await resolveActor(this);
      if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
      return actor;
    });
  },
  { name: 'actor' },
);
