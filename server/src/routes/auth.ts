import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Account, ChangePasswordBody, DemoMember, DemoSignInBody, Me, SignInBody, SignUpBody } from '@counterpoint/shared';
import { SESSION_COOKIE, sessionToken } from '../plugins/actor.js';
import { CSRF_COOKIE, setCsrfCookie } from '../plugins/csrf.js';

/**
 * httpOnly (no script reads it), SameSite=Lax (not sent on cross-site posts), Secure when served over HTTPS. The
 * session's CSRF token goes with it, in a cookie the web app can read (plugins/csrf.ts).
 */
function setSessionCookie(request: FastifyRequest, reply: FastifyReply, session: { token: string; expiresAt: Date }) {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    expires: session.expiresAt,
  });
  setCsrfCookie(request, reply, session);
}

/** /api/auth/*: accounts and sessions. Only these routes touch the session cookie. */
const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { service, sessions } = app.auth;
  const limited = { rateLimit: { max: app.auth.rateLimit.max, timeWindow: app.auth.rateLimit.timeWindowMs } };

  app.post(
    '/auth/signup',
    { config: limited, schema: { tags: ['auth'], body: SignUpBody, response: { 201: Account } } },
    async (request, reply) => {
      const { account, session } = await service.signUp(request.body);
      setSessionCookie(request, reply, session);
      return reply.code(201).send(account);
    },
  );

  app.post('/auth/signin', { config: limited, schema: { tags: ['auth'], body: SignInBody, response: { 200: Account } } }, async (request, reply) => {
    const { account, session } = await service.signIn(request.body);
    setSessionCookie(request, reply, session);
    return account;
  });

  app.post('/auth/signout', { schema: { tags: ['auth'], response: { 204: z.null() } } }, async (request, reply) => {
    const token = sessionToken(request);
    if (token) await sessions.delete(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  // Answers 200 with `account: null` for a visitor, so the web app can tell "signed out" from an error.
  app.get('/auth/me', { schema: { tags: ['auth'], response: { 200: Me } } }, async (request) => {
    const actor = await request.actor().catch(() => null);
    return { account: actor ? await service.account(actor.userId) : null, demoMode: service.demoMode };
  });

  app.post('/auth/password', { config: limited, schema: { tags: ['auth'], body: ChangePasswordBody, response: { 204: z.null() } } }, async (request, reply) => {
    const actor = await request.actor();
    await service.changePassword(actor.userId, request.body, sessionToken(request));
    return reply.code(204).send(null);
  });

  app.get('/auth/demo-members', { schema: { tags: ['auth'], response: { 200: z.array(DemoMember) } } }, async () => service.demoMembers());

  app.post('/auth/demo-signin', { schema: { tags: ['auth'], body: DemoSignInBody, response: { 200: Account } } }, async (request, reply) => {
    const { account, session } = await service.demoSignIn(request.body.userId);
    setSessionCookie(request, reply, session);
    return account;
  });
};
export default authRoutes;
