import type { ElkNode } from 'elkjs/lib/elk-api';
import { layeredLayout } from './layered-layout';
import type { LayoutBox, LayoutLink, LayoutRequest, LayoutResponse, LayoutWarmUp } from './layout-protocol';

/**
 * Lays out a map off the main thread (a large map takes long enough to freeze the page). Direction UP: an
 * edge's source sits below its target, so reasons stand under what they back.
 *
 * ELK's layered algorithm draws small maps best, but its time grows steeply: 1,000 nodes took 20–50 s (the
 * model-order option alone accounts for most of it, and even its lightest settings need seconds). Larger maps
 * get the quick layered layout instead, which answers in well under a second.
 */

/** Above this many boxes the quick layout is used. */
const ELK_MAX_BOXES = 200;

// Typed by hand: this file shares the DOM lib of the app, which has no DedicatedWorkerGlobalScope.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest | LayoutWarmUp>) => void) | null;
  postMessage(message: LayoutResponse): void;
};

const ELK_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'UP',
  'elk.spacing.nodeNode': '48',
  'elk.layered.spacing.nodeNodeBetweenLayers': '72',
  'elk.spacing.componentComponent': '96',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

type Positions = Record<string, { x: number; y: number }>;

// Loaded for small maps only (at warm-up or first use): a large map never needs ELK's 1.5 MB.
let elkLoading: Promise<{ layout(graph: ElkNode): Promise<ElkNode> }> | null = null;
function loadElk() {
  elkLoading ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => {
    // elk.bundled.js installs its own onmessage when loaded in a worker: put ours back.
    scope.onmessage = onRequest;
    return new ELK();
  });
  return elkLoading;
}

async function elkLayout(boxes: LayoutBox[], links: LayoutLink[]): Promise<Positions> {
  const elk = await loadElk();
  const result = await elk.layout({
    id: 'root',
    layoutOptions: ELK_OPTIONS,
    children: boxes.map((b) => ({ id: b.id, width: b.width, height: b.height })),
    edges: links.map((l) => ({ id: l.id, sources: [l.source], targets: [l.target] })),
  });
  const positions: Positions = {};
  for (const child of result.children ?? []) positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  return positions;
}

async function onRequest(event: MessageEvent<LayoutRequest | LayoutWarmUp>): Promise<void> {
  if ('warmUp' in event.data) {
    if (event.data.warmUp.boxCount <= ELK_MAX_BOXES) void loadElk().catch(() => {});
    return;
  }
  const { requestId, boxes, links } = event.data;
  try {
    const positions = boxes.length > ELK_MAX_BOXES ? layeredLayout(boxes, links) : await elkLayout(boxes, links);
    scope.postMessage({ requestId, ok: true, positions });
  } catch (error) {
    scope.postMessage({ requestId, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
}

scope.onmessage = (event) => void onRequest(event);
