import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MapSnapshot, NativeMapFile, type AifFile } from '@counterpoint/shared';
import { parseArgdown } from '@counterpoint/shared/importers';
import { seedDemo } from '../../prisma/seed/seed-demo.js';
import { as, createTestApp, type TestContext } from '../helpers/app.js';
import { createTeam, expectApiError } from '../helpers/api.js';
import { claimOp, noteOp, opsBatch } from '../helpers/ops.js';
import { postOps } from '../helpers/api.js';

// Graphviz compiled to WebAssembly, which @argdown/core brings along: the DOT export must render.
const renderDot = createRequire(import.meta.url)('@aduh95/viz.js/sync') as (dot: string) => string;

let ctx: TestContext;
let dana: string;
let maps: { id: string; title: string }[];
const snapshots = new Map<string, MapSnapshot>();

beforeAll(async () => {
  ctx = await createTestApp();
  await seedDemo(ctx.db, ctx.database.url);
  dana = (await ctx.db.user.findFirstOrThrow({ where: { name: 'Dana' } })).id;
  maps = await ctx.db.map.findMany({ orderBy: { createdAt: 'asc' }, select: { id: true, title: true } });
  for (const map of maps) snapshots.set(map.id, MapSnapshot.parse((await ctx.app.inject({ url: `/api/maps/${map.id}`, headers: as(dana) })).json()));
});
afterAll(async () => ctx.close());

const exportUrl = (mapId: string, query: string) => `/api/maps/${mapId}/export?${query}`;
const get = (url: string, userId: string | null = dana) => ctx.app.inject({ url, headers: userId ? as(userId) : {} });

/** Counts of a demo map's graph, for checking exports against. */
function shape(snapshot: MapSnapshot) {
  const edges = (kind: string) => snapshot.edges.filter((e) => e.kind === kind).length;
  return {
    nodes: snapshot.nodes.length,
    notes: snapshot.nodes.filter((n) => n.kind === 'note').length,
    arguments: snapshot.arguments.length,
    supports: edges('supports'),
    attacks: edges('attacks'),
    undercuts: edges('undercuts'),
    answers: edges('answers'),
    quotes: edges('quotes'),
    undercutEdges: undercutEdges(snapshot).length,
    undercutAttacks: undercutEdges(snapshot).filter((e) => e.kind === 'attacks').length,
  };
}

/** Edges some undercut targets. */
function undercutEdges(snapshot: MapSnapshot) {
  return snapshot.edges.filter((t) => snapshot.edges.some((e) => e.kind === 'undercuts' && e.toId === t.id));
}

