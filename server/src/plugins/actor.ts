import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { SessionRepository } from '../repositories/session-repository.js';

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

/** Dana, the first demo member (the seed and the benchmarks name her). */
export const DEMO_USER_EMAIL = 'dana@demo.counterpoint';

/** The httpOnly cookie that carries a session token. */
export const SESSION_COOKIE = 'counterpoint_session';

/** The session token a request carries, if any (the cookie plugin has parsed it). */
export const sessionToken = (request: FastifyRequest): string | null => request.cookies?.[SESSION_COOKIE] ?? null;

/**
 * The resolver of the real app: the user of the session named by the cookie. There is no implicit actor, demo
 * mode included: a visitor signs in (or picks a demo member) first.
 */
export function sessionActorResolver(sessions: SessionRepository): ActorResolver {
  return async (request) => {
    const token = sessionToken(request);
    const userId = token ? await sessions.userIdFor(token) : null;
    return userId ? { userId } : null;
  };
}

/**
 * Decorates requests with `actor()`. Routes never look at cookies or headers themselves, so replacing the
 * resolver (sessions in the app, a header in tests) touches no route.
 */
export default fp<{ resolveActor: ActorResolver }>(
  async (app, { resolveActor }) => {
    // Resolved once per request: hooks (op rate limit) and the route both ask, and each ask is a session lookup.
    const resolved = new WeakMap<FastifyRequest, Promise<Actor | null>>();
    app.decorateRequest('actor', async function (this: FastifyRequest) {
      let pending = resolved.get(this);
      if (!pending) resolved.set(this, (pending = resolveActor(this)));
      const actor = await pending;
      if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
      return actor;
    });
  },
  { name: 'actor' },
);
