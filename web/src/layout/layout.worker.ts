import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { LayoutRequest, LayoutResponse } from './layout-protocol';

/**
 * Lays out a map with ELK's layered algorithm off the main thread (a large map takes long enough to freeze the
 * page). Direction UP: an edge's source sits below its target, so reasons stand under what they back.
 */

// Typed by hand: this file shares the DOM lib of the app, which has no DedicatedWorkerGlobalScope.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutResponse): void;
};

const elk = new ELK();

const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'UP',
  'elk.spacing.nodeNode': '48',
  'elk.layered.spacing.nodeNodeBetweenLayers': '72',
  'elk.spacing.componentComponent': '96',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

// Assigned after the import on purpose: elk.bundled.js installs its own onmessage when loaded in a worker.
scope.onmessage = async (event) => {
  const { requestId, boxes, links } = event.data;
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: boxes.map((b) => ({ id: b.id, width: b.width, height: b.height })),
    edges: links.map((l) => ({ id: l.id, sources: [l.source], targets: [l.target] })),
  };
  try {
    const result = await elk.layout(graph);
    const positions: Record<string, { x: number; y: number }> = {};
    for (const child of result.children ?? []) positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
    scope.postMessage({ requestId, ok: true, positions });
  } catch (error) {
    scope.postMessage({ requestId, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
