import type { GraphNode } from '../../graph.js';
import type { ExportInput, ExportSource } from '../types.js';

/**
 * AIF node types (Argument Interchange Format, as OVA and AIFdb write it).
 * - `I`: information — a claim, quotation or question.
 * - `RA`: rule application (inference): premises → RA → conclusion.
 * - `CA`: conflict application: attacker → CA → attacked I-node, RA (an undercut) or CA.
 * - `MA`: rephrase; Counterpoint uses it for an answer: question → MA → answer.
 * - `PA`: preference; `TA`: transition between locutions; `L`: locution (who said it); `YA`: illocution
 *   (what saying it did, e.g. Asserting), L → YA → I.
 */
export type AifNodeType = 'I' | 'RA' | 'CA' | 'MA' | 'PA' | 'L' | 'YA' | 'TA';

export interface AifFile {
  nodes: { nodeID: string; text: string; type: AifNodeType; timestamp: string }[];
  edges: { edgeID: string; fromID: string; toID: string; formEdgeID: null }[];
  locutions: { nodeID: string; personID: string; timestamp: string; start: null; end: null; source: null }[];
  participants: { participantID: string; firstname: string; surname: string }[];
  schemefulfillments: { nodeID: string; schemeID: string }[];
}

export const AIF_DEFAULT_TEXT = { RA: 'Default Inference', CA: 'Default Conflict', MA: 'Default Rephrase' } as const;

/**
 * Writes a map as AIF-JSON (AIFdb style; OVA loads it too). Claims, quotations and questions become I-nodes;
 * each supports/quotes edge an RA-node and each argument one RA-node shared by its co-premises; attacks become
 * CA-nodes, and undercuts CA-nodes aimed at the RA (or CA) of what they undercut; an answer is an MA-node from
 * the question. A quotation from a comment of a thread whose author is known gets its speaker: a participant
 * with an L-node ("Name : words") asserting (YA) the I-node. Lost: notes, positions, labels of attacks, readings.
 * Ids are "1", "2", … in a stable order.
 */
export function exportAif(input: ExportInput, options: { timestamp?: string } = {}): string {
  const timestamp = aifTimestamp(options.timestamp ?? '1970-01-01T00:00:00.000Z');
  const file: AifFile = { nodes: [], edges: [], locutions: [], participants: [], schemefulfillments: [] };
  let next = 0;
  const add = (type: AifNodeType, text: string) => {
    const nodeID = String(++next);
    file.nodes.push({ nodeID, text, type, timestamp });
    return nodeID;
  };
  let nextEdge = 0;
  const link = (fromID: string, toID: string) => file.edges.push({ edgeID: String(++nextEdge), fromID, toID, formEdgeID: null });

  const { graph } = input;
  const aifId = new Map<string, string>();
  const byPosition = (a: GraphNode, b: GraphNode) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1);
  for (const node of Object.values(graph.nodes).sort(byPosition)) {
    if (node.kind === 'note') continue;
    aifId.set(node.id, add('I', node.kind === 'evidence' ? (node.quote?.exact ?? node.text) : node.text));
  }
  for (const argument of Object.values(graph.arguments).sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const ra = add('RA', argument.label || AIF_DEFAULT_TEXT.RA);
    aifId.set(argument.id, ra);
    for (const premise of argument.premiseIds) link(aifId.get(premise)!, ra);
    link(ra, aifId.get(argument.conclusionId)!);
  }
  const edges = Object.values(graph.edges).sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const edge of edges) {
    if (edge.kind === 'undercuts') continue;
    const from = aifId.get(edge.fromId);
    const to = aifId.get(edge.toId);
    if (!from || !to) continue;
    if (edge.kind === 'answers') {
      const ma = add('MA', edge.label || AIF_DEFAULT_TEXT.MA);
      link(to, ma);
      link(ma, from);
      aifId.set(edge.id, ma);
      continue;
    }
    const scheme = edge.kind === 'attacks' ? add('CA', edge.label || AIF_DEFAULT_TEXT.CA) : add('RA', edge.label || AIF_DEFAULT_TEXT.RA);
    link(from, scheme);
    link(scheme, to);
    aifId.set(edge.id, scheme);
  }
  for (const edge of edges) {
    if (edge.kind !== 'undercuts') continue;
    const from = aifId.get(edge.fromId);
    const target = aifId.get(edge.toId);
    if (!from || !target) continue;
    const ca = add('CA', edge.label || AIF_DEFAULT_TEXT.CA);
    link(from, ca);
    link(ca, target);
  }
  addSpeakers(input, file, aifId, add, link, timestamp);
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Who said each quotation taken from a named comment of a thread: participant, L-node, YA "Asserting". */
function addSpeakers(
  input: ExportInput,
  file: AifFile,
  aifId: Map<string, string>,
  add: (type: AifNodeType, text: string) => string,
  link: (from: string, to: string) => void,
  timestamp: string,
) {
  const sources = new Map<string, ExportSource>(input.sources.map((s) => [s.id, s]));
  const people = new Map<string, string>();
  for (const node of Object.values(input.graph.nodes).sort((a, b) => Number(aifId.get(a.id) ?? 0) - Number(aifId.get(b.id) ?? 0))) {
    if (!node.quote) continue;
    const passage = sources.get(node.quote.sourceId)?.passages.find((p) => p.kind === 'comment' && p.author && p.start <= node.quote!.start && node.quote!.start < p.end);
    const speaker = passage?.author?.trim();
    if (!speaker) continue;
    let personID = people.get(speaker);
    if (!personID) {
      personID = String(people.size + 1);
      people.set(speaker, personID);
      const [firstname, ...rest] = speaker.split(/\s+/);
      file.participants.push({ participantID: personID, firstname: firstname ?? speaker, surname: rest.join(' ') });
    }
    const l = add('L', `${speaker} : ${node.quote.exact}`);
    file.locutions.push({ nodeID: l, personID, timestamp, start: null, end: null, source: null });
    const ya = add('YA', 'Asserting');
    link(l, ya);
    link(ya, aifId.get(node.id)!);
  }
}

/** AIFdb writes "YYYY-MM-DD HH:MM:SS". */
function aifTimestamp(iso: string): string {
  return iso.slice(0, 19).replace('T', ' ');
}
