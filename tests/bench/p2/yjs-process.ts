import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort } from '../../helpers/global-database.js';
import type { PeerMapFile } from './yjs-map.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface YjsPeer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts the y-websocket peer in its own process (as the Counterpoint server runs in its own), seeded with `map`. */
export async function startYjsPeer(map: PeerMapFile): Promise<YjsPeer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'counterpoint-bench-yjs-'));
  const mapFile = path.join(dir, 'map.json');
  await writeFile(mapFile, JSON.stringify(map));
  const port = await freePort();
  const profileDir = process.env.BENCH_PROFILE;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'yjs-server.ts')], {
    env: {
      ...process.env,
      PORT: String(port),
      BENCH_YJS_MAP: mapFile,
      ...(profileDir
        ? { NODE_OPTIONS: `--import=${pathToFileURL(path.join(here, '..', 'lib', 'cpu-profile-hook.mjs')).href}`, BENCH_PROFILE_DIR: path.resolve(profileDir), BENCH_PROFILE_NAME: 'p2-yjs-peer' }
        : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`y-websocket peer did not start:\n${output.join('')}`)), 20_000);
    child.stderr!.on('data', (chunk) => output.push(String(chunk)));
    child.stdout!.on('data', (chunk) => {
      output.push(String(chunk));
      if (output.join('').includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`y-websocket peer exited with ${code}:\n${output.join('')}`));
    });
  });
  return {
    url: `ws://127.0.0.1:${port}`,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
