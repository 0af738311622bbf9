import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../../server/src/db/embedded-postgres.js';
import { migrate } from '../../../server/src/db/migrate.js';
import { freePort } from '../../helpers/global-database.js';

const TEMPLATE = 'bench_template';

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

export interface BenchCluster {
  adminUrl: string;
  /** A fresh migrated, empty database (a copy of the template), so each measurement starts from nothing. */
  createDatabase(): Promise<BenchDatabase>;
  stop(): Promise<void>;
}

async function admin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * One real PostgreSQL for the whole bench run, as the tests' global setup makes it: embedded, in a temp folder
 * that is removed on stop, loopback only, fsync on (so "durable" means what it says).
 */
export async function startCluster(): Promise<BenchCluster> {
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'counterpoint-bench-'));
  // As root, PostgreSQL runs as user "postgres", which must be able to enter the folder.
  await chmod(tempDir, 0o755);
  const cluster = await startEmbeddedPostgres({ dataDir: path.join(tempDir, 'pg'), port: await freePort(), database: TEMPLATE, ephemeral: true });
  await migrate(cluster.url);
  await admin(cluster.adminUrl, (c) => c.query(`ALTER DATABASE ${TEMPLATE} WITH is_template true`));
  return {
    adminUrl: cluster.adminUrl,
    async createDatabase() {
      const name = `bench_${randomUUID().replaceAll('-', '')}`;
      await admin(cluster.adminUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`));
      return {
        url: cluster.adminUrl.replace(/\/postgres$/, `/${name}`),
        drop: () => admin(cluster.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
      };
    },
    async stop() {
      await cluster.stop();
      await rm(tempDir, { recursive: true, force: true });
    },
  };
}
