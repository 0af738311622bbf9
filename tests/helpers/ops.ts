import {
  applyOps,
  emptyGraph,
  type EdgeKind,
  type Graph,
  type NodeKind,
  type Op,
  type OpOf,
  type QuoteSelector,
  type SubmitOpsBody,
} from '@counterpoint/shared';

/**
 * Builders of valid ops and op batches, shared by the unit tests of shared/ and the integration tests. Pure (no
 * Node APIs), so shared/'s own type check can include them.
 */

const hex = (length: number) => Array.from({ length }, () => Math.floor(Math.random() * 16).toString(16)).join('');

/** A fresh random v4 UUID. */
export function newId(): string {
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(Math.random() * 4)]}${hex(3)}-${hex(12)}`;
}

interface NodeOptions {
  id?: string;
  text?: string;
  x?: number;
  y?: number;
}

/** node.create of any kind but evidence (which needs a quote: see evidenceOp). */
export function nodeOp(kind: Exclude<NodeKind, 'evidence'>, options: NodeOptions = {}): OpOf<'node.create'> {
  const { id = newId(), text = `A ${kind}`, x = 0, y = 0 } = options;
  return { type: 'node.create', node: { id, kind, text, x, y, quote: null } };
}

export const claimOp = (options: NodeOptions = {}) => nodeOp('claim', options);
export const questionOp = (options: NodeOptions = {}) => nodeOp('question', options);
export const noteOp = (options: NodeOptions = {}) => nodeOp('note', options);

/** node.create of an evidence node quoting `quote`. */
export function evidenceOp(quote: QuoteSelector, options: NodeOptions = {}): OpOf<'node.create'> {
  const { id = newId(), text = '', x = 0, y = 0 } = options;
  return { type: 'node.create', node: { id, kind: 'evidence', text, x, y, quote } };
}

/** A quote selector that is well-formed on its own (whether it matches a source is the server's business). */
export function quoteOf(sourceId: string, exact = 'quoted words', start = 0): QuoteSelector {
  return { sourceId, exact, prefix: '', suffix: '', start, end: start + exact.length };
}

export function edgeOp(
  kind: EdgeKind,
  fromId: string,
  toId: string,
  options: { id?: string; label?: string } = {},
): OpOf<'edge.create'> {
  const { id = newId(), label = '' } = options;
  return { type: 'edge.create', edge: { id, kind, fromId, toId, label } };
}

export function argumentOp(
  conclusionId: string,
  premiseIds: string[],
  options: { id?: string; label?: string; x?: number; y?: number } = {},
): OpOf<'argument.create'> {
  const { id = newId(), label = '', x = 0, y = 0 } = options;
  return { type: 'argument.create', argument: { id, conclusionId, premiseIds, label, x, y } };
}

export const nodeUpdateOp = (id: string, patch: OpOf<'node.update'>['patch']): OpOf<'node.update'> => ({
  type: 'node.update',
  id,
  patch,
});
export const nodeDeleteOp = (id: string): OpOf<'node.delete'> => ({ type: 'node.delete', id });
export const edgeUpdateOp = (id: string, patch: OpOf<'edge.update'>['patch']): OpOf<'edge.update'> => ({
  type: 'edge.update',
  id,
  patch,
});
export const edgeDeleteOp = (id: string): OpOf<'edge.delete'> => ({ type: 'edge.delete', id });
export const argumentUpdateOp = (id: string, patch: OpOf<'argument.update'>['patch']): OpOf<'argument.update'> => ({
  type: 'argument.update',
  id,
  patch,
});
export const argumentDeleteOp = (id: string): OpOf<'argument.delete'> => ({ type: 'argument.delete', id });
export const moveOp = (...moves: { id: string; x: number; y: number }[]): OpOf<'nodes.move'> => ({
  type: 'nodes.move',
  moves,
});

export function eventOp(options: { id?: string; title?: string } = {}): OpOf<'event.create'> {
  const { id = newId(), title = 'China 1925–27' } = options;
  return { type: 'event.create', event: { id, title, period: '', description: '' } };
}

export function readingOp(
  eventId: string | null,
  members: { nodeIds?: string[]; edgeIds?: string[] } = {},
  options: { id?: string; title?: string } = {},
): OpOf<'reading.create'> {
  const { id = newId(), title = 'A reading' } = options;
  const { nodeIds = [], edgeIds = [] } = members;
  return { type: 'reading.create', reading: { id, eventId, title, authorName: '', description: '', nodeIds, edgeIds } };
}

/** A batch as a client sends it; a fresh client id unless one is given. */
export function opsBatch(ops: Op[], options: Partial<Omit<SubmitOpsBody, 'ops'>> = {}): SubmitOpsBody {
  return { baseVersion: 0, clientId: newId(), clientSeq: 0, ...options, ops };
}

/** The graph the ops build from empty; throws if any op is rejected (a broken fixture, not a test result). */
export function graphOf(...ops: Op[]): Graph {
  const result = applyOps(emptyGraph, ops);
  if (!result.ok) throw new Error(`fixture op ${result.opIndex} rejected: ${result.error.code} ${result.error.message}`);
  return result.graph;
}
