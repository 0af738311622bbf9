// `npm run db:seed`: loads the demo study group into DATABASE_URL (or the embedded database) if it is empty.
import { migrate } from '../../server/src/db/migrate.js';
import { createPrisma } from '../../server/src/db/prisma.js';
import { resolveDatabase } from '../../server/src/db/resolve-database.js';
import { seedDemo } from './seed-demo.js';

const database = await resolveDatabase(console.log);
await migrate(database.url);
const db = createPrisma(database.url);
try {
  console.log((await seedDemo(db, database.url)) ? 'Loaded the demo study group.' : 'The database already has groups; nothing loaded.');
} finally {
  await db.$disconnect();
  await database.stop();
}
