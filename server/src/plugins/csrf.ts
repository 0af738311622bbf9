import { createHash, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { sessionToken } from './actor.js';
import { isCrossOrigin, isFromBrowser } from './cross-origin.js';

/** The cookie the web app reads its CSRF token from (not httpOnly: page script must read it). */
export const CSRF_COOKIE = 'cp_csrf';
/** The header the web app echoes the token in on every write. */
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyInstance {
    /** Origins besides this server's own that may write and open live sockets (ALLOWED_ORIGINS). */
    allowedOrigins: ReadonlySet<string>;
  }
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Routes that start a session rather than act in one: a visitor may still hold an old session's cookie, and the
 * token belongs to that old session. Login CSRF on these is the Origin check's job.
 */
const SESSION_STARTERS = new Set(['/api/auth/signin', '/api/auth/signup', '/api/auth/demo-signin']);

/**
 * The CSRF token of a session: a one-way hash of its token. Stateless (any instance, any restart, computes the
 * same), bound to the session (a cookie planted by a sibling subdomain cannot match a session it does not know),
 * and showing it to page script reveals nothing about the httpOnly session token.
 */
export function csrfTokenFor(session: string): string {
  return createHash('sha256').update(`counterpoint-csrf\0${session}`).digest('base64url');
}

/** Sets the CSRF cookie of a session, alongside its session cookie and with the same lifetime. */
export function setCsrfCookie(request: FastifyRequest, reply: FastifyReply, session: { token: string; expiresAt?: Date }) {
  reply.setCookie(CSRF_COOKIE, csrfTokenFor(session.token), {
    httpOnly: false,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    expires: session.expiresAt,
  });
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Cross-site request forgery defences, in two layers (SECURITY.md says why both):
 * 1. every write (and sign-in itself, against login CSRF) from a page of another origin is refused;
 * 2. a browser write authenticated by the session cookie must echo the session's token in `x-csrf-token`.
 * Both run in onRequest, before the body is read, so a refused request writes nothing.
 */
export default fp<{ allowedOrigins: readonly string[] }>(
  async (app, options) => {
    const allowed = new Set(options.allowedOrigins.map((origin) => origin.toLowerCase()));
    app.decorate('allowedOrigins', allowed);
    app.addHook('onRequest', async (request, reply) => {
      const session = sessionToken(request);
      if (!WRITES.has(request.method)) {
        // Sessions from before the token existed (or a cleared cookie) get their token on the next page load.
        if (session && request.cookies[CSRF_COOKIE] !== csrfTokenFor(session)) setCsrfCookie(request, reply, { token: session });
        return;
      }
      if (isCrossOrigin(request, allowed)) {
        throw new AppError('CROSS_ORIGIN_REQUEST', 'This request came from another website and was refused.');
      }
      if (!session || SESSION_STARTERS.has(request.routeOptions.url ?? '') || !isFromBrowser(request)) return;
      const given = request.headers[CSRF_HEADER];
      if (typeof given !== 'string' || !given) {
        throw new AppError('CSRF_TOKEN_MISSING', 'This request is missing its security token. Reload the page and try again.');
      }
      if (!sameToken(given, csrfTokenFor(session))) {
        throw new AppError('CSRF_TOKEN_INVALID', 'This request’s security token does not match your session. Reload the page and try again.');
      }
    });
  },
  { name: 'csrf', dependencies: ['auth', 'error-handler'] },
);
