import { GraphDraft, type ChangedIds, type Graph } from '@counterpoint/shared';

/**
 * The next group's draft for each map, made while the current group's statement is on the wire. A draft copies
 * each record (all of a map's nodes, say) the first time a batch writes it: 0.3 ms for 1,000 nodes, and a fifth of
 * the server's time in each commit's critical path when members send one move at a time (P3 in
 * tests/bench/RESULTS.md). Made in the idle time of the round trip, the copy is ready when the commit comes back.
 *
 * A draft is kept for the graph the commit will leave; the next group takes it only if that is the map's graph
 * by then (the commit went through), else it starts a fresh one. One draft per map, the oldest maps dropped first.
 */
export class DraftsAhead {
  private readonly drafts = new Map<string, { base: Graph; draft: GraphDraft }>();

  constructor(private readonly capacity = 64) {}

  /** After the event loop's current turn: a draft on `graph`, with the records `like` wrote (nodes, edges) copied. */
  prepare(mapId: string, graph: Graph, like: ChangedIds): void {
    const kinds = (['nodes', 'edges'] as const).filter((kind) => like[kind].size > 0);
    if (kinds.length === 0) return;
    setImmediate(() => {
      const draft = new GraphDraft(graph);
      draft.copyAhead(kinds);
      this.drafts.delete(mapId);
      this.drafts.set(mapId, { base: graph, draft });
      while (this.drafts.size > this.capacity) this.drafts.delete(this.drafts.keys().next().value!);
    });
  }

  /** A draft on `graph`: the one made ahead if it was made on this graph, else a new one. */
  take(mapId: string, graph: Graph): GraphDraft {
    const ahead = this.drafts.get(mapId);
    this.drafts.delete(mapId);
    return ahead?.base === graph ? ahead.draft : new GraphDraft(graph);
  }
}
