import type { Db } from '../../server/src/db/prisma.js';

/** Row count and md5 of the rows' text, per table: equal digests mean no row was added, removed or changed. */
export type DbDigest = Record<string, { rows: number; md5: string }>;

/** Every table of the app's schema except Prisma's migration bookkeeping. */
async function tableNames(db: Db): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
      ORDER BY table_name`,
  );
  return rows.map((row) => row.name);
}

/**
 * A digest of the whole database: for each table, how many rows and an md5 of all of them (each row as
 * PostgreSQL prints it, sorted, so the digest does not depend on physical order). Cheap on a test database.
 */
export async function databaseDigest(db: Db): Promise<DbDigest> {
  const digest: DbDigest = {};
  for (const name of await tableNames(db)) {
    const [row] = await db.$queryRawUnsafe<{ rows: number; md5: string }[]>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM "${name}" t`,
    );
    digest[name] = row!;
  }
  return digest;
}
