import type { Graph, GraphArgument, GraphEdge, GraphNode } from '../../graph.js';
import type { NodeKind } from '../../kinds.js';

/**
 * What an item of the outline is to its parent.
 * - `root`: a top-level claim or question.
 * - `answer`: a claim answering the parent question. `pro` / `con`: supports / attacks the parent.
 * - `evidence`: a quotation backing the parent. `argument`: premises that together support the parent; its
 *   children are the `premise`s. `undercut`: denies that the parent item's inference holds.
 */
export type OutlineRole = 'root' | 'answer' | 'pro' | 'con' | 'evidence' | 'argument' | 'premise' | 'undercut';

export interface OutlineItem {
  /** Kialo-style number: `1`, `1.2`, `1.2.1`. */
  number: string;
  role: OutlineRole;
  /** The node shown; null for an argument (which groups its premises). */
  nodeId: string | null;
  kind: NodeKind | 'argument';
  /** The node's text (a quotation's caption), or the argument's label. */
  text: string;
  quote: { exact: string; sourceId: string } | null;
  /** When the node was already shown: the number where it is, and this item has no children. */
  seeAlso: string | null;
  children: OutlineItem[];
}

export interface Outline {
  items: OutlineItem[];
  /** Notes take part in no relation; an outline of the whole map lists them after the items. */
  notes: GraphNode[];
}

/** Deeper than this, an outline stops expanding (a long chain continues as its own top-level item). */
const MAX_DEPTH = 40;
const byPosition = (a: GraphNode, b: GraphNode) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1);

/**
 * The map as a Kialo-style outline. From `rootId` when given (a claim, question or quotation); otherwise the
 * whole map: every question, then every claim that supports or attacks nothing (a thesis), then whatever is still
 * unshown, each as a top-level item, and the notes. Under each node come its quotations, answers, pros (supports
 * and arguments, whose premises are listed under them), cons, and under each of those the undercuts of that
 * inference. A node reached twice is shown once; later places point to it.
 */
export function buildOutline(graph: Graph, rootId: string | null = null): Outline {
  const edgesTo = new Map<string, GraphEdge[]>();
  for (const edge of Object.values(graph.edges)) edgesTo.set(edge.toId, [...(edgesTo.get(edge.toId) ?? []), edge]);
  const concluding = new Map<string, GraphArgument[]>();
  for (const argument of Object.values(graph.arguments)) concluding.set(argument.conclusionId, [...(concluding.get(argument.conclusionId) ?? []), argument]);
  const shown = new Map<string, string>();
  const sortEdges = (list: GraphEdge[] = []) => [...list].sort((a, b) => byPosition(graph.nodes[a.fromId]!, graph.nodes[b.fromId]!));

  const item = (node: GraphNode, role: OutlineRole, number: string, depth: number, undercutsOf: string | null): OutlineItem => {
    const base = { number, role, nodeId: node.id, kind: node.kind, text: node.text, quote: node.quote && { exact: node.quote.exact, sourceId: node.quote.sourceId } };
    const seen = shown.get(node.id);
    if (seen) return { ...base, seeAlso: seen, children: [] };
    shown.set(node.id, number);
    const children: OutlineItem[] = [];
    const child = (build: (n: string) => OutlineItem) => children.push(build(`${number}.${children.length + 1}`));
    if (depth < MAX_DEPTH) {
      const into = sortEdges(edgesTo.get(node.id));
      const from = (e: GraphEdge) => graph.nodes[e.fromId]!;
      for (const e of into.filter((e) => e.kind === 'quotes')) child((n) => item(from(e), 'evidence', n, depth + 1, e.id));
      for (const e of into.filter((e) => e.kind === 'answers')) child((n) => item(from(e), 'answer', n, depth + 1, null));
      for (const e of into.filter((e) => e.kind === 'supports')) child((n) => item(from(e), 'pro', n, depth + 1, e.id));
      for (const argument of [...(concluding.get(node.id) ?? [])].sort((a, b) => a.y - b.y || a.x - b.x)) {
        child((n) => {
          const premises: OutlineItem[] = argument.premiseIds.map((p, i) => item(graph.nodes[p]!, 'premise', `${n}.${i + 1}`, depth + 2, null));
          const undercuts = sortEdges(edgesTo.get(argument.id)).map((e, i) => item(from(e), 'undercut', `${n}.${premises.length + i + 1}`, depth + 2, null));
          return { number: n, role: 'argument', nodeId: null, kind: 'argument', text: argument.label, quote: null, seeAlso: null, children: [...premises, ...undercuts] };
        });
      }
      for (const e of into.filter((e) => e.kind === 'attacks')) child((n) => item(from(e), 'con', n, depth + 1, e.id));
    }
    // Undercuts of the inference that links this item to its parent come last, under it.
    if (undercutsOf) for (const e of sortEdges(edgesTo.get(undercutsOf))) child((n) => item(graph.nodes[e.fromId]!, 'undercut', n, depth + 1, null));
    return { ...base, seeAlso: null, children };
  };

  const items: OutlineItem[] = [];
  const addRoot = (node: GraphNode) => items.push(item(node, 'root', String(items.length + 1), 0, null));
  const root = rootId ? graph.nodes[rootId] : undefined;
  if (root) {
    addRoot(root);
    return { items, notes: [] };
  }
  const nodes = Object.values(graph.nodes).sort(byPosition);
  const givesReason = new Set<string>([
    ...Object.values(graph.edges).map((e) => e.fromId),
    ...Object.values(graph.arguments).flatMap((a) => a.premiseIds),
  ]);
  for (const node of nodes.filter((n) => n.kind === 'question')) addRoot(node);
  // Checked as the loop goes: adding one root shows (and so takes out) everything under it.
  for (const node of nodes) if (node.kind === 'claim' && !givesReason.has(node.id) && !shown.has(node.id)) addRoot(node);
  for (const node of nodes) if (node.kind !== 'note' && !shown.has(node.id)) addRoot(node);
  return { items, notes: nodes.filter((n) => n.kind === 'note') };
}

/** The node an outline of the whole map would start from, for a root picker: questions, then theses. */
export function outlineRoots(graph: Graph): GraphNode[] {
  return buildOutline(graph).items.map((i) => graph.nodes[i.nodeId!]!).filter(Boolean);
}
