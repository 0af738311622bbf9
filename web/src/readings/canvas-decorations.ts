import type { ArgumentLabel, Evaluation, Graph } from '@counterpoint/shared';

/** A reading a node belongs to, as its coloured dot shows it. */
export interface ReadingMark {
  id: string;
  title: string;
  color: string;
}

/** What the readings and the evaluation add to one canvas node. */
export interface NodeDecoration {
  readings: readonly ReadingMark[];
  /** The node's grounded label, when labels are shown and the node is in the evaluated scope. */
  label: ArgumentLabel | null;
  /** A filter "show only reading X" is on and the node is not in X. */
  dimmed: boolean;
}

export interface DecorationInputs {
  graph: Graph;
  colors: ReadonlyMap<string, string>;
  /** Null when labels are hidden. */
  evaluation: Evaluation | null;
  /** The reading the evaluation is of, or null for the whole map. */
  scopeReadingId: string | null;
  filterReadingId: string | null;
}

/** The members of the reading the canvas is filtered by. */
export interface CanvasFilter {
  readingId: string;
  nodeIds: ReadonlySet<string>;
  edgeIds: ReadonlySet<string>;
}

export const NO_DECORATION: NodeDecoration = { readings: [], label: null, dimmed: false };

const sameMarks = (a: readonly ReadingMark[], b: readonly ReadingMark[]) =>
  a.length === b.length && a.every((m, i) => m.id === b[i]!.id && m.color === b[i]!.color && m.title === b[i]!.title);

/**
 * Decorations of every canvas node, kept outside React state like the editing store: each node subscribes to
 * its own entry, and an update re-renders only the nodes whose dots, label or dimming changed.
 */
export class DecorationStore {
  private byNode = new Map<string, NodeDecoration>();
  private filter: CanvasFilter | null = null;
  private filterSource: object | undefined;
  private current: DecorationInputs | null = null;
  private readonly listeners = new Set<() => void>();

  get = (id: string): NodeDecoration => this.byNode.get(id) ?? NO_DECORATION;
  getFilter = (): CanvasFilter | null => this.filter;
  /** The inputs of the last update (for "why is this out?", which reads the graph and the evaluation). */
  get inputs(): DecorationInputs | null {
    return this.current;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update(inputs: DecorationInputs): void {
    const { graph, colors, evaluation, filterReadingId } = inputs;
    const marks = new Map<string, ReadingMark[]>();
    for (const reading of Object.values(graph.readings).sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0))) {
      const mark = { id: reading.id, title: reading.title, color: colors.get(reading.id) ?? '#868e96' };
      for (const nodeId of reading.nodeIds) {
        const list = marks.get(nodeId);
        if (list) list.push(mark);
        else marks.set(nodeId, [mark]);
      }
    }
    const filtered = filterReadingId ? graph.readings[filterReadingId] : undefined;
    // Same reading object, same members: keep the filter object, so the canvas edges need no new pass.
    const filter =
      filtered === undefined
        ? null
        : this.filterSource === filtered && this.filter
          ? this.filter
          : { readingId: filtered.id, nodeIds: new Set(filtered.nodeIds), edgeIds: new Set(filtered.edgeIds) };
    this.filterSource = filtered;

    let changed = filter !== this.filter;
    const next = new Map<string, NodeDecoration>();
    for (const id in graph.nodes) {
      const readings = marks.get(id) ?? NO_DECORATION.readings;
      const label = evaluation?.labels[id] ?? null;
      const dimmed = filter !== null && !filter.nodeIds.has(id);
      const old = this.byNode.get(id) ?? NO_DECORATION;
      if (old.label === label && old.dimmed === dimmed && sameMarks(old.readings, readings)) {
        if (old !== NO_DECORATION) next.set(id, old);
        continue;
      }
      changed = true;
      next.set(id, { readings, label, dimmed });
    }
    if (next.size !== this.byNode.size) changed = true;
    this.byNode = next;
    this.filter = filter;
    this.current = inputs;
    if (changed) for (const listener of this.listeners) listener();
  }
}
