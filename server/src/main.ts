import { buildApp } from './app.js';
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
  const seeded = await seedDemo(db);
  if (seeded) say('Loaded the demo study group');

  // Demo mode: on for the embedded database (a first try on one's own machine), off for a real DATABASE_URL
  // unless DEMO_MODE=1; DEMO_MODE=0 turns it off everywhere.
  const demoMode = process.env.DEMO_MODE === '1' || (process.env.DEMO_MODE !== '0' && database.embedded);
  if (demoMode) say('Demo mode: the login page offers the demo members (DEMO_MODE=0 turns this off)');
  const app = await buildApp({
    db,
    databaseUrl: database.url,
    demoMode,
    logger: { level: process.env.LOG_LEVEL ?? 'info', transport: undefined },
  });
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? 'localhost';
  await app.listen({ port, host });
  say(`Counterpoint is running at http://localhost:${port}  (API docs: http://localhost:${port}/docs)`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: finishing requests in flight, then stopping`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app.close();
      await db.$disconnect();
      await database.stop();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`[counterpoint] Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
