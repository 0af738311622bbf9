import type { Graph, GraphArgument, GraphNode, NodeKind } from '@counterpoint/shared';
import type { FlowNode, GraphFlowNode, InferenceFlowNode } from './flow-types';

/** Ids of the canvas edges that draw an argument. */
export const premiseEdgeId = (argumentId: string, premiseId: string) => `${argumentId}:premise:${premiseId}`;
export const conclusionEdgeId = (argumentId: string) => `${argumentId}:conclusion`;

/**
 * Which handles each card kind draws (NodeCard): relations leave a claim or evidence at the top and arrive at the
 * bottom; a question is only answered; a note takes part in no relation.
 */
export const CARD_HANDLES: Record<NodeKind, { source: boolean; target: boolean }> = {
  claim: { source: true, target: true },
  evidence: { source: true, target: true },
  question: { source: false, target: true },
  note: { source: false, target: false },
};

/** Handle ids of the inference node: premises come in below, the conclusion leaves on top, undercuts hit its side. */
export const INFERENCE_HANDLES = { in: 'in', out: 'out', undercut: 'undercut' } as const;

export interface MergedNodes {
  nodes: FlowNode[];
  /** Moves left for a later call, because `moveBudget` ran out. */
  deferredMoves: number;
}

/**
 * Builds the canvas nodes for a graph, reusing the previous canvas nodes where possible: an unchanged node keeps
 * its object (memoised node components skip rendering), and React Flow's own fields (selection, measured size)
 * survive. A node being dragged keeps its local position: the graph only learns it when the drag ends.
 *
 * At most `moveBudget` nodes take a new position; the others keep theirs until a later call. Redrawing a
 * thousand moved nodes (an auto layout, someone else's) in one go freezes the page for a second; spread over a
 * few frames it does not.
 */
export function mergeFlowNodes(
  graph: Graph,
  sourceTitles: ReadonlyMap<string, string>,
  previous: readonly FlowNode[],
  moveBudget = Infinity,
): MergedNodes {
  const before = new Map(previous.map((n) => [n.id, n]));
  const next: FlowNode[] = [];
  let budget = moveBudget;
  let deferredMoves = 0;
  const placeAt = (old: FlowNode | undefined, x: number, y: number) => {
    if (!old) return { x, y };
    if (old.dragging || (old.position.x === x && old.position.y === y)) return old.position;
    if (budget <= 0) {
      deferredMoves++;
      return old.position;
    }
    budget--;
    return { x, y };
  };
  for (const node of Object.values(graph.nodes)) {
    const old = before.get(node.id);
    next.push(graphFlowNode(node, sourceTitles, old?.type === node.kind ? (old as GraphFlowNode) : undefined, placeAt));
  }
  for (const argument of Object.values(graph.arguments)) {
    const old = before.get(argument.id);
    next.push(inferenceFlowNode(argument, old?.type === 'inference' ? (old as InferenceFlowNode) : undefined, placeAt));
  }
  // Nothing changed: the same array, so React Flow has nothing to compare.
  const unchanged = next.length === previous.length && next.every((n, i) => n === previous[i]);
  return { nodes: unchanged ? (previous as FlowNode[]) : next, deferredMoves };
}

type PlaceAt = (old: FlowNode | undefined, x: number, y: number) => { x: number; y: number };

function graphFlowNode(node: GraphNode, titles: ReadonlyMap<string, string>, old: GraphFlowNode | undefined, placeAt: PlaceAt): GraphFlowNode {
  const sourceTitle = node.quote ? (titles.get(node.quote.sourceId) ?? null) : null;
  // A move (or the same node coming back from the server) leaves what the card shows as it was: keep its data.
  const data = old && sameNodeContent(old.data.node, node) && old.data.sourceTitle === sourceTitle ? old.data : { node, sourceTitle };
  const position = placeAt(old, node.x, node.y);
  if (old && old.data === data && old.position === position) return old;
  return { ...old, id: node.id, type: node.kind, position, data };
}

function inferenceFlowNode(argument: GraphArgument, old: InferenceFlowNode | undefined, placeAt: PlaceAt): InferenceFlowNode {
  const data = old && sameArgumentContent(old.data.argument, argument) ? old.data : { argument };
  const position = placeAt(old, argument.x, argument.y);
  if (old && old.data === data && old.position === position) return old;
  return { ...old, id: argument.id, type: 'inference', position, data };
}

/** Equal in all but position (which the canvas node carries itself). */
function sameNodeContent(a: GraphNode, b: GraphNode): boolean {
  if (a === b) return true;
  return a.kind === b.kind && a.text === b.text && a.authorId === b.authorId && sameJson(a.quote, b.quote);
}

function sameArgumentContent(a: GraphArgument, b: GraphArgument): boolean {
  if (a === b) return true;
  return (
    a.conclusionId === b.conclusionId &&
    a.label === b.label &&
    a.authorId === b.authorId &&
    a.premiseIds.length === b.premiseIds.length &&
    a.premiseIds.every((id, i) => id === b.premiseIds[i])
  );
}

const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
