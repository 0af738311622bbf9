import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from './db/prisma.js';
import { WEB_DIST } from './paths.js';
import actorPlugin, { sessionActorResolver, type ActorResolver } from './plugins/actor.js';
import authPlugin from './plugins/auth.js';
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
  /** The same database as `db`, for the LISTEN connection of live sync. */
  databaseUrl: string;
  /** Who is acting on a request; defaults to the user of the request's session cookie. */
  resolveActor?: ActorResolver;
  /** Offer demo members (sign-in without a password) on the login page; off unless asked for. */
  demoMode?: boolean;
  /** Sign-in and sign-up attempts per client per window; defaults to 10 a minute. */
  authRateLimit?: { max: number; timeWindowMs: number };
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built web app; defaults to web/dist. */
  webRoot?: string;
}

/** Builds the whole app as a plugin tree; starting and stopping it is main.ts's job (or a test's). */
export async function buildApp(options: AppOptions) {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errorHandlerPlugin);
  await app.register(databasePlugin, { db: options.db });
  await app.register(authPlugin, {
    db: options.db,
    demoMode: options.demoMode ?? false,
    rateLimit: options.authRateLimit ?? { max: 10, timeWindowMs: 60_000 },
  });
  await app.register(actorPlugin, { resolveActor: options.resolveActor ?? sessionActorResolver(app.auth.sessions) });
  await app.register(servicesPlugin);
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
