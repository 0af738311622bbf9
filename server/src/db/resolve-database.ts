import path from 'node:path';
import { PROJECT_ROOT } from '../paths.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when set; otherwise a real PostgreSQL from `embedded-postgres`, its data in .data/postgres
 * (git-ignored, kept across restarts), on EMBEDDED_PG_PORT (default 54329).
 */
export async function resolveDatabase(log: (line: string) => void): Promise<ResolvedDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) return { url, embedded: false, stop: async () => {} };
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  log(`DATABASE_URL is not set: starting the embedded PostgreSQL on 127.0.0.1:${port}`);
  const db = await startEmbeddedPostgres({ dataDir: path.join(PROJECT_ROOT, '.data', 'postgres'), port });
  log(`Embedded PostgreSQL ready (data in ${db.dataDir})`);
  return { url: db.url, embedded: true, stop: db.stop };
}
