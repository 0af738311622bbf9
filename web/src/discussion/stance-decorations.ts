import { summarizeStances, type ClaimConsensus, type Comment, type Stance } from '@counterpoint/shared';

/** Whose positions the panel and the canvas show: the group's spread on each claim, or one member's stances. */
export type PositionsView = { mode: 'group' } | { mode: 'member'; userId: string; name: string };

/** The panel's choice, and whether the canvas draws it (thread badges are drawn either way). */
export interface CanvasView {
  positions: PositionsView;
  onCanvas: boolean;
}

const DEFAULT_VIEW: CanvasView = { positions: { mode: 'group' }, onCanvas: true };

/** What the discussion adds to one canvas node. */
export interface NodeDiscussionMark {
  /** Group view: how the group stands on this claim (null when nobody took a position, or not in group view). */
  consensus: ClaimConsensus | null;
  /** Member view: that member's stance on this claim. */
  stance: Stance | null;
  /** Member view: whose stance it is. */
  memberName: string | null;
  /** Threads on the node that are neither resolved nor deleted (shown in every view). */
  openThreads: number;
}

export const NO_MARK: NodeDiscussionMark = { consensus: null, stance: null, memberName: null, openThreads: 0 };

const sameStance = (a: Stance | null, b: Stance | null) =>
  a === b || (a !== null && b !== null && a.value === b.value && a.confidence === b.confidence && a.note === b.note && a.userId === b.userId);
const sameConsensus = (a: ClaimConsensus | null, b: ClaimConsensus | null) =>
  a === b || (a !== null && b !== null && a.agree === b.agree && a.disagree === b.disagree && a.unsure === b.unsure && a.lean === b.lean && a.controversy === b.controversy);
const sameMark = (a: NodeDiscussionMark, b: NodeDiscussionMark) =>
  a.openThreads === b.openThreads && a.memberName === b.memberName && sameStance(a.stance, b.stance) && sameConsensus(a.consensus, b.consensus);

/**
 * Stance and thread marks of every canvas node, outside React like the canvas's DecorationStore, with one
 * listener list per node: a changed stance wakes only the node it is on, so a map of 1,000 nodes does not
 * re-render when one member moves. Also holds the panel's side of the canvas: the view and the node whose
 * threads the panel shows (a thread badge on the canvas asks for it).
 */
export class DiscussionMarkStore {
  private byNode = new Map<string, NodeDiscussionMark>();
  private readonly nodeListeners = new Map<string, Set<() => void>>();
  private readonly viewListeners = new Set<() => void>();
  private stances: readonly Stance[] = [];
  private comments: readonly Comment[] = [];
  private view: CanvasView = DEFAULT_VIEW;
  private focus: { nodeId: string | null; seq: number } = { nodeId: null, seq: 0 };

  get = (nodeId: string): NodeDiscussionMark => this.byNode.get(nodeId) ?? NO_MARK;
  getView = (): CanvasView => this.view;
  /**
   * The node the panel shows (null: its first claim) and how many times a badge asked to open the panel on a
   * node; `seq` grows with each request, so clicking the same badge twice still opens the panel twice.
   */
  getFocus = () => this.focus;

  subscribeNode(nodeId: string, listener: () => void): () => void {
    let listeners = this.nodeListeners.get(nodeId);
    if (!listeners) this.nodeListeners.set(nodeId, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.nodeListeners.delete(nodeId);
    };
  }

  subscribeView = (listener: () => void): (() => void) => {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  };

  /** New stances or comments from the server (after a live event, the refetched lists). */
  setData(stances: readonly Stance[], comments: readonly Comment[]): void {
    this.stances = stances;
    this.comments = comments;
    this.recompute();
  }

  setView(view: CanvasView): void {
    this.view = view;
    this.notifyView();
    this.recompute();
  }

  /** The panel shows another node (kept here, so the panel reopens where it was). */
  selectNode(nodeId: string): void {
    this.focus = { nodeId, seq: this.focus.seq };
    this.notifyView();
  }

  /** A thread badge was clicked: the panel opens on that node's threads. */
  focusNode(nodeId: string): void {
    this.focus = { nodeId, seq: this.focus.seq + 1 };
    this.notifyView();
  }

  /** The map was closed: nothing of it stays on the next map's canvas. */
  reset(): void {
    this.stances = [];
    this.comments = [];
    this.view = DEFAULT_VIEW;
    // The request count goes on: whoever watches it for new requests must not take a reset for one.
    this.focus = { nodeId: null, seq: this.focus.seq };
    this.notifyView();
    this.recompute();
  }

  private recompute(): void {
    const threads = new Map<string, number>();
    for (const c of this.comments) {
      if (c.parentId === null && !c.resolved && !c.deleted) threads.set(c.nodeId, (threads.get(c.nodeId) ?? 0) + 1);
    }
    const view = this.view.onCanvas ? this.view.positions : null;
    const consensus = view?.mode === 'group' ? summarizeStances(this.stances) : null;
    const own = view?.mode === 'member' ? new Map(this.stances.filter((s) => s.userId === view.userId).map((s) => [s.nodeId, s])) : null;
    const ids = new Set([...threads.keys(), ...(consensus?.keys() ?? []), ...(own?.keys() ?? [])]);

    const next = new Map<string, NodeDiscussionMark>();
    const changed: string[] = [];
    for (const id of ids) {
      const old = this.get(id);
      const stance = own?.get(id) ?? null;
      const mark: NodeDiscussionMark = {
        consensus: consensus?.get(id) ?? null,
        stance,
        memberName: stance && view?.mode === 'member' ? view.name : null,
        openThreads: threads.get(id) ?? 0,
      };
      if (sameMark(old, mark)) next.set(id, old);
      else {
        next.set(id, mark);
        changed.push(id);
      }
    }
    for (const id of this.byNode.keys()) if (!next.has(id)) changed.push(id);
    this.byNode = next;
    for (const id of changed) for (const listener of this.nodeListeners.get(id) ?? []) listener();
  }

  private notifyView(): void {
    for (const listener of this.viewListeners) listener();
  }
}

/** The open map's marks: one map editor is open at a time, and node cards get no props to find a store by. */
export const discussionMarks = new DiscussionMarkStore();
