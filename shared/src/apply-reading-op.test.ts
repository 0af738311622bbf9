import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applyOps, type ApplyResult } from './apply-op.js';
import { emptyGraph, type Graph } from './graph.js';
import type { Op } from './ops.js';

const claim = (id = randomUUID()): Op => ({ type: 'node.create', node: { id, kind: 'claim', text: 'c', x: 0, y: 0, quote: null } });

function run(ops: Op[], graph: Graph = emptyGraph): Graph {
  const result = applyOps(graph, ops);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.graph;
}

function reject(ops: Op[], graph: Graph = emptyGraph) {
  const result = applyOps(graph, ops);
  expect(result.ok).toBe(false);
  return (result as Extract<ApplyResult, { ok: false }>).error.code;
}

describe('events and readings', () => {
  const [a, b, edge, event, reading] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const base = run([
    claim(a),
    claim(b),
    { type: 'edge.create', edge: { id: edge, kind: 'attacks', fromId: a, toId: b, label: '' } },
    { type: 'event.create', event: { id: event, title: 'China 1925–27', period: '1925–27', description: '' } },
    { type: 'reading.create', reading: { id: reading, eventId: event, title: 'Blogger', authorName: 'Blogger', description: '', nodeIds: [a], edgeIds: [] } },
  ]);

  it('includes and excludes members as sets, in sorted order', () => {
    const included = run([{ type: 'reading.include', id: reading, nodeIds: [b, a, b], edgeIds: [edge] }], base);
    expect(included.readings[reading]!.nodeIds).toEqual([a, b].sort());
    expect(included.readings[reading]!.edgeIds).toEqual([edge]);
    const excluded = run([{ type: 'reading.exclude', id: reading, nodeIds: [a, randomUUID()], edgeIds: [] }], included);
    expect(excluded.readings[reading]!.nodeIds).toEqual([b]);
  });

  it('refuses members that are not in the map, and unknown events and readings', () => {
    expect(reject([{ type: 'reading.include', id: reading, nodeIds: [randomUUID()], edgeIds: [] }], base)).toBe('TARGET_NOT_FOUND');
    expect(reject([{ type: 'reading.update', id: reading, patch: { eventId: randomUUID() } }], base)).toBe('EVENT_NOT_FOUND');
    expect(reject([{ type: 'reading.delete', id: randomUUID() }], base)).toBe('READING_NOT_FOUND');
    expect(reject([{ type: 'event.update', id: randomUUID(), patch: { title: 'x' } }], base)).toBe('EVENT_NOT_FOUND');
    expect(reject([{ type: 'event.create', event: { id: a, title: 'clash', period: '', description: '' } }], base)).toBe('DUPLICATE_ID');
  });

  it('drops deleted nodes and edges from readings, and detaches readings from a deleted event', () => {
    const withEdge = run([{ type: 'reading.include', id: reading, nodeIds: [b], edgeIds: [edge] }], base);
    const nodeGone = run([{ type: 'node.delete', id: b }], withEdge);
    expect(nodeGone.readings[reading]).toMatchObject({ nodeIds: [a], edgeIds: [] });
    const eventGone = run([{ type: 'event.delete', id: event }], base);
    expect(eventGone.events[event]).toBeUndefined();
    expect(eventGone.readings[reading]!.eventId).toBeNull();
  });

  it('keeps readings untouched by a delete identical, so the database diff skips them', () => {
    const other = randomUUID();
    const graph = run([claim(other)], base);
    expect(run([{ type: 'node.delete', id: other }], graph).readings).toBe(graph.readings);
  });
});
