import type { Edge, Node } from '@xyflow/react';
import type { EdgeKind, GraphArgument, GraphNode, NodeKind } from '@counterpoint/shared';

/** Data of a canvas node drawn for a graph node. */
export interface GraphNodeData extends Record<string, unknown> {
  /** Its x and y may be out of date: the canvas node's position is the one drawn. */
  node: GraphNode;
  /** For evidence: the title of the quoted source, once the group's sources are loaded. */
  sourceTitle: string | null;
}
export type GraphFlowNode = Node<GraphNodeData, NodeKind>;

/** Data of the small round node that stands for a premise–conclusion argument's inference. */
export interface InferenceNodeData extends Record<string, unknown> {
  /** Its x and y may be out of date, as with GraphNodeData. */
  argument: GraphArgument;
}
export type InferenceFlowNode = Node<InferenceNodeData, 'inference'>;

export type FlowNode = GraphFlowNode | InferenceFlowNode;

/**
 * What a canvas edge stands for. Graph edges map one to one; an argument is drawn as one edge per premise into
 * its inference node plus one from it to the conclusion.
 */
export type EdgeRole =
  | { type: 'edge'; edgeId: string }
  | { type: 'premise'; argumentId: string; premiseId: string }
  | { type: 'conclusion'; argumentId: string };

/** How an edge is drawn: a graph edge kind, or one leg of an argument (a linked-premise support). */
export type EdgeLook = EdgeKind | 'premise' | 'conclusion';

export interface RelationEdgeData extends Record<string, unknown> {
  role: EdgeRole;
  look: EdgeLook;
  label: string;
}
export type RelationFlowEdge = Edge<RelationEdgeData, 'relation'>;

/** An undercut: drawn sideways into the midpoint of the edge it denies, or into an argument's inference node. */
export interface UndercutEdgeData extends RelationEdgeData {
  /** When the undercut targets an edge: canvas ids of that edge's two ends. */
  targetEnds?: { source: string; target: string };
}
export type UndercutFlowEdge = Edge<UndercutEdgeData, 'undercut'>;

export type FlowEdge = RelationFlowEdge | UndercutFlowEdge;

export const isInferenceNode = (node: FlowNode): node is InferenceFlowNode => node.type === 'inference';
