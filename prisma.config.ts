// Prisma CLI configuration. DATABASE_URL is set by the caller: `npm start` and the tests set it to the embedded
// PostgreSQL they start; set it yourself to point migrate/generate at another database.
import { defineConfig } from 'prisma/config';

const url = process.env.DATABASE_URL;

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'node --import tsx prisma/seed/run.ts' },
  ...(url ? { datasource: { url } } : {}),
});
