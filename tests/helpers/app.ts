import { randomUUID } from 'node:crypto';
import type { Role } from '@counterpoint/shared';
import { buildApp, type App, type AppOptions } from '../../server/src/app.js';
import { sessionActorResolver } from '../../server/src/plugins/actor.js';
import type { Db } from '../../server/src/db/prisma.js';
import { createTestDatabase, type TestDatabase } from './database.js';

/** Header tests use to say who is acting (the test app's actor resolver reads it; the real app never does). */
export const TEST_USER_HEADER = 'x-test-user';

export interface TestContext {
  app: App;
  db: Db;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * The real app over a fresh real database, in demo mode; requests act as the user named in TEST_USER_HEADER, or
 * else (account tests) as the user of their session cookie, exactly as in the real app.
 */
export async function createTestApp(
  options: Pick<AppOptions, 'authRateLimit' | 'opRateLimit' | 'allowedOrigins' | 'shutdownDrainMs'> = {},
): Promise<TestContext> {
  const database = await createTestDatabase();
  // The app's own session repository (set once built), so sign-out and password changes are seen at once.
  let bySession: ReturnType<typeof sessionActorResolver> = async () => null;
  const app = await buildApp({
    db: database.db,
    databaseUrl: database.url,
    demoMode: true,
    authRateLimit: options.authRateLimit ?? { max: 1000, timeWindowMs: 60_000 },
    // Tests submit batch after batch as one member; the limit itself is tested with a low one.
    opRateLimit: options.opRateLimit ?? { perMinute: 1_000_000, burst: 100_000 },
    allowedOrigins: options.allowedOrigins,
    shutdownDrainMs: options.shutdownDrainMs,
    resolveActor: async (request) => {
      const userId = request.headers[TEST_USER_HEADER];
      return typeof userId === 'string' && userId ? { userId } : bySession(request);
    },
    webRoot: '/nonexistent-web-root',
  });
  bySession = sessionActorResolver(app.auth.sessions);
  await app.ready();
  return {
    app,
    db: database.db,
    database,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

let counter = 0;

export async function createUser(db: Db, name = `User ${++counter}`) {
  return db.user.create({ data: { name, email: `${randomUUID()}@test.counterpoint` } });
}

/** A group with one member per role given, e.g. `createGroup(db, { owner: dana.id, viewer: robin.id })`. */
export async function createGroup(db: Db, members: Partial<Record<Role, string>>, name = 'Test group') {
  return db.group.create({
    data: {
      name,
      memberships: { create: Object.entries(members).map(([role, userId]) => ({ role: role as Role, userId })) },
    },
  });
}

export async function createMap(db: Db, groupId: string, title = 'Test map') {
  return db.map.create({ data: { groupId, title } });
}

export async function createSource(db: Db, groupId: string, text: string, title = 'Test source') {
  return db.source.create({ data: { groupId, title, kind: 'essay', text, revisions: { create: { revision: 1, text } } } });
}

/** Headers acting as a user. */
export const as = (userId: string) => ({ [TEST_USER_HEADER]: userId });
