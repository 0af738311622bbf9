import type { GraphEdge } from '@counterpoint/shared';
import { describe, expect, it } from 'vitest';
import { aNode, graphOf } from '../test-support/graph-factory';
import { mergeFlowNodes } from './flow-elements';
import type { FlowNode } from './flow-types';
import { openingViewOf } from './large-map';
import { estimatedCardHeight, handlesOf, rememberMeasured, withStaticGeometry } from './static-geometry';
import { cardsToDraw, type View } from './useViewCulling';
import { sameDrawing } from './edges/RelationEdge';

const relation = (fromId: string, toId: string): GraphEdge => ({ id: crypto.randomUUID(), kind: 'supports', fromId, toId, label: '', authorId: null });

describe('openingViewOf', () => {
  it('frames the most connected node and its neighbours, at a readable zoom, counting hidden cards', () => {
    const [hub, a, b, c, other] = [aNode(), aNode(), aNode(), aNode(), aNode()];
    const farAway = aNode('claim', 'Far away', { x: 5_000, y: 3_000 });
    const graph = graphOf([other, a, hub, b, c, farAway], {
      edges: [relation(a.id, hub.id), relation(b.id, hub.id), relation(hub.id, c.id), relation(other.id, a.id), relation(farAway.id, hub.id)],
    });
    const view = openingViewOf(graph);
    // The far neighbour is left out: framing it too would zoom out to nothing legible.
    expect(view.nodes.map((n) => n.id).sort()).toEqual([hub.id, a.id, b.id, c.id].sort());
    expect(view.nodes[0]!.id).toBe(hub.id);
    expect(view.minZoom).toBeGreaterThanOrEqual(0.6);
    expect(view.includeHiddenNodes).toBe(true);
  });

  it('counts the premises and conclusion of an argument as connected', () => {
    const [conclusion, p1, p2, lone] = [aNode(), aNode(), aNode(), aNode()];
    const graph = graphOf([lone, p1, p2, conclusion], {
      arguments: [{ id: crypto.randomUUID(), conclusionId: conclusion.id, premiseIds: [p1.id, p2.id], label: '', x: 0, y: 0, authorId: null }],
    });
    expect(openingViewOf(graph).nodes[0]!.id).toBe(conclusion.id);
  });
});

describe('static geometry', () => {
  const flowNode = (text: string) => mergeFlowNodes(graphOf([aNode('claim', text)]), new Map(), []).nodes[0]!;

  it('gives a node not drawn yet an estimated size and handles on its top and bottom edges', () => {
    const node = withStaticGeometry(flowNode('A short claim.'));
    const height = node.measured!.height!;
    expect(node.measured!.width).toBe(220);
    expect(height).toBeGreaterThanOrEqual(80);
    // React Flow's handle classes: 4 px outside the edge, centred; our card handles are 10 px.
    expect(node.handles).toEqual([
      { id: null, type: 'target', position: 'bottom', x: 105, y: height + 4 - 10, width: 10, height: 10 },
      { id: null, type: 'source', position: 'top', x: 105, y: -4, width: 10, height: 10 },
    ]);
  });

  it('estimates longer text taller, and returns the same object when nothing changed', () => {
    const short = withStaticGeometry(flowNode('Short.'));
    const long = withStaticGeometry(flowNode('A claim long enough to wrap over many lines of a card. '.repeat(4)));
    expect(long.measured!.height!).toBeGreaterThan(short.measured!.height!);
    expect(withStaticGeometry(short)).toBe(short);
  });

  it('follows the measured size once the card is drawn, and learns it for cards of the same shape', () => {
    const text = 'Claim 7: a sentence of ordinary length about parties and classes.';
    const estimated = withStaticGeometry(flowNode(text));
    const measured: FlowNode = { ...estimated, measured: { width: 220, height: estimated.measured!.height! + 7 } };
    const sized = withStaticGeometry(measured);
    expect(sized.handles!.find((h) => h.type === 'target')!.y).toBe(estimated.measured!.height! + 7 + 4 - 10);
    const sameShape = withStaticGeometry(flowNode(text.replace('7', '8')));
    const otherShape = withStaticGeometry(flowNode('Short.'));
    rememberMeasured(sized);
    expect(estimatedCardHeight(aNode('claim', text.replace('7', '8')))).toBe(estimated.measured!.height! + 7);
    // Cards estimated before the lesson: the same shape takes the learned height, another shape stays as it was.
    expect(withStaticGeometry(sameShape).measured!.height).toBe(estimated.measured!.height! + 7);
    expect(withStaticGeometry(otherShape)).toBe(otherShape);
  });

  it('places the inference node’s three handles, the undercut one on its left side', () => {
    expect(handlesOf('inference', 28, 28).map((h) => [h.id, h.position, h.x, h.y])).toEqual([
      ['in', 'bottom', 11, 26],
      ['undercut', 'left', -4, 11],
      ['out', 'top', 11, -4],
    ]);
  });
});