describe('GET /api/maps/:mapId/export', () => {
  it('serves every format as a download with its media type and file name', async () => {
    const expected = {
      json: ['application/json', 'the-micro-party-debate.counterpoint.json'],
      aif: ['application/json', 'the-micro-party-debate.aif.json'],
      argdown: ['text/plain', 'the-micro-party-debate.argdown'],
      graphml: ['application/graphml+xml', 'the-micro-party-debate.graphml'],
      dot: ['text/vnd.graphviz', 'the-micro-party-debate.dot'],
      outline: ['text/markdown', 'the-micro-party-debate.md'],
    };
    for (const [format, [type, filename]] of Object.entries(expected)) {
      const response = await get(exportUrl(maps[0]!.id, `format=${format}`));
      expect(response.statusCode, format).toBe(200);
      expect(response.headers['content-type']).toBe(`${type}; charset=utf-8`);
      expect(response.headers['content-disposition']).toBe(`attachment; filename="${filename}"; filename*=UTF-8''${filename}`);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.body.length).toBeGreaterThan(200);
    }
  });

  it('writes the demo maps as native JSON with every node, relation and argument, and the quoted sources with their texts', async () => {
    for (const map of maps) {
      const snapshot = snapshots.get(map.id)!;
      const file = NativeMapFile.parse(JSON.parse((await get(exportUrl(map.id, 'format=json'))).body));
      expect(file.map).toEqual({ title: map.title, description: snapshot.map.description });
      expect(file.nodes).toEqual(snapshot.nodes.map(({ authorId: _a, ...n }) => n));
      expect(file.edges).toEqual(snapshot.edges.map(({ authorId: _a, ...e }) => e));
      expect(file.arguments).toEqual(snapshot.arguments.map(({ authorId: _a, ...a }) => a));
      const quoted = new Set(snapshot.nodes.flatMap((n) => (n.quote ? [n.quote.sourceId] : [])));
      expect(file.sources.map((s) => s.id).sort()).toEqual([...quoted].sort());
      for (const source of file.sources) {
        expect(source.text).toBe((await ctx.db.source.findUniqueOrThrow({ where: { id: source.id } })).text);
      }
    }
    const lean = NativeMapFile.parse(JSON.parse((await get(exportUrl(maps[0]!.id, 'format=json&sourceText=false'))).body));
    expect(lean.sources.every((s) => s.text === null)).toBe(true);
  });

  it('writes the demo maps as AIF: I-nodes, an RA per inference (co-premises sharing one), CA per attack and undercut', async () => {
    for (const map of maps) {
      const snapshot = snapshots.get(map.id)!;
      const s = shape(snapshot);
      const file: AifFile = JSON.parse((await get(exportUrl(map.id, 'format=aif'))).body);
      const count = (type: string) => file.nodes.filter((n) => n.type === type).length;
      // Speakers: quotations taken from a comment whose author the source names.
      const passages = await ctx.db.passage.findMany({ where: { kind: 'comment', author: { not: null } } });
      const spoken = snapshot.nodes.filter((n) => n.quote && passages.some((p) => p.sourceId === n.quote!.sourceId && p.start <= n.quote!.start && n.quote!.start < p.end));
      expect({ I: count('I'), RA: count('RA'), CA: count('CA'), MA: count('MA'), L: count('L'), YA: count('YA') }).toEqual({
        I: s.nodes - s.notes,
        RA: s.supports + s.quotes + s.arguments,
        CA: s.attacks + s.undercuts,
        MA: s.answers,
        L: spoken.length,
        YA: spoken.length,
      });
      for (const argument of snapshot.arguments) {
        const conclusion = file.nodes.find((n) => n.type === 'I' && n.text === snapshot.nodes.find((x) => x.id === argument.conclusionId)!.text)!;
        const ra = file.edges.filter((e) => e.toID === conclusion.nodeID).map((e) => file.nodes.find((n) => n.nodeID === e.fromID)!).find((n) => n.text === argument.label)!;
        const premises = file.edges.filter((e) => e.toID === ra.nodeID && file.nodes.find((n) => n.nodeID === e.fromID)!.type === 'I');
        expect(premises).toHaveLength(argument.premiseIds.length);
      }
    }
  });

  it('writes the demo maps as Argdown that @argdown/core parses into the same statements, arguments and relations', async () => {
    for (const map of maps) {
      const s = shape(snapshots.get(map.id)!);
      const { response, errors } = parseArgdown((await get(exportUrl(map.id, 'format=argdown'))).body);
      expect(errors).toEqual([]);
      expect(Object.keys(response.statements!)).toHaveLength(s.nodes);
      expect(Object.keys(response.arguments!)).toHaveLength(s.arguments + s.undercutEdges);
      const relations = (type: string) => response.relations!.filter((r) => r.relationType === type).length;
      // An undercut support is written as a premise–conclusion argument (no support relation); an undercut attack as
      // an argument its attacker supports and that attacks its target (one support relation more).
      expect({ support: relations('support'), attack: relations('attack'), undercut: relations('undercut') }).toEqual({
        support: s.supports + s.quotes + s.answers - (s.undercutEdges - s.undercutAttacks) + s.undercutAttacks,
        attack: s.attacks,
        undercut: s.undercuts,
      });
    }
  });

  it('writes GraphML and DOT with a vertex per node and argument; Graphviz renders the DOT', async () => {
    for (const map of maps) {
      const s = shape(snapshots.get(map.id)!);
      const graphml = (await get(exportUrl(map.id, 'format=graphml'))).body;
      expect(graphml.match(/<node id=/g)).toHaveLength(s.nodes + s.arguments + s.undercutEdges);
      const dot = (await get(exportUrl(map.id, 'format=dot'))).body;
      const svg = renderDot(dot);
      expect(svg.match(/<g id="node\d+" class="node/g)).toHaveLength(s.nodes + s.arguments + s.undercutEdges);
    }
  });

  it('writes an outline of the whole map from its question, or from a chosen root', async () => {
    const snapshot = snapshots.get(maps[0]!.id)!;
    const whole = (await get(exportUrl(maps[0]!.id, 'format=outline'))).body;
    expect(whole).toMatch(/^# The micro-party debate\n/);
    expect(whole).toContain('1. **Question:** What kind of organisation do socialists need now?');
    expect(whole).toMatch(/\n1\.\d+\. \*\*Answer:\*\* The letter: a working-class vanguard/);
    expect(whole).toContain('> — *The Period, the Party, and the Next Left (from 2009) (2009)*');
    const conclusion = snapshot.nodes.find((n) => n.text.startsWith('Micro-party view (3)'))!;
    const rooted = (await get(exportUrl(maps[0]!.id, `format=outline&root=${conclusion.id}`))).body;
    expect(rooted.split('\n').find((l) => l.startsWith('1. '))).toMatch(/^1\. \*\*Claim:\*\* Micro-party view \(3\)/);
    expect(rooted).toMatch(/\n1\.\d+\. \*\*Pro \(together\):\*\* the micro-party syllogism/);
    expect(rooted).not.toContain('What kind of organisation');
  });

  it('escapes hostile text in every text format', async () => {
    const team = await createTeam(ctx.db, 'Hostile');
    const map = await ctx.db.map.create({ data: { groupId: team.group.id, title: 'Hostile </title><script>' } });
    const script = '<script>alert("x")</script> & </data></node> "} -> x; \\N';
    const claim = claimOp({ text: script });
    expect((await postOps(ctx.app, map.id, team.editor.id, opsBatch([claim, noteOp({ text: '<img src=x onerror=alert(1)>' })]))).statusCode).toBe(200);
    const body = async (format: string) => (await get(exportUrl(map.id, `format=${format}`), team.viewer.id)).body;
    expect(await body('graphml')).not.toMatch(/<script|<\/data><\/node> "|<img/);
    expect(await body('outline')).not.toMatch(/<script|<img/);
    const dot = await body('dot');
    expect(dot).toContain('\\"} -> x; \\\\N');
    expect(renderDot(dot)).toContain('&lt;script&gt;');
    const { response, errors } = parseArgdown(await body('argdown'));
    expect(errors).toEqual([]);
    expect(Object.values(response.statements!).map((st) => st.members[0]!.text!.trim())).toContain(script.replace(/\s+/g, ' '));
    expect(JSON.parse(await body('json')).nodes.map((n: { text: string }) => n.text)).toContain(script);
  });

  it('answers errors with stable codes', async () => {
    const team = await createTeam(ctx.db, 'Strangers');
    const snapshot = snapshots.get(maps[0]!.id)!;
    const note = snapshot.nodes.find((n) => n.kind === 'note')!;
    expectApiError(await get(exportUrl(maps[0]!.id, 'format=pdf')), 'VALIDATION_FAILED');
    expectApiError(await get(exportUrl(maps[0]!.id, '')), 'VALIDATION_FAILED');
    expectApiError(await get(exportUrl(maps[0]!.id, 'format=outline&root=00000000-0000-4000-8000-000000000000')), 'NODE_NOT_FOUND');
    expectApiError(await get(exportUrl(maps[0]!.id, `format=outline&root=${note.id}`)), 'VALIDATION_FAILED');
    expectApiError(await get(exportUrl(maps[0]!.id, `format=json&root=${note.id}`)), 'VALIDATION_FAILED');
    expectApiError(await get(exportUrl(maps[0]!.id, 'format=json'), team.stranger.id), 'MAP_NOT_FOUND');
    expectApiError(await get(exportUrl('00000000-0000-4000-8000-000000000000', 'format=json')), 'MAP_NOT_FOUND');
    expectApiError(await get(exportUrl(maps[0]!.id, 'format=json'), null), 'UNAUTHENTICATED');
  });
});

describe('GET /api/formats/native.schema.json', () => {
  it('serves the JSON Schema of the native format, generated from the zod schemas', async () => {
    const response = await ctx.app.inject({ url: '/api/formats/native.schema.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/schema+json; charset=utf-8');
    const schema = response.json();
    expect(schema).toMatchObject({ $schema: expect.stringContaining('json-schema.org'), type: 'object', properties: { format: { const: 'counterpoint' }, version: { const: 1 } } });
  });
});
