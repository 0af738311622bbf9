import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportPreview, ImportProgressLine, ImportResult, MapSnapshot } from '@counterpoint/shared';
import { seedDemo } from '../../prisma/seed/seed-demo.js';
import { as, createTestApp, type TestContext } from '../helpers/app.js';
import { createTeam, expectApiError, expectNothingWritten } from '../helpers/api.js';

let ctx: TestContext;
let dana: string;
let demoGroup: string;
let demoMaps: { id: string; title: string }[];
let team: Awaited<ReturnType<typeof createTeam>>;

beforeAll(async () => {
  ctx = await createTestApp();
  await seedDemo(ctx.db, ctx.database.url);
  dana = (await ctx.db.user.findFirstOrThrow({ where: { name: 'Dana' } })).id;
  demoGroup = (await ctx.db.group.findFirstOrThrow()).id;
  demoMaps = await ctx.db.map.findMany({ orderBy: { createdAt: 'asc' }, select: { id: true, title: true } });
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
/** A map's snapshot, read by a member of its group. */
async function snapshot(mapId: string) {
  const { groupId } = await ctx.db.map.findUniqueOrThrow({ where: { id: mapId } });
  const { userId } = await ctx.db.membership.findFirstOrThrow({ where: { groupId } });
  return MapSnapshot.parse((await ctx.app.inject({ url: `/api/maps/${mapId}`, headers: as(userId) })).json());
}

/** A map's graph without ids: what an export → import must keep. */
async function content(mapId: string) {
  const s = await snapshot(mapId);
  const text = (id: string) => s.nodes.find((n) => n.id === id)?.text ?? `[${s.edges.find((e) => e.id === id)?.kind ?? 'argument'}]`;
  const edgeText = (id: string) => {
    const e = s.edges.find((x) => x.id === id)!;
    return `${e.kind} ${text(e.fromId)} → ${text(e.toId)}`;
  };
  const sources = await ctx.db.source.findMany({ where: { id: { in: s.nodes.flatMap((n) => (n.quote ? [n.quote.sourceId] : [])) } } });
  return {
    nodes: s.nodes.map((n) => ({ kind: n.kind, text: n.text, x: n.x, y: n.y, quote: n.quote && { ...n.quote, sourceId: sources.find((x) => x.id === n.quote!.sourceId)!.title } })).sort((a, b) => a.y - b.y || a.x - b.x || a.text.localeCompare(b.text)),
    edges: s.edges.map((e) => `${e.kind} ${e.label} ${text(e.fromId)} → ${text(e.toId)}`).sort(),
    arguments: s.arguments.map((a) => ({ premises: a.premiseIds.map(text), conclusion: text(a.conclusionId), label: a.label, x: a.x, y: a.y })),
    events: s.events.map(({ id: _id, ...e }) => e).sort((a, b) => a.title.localeCompare(b.title)),
    readings: s.readings
      .map((r) => ({ title: r.title, authorName: r.authorName, description: r.description, event: s.events.find((e) => e.id === r.eventId)?.title ?? null, nodes: r.nodeIds.map(text).sort(), edges: r.edgeIds.map(edgeText).sort() }))
      .sort((a, b) => a.title.localeCompare(b.title)),
    ids: [...s.nodes, ...s.edges, ...s.arguments].map((x) => x.id),
    sources,
  };
}

describe('POST /api/groups/:groupId/maps/import — native JSON', () => {
  it('imports an export into another group: same graph and layout, new ids, the quoted sources recreated there', async () => {
    for (const map of demoMaps) {
      const response = await importFile(team.group.id, 'format=json', await exported(map.id, 'format=json'));
      expect(response.statusCode).toBe(201);
      const result = ImportResult.parse(response.json());
      expect(result.map).toMatchObject({ groupId: team.group.id, title: map.title });
      expect(result.problems).toEqual([]);
      const [before, after] = [await content(map.id), await content(result.map.id)];
      expect(after.nodes).toEqual(before.nodes);
      expect(after.edges).toEqual(before.edges);
      expect(after.arguments).toEqual(before.arguments);
      expect(after.events).toEqual(before.events);
      expect(after.readings).toEqual(before.readings);
      expect(after.ids.filter((id) => before.ids.includes(id))).toEqual([]);
      expect(after.sources.every((s) => s.groupId === team.group.id)).toBe(true);
      expect(after.sources.map((s) => s.text).sort()).toEqual(before.sources.map((s) => s.text).sort());
      expect(result.counts).toMatchObject({ nodes: before.nodes.length, sourcesCreated: before.sources.length, sourcesReused: 0, evidenceAsClaims: 0 });
      const log = await ctx.db.opLog.findMany({ where: { mapId: result.map.id }, orderBy: { version: 'asc' } });
      expect(log.map((l) => l.version)).toEqual(log.map((_, i) => i + 1));
      expect(result.map.version).toBe(log.length);
    }
  });

  it('reuses the group’s own sources when imported back into the same group', async () => {
    const sourcesBefore = await ctx.db.source.count({ where: { groupId: demoGroup } });
    const result = ImportResult.parse((await importFile(demoGroup, 'format=json&title=Copy', await exported(demoMaps[0]!.id, 'format=json'), dana)).json());
    const quoted = new Set((await snapshot(demoMaps[0]!.id)).nodes.flatMap((n) => (n.quote ? [n.quote.sourceId] : [])));
    expect(result.counts).toMatchObject({ sourcesCreated: 0, sourcesReused: quoted.size, evidenceAsClaims: 0 });
    expect(result.map.title).toBe('Copy');
    expect(await ctx.db.source.count({ where: { groupId: demoGroup } })).toBe(sourcesBefore);
    expect((await content(result.map.id)).nodes).toEqual((await content(demoMaps[0]!.id)).nodes);
  });

  it('without source texts, turns quotations into claims in a group that lacks the sources, and reports each', async () => {
    const other = await createTeam(ctx.db, 'No sources');
    const result = ImportResult.parse((await importFile(other.group.id, 'format=json', await exported(demoMaps[0]!.id, 'format=json&sourceText=false'), other.editor.id)).json());
    const evidence = (await snapshot(demoMaps[0]!.id)).nodes.filter((n) => n.kind === 'evidence').length;
    expect(result.counts.evidenceAsClaims).toBe(evidence);
    expect(result.problems).toHaveLength(evidence);
    expect(result.problems.every((p) => p.severity === 'warning' && /^nodes\[\d+\]$/.test(p.at!) && p.message.includes('became a claim'))).toBe(true);
    expect((await snapshot(result.map.id)).nodes.filter((n) => n.kind === 'evidence')).toEqual([]);
    expect(await ctx.db.source.count({ where: { groupId: other.group.id } })).toBe(0);
  });

  it('previews with dryRun=true: what would be created and the problems, writing nothing', async () => {
    const file = await exported(demoMaps[1]!.id, 'format=json');
    const response = await expectNothingWritten(ctx.db, () => importFile(team.group.id, 'format=json&dryRun=true', file));
    expect(response.statusCode).toBe(200);
    const preview = ImportPreview.parse(response.json());
    const s = await snapshot(demoMaps[1]!.id);
    expect(preview).toMatchObject({
      format: 'json',
      title: demoMaps[1]!.title,
      canImport: true,
      batches: 1,
      counts: { nodes: s.nodes.length, edges: s.edges.length, arguments: s.arguments.length, events: s.events.length, readings: s.readings.length },
    });
  });

  it('keeps text with HTML or script as plain data', async () => {
    const script = '<script>alert(document.cookie)</script><img src=x onerror=alert(1)>';
    const file = { format: 'counterpoint', version: 1, map: { title: `<b>${script}</b>` }, nodes: [{ id: 'n1', kind: 'claim', text: script, x: 0, y: 0, quote: null }] };
    const result = ImportResult.parse((await importFile(team.group.id, 'format=json', JSON.stringify(file))).json());
    expect(result.map.title).toBe(`<b>${script}</b>`);
    expect((await snapshot(result.map.id)).nodes[0]!.text).toBe(script);
  });

  it('writes a large map in batches and streams progress as NDJSON', async () => {
    const count = 3_000;
    const nodes = Array.from({ length: count }, (_, i) => ({ id: `n${i}`, kind: 'claim', text: `Claim ${i}`, x: (i % 50) * 300, y: Math.floor(i / 50) * 200, quote: null }));
    const edges = Array.from({ length: count - 1 }, (_, i) => ({ id: `e${i}`, kind: 'supports', fromId: `n${i + 1}`, toId: `n${i}`, label: '' }));
    const file = JSON.stringify({ format: 'counterpoint', version: 1, map: { title: 'Big' }, nodes, edges });
    const response = await importFile(team.group.id, 'format=json', file, team.editor.id, { accept: 'application/x-ndjson' });
    expect(response.statusCode).toBe(201);
    expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const lines = response.body.trim().split('\n').map((l) => ImportProgressLine.parse(JSON.parse(l)));
    expect(lines.slice(0, -1)).toEqual([
      { type: 'progress', written: 5_000, total: 2 * count - 1 },
      { type: 'progress', written: 2 * count - 1, total: 2 * count - 1 },
    ]);
    const done = lines.at(-1)!;
    expect(done.type === 'done' && done.result.map).toMatchObject({ version: 2 * count - 1, nodeCount: count });
  }, 120_000);
});

describe('POST /api/groups/:groupId/maps/import — AIF and Argdown', () => {
  it('imports an AIF export with its I/RA/CA structure', async () => {
    const s = await snapshot(demoMaps[0]!.id);
    const result = ImportResult.parse((await importFile(team.group.id, 'format=aif&title=From AIF', await exported(demoMaps[0]!.id, 'format=aif'))).json());
    const kinds = (list: { kind: string }[]) => list.reduce<Record<string, number>>((acc, x) => ({ ...acc, [x.kind]: (acc[x.kind] ?? 0) + 1 }), {});
    const after = await snapshot(result.map.id);
    expect(result.map.title).toBe('From AIF');
    // Quotations arrive as claims (AIF has no sources) and their quotes edges as supports; notes are not in AIF.
    const e = kinds(s.edges);
    expect(kinds(after.edges)).toEqual({ supports: (e.supports ?? 0) + (e.quotes ?? 0), attacks: e.attacks, undercuts: e.undercuts, answers: e.answers });
    expect(after.nodes).toHaveLength(s.nodes.filter((n) => n.kind !== 'note').length);
    expect(after.arguments.map((a) => a.premiseIds.length)).toEqual(s.arguments.map((a) => a.premiseIds.length));
  });

  it('imports an OVA file with numeric ids, keeping OVA’s layout and reporting locutions by id', async () => {
    const ova = {
      AIF: {
        nodes: [
          { nodeID: 1, text: 'We need a party', type: 'I' },
          { nodeID: 2, text: 'Movements fade', type: 'I' },
          { nodeID: 3, text: 'Default Inference', type: 'RA' },
          { nodeID: 4, text: 'Ann : Movements fade', type: 'L' },
          { nodeID: 5, text: 'Asserting', type: 'YA' },
        ],
        edges: [{ edgeID: 1, fromID: 2, toID: 3 }, { edgeID: 2, fromID: 3, toID: 1 }, { edgeID: 3, fromID: 4, toID: 5 }, { edgeID: 4, fromID: 5, toID: 2 }],
        locutions: [{ nodeID: 4, personID: 1 }],
        participants: [{ participantID: 1, firstname: 'Ann', surname: 'Lee' }],
      },
      OVA: { nodes: [{ nodeID: 1, x: 100, y: 20 }, { nodeID: 2, x: 100, y: 300 }] },
    };
    const result = ImportResult.parse((await importFile(team.group.id, 'format=aif', JSON.stringify(ova))).json());
    expect(result.map.title).toBe('Imported AIF map');
    expect(result.problems.map((p) => p.at)).toEqual(['node 4', 'node 5']);
    expect((await snapshot(result.map.id)).nodes.map((n) => [n.text, n.x, n.y]).sort()).toEqual([['Movements fade', 100, 300], ['We need a party', 100, 20]]);
  });

  it('imports an Argdown export: anchored quotations in the same group, claims (with warnings) in another', async () => {
    const file = await exported(demoMaps[0]!.id, 'format=argdown');
    const s = await snapshot(demoMaps[0]!.id);
    const evidence = s.nodes.filter((n) => n.kind === 'evidence');
    const same = ImportResult.parse((await importFile(demoGroup, 'format=argdown', file, dana)).json());
    expect(same.problems).toEqual([]);
    expect(same.map.title).toBe(demoMaps[0]!.title);
    const quotes = (await snapshot(same.map.id)).nodes.filter((n) => n.kind === 'evidence').map((n) => n.quote).sort((a, b) => a!.start - b!.start);
    expect(quotes).toEqual(evidence.map((n) => n.quote).sort((a, b) => a!.start - b!.start));
    const fresh = await createTeam(ctx.db, 'Without the demo sources');
    const other = ImportResult.parse((await importFile(fresh.group.id, 'format=argdown', file, fresh.editor.id)).json());
    expect(other.counts.evidenceAsClaims).toBe(evidence.length);
    expect(other.counts.edges).toBe(s.edges.length);
  });

  it('brings a map’s readings (tags) and events (front matter) back through Argdown', async () => {
    const map = demoMaps[1]!;
    const result = ImportResult.parse((await importFile(demoGroup, 'format=argdown', await exported(map.id, 'format=argdown'), dana)).json());
    const [before, after] = [await content(map.id), await content(result.map.id)];
    expect(before.readings.length).toBeGreaterThan(0);
    expect(after.events).toEqual(before.events);
    // Statements carry reading tags; relations do not (a reading gets back the relations among its statements).
    const withoutEdges = (readings: typeof before.readings) => readings.map(({ edges: _e, ...r }) => r);
    expect(withoutEdges(after.readings)).toEqual(withoutEdges(before.readings));
  });

  it('shows Argdown syntax errors with their line in the preview, and refuses to import them', async () => {
    const file = '[A]: fine\n  + [B]: also fine\n\n[C]: broken <html> here\n';
    const preview = ImportPreview.parse((await importFile(team.group.id, 'format=argdown&dryRun=true', file)).json());
    expect(preview.canImport).toBe(false);
    expect(preview.problems).toContainEqual(expect.objectContaining({ severity: 'error', at: 'line 4' }));
    const body = expectApiError(await expectNothingWritten(ctx.db, () => importFile(team.group.id, 'format=argdown', file)), 'IMPORT_INVALID');
    expect(body.issues).toContainEqual(expect.objectContaining({ path: 'line 4' }));
  });
});
