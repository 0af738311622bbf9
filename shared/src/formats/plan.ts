import { emptyGraph, NODE_TEXT_MAX, type Graph } from '../graph.js';
import { MAX_OPS_PER_BATCH, Op } from '../ops.js';
import { clip, type ImportDraft } from './draft.js';
import { GrowingGraph } from './growing-graph.js';
import { layoutDraft } from './layout.js';
import { IMPORT_MAX_NODES, type ImportProblem } from './types.js';

/** The ops that build an imported map from empty, and what they build. */
export interface ImportPlan {
  ops: Op[];
  graph: Graph;
  counts: { nodes: number; edges: number; arguments: number; events: number; readings: number };
  problems: ImportProblem[];
  batches: number;
  /** The id each draft key got (what an import did with each entity of the file). */
  ids: ReadonlyMap<string, string>;
}

const clamp = (v: number) => Math.max(-1e6, Math.min(1e6, Math.round(v)));

/**
 * Turns a draft (with its quotations already anchored, see resolveSources) into the ops that create it, with
 * fresh ids from `newId`. Every op is checked with the Op schema and applied with the shared applyOp, exactly as
 * the server will: an op that breaks a rule is left out and reported (an error for the native format, a warning
 * for translations), so the plan that comes out always applies cleanly.
 */
