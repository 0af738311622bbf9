import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { demoCookie } from '../../helpers/demo-session.js';
import { startServerProcess, type ServerProcess } from '../../helpers/server-process.js';
import type { BenchCluster, BenchDatabase } from './cluster.js';
import { Api } from './http.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Servers not stopped yet: a measurement cut off by the run's time limit never reaches its own `finally`. */
const running = new Set<ServerProcess>();

/** Stops whatever a cut-off measurement left running, so no server outlives the bench. */
export async function stopLeftoverServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop()));
  running.clear();
}

export interface BenchServer {
  api: Api;
  /** The demo study group the server seeded; everything the bench makes goes in it. */
  groupId: string;
  databaseUrl: string;
  process: ServerProcess;
  /** The measured phase starts now: with BENCH_PROFILE, the server's profile starts over here. */
  measuring(): void;
  stop(): Promise<void>;
}

/**
 * The real server (`server/src/main.ts`, as `npm start` runs it) over a fresh database of the bench cluster.
 * With BENCH_PROFILE=<folder> it writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
 */
export async function startBenchServer(cluster: BenchCluster, label: string): Promise<BenchServer> {
  const database: BenchDatabase = await cluster.createDatabase();
  const profileDir = process.env.BENCH_PROFILE;
  const env: Record<string, string> = profileDir
    ? {
        // Node refuses --cpu-prof in NODE_OPTIONS; an --import hook starts the profiler instead.
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(path.join(here, 'cpu-profile-hook.mjs')).href}`.trim(),
        BENCH_PROFILE_DIR: path.resolve(profileDir),
        BENCH_PROFILE_NAME: `${label}-server`,
      }
    : {};
  let server: ServerProcess;
  try {
    // The benchmarks drive thousands of op batches a second as one member (Dana): far past the per-member op rate
    // limit a real deployment keeps (OPS_RATE_LIMIT_PER_MINUTE), so it is lifted here rather than measured.
    server = await startServerProcess(database.url, { OPS_RATE_LIMIT_PER_MINUTE: '100000000', OPS_RATE_LIMIT_BURST: '1000000', ...env });
  } catch (error) {
    await database.drop();
    throw error;
  }
  running.add(server);
  const stop = async () => {
    running.delete(server);
    await server.stop();
    await database.drop();
  };
  let api: Api;
  let groups: { id: string }[];
  try {
    // Signed in as the demo member Dana (the server process runs in demo mode); servers from before accounts
    // acted as Dana on every request and have no sign-in to call.
    api = new Api(server.baseUrl, await demoCookie(server.baseUrl).catch(() => ''));
    groups = await api.get<{ id: string }[]>('/api/groups');
    if (!groups[0]) throw new Error('The server seeded no demo group.');
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    api,
    groupId: groups[0]!.id,
    databaseUrl: database.url,
    process: server,
    measuring() {
      if (profileDir) server.child.kill('SIGUSR2');
    },
    stop,
  };
}
