import Fastify, { type FastifyReply, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiErrorBody } from '@counterpoint/shared';
import type { Db } from './db/prisma.js';
import { WEB_DIST } from './paths.js';
import actorPlugin, { sessionActorResolver, type ActorResolver } from './plugins/actor.js';
import authPlugin from './plugins/auth.js';
import csrfPlugin from './plugins/csrf.js';
import gracefulShutdownPlugin from './plugins/graceful-shutdown.js';
import opRateLimitPlugin from './plugins/op-rate-limit.js';
import securityHeadersPlugin from './plugins/security-headers.js';
import type { OpRateLimit } from './plugins/token-bucket.js';
import authRoutes from './routes/auth.js';
import membershipRoutes from './routes/memberships.js';
import discussionRoutes from './routes/discussion.js';
import databasePlugin from './plugins/database.js';
import docsPlugin from './plugins/docs.js';
import errorHandlerPlugin from './plugins/error-handler.js';
import servicesPlugin from './plugins/services.js';
import webAppPlugin from './plugins/web-app.js';
import groupRoutes from './routes/groups.js';
import healthRoutes from './routes/health.js';
import mapRoutes from './routes/maps.js';
import sourceRoutes from './routes/sources.js';
import searchRoutes from './routes/search.js';
import interchangeRoutes from './routes/interchange.js';
import evaluationRoutes from './routes/evaluation.js';
import liveRoutes from './routes/live.js';
import syncPlugin from './plugins/sync.js';

export interface AppOptions {
  db: Db;
  /** The same database as `db`, for the op commit path's own pool and the LISTEN connections of live sync. */
  databaseUrl: string;
  /** Who is acting on a request; defaults to the user of the request's session cookie. */
  resolveActor?: ActorResolver;
  /** Offer demo members (sign-in without a password) on the login page; off unless asked for. */
  demoMode?: boolean;
  /** Sign-in and sign-up attempts per client per window; defaults to 10 a minute. */
  authRateLimit?: { max: number; timeWindowMs: number };
  /**
   * Op batches (HTTP and live together) per member; defaults to DEFAULT_OP_RATE_LIMIT. Benchmarks, which drive
   * thousands of batches a second as one member, raise it.
   */
  opRateLimit?: OpRateLimit;
  /** Origins besides the server's own that may write and open live sockets (ALLOWED_ORIGINS); none by default. */
  allowedOrigins?: readonly string[];
  /** How long closing waits for live op batches in flight to commit; defaults to 5 s. */
  shutdownDrainMs?: number;
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built web app; defaults to web/dist. */
  webRoot?: string;
}

/** A person editing sends a few batches a second at most; a paste or an auto layout is one batch. */
export const DEFAULT_OP_RATE_LIMIT: OpRateLimit = { perMinute: 600, burst: 120 };

/** Builds the whole app as a plugin tree; starting and stopping it is main.ts's job (or a test's). */
export async function buildApp(options: AppOptions) {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
    // A path the router refuses (a param over 200 characters, bad percent-encoding) gets the API's error shape too.
    frameworkErrors: (error, request, reply) => {
      const message = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A part of the path is longer than 200 characters.' : 'The URL is not valid.';
      const body: ApiErrorBody = { statusCode: 400, code: 'VALIDATION_FAILED', message, requestId: request.id };
      return (reply as FastifyReply).code(400).send(body);
    },
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errorHandlerPlugin);
  await app.register(securityHeadersPlugin);
  await app.register(databasePlugin, { db: options.db, databaseUrl: options.databaseUrl });
  await app.register(authPlugin, {
    db: options.db,
    demoMode: options.demoMode ?? false,
    rateLimit: options.authRateLimit ?? { max: 10, timeWindowMs: 60_000 },
  });
  await app.register(csrfPlugin, { allowedOrigins: options.allowedOrigins ?? [] });
  await app.register(actorPlugin, { resolveActor: options.resolveActor ?? sessionActorResolver(app.auth.sessions) });
  await app.register(opRateLimitPlugin, { limit: options.opRateLimit ?? DEFAULT_OP_RATE_LIMIT });
  await app.register(servicesPlugin);
  // Before sync: its close steps must run before those of the WebSocket server (graceful-shutdown.ts).
  await app.register(gracefulShutdownPlugin, { drainMs: options.shutdownDrainMs ?? 5_000 });
  await app.register(syncPlugin, { databaseUrl: options.databaseUrl });
  await app.register(docsPlugin);

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(authRoutes);
      await api.register(membershipRoutes);
      await api.register(discussionRoutes);
      await api.register(groupRoutes);
      await api.register(mapRoutes);
      await api.register(sourceRoutes);
      await api.register(searchRoutes);
      await api.register(interchangeRoutes);
      await api.register(evaluationRoutes);
      await api.register(liveRoutes);
    },
    { prefix: '/api' },
  );
  await app.register(webAppPlugin, { root: options.webRoot ?? WEB_DIST });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
