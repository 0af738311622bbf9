import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../server/src/db/prisma.js';
import { CORPUS_DIR } from '../../server/src/paths.js';
import { DEMO_USER_EMAIL } from '../../server/src/plugins/actor.js';
import { createSqlPool } from '../../server/src/db/sql-session.js';
import { createMapService } from '../../server/src/services/map-service.js';
import { createSourceService } from '../../server/src/services/source-service.js';
import { DEMO_SOURCES, type DemoSourceKey } from './demo-sources.js';
import { MapBuilder, type LoadedSource } from './map-builder.js';
import { DEMO_MAPS } from './maps/index.js';

export const DEMO_GROUP_NAME = 'Party and Class reading group';

/** The demo members; Dana is who requests act as until accounts exist. */
export const DEMO_MEMBERS = [
  { name: 'Dana', email: DEMO_USER_EMAIL, color: '#4f46e5', role: 'owner' },
  { name: 'Sam', email: 'sam@demo.counterpoint', color: '#0f766e', role: 'editor' },
  { name: 'Alex', email: 'alex@demo.counterpoint', color: '#b45309', role: 'commenter' },
  { name: 'Robin', email: 'robin@demo.counterpoint', color: '#be185d', role: 'viewer' },
] as const;

/**
 * Loads the demo study group on a fresh database: members, the five sources of the corpus, and the demo maps,
 * built through the same services (and op log) as any edit, over the database `db` and `databaseUrl` name. Does
 * nothing when any group exists.
 * Returns true when it loaded the demo.
 */
export async function seedDemo(db: Db, databaseUrl: string): Promise<boolean> {
  if ((await db.group.count()) > 0) return false;

  const groupId = randomUUID();
  const userIds: string[] = [];
  await db.$transaction(async (tx) => {
    await tx.group.create({
      data: {
        id: groupId,
        name: DEMO_GROUP_NAME,
        description: 'We read essays on party, class and revolution, and map the arguments in them.',
      },
    });
    for (const member of DEMO_MEMBERS) {
      const user = await tx.user.upsert({
        where: { email: member.email },
        update: {},
        create: { name: member.name, email: member.email, color: member.color },
      });
      userIds.push(user.id);
      await tx.membership.create({ data: { groupId, userId: user.id, role: member.role } });
    }
  });
  const actor = { userId: userIds[0]! };

  const sourceService = createSourceService(db);
  const loaded = {} as Record<DemoSourceKey, LoadedSource>;
  for (const source of DEMO_SOURCES) {
    const text = await readFile(path.join(CORPUS_DIR, source.file), 'utf8');
    const created = await sourceService.create(groupId, actor, {
      title: source.title,
      kind: source.kind,
      author: source.author,
      date: source.date,
      url: null,
      text,
    });
    loaded[source.key] = { id: created.id, text };
  }

  const pool = createSqlPool(databaseUrl, 1);
  try {
    const mapService = createMapService(db, pool);
    const clientId = randomUUID();
    let clientSeq = 0;
    for (const demo of DEMO_MAPS) {
      const map = await mapService.create(groupId, actor, { title: demo.title, description: demo.description });
      const builder = new MapBuilder(loaded);
      demo.build(builder);
      const ops = builder.build();
      await mapService.submitOps(map.id, actor, { baseVersion: 0, clientId, clientSeq, ops });
      clientSeq += ops.length;
    }
  } finally {
    await pool.end();
  }
  return true;
}
