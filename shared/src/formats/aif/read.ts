import { clip, warn, type ImportDraft } from '../draft.js';
import { isRecord, parseJsonFile } from '../json-file.js';
import { IMPORT_MAX_NODES, ImportFailure } from '../types.js';

/** An AIF node as read from any of the dialects (AIFdb, OVA2, OVA3), ids normalised to strings. */
export interface AifNode {
  id: string;
  type: string;
  text: string;
  x: number | null;
  y: number | null;
}

/** An AIF file as the importer works on it: nodes by id, adjacency both ways, who spoke each locution. */
export interface AifGraph {
  nodes: Map<string, AifNode>;
  outgoing: Map<string, string[]>;
  incoming: Map<string, string[]>;
  speakerOf: Map<string, string>;
}

const idOf = (value: unknown): string | null => {
  if (typeof value === 'string' && value.length > 0 && value.length <= 200) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  // OVA2 writes edges as { from: { id, ... }, to: { id, ... } }.
  if (isRecord(value)) return idOf(value.nodeID ?? value.id);
  return null;
};
const numberOf = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : null);

/**
 * Reads AIF-JSON in the shapes OVA and AIFdb write: bare `{ nodes, edges, locutions, participants }`, or wrapped
 * as `{ AIF: {...}, OVA: {...} }` (OVA3, layout in `OVA.nodes`), with string or numeric ids, `fromID`/`toID` or
 * OVA2's `from`/`to` objects. Unknown fields are ignored; entries it cannot read are reported and skipped.
 */
export function readAif(text: string, draft: ImportDraft): AifGraph {
  const json = parseJsonFile(text);
  const root = isRecord(json) ? json : null;
  const aif = root && (isRecord(root.AIF) ? root.AIF : isRecord(root.aif) ? root.aif : root);
  if (!aif || !Array.isArray(aif.nodes) || !Array.isArray(aif.edges ?? [])) {
    const native = root?.format === 'counterpoint' ? ' It is a Counterpoint map file: import it as Counterpoint JSON.' : '';
    throw new ImportFailure('IMPORT_WRONG_FORMAT', `This is not AIF-JSON (it has no "nodes" list).${native}`);
  }
  if (aif.nodes.length > IMPORT_MAX_NODES * 4) {
    throw new ImportFailure('IMPORT_INVALID', `The file has ${aif.nodes.length} AIF nodes; an import takes at most ${IMPORT_MAX_NODES * 4}.`);
  }

  const ova = root && (isRecord(root.OVA) ? root.OVA : isRecord(root.ova) ? root.ova : null);
  const layout = new Map<string, { x: number; y: number }>();
  for (const entry of Array.isArray(ova?.nodes) ? ova.nodes : []) {
    const id = isRecord(entry) ? idOf(entry.nodeID ?? entry.id) : null;
    const x = isRecord(entry) ? numberOf(entry.x) : null;
    const y = isRecord(entry) ? numberOf(entry.y) : null;
    if (id !== null && x !== null && y !== null) layout.set(id, { x, y });
  }

  const graph: AifGraph = { nodes: new Map(), outgoing: new Map(), incoming: new Map(), speakerOf: new Map() };
  aif.nodes.forEach((entry: unknown, index: number) => {
    const id = isRecord(entry) ? idOf(entry.nodeID ?? entry.id) : null;
    if (!isRecord(entry) || id === null) return warn(draft, `nodes[${index}]`, 'This entry has no nodeID; it is skipped.');
    if (graph.nodes.has(id)) return warn(draft, `node ${id}`, 'A second node with this nodeID is skipped.');
    const type = typeof entry.type === 'string' ? entry.type.trim().toUpperCase() : '';
    const place = layout.get(id) ?? (numberOf(entry.x) !== null && numberOf(entry.y) !== null ? { x: numberOf(entry.x)!, y: numberOf(entry.y)! } : null);
    const text = typeof entry.text === 'string' ? entry.text : '';
    graph.nodes.set(id, { id, type, text, x: place?.x ?? null, y: place?.y ?? null });
  });

  const edges: unknown[] = Array.isArray(aif.edges) ? aif.edges : [];
  edges.forEach((entry, index) => {
    const from = isRecord(entry) ? idOf(entry.fromID ?? entry.from) : null;
    const to = isRecord(entry) ? idOf(entry.toID ?? entry.to) : null;
    if (from === null || to === null) return warn(draft, `edges[${index}]`, 'This edge has no fromID or toID; it is skipped.');
    if (!graph.nodes.has(from) || !graph.nodes.has(to)) {
      return warn(draft, `edges[${index}]`, `This edge joins ${from} and ${to}, which are not both nodes of the file; it is skipped.`);
    }
    pushTo(graph.outgoing, from, to);
    pushTo(graph.incoming, to, from);
  });

  // Who spoke each locution: locutions name a person, participants name them.
  const names = new Map<string, string>();
  for (const p of Array.isArray(aif.participants) ? aif.participants : []) {
    const id = isRecord(p) ? idOf(p.participantID ?? p.id) : null;
    if (id === null || !isRecord(p)) continue;
    const name = [p.firstname, p.surname].filter((s) => typeof s === 'string' && s.trim()).join(' ');
    if (name) names.set(id, clip(name, 200));
  }
  for (const l of Array.isArray(aif.locutions) ? aif.locutions : []) {
    const nodeId = isRecord(l) ? idOf(l.nodeID) : null;
    const personId = isRecord(l) ? idOf(l.personID) : null;
    if (nodeId !== null && personId !== null && names.has(personId)) graph.speakerOf.set(nodeId, names.get(personId)!);
  }
  return graph;
}

function pushTo(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
