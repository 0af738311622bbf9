import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { backbone, elkLayout, FULL_LAYOUT_MAX_BOXES } from './elk-layout';

const box = (id: string) => ({ id, width: 220, height: 80 });
const link = (source: string, target: string) => ({ id: `${source}>${target}`, source, target });
const elk = new ELK();

describe('elkLayout', () => {
  it('puts reasons below what they back and places every box, a loose one and a cycle included', async () => {
    const boxes = ['claim', 'a', 'b', 'loose', 'x', 'y'].map(box);
    const at = await elkLayout(elk, boxes, [link('a', 'claim'), link('b', 'claim'), link('x', 'y'), link('y', 'x'), link('a', 'missing')]);
    expect(Object.keys(at).sort()).toEqual(['a', 'b', 'claim', 'loose', 'x', 'y']);
    expect(at.a!.y).toBeGreaterThan(at.claim!.y);
    expect(at.b!.y).toBe(at.a!.y);
    expect(Math.abs(at.a!.x - at.b!.x)).toBeGreaterThanOrEqual(220);
  });

  it('lays a large map out along its backbone: each box under the first thing it backs', async () => {
    const count = FULL_LAYOUT_MAX_BOXES + 50;
    const boxes = Array.from({ length: count }, (_, i) => box(`n${i}`));
    const tree = boxes.slice(1).map((b, i) => link(b.id, `n${Math.floor(i / 3)}`));
    const crossLinks = boxes.slice(10).map((b, i) => link(b.id, `n${(i * 7) % 10}`));
    const at = await elkLayout(elk, boxes, [...tree, ...crossLinks]);
    expect(Object.keys(at)).toHaveLength(count);
    for (const l of tree) expect(at[l.source]!.y).toBeGreaterThan(at[l.target]!.y);
  });
});

describe('backbone', () => {
  it('keeps the first link of each source, in the order given', () => {
    const links = [link('a', 'b'), link('a', 'c'), link('c', 'b'), link('d', 'a'), link('c', 'a')];
    expect(backbone(links)).toEqual([link('a', 'b'), link('c', 'b'), link('d', 'a')]);
  });
});
