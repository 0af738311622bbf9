import { graphFromLists, type Graph, type GraphNode, type NodeKind, type Op } from '@counterpoint/shared';

/** Small builders for unit tests: a node, a create op, a graph of nodes. */
export function aNode(kind: NodeKind = 'claim', text = 'A claim', at = { x: 0, y: 0 }): GraphNode {
  return { id: crypto.randomUUID(), kind, text, x: at.x, y: at.y, quote: null, authorId: null };
}

export function createOp(node: GraphNode): Op {
  const { authorId: _author, ...rest } = node;
  return { type: 'node.create', node: rest };
}

export function graphOf(nodes: GraphNode[], more: Partial<Parameters<typeof graphFromLists>[0]> = {}): Graph {
  return graphFromLists({ nodes, edges: more.edges ?? [], arguments: more.arguments ?? [] });
}
