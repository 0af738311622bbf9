import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../server/src/paths.js';
import { freePort } from './global-database.js';

export interface ServerProcess {
  baseUrl: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM, and wait until the process has exited. */
  stop(): Promise<void>;
  /** SIGKILL: the process dies at once, mid-request, as in a crash. */
  kill(): Promise<void>;
}

/**
 * Starts the real server (`server/src/main.ts`, exactly what `npm start` runs) on a free loopback port against
 * the given database, in demo mode (DEMO_MODE=1), and waits until it says it is listening.
 */
export async function startServerProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
  options: { port?: number } = {},
): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const lines: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'server', 'src', 'main.ts')], {
    cwd: PROJECT_ROOT,
    // Tests drive many op batches as one demo member: the op rate limit is raised unless a test sets its own.
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO_MODE: '1',
      OPS_RATE_LIMIT_PER_MINUTE: '1000000',
      OPS_RATE_LIMIT_BURST: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => lines.push(String(chunk)));
  child.stderr!.on('data', (chunk) => lines.push(String(chunk)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Server did not start within 60 s:\n${lines.join('')}`)), 60_000);
    const check = () => {
      if (lines.join('').includes('Counterpoint is running at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Server exited with ${code} before listening:\n${lines.join('')}`));
    });
  });

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    child,
    output: () => lines.join(''),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
