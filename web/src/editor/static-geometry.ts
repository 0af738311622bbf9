import { Position, type NodeHandle } from '@xyflow/react';
import type { GraphNode } from '@counterpoint/shared';
import { CARD_SIZE } from './large-map';
import type { FlowNode } from './flow-types';
import { CARD_HANDLES, INFERENCE_HANDLES } from './flow-elements';

/**
 * Size and handle positions of canvas nodes, known before React Flow has drawn them.
 *
 * A large map draws only the cards near the view (useViewCulling.ts); the others are hidden. React Flow draws no
 * edge whose ends it has not measured, and measures a node by drawing it. Giving each node a size and its handles
 * up front lets it draw an edge towards a card that is not drawn. The size is an estimate until the card has been
 * drawn; from then on it is the measured one (React Flow reports it as a "dimensions" change), and the handles
 * follow it.
 */
/** Drawn size of the round inference node (nodes.css: .cp-inference). */
const INFERENCE_SIZE = 28;
/** Card handles (nodes.css: .cp-handle, border-box) and the hidden inference handles (React Flow's default). */
const CARD_HANDLE = 10;
const INFERENCE_HANDLE = 6;


// Card text metrics (nodes.css), for cards of a shape not drawn yet: the kind line, then ~32 characters and
// ~19 px a line.
const CARD_CHROME = 36;
const LINE_HEIGHT = 19;
const CHARS_PER_LINE = 32;
const QUOTE_CHARS_PER_LINE = 34;

const lineCount = (text: string, perLine: number) => Math.max(1, Math.ceil(text.length / perLine));

/** Cards of one shape (kind, lines of quotation, lines of text) are drawn the same height. */
const shapeOf = (node: GraphNode) => `${node.kind} ${node.quote ? lineCount(node.quote.exact, QUOTE_CHARS_PER_LINE) : 0} ${lineCount(node.text, CHARS_PER_LINE)}`;

/** Heights measured on this page, by card shape: the best estimate for a card of that shape not drawn yet. */
const measuredHeights = new Map<string, number>();

/**
 * A card's height before it is drawn: that of a card of the same shape drawn already, else a guess from its
 * text. When the guess is right, drawing the card changes nothing (no "dimensions" change, no edge redrawn).
 */
export function estimatedCardHeight(node: GraphNode): number {
  const measured = measuredHeights.get(shapeOf(node));
  if (measured !== undefined) return measured;
  const quote = node.quote ? lineCount(node.quote.exact, QUOTE_CHARS_PER_LINE) * LINE_HEIGHT + LINE_HEIGHT : 0;
  return Math.max(CARD_SIZE.height, CARD_CHROME + quote + lineCount(node.text, CHARS_PER_LINE) * LINE_HEIGHT);
}

/** Remembers the height React Flow measured for a drawn card. */
export function rememberMeasured(node: FlowNode): void {
  if (node.type === 'inference' || node.measured?.height === undefined || estimates.has(node.measured)) return;
  const shape = shapeOf((node as GraphNodeFlow).data.node);
  if (measuredHeights.get(shape) === node.measured.height) return;
  measuredHeights.set(shape, node.measured.height);
  lessons++;
}

/** React Flow's handle classes place a handle 4 px outside the node's edge (style.css: .react-flow__handle-top). */
const HANDLE_OUTSET = 4;

/** Where a handle of a size sits on a node's side (its box, relative to the node's top-left corner). */
function handleAt(side: Position, size: number, width: number, height: number) {
  const box = { width: size, height: size };
  if (side === Position.Top) return { x: width / 2 - size / 2, y: -HANDLE_OUTSET, ...box };
  if (side === Position.Bottom) return { x: width / 2 - size / 2, y: height + HANDLE_OUTSET - size, ...box };
  return { x: -HANDLE_OUTSET, y: height / 2 - size / 2, ...box }; // Position.Left
}

/**
 * Where React Flow finds the handles of a node of this type and size once it has drawn it (within a pixel: it
 * measures the card's fractional height, the estimate and `measured` hold whole pixels).
 */
export function handlesOf(type: string, width: number, height: number): NodeHandle[] {
  if (type === 'inference') {
    return [
      { id: INFERENCE_HANDLES.in, type: 'target', position: Position.Bottom, ...handleAt(Position.Bottom, INFERENCE_HANDLE, width, height) },
      { id: INFERENCE_HANDLES.undercut, type: 'target', position: Position.Left, ...handleAt(Position.Left, INFERENCE_HANDLE, width, height) },
      { id: INFERENCE_HANDLES.out, type: 'source', position: Position.Top, ...handleAt(Position.Top, INFERENCE_HANDLE, width, height) },
    ];
  }
  const drawn = CARD_HANDLES[type as GraphNode['kind']] ?? { source: false, target: false };
  const handles: NodeHandle[] = [];
  if (drawn.target) handles.push({ id: null, type: 'target', position: Position.Bottom, ...handleAt(Position.Bottom, CARD_HANDLE, width, height) });
  if (drawn.source) handles.push({ id: null, type: 'source', position: Position.Top, ...handleAt(Position.Top, CARD_HANDLE, width, height) });
  return handles;
}

/** The `measured` object each handle list was computed for. */
const handlesFor = new WeakMap<readonly NodeHandle[], object>();
/**
 * The `measured` objects that hold an estimate, not a measurement (a copied node shares its parent's), with the
 * lesson they were estimated after: estimates are looked at again only when a card has taught a new height.
 */
const estimates = new WeakMap<object, number>();
let lessons = 0;

type GraphNodeFlow = Extract<FlowNode, { type: GraphNode['kind'] }>;

const estimatedSize = (node: FlowNode) =>
  node.type === 'inference'
    ? { width: INFERENCE_SIZE, height: INFERENCE_SIZE }
    : { width: CARD_SIZE.width, height: estimatedCardHeight((node as GraphNodeFlow).data.node) };

/**
 * The node with a size (its measured one, else an estimate) and handles matching that size. The same object
 * when nothing changed, so memoised node components and React Flow's equality checks are not disturbed. Runs over
 * every node on every change of a large map (each frame of a drag), so the usual answer is a lookup.
 */
export function withStaticGeometry<T extends FlowNode>(node: T): T {
  const { measured, handles } = node;
  const current = measured && handles !== undefined && handlesFor.get(handles) === measured;
  const estimatedAfter = measured ? estimates.get(measured) : undefined;
  if (current && measured.width !== undefined && measured.height !== undefined) {
    if (estimatedAfter === undefined || estimatedAfter === lessons) return node;
    // Cards drawn since may have taught a better estimate; keep this one if not.
    const { width, height } = estimatedSize(node);
    if (width === measured.width && height === measured.height) {
      estimates.set(measured, lessons);
      return node;
    }
  }
  const real = measured?.width !== undefined && measured.height !== undefined && estimatedAfter === undefined;
  const sized = real ? { width: measured.width!, height: measured.height! } : estimatedSize(node);
  if (!real) estimates.set(sized, lessons);
  const nextHandles = handlesOf(node.type ?? '', sized.width, sized.height);
  handlesFor.set(nextHandles, sized);
  return { ...node, measured: sized, handles: nextHandles };
}
