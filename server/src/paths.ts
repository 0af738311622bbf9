import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (where package.json, prisma/ and web/ live). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WEB_DIST = path.join(PROJECT_ROOT, 'web', 'dist');
export const CORPUS_DIR = path.join(PROJECT_ROOT, 'prisma', 'seed', 'corpus');
