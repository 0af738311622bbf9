import { ARC_COLORS, displayGraph, KIND_COLORS, type DisplayVertex } from '../display-graph.js';
import type { ExportInput } from '../types.js';
import { cleanText, wrapLines } from '../wrap.js';

/** Escapes text for XML content and attribute values. */
export function xmlEscape(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const BORDER: Record<DisplayVertex['kind'], string> = {
  claim: '#5C7CFA',
  evidence: '#BE4BDB',
  question: '#339AF0',
  note: '#FCC419',
  argument: '#2F9E44',
  inference: '#868E96',
};

/**
 * Writes a map as GraphML for yEd and Gephi. Each vertex carries `kind`, `label` (the text), `x`, `y`, and for
 * quotations `source` (the source's title); each arc `kind` and `label`, and `edge`, the id of the map edge it
 * draws. yEd's own graphics (shape, colour, label, position) are included so the map opens looking like the
 * canvas. Arguments and undercut edges become small vertices (see displayGraph).
 */
export function exportGraphml(input: ExportInput): string {
  const { vertices, arcs } = displayGraph(input.graph);
  const sourceTitle = new Map(input.sources.map((s) => [s.id, s.title]));
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">',
    '  <key id="title" for="graph" attr.name="title" attr.type="string"/>',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="x" for="node" attr.name="x" attr.type="double"/>',
    '  <key id="y" for="node" attr.name="y" attr.type="double"/>',
    '  <key id="source" for="node" attr.name="source" attr.type="string"/>',
    '  <key id="ng" for="node" yfiles.type="nodegraphics"/>',
    '  <key id="ekind" for="edge" attr.name="kind" attr.type="string"/>',
    '  <key id="elabel" for="edge" attr.name="label" attr.type="string"/>',
    '  <key id="eid" for="edge" attr.name="edge" attr.type="string"/>',
    '  <key id="eg" for="edge" yfiles.type="edgegraphics"/>',
    '  <graph id="map" edgedefault="directed">',
    `    <data key="title">${xmlEscape(input.title)}</data>`,
  ];
  for (const v of vertices) {
    const small = v.kind === 'argument' || v.kind === 'inference';
    const lines = small ? [] : wrapLines(v.label, 36);
    const [width, height] = small ? [24, 24] : [260, 28 + 16 * Math.max(1, lines.length)];
    const source = v.sourceId ? sourceTitle.get(v.sourceId) : undefined;
    out.push(
      `    <node id="${xmlEscape(v.id)}">`,
      `      <data key="kind">${v.kind}</data>`,
      `      <data key="label">${xmlEscape(v.label)}</data>`,
      `      <data key="x">${v.x}</data>`,
      `      <data key="y">${v.y}</data>`,
      ...(source ? [`      <data key="source">${xmlEscape(source)}</data>`] : []),
      '      <data key="ng">',
      `        <y:ShapeNode><y:Geometry x="${v.x}" y="${v.y}" width="${width}" height="${height}"/><y:Fill color="${KIND_COLORS[v.kind].toUpperCase()}" transparent="false"/><y:BorderStyle color="${BORDER[v.kind]}" type="${v.kind === 'note' ? 'dashed' : 'line'}" width="1.5"/><y:NodeLabel>${xmlEscape(lines.join('\n'))}</y:NodeLabel><y:Shape type="${small ? 'ellipse' : 'roundrectangle'}"/></y:ShapeNode>`,
      '      </data>',
      '    </node>',
    );
  }
  for (const a of arcs) {
    out.push(
      `    <edge id="${xmlEscape(a.id)}" source="${xmlEscape(a.fromId)}" target="${xmlEscape(a.toId)}">`,
      `      <data key="ekind">${a.kind}</data>`,
      ...(a.label ? [`      <data key="elabel">${xmlEscape(a.label)}</data>`] : []),
      ...(a.edgeId ? [`      <data key="eid">${xmlEscape(a.edgeId)}</data>`] : []),
      `      <data key="eg"><y:PolyLineEdge><y:LineStyle color="${ARC_COLORS[a.kind].toUpperCase()}" type="${a.kind === 'undercuts' || a.kind === 'quotes' ? 'dashed' : 'line'}" width="2.0"/><y:Arrows source="none" target="${a.kind === 'premise' ? 'none' : 'standard'}"/>${a.label ? `<y:EdgeLabel>${xmlEscape(a.label)}</y:EdgeLabel>` : ''}</y:PolyLineEdge></data>`,
      '    </edge>',
    );
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
