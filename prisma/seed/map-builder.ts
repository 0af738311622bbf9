import { randomUUID } from 'node:crypto';
import { edgesAmong, selectQuote, type EdgeKind, type GraphArgument, type GraphEdge, type NodeKind, type Op } from '@counterpoint/shared';
import type { DemoSourceKey } from './demo-sources.js';

export interface LoadedSource {
  id: string;
  text: string;
}

export interface Position {
  x: number;
  y: number;
}

/**
 * Builds a demo map as ops, so the demo goes through the same op pipeline and op log as any edit. Quotations
 * are found in the real source text: `evidence` fails loudly when the words are not there exactly once (or at
 * the named occurrence), so every demo quotation is anchored to its exact position.
 */
export class MapBuilder {
  private readonly ops: Op[] = [];
  private cursor = 0;

  constructor(private readonly sources: Record<DemoSourceKey, LoadedSource>) {}

  /** Default positions fill a grid row by row; pass `at` to place a node yourself. */
  private place(at?: Position): Position {
    if (at) return at;
    const i = this.cursor++;
    return { x: (i % 4) * 300, y: Math.floor(i / 4) * 220 };
  }

  private node(kind: NodeKind, text: string, at?: Position): string {
    const id = randomUUID();
    this.ops.push({ type: 'node.create', node: { id, kind, text, ...this.place(at), quote: null } });
    return id;
  }

  claim(text: string, at?: Position): string {
    return this.node('claim', text, at);
  }

  question(text: string, at?: Position): string {
    return this.node('question', text, at);
  }

  note(text: string, at?: Position): string {
    return this.node('note', text, at);
  }

  /**
   * An evidence node quoting `exact` from a source. `occurrence` (0-based) picks among repeated passages;
   * without it the words must appear exactly once.
   */
  evidence(source: DemoSourceKey, exact: string, options: { caption?: string; occurrence?: number; at?: Position } = {}): string {
    const { id: sourceId, text } = this.sources[source];
    const starts: number[] = [];
    for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) starts.push(i);
    if (starts.length === 0) throw new Error(`Quotation not found in ${source}: "${exact.slice(0, 80)}"`);
    if (options.occurrence === undefined && starts.length > 1) {
      throw new Error(`Quotation appears ${starts.length} times in ${source}; name an occurrence: "${exact.slice(0, 80)}"`);
    }
    const start = starts[options.occurrence ?? 0];
    if (start === undefined) throw new Error(`Occurrence ${options.occurrence} not found in ${source}`);
    const id = randomUUID();
    const quote = selectQuote(sourceId, text, start, start + exact.length);
    this.ops.push({ type: 'node.create', node: { id, kind: 'evidence', text: options.caption ?? '', ...this.place(options.at), quote } });
    return id;
  }

  private edge(kind: EdgeKind, fromId: string, toId: string, label = ''): string {
    const id = randomUUID();
    this.ops.push({ type: 'edge.create', edge: { id, kind, fromId, toId, label } });
    return id;
  }

  supports(from: string, to: string, label?: string) {
    return this.edge('supports', from, to, label);
  }
  attacks(from: string, to: string, label?: string) {
    return this.edge('attacks', from, to, label);
  }
  /** `target` is an edge id or an argument id. */
  undercuts(from: string, target: string, label?: string) {
    return this.edge('undercuts', from, target, label);
  }
  answers(claim: string, question: string) {
    return this.edge('answers', claim, question);
  }
  quotes(evidence: string, claim: string) {
    return this.edge('quotes', evidence, claim);
  }

  /** A premise–conclusion argument: the premises jointly support the conclusion. */
  argument(premiseIds: string[], conclusionId: string, label = '', at?: Position): string {
    const id = randomUUID();
    this.ops.push({ type: 'argument.create', argument: { id, premiseIds, conclusionId, label, ...this.place(at) } });
    return id;
  }

  /** An event that readings disagree about. */
  event(title: string, options: { period?: string; description?: string } = {}): string {
    const id = randomUUID();
    this.ops.push({ type: 'event.create', event: { id, title, period: options.period ?? '', description: options.description ?? '' } });
    return id;
  }

  /**
   * A reading of an event made of `nodes` and, as a reading made from a canvas selection, the edges among them
   * (see edgesAmong), plus any `edges` named.
   */
  reading(
    eventId: string | null,
    title: string,
    options: { authorName?: string; description?: string; nodes: string[]; edges?: string[] },
  ): string {
    const id = randomUUID();
    const edges: Record<string, GraphEdge> = {};
    const args: Record<string, GraphArgument> = {};
    for (const op of this.ops) {
      if (op.type === 'edge.create') edges[op.edge.id] = { ...op.edge, authorId: null };
      if (op.type === 'argument.create') args[op.argument.id] = { ...op.argument, authorId: null };
    }
    const spanned = edgesAmong({ edges, arguments: args }, new Set(options.nodes));
    const reading = {
      id,
      eventId,
      title,
      authorName: options.authorName ?? '',
      description: options.description ?? '',
      nodeIds: options.nodes,
      edgeIds: [...new Set([...spanned, ...(options.edges ?? [])])],
    };
    this.ops.push({ type: 'reading.create', reading });
    return id;
  }

  build(): Op[] {
    return [...this.ops];
  }
}

/** A demo map: title, description, and what it contains. */
export interface DemoMap {
  title: string;
  description: string;
  build(b: MapBuilder): void;
}
