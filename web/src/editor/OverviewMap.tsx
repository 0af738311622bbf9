import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import type { Graph } from '@counterpoint/shared';
import { useEffect, useMemo, useRef, type PointerEvent } from 'react';
import { CARD_SIZE } from './large-map';

const WIDTH = 200;
const HEIGHT = 150;
const PADDING = 6;
const ARGUMENT_SIZE = 28;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const viewportOf = (s: ReactFlowState) => ({ x: s.transform[0], y: s.transform[1], zoom: s.transform[2], width: s.width, height: s.height });
const sameViewport = (a: ReturnType<typeof viewportOf>, b: ReturnType<typeof viewportOf>) =>
  a.x === b.x && a.y === b.y && a.zoom === b.zoom && a.width === b.width && a.height === b.height;

/** Where the map's boxes are, and the scale that fits all of them in the overview. */
function frameOf(graph: Graph) {
  const boxes = [
    ...Object.values(graph.nodes).map((n) => ({ x: n.x, y: n.y, ...CARD_SIZE, kind: n.kind as string })),
    ...Object.values(graph.arguments).map((a) => ({ x: a.x, y: a.y, width: ARGUMENT_SIZE, height: ARGUMENT_SIZE, kind: 'inference' })),
  ];
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) [minX, minY, maxX, maxY] = [Math.min(minX, b.x), Math.min(minY, b.y), Math.max(maxX, b.x + b.width), Math.max(maxY, b.y + b.height)];
  if (boxes.length === 0) [minX, minY, maxX, maxY] = [0, 0, 1, 1];
  // Room around the map for the view's frame when the whole map is in view (fit view leaves a margin).
  const [marginX, marginY] = [(maxX - minX) * 0.2, (maxY - minY) * 0.2];
  [minX, minY, maxX, maxY] = [minX - marginX, minY - marginY, maxX + marginX, maxY + marginY];
  const scale = Math.min((WIDTH - 2 * PADDING) / (maxX - minX), (HEIGHT - 2 * PADDING) / (maxY - minY));
  const toCanvas = (b: Box) => [PADDING + (b.x - minX) * scale, PADDING + (b.y - minY) * scale, Math.max(1, b.width * scale), Math.max(1, b.height * scale)] as const;
  const toMap = (x: number, y: number) => ({ x: minX + (x - PADDING) / scale, y: minY + (y - PADDING) / scale });
  return { boxes, toCanvas, toMap };
}

/**
 * The minimap of a large map, drawn on canvases: React Flow's MiniMap is an SVG element and a component per node,
 * 3,000 fibres for a 1,000-node map, about half a second of opening it (P5 in tests/bench/RESULTS.md). One canvas
 * holds the map (redrawn when it changes), one above it the part in view (redrawn as the view moves). Pressing
 * or dragging on it moves the view there. Small maps keep React Flow's MiniMap.
 */
export function OverviewMap({ graph, colors }: { graph: Graph; colors: Record<string, string> }) {
  const mapLayer = useRef<HTMLCanvasElement>(null);
  const viewLayer = useRef<HTMLCanvasElement>(null);
  const view = useStore(viewportOf, sameViewport);
  const flow = useReactFlow();
  const frame = useMemo(() => frameOf(graph), [graph]);

  useEffect(() => {
    const context = mapLayer.current?.getContext('2d');
    if (!context) return;
    context.clearRect(0, 0, WIDTH, HEIGHT);
    for (const box of frame.boxes) {
      context.fillStyle = colors[box.kind] ?? '#adb5bd';
      context.fillRect(...frame.toCanvas(box));
    }
  }, [frame, colors]);

  useEffect(() => {
    const context = viewLayer.current?.getContext('2d');
    if (!context) return;
    context.clearRect(0, 0, WIDTH, HEIGHT);
    context.strokeStyle = '#4263eb';
    context.lineWidth = 1.5;
    context.strokeRect(...frame.toCanvas({ x: -view.x / view.zoom, y: -view.y / view.zoom, width: view.width / view.zoom, height: view.height / view.zoom }));
  }, [frame, view]);

  const moveTo = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.buttons !== 1) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const at = frame.toMap(event.clientX - rect.left, event.clientY - rect.top);
    void flow.setCenter(at.x, at.y, { zoom: view.zoom });
  };

  return (
    <Panel position="bottom-right" className="react-flow__minimap cp-overview">
      <canvas ref={mapLayer} width={WIDTH} height={HEIGHT} aria-hidden="true" />
      <canvas
        ref={viewLayer}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label="Map overview"
        data-testid="overview-map"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          moveTo(event);
        }}
        onPointerMove={moveTo}
      />
    </Panel>
  );
}