export function planImport(draft: ImportDraft, newId: () => string): ImportPlan {
  const problems: ImportProblem[] = [...draft.problems];
  const severity = draft.strict ? 'error' : 'warning';
  const none: ImportPlan = { ops: [], graph: emptyGraph, counts: { nodes: 0, edges: 0, arguments: 0, events: 0, readings: 0 }, problems, batches: 0, ids: new Map() };
  if (draft.nodes.length > IMPORT_MAX_NODES) {
    problems.push({ severity: 'error', at: null, message: `The file has ${draft.nodes.length} nodes; an import takes at most ${IMPORT_MAX_NODES}.` });
    return none;
  }

  // One id namespace, as in the map: a key used twice names two things, and the second is left out.
  const ids = new Map<string, string>();
  const claim = (key: string, at: string | null) => {
    if (ids.has(key)) {
      problems.push({ severity, at, message: `The id “${clip(key, 60)}” is used twice; the second use is left out.` });
      return null;
    }
    const id = newId();
    ids.set(key, id);
    return id;
  };
  const positions = layoutDraft(draft);
  const candidates: { op: Op | unknown; at: string | null }[] = [];

  for (const node of draft.nodes) {
    const id = claim(node.key, node.at);
    const at = positions.get(node.key) ?? { x: 0, y: 0 };
    const quote = node.quote && { sourceId: node.quote.sourceKey, exact: node.quote.exact, prefix: node.quote.prefix, suffix: node.quote.suffix, start: node.quote.start, end: node.quote.end };
    if (id) candidates.push({ at: node.at, op: { type: 'node.create', node: { id, kind: node.kind, text: clip(node.text, NODE_TEXT_MAX), x: clamp(at.x), y: clamp(at.y), quote } } });
  }
  for (const argument of draft.arguments) {
    const id = claim(argument.key, argument.at);
    const at = positions.get(argument.key) ?? { x: 0, y: 0 };
    const missing = [...argument.premiseKeys, argument.conclusionKey].find((k) => !ids.has(k));
    if (missing !== undefined) {
      problems.push({ severity, at: argument.at, message: `Left out: the argument names “${clip(missing, 60)}”, which is not in the file.` });
      continue;
    }
    const premiseIds = argument.premiseKeys.map((k) => ids.get(k)!);
    const conclusionId = ids.get(argument.conclusionKey)!;
    if (id) candidates.push({ at: argument.at, op: { type: 'argument.create', argument: { id, premiseIds, conclusionId, label: clip(argument.label, 500), x: clamp(at.x), y: clamp(at.y) } } });
  }
  // Undercuts target edges, so every other edge is created first (an undercut never targets an undercut).
  const edges = [...draft.edges.filter((e) => e.kind !== 'undercuts'), ...draft.edges.filter((e) => e.kind === 'undercuts')];
  const edgeIds = edges.map((edge) => claim(edge.key, edge.at));
  for (const [index, edge] of edges.entries()) {
    const id = edgeIds[index];
    const missing = [edge.fromKey, edge.toKey].find((k) => !ids.has(k));
    if (missing !== undefined) {
      problems.push({ severity, at: edge.at, message: `Left out: the relation names “${clip(missing, 60)}”, which is not in the file.` });
      continue;
    }
    const fromId = ids.get(edge.fromKey)!;
    const toId = ids.get(edge.toKey)!;
    if (id) candidates.push({ at: edge.at, op: { type: 'edge.create', edge: { id, kind: edge.kind, fromId, toId, label: clip(edge.label, 500) } } });
  }
  for (const event of draft.events) {
    const id = claim(event.key, event.at);
    if (id) candidates.push({ at: event.at, op: { type: 'event.create', event: { id, title: clip(event.title, 200), period: clip(event.period, 100), description: clip(event.description, 5000) } } });
  }

  const ops: Op[] = [];
  const growing = new GrowingGraph();
  const graph = growing.graph();
  const apply = (candidate: { op: unknown; at: string | null }) => {
    const parsed = Op.safeParse(candidate.op);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push({ severity, at: candidate.at, message: `Left out: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}.` });
      return;
    }
    const result = growing.apply(parsed.data);
    if (!result.ok) {
      problems.push({ severity, at: candidate.at, message: `Left out: ${result.error.message}` });
      return;
    }
    ops.push(parsed.data);
  };
  candidates.forEach(apply);

  // Readings hold only what made it in; a member that was left out is dropped from the reading.
  for (const reading of draft.readings) {
    const id = claim(reading.key, reading.at);
    if (!id) continue;
    const nodeIds = reading.nodeKeys.map((k) => ids.get(k)).filter((i): i is string => i !== undefined && i in graph.nodes);
    const edgeIds = reading.edgeKeys.map((k) => ids.get(k)).filter((i): i is string => i !== undefined && i in graph.edges);
    const dropped = reading.nodeKeys.length + reading.edgeKeys.length - nodeIds.length - edgeIds.length;
    if (dropped > 0) problems.push({ severity, at: reading.at, message: `${dropped} member(s) of the reading “${clip(reading.title, 60)}” are not in the map and were dropped from it.` });
    const eventId = reading.eventKey === null ? null : (ids.get(reading.eventKey) ?? null);
    if (reading.eventKey !== null && (eventId === null || !(eventId in graph.events))) {
      problems.push({ severity, at: reading.at, message: `The reading “${clip(reading.title, 60)}” names an event that is not in the file.` });
    }
    const validEvent = eventId !== null && eventId in graph.events ? eventId : null;
    apply({ at: reading.at, op: { type: 'reading.create', reading: { id, eventId: validEvent, title: clip(reading.title, 200), authorName: clip(reading.authorName, 200), description: clip(reading.description, 5000), nodeIds, edgeIds } } });
  }

  const count = (r: Readonly<Record<string, unknown>>) => Object.keys(r).length;
  return {
    ops,
    graph,
    counts: { nodes: count(graph.nodes), edges: count(graph.edges), arguments: count(graph.arguments), events: count(graph.events), readings: count(graph.readings) },
    problems,
    batches: Math.ceil(ops.length / MAX_OPS_PER_BATCH),
    ids,
  };
}

/** Splits a plan's ops into batches the map service accepts, in order. */
export function batchesOf(ops: readonly Op[]): Op[][] {
  const batches: Op[][] = [];
  for (let i = 0; i < ops.length; i += MAX_OPS_PER_BATCH) batches.push(ops.slice(i, i + MAX_OPS_PER_BATCH));
  return batches;
}
