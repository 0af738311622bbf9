import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportPreview, type ErrorCode } from '@counterpoint/shared';
import { seedDemo } from '../../prisma/seed/seed-demo.js';
import { createInterchangeService } from '../../server/src/services/interchange-service.js';
import { createMapService } from '../../server/src/services/map-service.js';
import { createSourceService } from '../../server/src/services/source-service.js';
import { as, createTestApp, type TestContext } from '../helpers/app.js';
import { createTeam, dbState, expectApiError, expectNothingWritten } from '../helpers/api.js';

/** Every way an import is refused: a stable code, and nothing written. */
let ctx: TestContext;
let dana: string;
let demoMap: string;
let team: Awaited<ReturnType<typeof createTeam>>;

beforeAll(async () => {
  ctx = await createTestApp();
  await seedDemo(ctx.db, ctx.database.url);
  dana = (await ctx.db.user.findFirstOrThrow({ where: { name: 'Dana' } })).id;
  demoMap = (await ctx.db.map.findFirstOrThrow({ orderBy: { createdAt: 'asc' } })).id;
  team = await createTeam(ctx.db, 'Another reading group');
});
afterAll(async () => ctx.close());

const exported = async (mapId: string, query: string) => (await ctx.app.inject({ url: `/api/maps/${mapId}/export?${query}`, headers: as(dana) })).body;
const importFile = (groupId: string, query: string, payload: string, userId: string | null = team.editor.id, headers: Record<string, string> = {}) =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/groups/${groupId}/maps/import?${query}`,
    headers: { ...(userId ? as(userId) : {}), 'content-type': 'application/json', ...headers },
    payload,
  });

describe('POST /api/groups/:groupId/maps/import — errors write nothing', () => {
  const cases: [string, () => Promise<Awaited<ReturnType<typeof importFile>>>, ErrorCode][] = [
    ['a file over 10 MB', () => importFile(team.group.id, 'format=json', `"${'a'.repeat(10 * 1024 * 1024)}"`), 'PAYLOAD_TOO_LARGE'],
    ['broken JSON', () => importFile(team.group.id, 'format=json', '{"format": "counterpoint",'), 'BAD_JSON'],
    ['an AIF file named as native', () => importFile(team.group.id, 'format=json', '{"nodes": [], "edges": []}'), 'IMPORT_WRONG_FORMAT'],
    ['a native file named as AIF', () => importFile(team.group.id, 'format=aif', '{"format": "counterpoint", "version": 1}'), 'IMPORT_WRONG_FORMAT'],
    ['JSON named as Argdown', () => importFile(team.group.id, 'format=argdown', '{"nodes": []}'), 'IMPORT_WRONG_FORMAT'],
    ['an empty file', () => importFile(team.group.id, 'format=argdown', '', team.editor.id, { 'content-type': 'text/plain' }), 'IMPORT_WRONG_FORMAT'],
    ['deeply nested JSON', () => importFile(team.group.id, 'format=aif', `${'['.repeat(5000)}${']'.repeat(5000)}`), 'IMPORT_INVALID'],
    ['a newer native version', () => importFile(team.group.id, 'format=json', '{"format": "counterpoint", "version": 9}'), 'IMPORT_INVALID'],
    ['an unknown format', () => importFile(team.group.id, 'format=docx', '{}'), 'VALIDATION_FAILED'],
    ['a viewer', () => importFile(team.group.id, 'format=json', '{}', team.viewer.id), 'FORBIDDEN'],
    ['a stranger', () => importFile(team.group.id, 'format=json', '{}', team.stranger.id), 'GROUP_NOT_FOUND'],
    ['nobody signed in', () => importFile(team.group.id, 'format=json', '{}', null), 'UNAUTHENTICATED'],
  ];
  for (const [what, send, code] of cases) {
    it(`refuses ${what} with ${code}`, async () => {
      expectApiError(await expectNothingWritten(ctx.db, send), code);
    });
  }

  it('refuses an invalid native file with every issue and where it is', async () => {
    const file = { format: 'counterpoint', version: 1, map: { title: 'x' }, nodes: [{ id: 'n', kind: 'claim', text: 1, x: 0, y: 'top', quote: null }] };
    const body = expectApiError(await expectNothingWritten(ctx.db, () => importFile(team.group.id, 'format=json', JSON.stringify(file))), 'IMPORT_INVALID');
    expect(body.issues).toEqual([expect.objectContaining({ path: 'nodes[0].text' }), expect.objectContaining({ path: 'nodes[0].y' })]);
  });

  it('refuses a native file that breaks a map rule, naming the entity; the preview shows it', async () => {
    const file = JSON.stringify({
      format: 'counterpoint',
      version: 1,
      map: { title: 'x' },
      nodes: [{ id: 'q', kind: 'question', text: 'Q?', x: 0, y: 0, quote: null }, { id: 'n', kind: 'note', text: 'N', x: 0, y: 0, quote: null }],
      edges: [{ id: 'e', kind: 'supports', fromId: 'n', toId: 'q', label: '' }],
    });
    const preview = ImportPreview.parse((await importFile(team.group.id, 'format=json&dryRun=true', file)).json());
    expect(preview).toMatchObject({ canImport: false, problems: [{ severity: 'error', at: 'edges[0]' }] });
    const body = expectApiError(await expectNothingWritten(ctx.db, () => importFile(team.group.id, 'format=json', file)), 'IMPORT_INVALID');
    expect(body.issues).toEqual([{ path: 'edges[0]', message: expect.stringContaining('supports') }]);
  });

  it('undoes a write that fails part-way: the new map and the sources it created are deleted', async () => {
    const service = createInterchangeService({ db: ctx.db, maps: createMapService(ctx.db, ctx.database.pool), sources: createSourceService(ctx.db) });
    const fresh = await createTeam(ctx.db, 'Fresh');
    const actor = { userId: fresh.editor.id };
    const prepared = await service.prepareImport(fresh.group.id, actor, 'json', await exported(demoMap, 'format=json'));
    expect(prepared.preview.counts.sourcesCreated).toBeGreaterThan(1);
    // A quotation of a source nobody has: the map service refuses the batch after the sources and map exist.
    const evidence = prepared.ops.findIndex((op) => op.type === 'node.create' && op.node.quote);
    const op = prepared.ops[evidence]!;
    if (op.type !== 'node.create' || !op.node.quote) throw new Error('fixture');
    prepared.ops[evidence] = { ...op, node: { ...op.node, quote: { ...op.node.quote, sourceId: '00000000-0000-4000-8000-000000000bad' } } };
    const before = await dbState(ctx.db);
    await expect(service.writeImport(prepared, actor)).rejects.toMatchObject({ code: 'QUOTE_SOURCE_NOT_FOUND' });
    expect(await dbState(ctx.db)).toEqual(before);
  });
});
