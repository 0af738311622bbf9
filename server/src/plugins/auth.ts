import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { Db } from '../db/prisma.js';
import { AppError } from '../errors.js';
import { createSessionRepository, type SessionRepository } from '../repositories/session-repository.js';
import { createAuthService, type AuthService } from '../services/auth-service.js';

export interface AuthOptions {
  db: Db;
  /** Offer demo members on the login page (main.ts decides from DEMO_MODE and the database). */
  demoMode: boolean;
  /** Sign-in and sign-up attempts allowed per client per window. */
  rateLimit: { max: number; timeWindowMs: number };
}

declare module 'fastify' {
  interface FastifyInstance {
    auth: { service: AuthService; sessions: SessionRepository; rateLimit: AuthOptions['rateLimit'] };
  }
}

/** Cookies, per-route rate limits and the account service; the actor plugin builds on the sessions. */
export default fp<AuthOptions>(
  async (app, options) => {
    await app.register(cookie);
    // Not global: only the routes that guess at passwords (sign-in, sign-up) opt in through `config.rateLimit`.
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) =>
        new AppError('RATE_LIMITED', `Too many attempts. Try again in ${Math.ceil(context.ttl / 1000)} s.`),
    });
    const sessions = createSessionRepository(options.db);
    app.decorate('auth', {
      service: createAuthService(options.db, sessions, { demoMode: options.demoMode }),
      sessions,
      rateLimit: options.rateLimit,
    });
  },
  { name: 'auth', dependencies: ['error-handler'] },
);
