import { getViewportForBounds, type Viewport } from '@xyflow/react';

/** Framing as the canvas's fitView does it (see MapCanvas): padding, and no closer than this zoom. */
const PADDING = 0.2;
const MAX_ZOOM = 1.2;
const MIN_ZOOM = 0.1;

type Box = { x: number; y: number; width: number; height: number };

/**
 * The viewport that frames laid-out boxes in a canvas of the given size. Computed from the layout itself, not
 * from the canvas nodes: the canvas takes a large layout's moves over several frames (see useFlowElements).
 */
export function layoutViewport(boxes: readonly Box[], width: number, height: number): Viewport {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  }
  const bounds = { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
  return getViewportForBounds(bounds, width, height, MIN_ZOOM, MAX_ZOOM, PADDING);
}
