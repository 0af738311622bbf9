import type { Graph, GraphEdge } from './graph.js';

type RecordKind = keyof Graph;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Entity<K extends RecordKind> = Graph[K][string];

/** The key under which DUPLICATE_EDGE looks for "the same relation". */
const relationKey = (edge: Pick<GraphEdge, 'kind' | 'fromId' | 'toId'>) => `${edge.kind}|${edge.fromId}|${edge.toId}`;

/** The record kinds whose ids a writer keeps track of: the ones a map has thousands of. */
export type TrackedKind = 'nodes' | 'edges' | 'arguments';

/**
 * Per tracked record kind, every id a writer set or removed: a superset of what differs from the graph it started
 * from (a rolled-back change stays listed). Lets the server write what a group changed without comparing all of a
 * map's nodes and edges (P3 in tests/bench/RESULTS.md).
 */
export type ChangedIds = { readonly [K in TrackedKind]: ReadonlySet<string> };

const isTracked = (kind: RecordKind): kind is TrackedKind => kind === 'nodes' || kind === 'edges' || kind === 'arguments';

/**
 * Copy-on-write for one run of ops. Applying an op used to copy the whole record it touched (all nodes of the map
 * for one move), so a 100-op batch on a 1,000-node map copied 100,000 entries. The writer copies a record (and the
 * graph object) the first time the run changes it and changes its own copy in place afterwards; what it was given
 * is never modified. Whatever it returns belongs to the caller once the run is over.
 *
 * `begin`/`rollback` undo everything since `begin`, so a group of batches can share one writer and drop a batch
 * that breaks a rule without copying the graph per batch.
 */
export class GraphWriter {
  private readonly owned = new WeakSet<object>();
  private undoLog: (() => void)[] | null = null;
  /** Edges by relation, for DUPLICATE_EDGE without a scan; valid only for the edges record it was built from. */
  private edgeIndex: { edges: object; byKey: Map<string, Set<string>> } | null = null;
  private readonly touched = { nodes: new Set<string>(), edges: new Set<string>(), arguments: new Set<string>() };

  /** The ids this writer set or removed (see ChangedIds). */
  get changedIds(): ChangedIds {
    return this.touched;
  }

  /** The graph with `records[id] = value`. */
  set<K extends RecordKind>(graph: Graph, kind: K, id: string, value: Entity<K>): Graph {
    const own = this.ownGraph(graph);
    const records = this.ownRecords(own, kind) as Record<string, Entity<K>>;
    const had = id in records;
    const old = records[id];
    if (kind === 'edges') this.reindexEdge(records, old as GraphEdge | undefined, value as GraphEdge);
    if (isTracked(kind)) this.touched[kind].add(id);
    records[id] = value;
    this.logUndo(() => {
      if (had) records[id] = old!;
      else delete records[id];
    });
    return own;
  }

  /** The graph without `records[id]` for each id. */
  remove(graph: Graph, kind: RecordKind, ids: Iterable<string>): Graph {
    let own = graph;
    for (const id of ids) {
      if (!(id in own[kind])) continue;
      own = this.ownGraph(own);
      const records = this.ownRecords(own, kind) as Record<string, unknown>;
      const old = records[id];
      if (kind === 'edges') this.reindexEdge(records, old as GraphEdge, undefined);
      if (isTracked(kind)) this.touched[kind].add(id);
      delete records[id];
      this.logUndo(() => {
        records[id] = old;
      });
    }
    return own;
  }

  /** The graph with a whole record replaced (readings after a prune); not for tracked kinds, whose ids it would miss. */
  replace<K extends Exclude<RecordKind, TrackedKind>>(graph: Graph, kind: K, records: Graph[K]): Graph {
    if (graph[kind] === records) return graph;
    const own = this.ownGraph(graph);
    this.assign(own, kind, records);
    return own;
  }

  /** The graph with its own copy of `kind`'s record (what the first write to it would make). */
  own(graph: Graph, kind: TrackedKind): Graph {
    const own = this.ownGraph(graph);
    this.ownRecords(own, kind);
    return own;
  }

  /** Whether another edge already makes the same relation (same kind, source and target). */
  hasDuplicateEdge(graph: Graph, edge: Pick<GraphEdge, 'id' | 'kind' | 'fromId' | 'toId'>): boolean {
    if (this.edgeIndex?.edges !== graph.edges) {
      const byKey = new Map<string, Set<string>>();
      for (const e of Object.values(graph.edges)) addTo(byKey, relationKey(e), e.id);
      this.edgeIndex = { edges: graph.edges, byKey };
    }
    const ids = this.edgeIndex.byKey.get(relationKey(edge));
    return !!ids && (ids.size > 1 || !ids.has(edge.id));
  }

  /** Starts recording changes so `rollback` can undo them. */
  begin(): void {
    this.undoLog = [];
  }

  /** Undoes every change since `begin`; the caller goes back to the graph it had then. */
  rollback(): void {
    const log = this.undoLog ?? [];
    for (let i = log.length - 1; i >= 0; i--) log[i]!();
    this.undoLog = null;
    // The index followed the undone changes; rebuilding it is simpler than undoing it too.
    this.edgeIndex = null;
  }

  /** Keeps the changes since `begin`. */
  commit(): void {
    this.undoLog = null;
  }

  private logUndo(undo: () => void): void {
    this.undoLog?.push(undo);
  }

  private ownGraph(graph: Graph): Mutable<Graph> {
    if (this.owned.has(graph)) return graph as Mutable<Graph>;
    const copy = { ...graph };
    this.owned.add(copy);
    return copy;
  }

  private ownRecords(graph: Mutable<Graph>, kind: RecordKind): object {
    const records = graph[kind];
    if (this.owned.has(records)) return records;
    const copy = { ...records };
    this.owned.add(copy);
    // The copy has the same entries, so an index of the original describes it too.
    if (kind === 'edges' && this.edgeIndex?.edges === records) this.edgeIndex.edges = copy;
    this.assign(graph, kind, copy);
    return copy;
  }

  private assign<K extends RecordKind>(graph: Mutable<Graph>, kind: K, records: Graph[K]): void {
    const old = graph[kind];
    graph[kind] = records;
    this.logUndo(() => {
      graph[kind] = old;
    });
  }

  private reindexEdge(records: object, old: GraphEdge | undefined, next: GraphEdge | undefined): void {
    if (this.edgeIndex?.edges !== records) return;
    const { byKey } = this.edgeIndex;
    if (old) {
      const ids = byKey.get(relationKey(old));
      ids?.delete(old.id);
      if (ids?.size === 0) byKey.delete(relationKey(old));
    }
    if (next) addTo(byKey, relationKey(next), next.id);
  }
}

function addTo(byKey: Map<string, Set<string>>, key: string, id: string): void {
  const ids = byKey.get(key);
  if (ids) ids.add(id);
  else byKey.set(key, new Set([id]));
}
