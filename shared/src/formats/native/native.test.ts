import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphToLists, type Graph } from '../../graph.js';
import { selectQuote } from '../../quote.js';
import { accepted, setupArb } from '../../history/op-arbitraries.test-support.js';
import { emptyGraph } from '../../graph.js';
import { IDS, richInput, THREAD_SOURCE } from '../fixtures.test-support.js';
import { planImport } from '../plan.js';
import { resolveSources, type CandidateSource } from '../resolve-sources.js';
import { ImportFailure, type ExportInput } from '../types.js';
import { exportNative } from './export.js';
import { importNative } from './import.js';
import { nativeJsonSchema, NativeMapFile } from './schema.js';

const counter = () => {
  let n = 0;
  return () => `00000000-0000-4000-9000-${String(++n).padStart(12, '0')}`;
};

/** Export, import (sources as `candidates` has them), plan: the graph an import would build, and the id mapping. */
function roundTrip(input: ExportInput, candidates: CandidateSource[], options: { includeSourceText?: boolean } = {}) {
  const draft = importNative(exportNative(input, options));
  const resolved = resolveSources(draft, candidates, counter());
  const plan = planImport(resolved.draft, counter());
  return { draft, resolved, plan };
}

/** The graph with every id renamed by `ids` and authorship dropped: comparable across an import. */
function renamed(graph: Graph, ids: ReadonlyMap<string, string>) {
  const id = (old: string) => ids.get(old) ?? old;
  const lists = graphToLists(graph);
  return {
    nodes: lists.nodes.map((n) => ({ ...n, id: id(n.id), authorId: null })).sort((a, b) => (a.id < b.id ? -1 : 1)),
    edges: lists.edges.map((e) => ({ ...e, id: id(e.id), fromId: id(e.fromId), toId: id(e.toId), authorId: null })).sort((a, b) => (a.id < b.id ? -1 : 1)),
    arguments: lists.arguments
      .map((a) => ({ ...a, id: id(a.id), conclusionId: id(a.conclusionId), premiseIds: a.premiseIds.map(id), authorId: null }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
    events: lists.events.map((e) => ({ ...e, id: id(e.id) })).sort((a, b) => (a.id < b.id ? -1 : 1)),
    readings: lists.readings
      // A reading's members are a set: compare them in a fixed order.
      .map((r) => ({ ...r, id: id(r.id), eventId: r.eventId && id(r.eventId), nodeIds: r.nodeIds.map(id).sort(), edgeIds: r.edgeIds.map(id).sort() }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

describe('native JSON', () => {
  it('writes a versioned file that its own schema accepts, with the quoted source and its text', () => {
    const file = JSON.parse(exportNative(richInput(), { exportedAt: '2026-01-01T00:00:00.000Z' }));
    expect(file).toMatchObject({ format: 'counterpoint', version: 1, exportedAt: '2026-01-01T00:00:00.000Z', stances: [] });
    expect(NativeMapFile.safeParse(file).success).toBe(true);
    expect(file.sources).toEqual([expect.objectContaining({ id: IDS.source, title: THREAD_SOURCE.title, text: THREAD_SOURCE.text })]);
    expect([file.nodes.length, file.edges.length, file.arguments.length, file.events.length, file.readings.length]).toEqual([9, 6, 1, 1, 1]);
    expect(file.nodes.every((n: object) => !('authorId' in n))).toBe(true);
  });

  it('round-trips the graph exactly: new ids, same layout, quotations still matching their source', () => {
    const input = richInput();
    const { plan, resolved } = roundTrip(input, []);
    expect(plan.problems).toEqual([]);
    expect(resolved.sources).toEqual([expect.objectContaining({ action: 'create', key: IDS.source })]);
    const created = resolved.sources[0]!.action === 'create' ? resolved.sources[0]!.placeholderId : '';
    // The only difference is the ids (and the new source's id): rename the original's and compare.
    const ids = new Map([...plan.ids, [IDS.source, created]]);
    const original = renamed(input.graph, ids);
    original.nodes = original.nodes.map((n) => (n.quote ? { ...n, quote: { ...n.quote, sourceId: created } } : n));
    expect(renamed(plan.graph, new Map())).toEqual(original);
    expect(new Set(plan.ids.values()).size).toBe(plan.ids.size);
    expect([...plan.ids.values()].some((id) => id in input.graph.nodes)).toBe(false);
  });

  it('reuses the group’s own copy of a quoted source instead of recreating it', () => {
    const { resolved, plan } = roundTrip(richInput(), [{ id: IDS.source, title: THREAD_SOURCE.title, text: THREAD_SOURCE.text! }]);
    expect(resolved.sources).toEqual([{ key: IDS.source, action: 'reuse', id: IDS.source }]);
    expect(Object.values(plan.graph.nodes).find((n) => n.kind === 'evidence')?.quote?.sourceId).toBe(IDS.source);
  });

  it('without source texts, turns quotations from a source the group lacks into claims and says so', () => {
    const { resolved, plan } = roundTrip(richInput(), [], { includeSourceText: false });
    expect(resolved.demoted).toBe(1);
    const demoted = Object.values(plan.graph.nodes).find((n) => n.text.includes('remain within'))!;
    expect(demoted).toMatchObject({ kind: 'claim', quote: null });
    expect(demoted.text).toContain(THREAD_SOURCE.title);
    expect(Object.values(plan.graph.edges).filter((e) => e.kind === 'quotes')).toEqual([]);
    expect(plan.problems).toEqual([expect.objectContaining({ severity: 'warning', at: 'nodes[6]', message: expect.stringContaining('became a claim') })]);
  });

  it('refuses what is not a native file, a newer version, and an invalid file, with the place of each problem', () => {
    const code = (text: string) => {
      try {
        importNative(text);
        return null;
      } catch (error) {
        return error instanceof ImportFailure ? { code: error.code, message: error.message, issues: error.issues } : String(error);
      }
    };
    expect(code('{"nodes": []')).toMatchObject({ code: 'BAD_JSON' });
    expect(code('{"nodes": [], "edges": []}')).toMatchObject({ code: 'IMPORT_WRONG_FORMAT', message: expect.stringContaining('AIF') });
    expect(code('{"format": "counterpoint", "version": 2}')).toMatchObject({ code: 'IMPORT_INVALID', message: expect.stringContaining('version 2') });
    expect(code(`${'['.repeat(100)}${']'.repeat(100)}`)).toMatchObject({ code: 'IMPORT_INVALID', message: expect.stringContaining('nests deeper') });
    const broken = { format: 'counterpoint', version: 1, map: { title: '' }, nodes: [{ id: 'a', kind: 'opinion', text: 'x', x: 0, y: 0, quote: null }] };
    expect(code(JSON.stringify(broken))).toMatchObject({
      code: 'IMPORT_INVALID',
      issues: expect.arrayContaining([expect.objectContaining({ path: 'map.title' }), expect.objectContaining({ path: 'nodes[0].kind' })]),
    });
  });

  it('is strict: a relation to a node that is not in the file is an error, not a silent drop', () => {
    const file = JSON.parse(exportNative(richInput()));
    file.edges[0].toId = 'nowhere';
    const { plan } = roundTrip(richInput(), []);
    expect(plan.problems).toEqual([]);
    const draft = importNative(JSON.stringify(file));
    const broken = planImport(resolveSources(draft, [], counter()).draft, counter());
    expect(broken.problems).toContainEqual(expect.objectContaining({ severity: 'error', at: 'edges[0]', message: expect.stringContaining('nowhere') }));
  });

  it('reports stances (reserved in version 1) instead of dropping them silently', () => {
    const file = { ...JSON.parse(exportNative(richInput())), stances: [{ nodeId: IDS.thesis, member: 'Sam', value: 'agree', confidence: 80 }] };
    expect(importNative(JSON.stringify(file)).problems).toEqual([expect.objectContaining({ at: 'stances', message: expect.stringContaining('1 stance') })]);
  });

  it('has a JSON Schema generated from the zod schemas', () => {
    const schema = nativeJsonSchema() as { $schema: string; properties: Record<string, { const?: unknown }>; required: string[] };
    expect(schema.$schema).toContain('json-schema.org');
    expect(schema.properties.format?.const).toBe('counterpoint');
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'version', 'map', 'nodes']));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['edges', 'arguments', 'events', 'readings', 'sources', 'stances']));
  });

  it('round-trips random valid graphs exactly (property)', () => {
    const TEXT = 'words; other words; new words';
    fc.assert(
      fc.property(setupArb, (ops) => {
        const built = accepted(emptyGraph, ops, { actorId: null }).graph;
        // The generator's quotations all sit at 0; anchor each where its words really are in the source text.
        const nodes = Object.fromEntries(
          Object.entries(built.nodes).map(([id, n]) => {
            if (!n.quote) return [id, n];
            const start = TEXT.indexOf(n.quote.exact);
            return [id, { ...n, quote: selectQuote(n.quote.sourceId, TEXT, start, start + n.quote.exact.length) }];
          }),
        );
        const graph: Graph = { ...built, nodes };
        const sourceId = '00000000-0000-4000-8000-0000000000ff';
        const input: ExportInput = {
          title: 'Random',
          description: '',
          graph,
          sources: [{ id: sourceId, title: 'S', kind: 'essay', author: null, date: null, url: null, text: TEXT, passages: [] }],
        };
        const { plan } = roundTrip(input, [{ id: sourceId, title: 'S', text: TEXT }]);
        expect(plan.problems).toEqual([]);
        expect(renamed(plan.graph, new Map())).toEqual(renamed(graph, plan.ids));
      }),
      { numRuns: 150 },
    );
  });
});
