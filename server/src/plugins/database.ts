import fp from 'fastify-plugin';
import type pg from 'pg';
import type { Db } from '../db/prisma.js';
import { createSqlPool } from '../db/sql-session.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    /** Plain node-postgres over the same database, for the op commit path (see sql-session.ts). */
    sqlPool: pg.Pool;
  }
}

/** Op batches of different maps commit side by side; one map's are serialised by its row lock anyway. */
const SQL_POOL_SIZE = 4;

/**
 * Makes the Prisma client available as `app.db` (the caller owns its lifecycle: main.ts or a test) and opens the
 * pool of the commit path, which closes with the app — after the graceful shutdown's wait for batches in flight,
 * since close hooks run in reverse order of registration.
 */
export default fp<{ db: Db; databaseUrl: string }>(
  async (app, { db, databaseUrl }) => {
    app.decorate('db', db);
    const pool = createSqlPool(databaseUrl, SQL_POOL_SIZE, (error) => app.log.warn({ err: error }, 'idle database connection lost'));
    app.decorate('sqlPool', pool);
    app.addHook('onClose', async () => {
      await pool.end();
    });
  },
  { name: 'database' },
);
