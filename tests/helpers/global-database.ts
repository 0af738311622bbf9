import { chmod, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../server/src/db/embedded-postgres.js';
import { migrate } from '../../server/src/db/migrate.js';

export const TEMPLATE_DATABASE = 'counterpoint_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Maintenance-database URL of the test PostgreSQL cluster. */
    pgAdminUrl: string;
  }
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts one real PostgreSQL for the test run (embedded, in a temp folder, removed afterwards) and migrates a
 * template database; each test file then copies the template into a fresh database of its own.
 */
export default async function setup(project: TestProject) {
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'counterpoint-test-'));
  // mkdtemp makes a private folder; as root, PostgreSQL runs as user "postgres" and must be able to enter it.
  await chmod(tempDir, 0o755);
  const dataDir = path.join(tempDir, 'pg');
  const cluster = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: TEMPLATE_DATABASE, ephemeral: true });
  await migrate(cluster.url);
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query(`ALTER DATABASE ${TEMPLATE_DATABASE} WITH is_template true`);
  await admin.end();
  project.provide('pgAdminUrl', cluster.adminUrl);
  return async () => {
    await cluster.stop();
  };
}
