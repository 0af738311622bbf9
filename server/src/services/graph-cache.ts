import type { Graph } from '@counterpoint/shared';

/**
 * The graphs of recently edited maps, each at the version it was committed at. A batch under the map's row lock
 * uses the cached graph only when its version equals the map's version in the database, so a commit made by
 * another server instance (or any write this cache did not see) simply means a reload. Graphs are immutable, so
 * sharing them is safe. Least recently used maps are dropped first.
 */
export class GraphCache {
  private readonly entries = new Map<string, { version: number; graph: Graph }>();

  constructor(private readonly capacity = 64) {}

  get(mapId: string, version: number): Graph | null {
    const entry = this.entries.get(mapId);
    if (!entry || entry.version !== version) return null;
    // Re-insert to mark it most recently used.
    this.entries.delete(mapId);
    this.entries.set(mapId, entry);
    return entry.graph;
  }

  set(mapId: string, version: number, graph: Graph): void {
    this.entries.delete(mapId);
    this.entries.set(mapId, { version, graph });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  /**
   * The version the map's graph is cached at, or null, without marking it used: a reader asks the database for
   * the graph only when the map's version differs from it.
   */
  versionOf(mapId: string): number | null {
    return this.entries.get(mapId)?.version ?? null;
  }

  /** The map's cached version and graph, whichever version that is, or null. */
  latest(mapId: string): { version: number; graph: Graph } | null {
    const entry = this.entries.get(mapId);
    if (!entry) return null;
    this.get(mapId, entry.version); // marks it most recently used
    return entry;
  }

  forget(mapId: string): void {
    this.entries.delete(mapId);
  }
}
