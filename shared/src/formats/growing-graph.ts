import { applyOp, type ApplyResult } from '../apply-op.js';
import type { Graph, GraphArgument, GraphEdge, GraphEvent, GraphNode, GraphReading } from '../graph.js';
import type { Op } from '../ops.js';

type Records = {
  nodes: Record<string, GraphNode>;
  edges: Record<string, GraphEdge>;
  arguments: Record<string, GraphArgument>;
  events: Record<string, GraphEvent>;
  readings: Record<string, GraphReading>;
};

/**
 * A graph built by create ops only, each checked with the shared applyOp. applyOp copies the graph's records on
 * every op, which makes building a 20,000-node map op by op quadratic; so each op is applied to just the part of
 * the graph its rules read (the entities it names, edges it would duplicate, anything already holding its id) and
 * what it creates is added here. Create ops only add, so the result equals applying them all in order.
 */
export class GrowingGraph {
  private readonly records: Records = { nodes: {}, edges: {}, arguments: {}, events: {}, readings: {} };
  /** Edges by kind, source and target: what a new edge would duplicate. */
  private readonly parallel = new Map<string, GraphEdge[]>();

  apply(op: Op): ApplyResult {
    const result = applyOp(this.around(op), op);
    if (!result.ok) return result;
    const r = this.records;
    const g = result.graph;
    switch (op.type) {
      case 'node.create':
        r.nodes[op.node.id] = g.nodes[op.node.id]!;
        break;
      case 'argument.create':
        r.arguments[op.argument.id] = g.arguments[op.argument.id]!;
        break;
      case 'edge.create': {
        const edge = g.edges[op.edge.id]!;
        r.edges[edge.id] = edge;
        const key = `${edge.kind}|${edge.fromId}|${edge.toId}`;
        this.parallel.set(key, [...(this.parallel.get(key) ?? []), edge]);
        break;
      }
      case 'event.create':
        r.events[op.event.id] = g.events[op.event.id]!;
        break;
      case 'reading.create':
        r.readings[op.reading.id] = g.readings[op.reading.id]!;
        break;
      default:
        throw new Error(`GrowingGraph takes create ops only, not ${op.type}`);
    }
    return { ok: true, graph: this.graph() };
  }

  graph(): Graph {
    return this.records;
  }

  /** The entities `op`'s rules look at. */
  private around(op: Op): Graph {
    const r = this.records;
    const part: Records = { nodes: {}, edges: {}, arguments: {}, events: {}, readings: {} };
    const take = (id: string | null | undefined) => {
      if (!id) return;
      if (r.nodes[id]) part.nodes[id] = r.nodes[id];
      if (r.edges[id]) part.edges[id] = r.edges[id];
      if (r.arguments[id]) part.arguments[id] = r.arguments[id];
      if (r.events[id]) part.events[id] = r.events[id];
      if (r.readings[id]) part.readings[id] = r.readings[id];
    };
    switch (op.type) {
      case 'node.create':
        take(op.node.id);
        break;
      case 'argument.create':
        [op.argument.id, op.argument.conclusionId, ...op.argument.premiseIds].forEach(take);
        break;
      case 'edge.create': {
        [op.edge.id, op.edge.fromId, op.edge.toId].forEach(take);
        const target = r.edges[op.edge.toId];
        if (target) take(target.fromId);
        for (const twin of this.parallel.get(`${op.edge.kind}|${op.edge.fromId}|${op.edge.toId}`) ?? []) part.edges[twin.id] = twin;
        break;
      }
      case 'event.create':
        take(op.event.id);
        break;
      case 'reading.create':
        [op.reading.id, op.reading.eventId, ...op.reading.nodeIds, ...op.reading.edgeIds].forEach(take);
        break;
      default:
        break;
    }
    return part;
  }
}
