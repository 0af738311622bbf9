import { ARC_COLORS, displayGraph, KIND_COLORS, type DisplayVertex } from '../display-graph.js';
import type { ExportInput } from '../types.js';
import { cleanText, wrapLines } from '../wrap.js';

/**
 * A DOT double-quoted string. Backslashes are doubled so Graphviz's label escapes (`\N`, `\G`, `\l`, …) cannot be
 * smuggled in; quotes are escaped; line breaks become `\n`.
 */
export function dotString(text: string): string {
  return `"${cleanText(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n|\r|\n/g, '\\n')}"`;
}

const SHAPES: Record<DisplayVertex['kind'], string> = {
  claim: 'shape=box, style="rounded,filled", color="#5c7cfa"',
  evidence: 'shape=note, style=filled, color="#be4bdb"',
  question: 'shape=box, style="rounded,filled,bold", color="#339af0"',
  note: 'shape=box, style="rounded,filled,dashed", color="#fcc419"',
  argument: 'shape=circle, style=filled, color="#2f9e44", width=0.25, fixedsize=true',
  inference: 'shape=point, width=0.1, color="#868e96"',
};

/**
 * Writes a map as Graphviz DOT: conclusions at the top (`rankdir=BT`), each vertex with its `kind` (also as
 * `class`, which Graphviz's SVG output keeps) and its text wrapped as the label, each arc with its `kind`, colour and
 * label. Arguments and undercut edges become small vertices (see displayGraph). Positions are left to Graphviz.
 */
export function exportDot(input: ExportInput): string {
  const { vertices, arcs } = displayGraph(input.graph);
  const out = [
    `digraph ${dotString(input.title)} {`,
    `  graph [rankdir=BT, label=${dotString(input.title)}, labelloc=t, fontname="Helvetica", nodesep=0.4, ranksep=0.6];`,
    '  node [fontname="Helvetica", fontsize=11, margin="0.15,0.08"];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  for (const v of vertices) {
    const small = v.kind === 'argument' || v.kind === 'inference';
    const label = small ? '' : wrapLines(v.label, 40).join('\n');
    const tooltip = small && v.label ? `, tooltip=${dotString(v.label)}` : '';
    out.push(`  ${dotString(v.id)} [label=${dotString(label)}, kind=${v.kind}, class=${v.kind}, fillcolor=${dotString(KIND_COLORS[v.kind])}, ${SHAPES[v.kind]}${tooltip}];`);
  }
  for (const a of arcs) {
    const style = a.kind === 'undercuts' ? ', style=dashed' : a.kind === 'quotes' ? ', style=dotted' : '';
    const head = a.kind === 'premise' ? ', arrowhead=none' : '';
    const label = a.label ? `, label=${dotString(a.label)}` : '';
    out.push(`  ${dotString(a.fromId)} -> ${dotString(a.toId)} [kind=${a.kind}, class=${a.kind}, color=${dotString(ARC_COLORS[a.kind])}${style}${head}${label}];`);
  }
  out.push('}', '');
  return out.join('\n');
}
