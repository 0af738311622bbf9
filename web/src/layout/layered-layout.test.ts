import { describe, expect, it } from 'vitest';
import { layeredLayout } from './layered-layout';

const box = (id: string, width = 220, height = 80) => ({ id, width, height });
const link = (source: string, target: string) => ({ id: `${source}>${target}`, source, target });

describe('layeredLayout', () => {
  it('puts reasons in the row below what they back, centred under it', () => {
    const at = layeredLayout([box('claim'), box('a'), box('b')], [link('a', 'claim'), link('b', 'claim')]);
    expect(at.a!.y).toBeGreaterThan(at.claim!.y);
    expect(at.a!.y).toBe(at.b!.y);
    const middle = (at.a!.x + at.b!.x + 220) / 2;
    expect(at.claim!.x + 110).toBeCloseTo(middle);
  });

  it('keeps boxes of a row apart and places every box, cycles and loose ones included', () => {
    const boxes = [box('a'), box('b'), box('c'), box('d', 100, 30), box('e')];
    const at = layeredLayout(boxes, [link('a', 'b'), link('b', 'c'), link('c', 'a'), link('e', 'c'), link('e', 'missing')]);
    expect(Object.keys(at).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    const rows = new Map<number, Array<{ x: number; width: number }>>();
    for (const b of boxes) rows.set(at[b.id]!.y, [...(rows.get(at[b.id]!.y) ?? []), { x: at[b.id]!.x, width: b.width }]);
    for (const row of rows.values()) {
      row.sort((p, q) => p.x - q.x);
      for (let i = 1; i < row.length; i++) expect(row[i]!.x).toBeGreaterThanOrEqual(row[i - 1]!.x + row[i - 1]!.width);
    }
  });

  it('lays out a thousand nodes quickly', () => {
    const boxes = Array.from({ length: 1000 }, (_, i) => box(`n${i}`));
    const links = boxes.slice(1).map((b, i) => link(b.id, `n${Math.floor(i / 3)}`));
    const started = performance.now();
    const at = layeredLayout(boxes, links);
    expect(Object.keys(at)).toHaveLength(1000);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
