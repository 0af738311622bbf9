import type { ArgumentLabel, Evaluation, Graph } from '@counterpoint/shared';

/** Why a node has its label: its attackers grouped by where they stand. */
export interface Explanation {
  label: ArgumentLabel;
  /** Attackers that are in and whose attack holds: the reasons the node is out. */
  defeaters: string[];
  /** Attackers (or their undercut attacks) that are undecided: why an undecided node is not in. */
  undecided: string[];
  /** Attackers that are out. */
  defeated: string[];
  /** Attackers that are in but whose attack is undercut, and so does not count. */
  undercut: string[];
}

/**
 * Explains a node's label from the graph and its evaluation (of the whole map, or of one reading when
 * `scopeEdgeIds` names the reading's edges). The reasons for `out` are the evaluation's own.
 */
export function explainLabel(graph: Graph, evaluation: Evaluation, nodeId: string, scopeEdgeIds?: ReadonlySet<string>): Explanation | null {
  const label = evaluation.labels[nodeId];
  if (!label) return null;
  const defeaters = evaluation.reasons[nodeId] ?? [];
  const explanation: Explanation = { label, defeaters, undecided: [], defeated: [], undercut: [] };
  for (const edge of Object.values(graph.edges)) {
    if (edge.kind !== 'attacks' || edge.toId !== nodeId || (scopeEdgeIds && !scopeEdgeIds.has(edge.id))) continue;
    const from = evaluation.labels[edge.fromId];
    if (!from || defeaters.includes(edge.fromId)) continue;
    const inference = evaluation.inferences[edge.id];
    if (from === 'out') explanation.defeated.push(edge.fromId);
    else if (inference === 'out') explanation.undercut.push(edge.fromId);
    else if (from === 'undecided' || inference === 'undecided') explanation.undecided.push(edge.fromId);
  }
  return explanation;
}
