import fp from 'fastify-plugin';
import type { Db } from '../db/prisma.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

/** Makes the Prisma client available as `app.db`. The caller owns its lifecycle (main.ts or a test). */
export default fp<{ db: Db }>(
  async (app, { db }) => {
    app.decorate('db', db);
  },
  { name: 'database' },
);
