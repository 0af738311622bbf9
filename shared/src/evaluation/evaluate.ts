import type { Graph } from '../graph.js';
import { buildFramework, readingScope, type FrameworkScope } from './framework.js';
import { groundedLabelling, IN, OUT } from './grounded.js';
import type { ArgumentLabel, Evaluation } from './schema.js';

const NAMES: readonly ArgumentLabel[] = ['undecided', 'in', 'out'];

/**
 * The grounded labelling of a map's claims and evidence (or of the part a scope names), with the reason for
 * each `out`: its attackers that are `in`. Supports never change a label. Pure and linear in the size of the
 * graph, so the browser recomputes it on every edit.
 */
export function evaluateGraph(graph: Graph, scope?: FrameworkScope): Evaluation {
  const framework = buildFramework(graph, scope);
  const { nodeIds, from, to, namedAttacker } = framework;
  const codes = groundedLabelling(framework.size, from, to);
  // Read the label codes once: a module binding can cost a property read per use once bundled or transpiled.
  const inCode: number = IN;
  const outCode: number = OUT;
  const nodeCount = nodeIds.length;

  const labels: Record<string, ArgumentLabel> = {};
  for (let i = 0; i < nodeCount; i++) labels[nodeIds[i]!] = NAMES[codes[i]!]!;

  const reasons: Record<string, string[]> = {};
  for (let k = 0; k < to.length; k++) {
    const target = to[k]!;
    const named = namedAttacker[k]!;
    if (target >= nodeCount || named < 0 || codes[target] !== outCode || codes[from[k]!] !== inCode) continue;
    const attacker = nodeIds[named]!;
    const list = reasons[nodeIds[target]!];
    if (!list) reasons[nodeIds[target]!] = [attacker];
    else if (!list.includes(attacker)) list.push(attacker);
  }

  const inferences: Record<string, ArgumentLabel> = {};
  for (const [id, argument] of framework.inferences) inferences[id] = NAMES[codes[argument]!]!;
  return { labels, reasons, inferences };
}

/**
 * The grounded labelling of one reading on its own: the sub-framework induced by the reading's nodes and
 * edges (attacks from outside the reading do not count). Null when the map has no such reading.
 */
export function evaluateReading(graph: Graph, readingId: string): Evaluation | null {
  const reading = graph.readings[readingId];
  return reading ? evaluateGraph(graph, readingScope(reading)) : null;
}
