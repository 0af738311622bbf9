import { toPng, toSvg } from 'html-to-image';
import type { Node, ReactFlowInstance } from '@xyflow/react';
import { withAllCardsDrawn } from '../editor/draw-all-cards';

/** Longest side and area of an image the browser can make without running out of canvas memory. */
export const IMAGE_MAX_SIDE = 8_000;
export const IMAGE_MAX_PIXELS = 32_000_000;
/** Above this many nodes a whole-map image is refused: copying that much of the page would freeze the tab. */
export const IMAGE_MAX_NODES = 2_500;
const PADDING = 40;

/**
 * The scale to draw content of `width` × `height` (at zoom 1) at, and whether it had to be shrunk to stay within
 * IMAGE_MAX_SIDE and IMAGE_MAX_PIXELS.
 */
export function imageScale(width: number, height: number, wanted = 1): { scale: number; capped: boolean } {
  const bySide = IMAGE_MAX_SIDE / Math.max(width, height, 1);
  const byArea = Math.sqrt(IMAGE_MAX_PIXELS / Math.max(width * height, 1));
  const scale = Math.min(wanted, bySide, byArea);
  return { scale, capped: scale < wanted };
}

export type ImageFormat = 'png' | 'svg';
export interface RenderedImage {
  dataUrl: string;
  width: number;
  height: number;
  /** Set when the image was shrunk to a safe size. */
  notice: string | null;
}

/** Editing affordances a picture of the map does without: handles, edge midpoints, "add a caption" placeholders. */
const EDITING_ONLY = ['react-flow__handle', 'cp-edge__midpoint', 'is-empty'];
/** The canvas's controls, minimap and panels, left out of a picture of the view. */
const CHROME = ['react-flow__panel', 'react-flow__minimap', 'react-flow__controls'];
const keep = (skipped: string[]) => (node: HTMLElement) => !skipped.some((c) => node.classList?.contains(c));
const skipChrome = keep([...EDITING_ONLY, ...CHROME]);
const skipEditing = keep(EDITING_ONLY);
const BASE = { backgroundColor: '#f8f9fa', skipFonts: true, cacheBust: false };
const drawerOf = (format: ImageFormat) => (format === 'png' ? toPng : toSvg);

/**
 * Draws the whole map (every node, whatever the view shows) or the current view as PNG or SVG with html-to-image.
 * The SVG wraps the canvas's HTML in a foreignObject: browsers show it, vector editors may not.
 */
export async function renderMapImage(flow: ReactFlowInstance, canvas: HTMLElement, format: ImageFormat, what: 'map' | 'view'): Promise<RenderedImage> {
  const draw = drawerOf(format);
  if (what === 'view') {
    const { clientWidth: width, clientHeight: height } = canvas;
    const { scale, capped } = imageScale(width, height, window.devicePixelRatio || 1);
    const dataUrl = await withLabelFills(canvas, () => draw(canvas, { ...BASE, width, height, pixelRatio: format === 'png' ? scale : 1, filter: skipChrome }));
    return { dataUrl, width: Math.round(width * scale), height: Math.round(height * scale), notice: capped ? 'The image was drawn at a lower resolution to keep it within a safe size.' : null };
  }

  const nodes = flow.getNodes();
  if (nodes.length > IMAGE_MAX_NODES) {
    throw new Error(`This map has ${nodes.length} nodes; whole-map images stop at ${IMAGE_MAX_NODES}. Export the current view, or GraphML or DOT for a drawing program.`);
  }
  const viewport = canvas.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport || nodes.length === 0) throw new Error('There is nothing on the canvas to draw.');
  // A large map draws only the cards near the view; the picture needs them all.
  return withAllCardsDrawn(canvas, nodes.length, () => drawWholeMap(flow, viewport, format, nodes));
}

async function drawWholeMap(flow: ReactFlowInstance, viewport: HTMLElement, format: ImageFormat, nodes: Node[]): Promise<RenderedImage> {
  const draw = drawerOf(format);
  const bounds = flow.getNodesBounds(nodes);
  const { scale, capped } = imageScale(bounds.width + 2 * PADDING, bounds.height + 2 * PADDING);
  const width = Math.ceil((bounds.width + 2 * PADDING) * scale);
  const height = Math.ceil((bounds.height + 2 * PADDING) * scale);
  const dataUrl = await withLabelFills(viewport, () =>
    draw(viewport, {
      ...BASE,
      width,
      height,
      pixelRatio: 1,
      filter: skipEditing,
      style: {
        width: `${width}px`,
        height: `${height}px`,
        transform: `translate(${(PADDING - bounds.x) * scale}px, ${(PADDING - bounds.y) * scale}px) scale(${scale})`,
      },
    }),
  );
  const notice = capped ? `The map is large: the image was scaled to ${Math.round(scale * 100)}% (${width} × ${height} px) to stay within a safe size.` : null;
  return { dataUrl, width, height, notice };
}

/**
 * html-to-image copies no style onto the background rectangles of edge labels, which then draw black; give them
 * their computed fill as an attribute while the picture is taken.
 */
async function withLabelFills<T>(element: HTMLElement, draw: () => Promise<T>): Promise<T> {
  const rects = [...element.querySelectorAll<SVGRectElement>('rect.react-flow__edge-textbg')].filter((r) => !r.hasAttribute('fill'));
  for (const rect of rects) rect.setAttribute('fill', getComputedStyle(rect).fill || '#ffffff');
  try {
    return await draw();
  } finally {
    for (const rect of rects) rect.removeAttribute('fill');
  }
}

/** Saves a data URL as a file. */
export function download(href: string, filename: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
}
