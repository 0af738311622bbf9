import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createPrisma, type Db } from '../../server/src/db/prisma.js';
import { createSqlPool } from '../../server/src/db/sql-session.js';

const TEMPLATE_DATABASE = 'counterpoint_template';

export interface TestDatabase {
  url: string;
  db: Db;
  /** Plain node-postgres, for services built by hand (the app opens its own). */
  pool: pg.Pool;
  /** Disconnects and drops the database. */
  drop(): Promise<void>;
}

/** A fresh, migrated, empty database for one test file: a copy of the template the global setup made. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const name = `test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  const db = createPrisma(url, 5);
  const pool = createSqlPool(url, 3);
  return {
    url,
    db,
    pool,
    async drop() {
      await db.$disconnect();
      await pool.end();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
