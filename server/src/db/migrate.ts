import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { PROJECT_ROOT } from '../paths.js';

const require = createRequire(import.meta.url);

/**
 * Applies the committed Prisma migrations (`prisma migrate deploy`) to the database at `url`. Uses the Prisma CLI
 * the project depends on, so what runs here is exactly what `npm run db:deploy` runs.
 */
export async function migrate(url: string): Promise<void> {
  const cli = require.resolve('prisma/build/index.js', { paths: [PROJECT_ROOT] });
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'migrate', 'deploy'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk) => output.push(String(chunk)));
    child.stderr.on('data', (chunk) => output.push(String(chunk)));
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`Database migration failed (prisma migrate deploy exited ${code}):\n${output.join('')}`);
}
