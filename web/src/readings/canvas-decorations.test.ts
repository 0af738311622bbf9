import { evaluateGraph } from '@counterpoint/shared';
import { describe, expect, it } from 'vitest';
import { claimOp, edgeOp, graphOf, readingOp } from '../../../tests/helpers/ops';
import { DecorationStore } from './canvas-decorations';
import { readingColors } from './reading-colors';

describe('DecorationStore', () => {
  const [a, b, c] = ['a', 'b', 'c'].map((text) => claimOp({ text }));
  const ab = edgeOp('attacks', a!.node.id, b!.node.id);
  const reading = readingOp(null, { nodeIds: [a!.node.id, b!.node.id], edgeIds: [ab.edge.id] }, { title: 'R' });
  const graph = graphOf(a!, b!, c!, ab, reading);
  const inputs = { graph, colors: readingColors(graph.readings), evaluation: evaluateGraph(graph), scopeReadingId: null, filterReadingId: null };

  it('gives each node its reading dots and label, and dims what a filter leaves out', () => {
    const store = new DecorationStore();
    store.update(inputs);
    expect(store.get(a!.node.id)).toEqual({ readings: [{ id: reading.reading.id, title: 'R', color: expect.any(String) }], label: 'in', dimmed: false });
    expect(store.get(b!.node.id).label).toBe('out');
    expect(store.get(c!.node.id)).toEqual({ readings: [], label: 'in', dimmed: false });
    store.update({ ...inputs, filterReadingId: reading.reading.id });
    expect(store.get(c!.node.id).dimmed).toBe(true);
    expect(store.get(a!.node.id).dimmed).toBe(false);
    expect(store.getFilter()).toMatchObject({ readingId: reading.reading.id, edgeIds: new Set([ab.edge.id]) });
  });

  it('keeps unchanged decorations (so their nodes do not re-render) and notifies only on change', () => {
    const store = new DecorationStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.update(inputs);
    const before = store.get(a!.node.id);
    store.update({ ...inputs, evaluation: evaluateGraph(graph) });
    expect(calls).toBe(1);
    expect(store.get(a!.node.id)).toBe(before);
    store.update({ ...inputs, evaluation: null });
    expect(calls).toBe(2);
    expect(store.get(a!.node.id).label).toBeNull();
  });
});