describe('cardsToDraw', () => {
  // A 1000 × 500 pane at zoom 1, looking at flow x 0–1000, y 0–500.
  const view = (x = 0, y = 0): View => ({ transform: [-x, -y, 1], width: 1000, height: 500 });
  const at = (x: number, y: number, extra: Partial<FlowNode> = {}) =>
    ({ ...mergeFlowNodes(graphOf([aNode('claim', 'A claim', { x, y })]), new Map(), []).nodes[0]!, measured: { width: 200, height: 80 }, ...extra }) as FlowNode;

  it('draws the cards on screen and in a ring around it when nothing is drawn yet, not the far ones', () => {
    const [onScreen, inRing, far] = [at(100, 100), at(1100, 100), at(3000, 100)];
    const drawn = cardsToDraw(new Set(), [onScreen, inRing, far], view());
    expect([...drawn].sort()).toEqual([onScreen.id, inRing.id].sort());
  });

  it('then draws a card only when it nears the screen, and keeps drawn cards until a screen away', () => {
    const [onScreen, nearing, ring] = [at(100, 100), at(1030, 100), at(1150, 100)];
    const drawn = new Set([onScreen.id]);
    // 1030 is within 5 % of a screen of the right edge; 1150 is not (the opening ring no longer applies).
    expect([...cardsToDraw(drawn, [onScreen, nearing, ring], view())].sort()).toEqual([onScreen.id, nearing.id].sort());
    // Panned 900 px right: the first card is off screen but within a screen, so it stays.
    const kept = cardsToDraw(drawn, [onScreen], view(900));
    expect(kept).toBe(drawn);
    // Two screens away, it goes.
    expect(cardsToDraw(drawn, [onScreen], view(2500)).size).toBe(0);
  });

  it('keeps selected and dragged cards drawn wherever they are', () => {
    const [selected, dragged] = [at(9000, 9000, { selected: true }), at(-9000, 0, { dragging: true })];
    expect(cardsToDraw(new Set(), [selected, dragged], view()).size).toBe(2);
  });

  it('draws nothing before the pane has a size', () => {
    const current = new Set<string>();
    expect(cardsToDraw(current, [at(0, 0)], { transform: [0, 0, 1], width: 0, height: 0 })).toBe(current);
  });
});

describe('sameDrawing (RelationEdge)', () => {
  const props = { id: 'e', source: 'a', target: 'b', sourceX: 10, sourceY: 20, targetX: 300, targetY: 400, data: { look: 'supports' } } as unknown as Parameters<typeof sameDrawing>[0];

  it('skips redrawing an edge whose ends moved by under a pixel', () => {
    expect(sameDrawing(props, { ...props, sourceY: 20.6, targetX: 299.2 })).toBe(true);
  });

  it('redraws it when an end moved a pixel or more, or anything else changed', () => {
    expect(sameDrawing(props, { ...props, targetY: 401 })).toBe(false);
    expect(sameDrawing(props, { ...props, selected: true })).toBe(false);
    expect(sameDrawing(props, { ...props, data: { look: 'attacks' } } as typeof props)).toBe(false);
  });
});
