import { applyOps, GraphDraft, type Graph, type Op, type OpError, type OpLogEntry, type SubmitOpsResult } from '@counterpoint/shared';
import { ApiError, NetworkError } from '../api/api-error';
import type { MapDocumentOptions, MapDocumentState, Notice, SaveState } from './map-document-types';
import type { OpsTransport } from './ops-transport';
import { firstUnacked, rebase, type PendingBatch } from './rebase';

export type { MapDocumentState, Notice, SaveState } from './map-document-types';

/** A local edit as it was applied: the displayed graph before and after it (for undo). */
export interface LocalEdit {
  before: Graph;
  ops: Op[];
  after: Graph;
  actorId: string | null;
}

/**
 * The client side of "every change is an op". Holds the confirmed graph (the server's op log up to `version`)
 * and this client's pending batches; the displayed graph is always confirmed + the pending ops not yet in it.
 *
 * Edits apply at once and are sent one batch at a time, in order. The server's order is the truth: committed
 * ops (anyone's, ours included) arrive through `applyRemote` in version order and move the confirmed graph;
 * pending ops are replayed on top (rebased), and one that no longer applies is dropped with a notice.
 */
export class MapDocument {
  readonly mapId: string;
  readonly clientId: string;
  private confirmed: Graph;
  private version: number;
  private pending: PendingBatch[] = [];
  private readonly allocateSeq: (count: number) => number;
  /** True while the first unacknowledged batch is on the wire or waiting to be retried. */
  private inFlight = false;
  /** True while reading the op log to fill a gap; nothing is sent meanwhile. */
  private catchingUp = false;
  /** A live connection delivers committed ops (ours too), so an ack never needs an op-log read. */
  private live = false;
  /** Who this client acts as (the server stamps it on what our ops create); null until the server says. */
  private actorId: string | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  private noticeSeq = 0;
  private state: MapDocumentState;
  /** How the graph on screen was made: every pending batch applied, as this actor (see isEchoOfTheView). */
  private viewHasAllPending = true;
  private viewActorId: string | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly editListeners = new Set<(edit: LocalEdit) => void>();
  private readonly retryDelaysMs: number[];
  private readonly offlineRetryMs: number;

  constructor(
    init: { mapId: string; graph: Graph; version: number },
    private readonly transport: OpsTransport,
    options: MapDocumentOptions = {},
  ) {
    this.mapId = init.mapId;
    this.confirmed = init.graph;
    this.version = init.version;
    this.clientId = options.clientId ?? crypto.randomUUID();
    let nextSeq = 0;
    this.allocateSeq = options.allocateSeq ?? ((count) => (nextSeq += count) - count);
    this.retryDelaysMs = options.retryDelaysMs ?? [500, 1_000, 2_000, 4_000];
    this.offlineRetryMs = options.offlineRetryMs ?? 10_000;
    this.state = { graph: init.graph, version: init.version, saveState: 'saved', pendingOps: 0, notice: null };
  }

  getState = (): MapDocumentState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Hears every local edit that was applied (undo records them). */
  onLocalEdit(listener: (edit: LocalEdit) => void): () => void {
    this.editListeners.add(listener);
    return () => this.editListeners.delete(listener);
  }

  /** The graph the server has confirmed (for undo, which must not count edits still pending). */
  get confirmedGraph(): Graph {
    return this.confirmed;
  }

  /**
   * Applies a local edit at once and queues it for the server. If the ops break a graph rule nothing changes
   * and the rule's message is shown; the error is returned too.
   */
  apply(ops: Op[]): OpError | null {
    if (ops.length === 0 || this.disposed) return null;
    const result = applyOps(this.state.graph, ops, { actorId: this.actorId });
    if (!result.ok) {
      this.update({ notice: this.notice(result.error.message, result.error.code) });
      return result.error;
    }
    const before = this.state.graph;
    this.pending.push({ ops, clientSeq: this.allocateSeq(ops.length), confirmed: 0, acked: false, attempts: 0 });
    this.update({ graph: result.graph });
    for (const listener of this.editListeners) listener({ before, ops, after: result.graph, actorId: this.actorId });
    this.pump();
    return null;
  }

  /** Committed ops from the op log or a broadcast, in version order; then pending ops are rebased on them. */
  applyRemote(entries: readonly OpLogEntry[]): void {
    if (this.isEchoOfTheView(entries)) return this.takeTheViewAsConfirmed(entries);
    const outcome = this.applyEntries(entries);
    this.rebuild();
    if (outcome === 'gap') void this.catchUp();
    this.pump();
  }

  /** Starts again from a snapshot (a live connection that was too far behind). Pending edits are kept. */
  reset(graph: Graph, version: number): void {
    this.confirmed = graph;
    this.version = version;
    // Committed batches are in the snapshot when their last version is; unacknowledged ones get their answer.
    this.pending = this.pending.filter((b) => !(b.acked && (b.lastVersion ?? Infinity) <= version));
    this.rebuild();
    this.pump();
  }

  /** The server told us who we act as (live welcome); our own ops can then be confirmed without a round trip. */
  setActor(actorId: string): void {
    this.actorId = actorId;
  }

  /** Whether a live connection is delivering committed ops. */
  setLive(live: boolean): void {
    this.live = live;
    if (live) this.retryNow();
  }

  showNotice(message: string, code: string | null = null): void {
    this.update({ notice: this.notice(message, code) });
  }

  dismissNotice(): void {
    this.update({ notice: null });
  }

  /** Sends the waiting batch now instead of at the next scheduled retry. */
  retryNow(): void {
    if (!this.retryTimer) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.inFlight = false;
    this.pump();
  }

  /**
   * Stops notifying and accepting edits. Batches already queued are still sent (leaving the editor right after
   * an edit must not lose it), but a batch that cannot reach the server is not retried past the quick retries.
   */
  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
    this.editListeners.clear();
  }

  /** Moves the confirmed graph forward; stops at a gap in versions or at an op that does not apply. */
  private applyEntries(entries: readonly OpLogEntry[]): 'ok' | 'gap' | 'drift' {
    const sorted = [...entries].sort((a, b) => a.version - b.version);
    // One draft for the run: a catch-up of 2,000 ops copies each record once, not 2,000 times.
    const draft = new GraphDraft(this.confirmed);
    try {
      for (const entry of sorted) {
        if (entry.version <= this.version) continue;
        if (entry.version !== this.version + 1) return 'gap';
        const result = draft.apply([entry.op], { actorId: entry.actorId });
        if (!result.ok) {
          // The server accepted this op, so our copy has drifted; only a reload restores the truth.
          console.error('Confirmed op does not apply locally', entry, result.error);
          this.update({ notice: this.notice('This map changed in a way this page cannot follow. Reload the page.', null) });
          return 'drift';
        }
        this.version = entry.version;
        if (entry.clientId === this.clientId) this.confirmOwn(entry.clientSeq);
      }
      return 'ok';
    } finally {
      this.confirmed = draft.graph;
    }
  }

  /**
   * Whether these entries are exactly our one pending batch, committed, following on from our version, and the
   * graph on screen is that batch applied to the confirmed graph as the server applied it (same actor). Then the
   * confirmed graph becomes the one on screen as it is: applying a 1,000-box layout a second time and redrawing
   * every moved card for no change was a 60 ms task after each large edit (P6 in tests/bench/RESULTS.md).
   */
  private isEchoOfTheView(entries: readonly OpLogEntry[]): boolean {
    const [batch] = this.pending;
    if (this.pending.length !== 1 || !batch || batch.confirmed !== 0 || !this.viewHasAllPending) return false;
    if (this.actorId === null || this.viewActorId !== this.actorId) return false;
    const fresh = entries.filter((e) => e.version > this.version).sort((a, b) => a.version - b.version);
    return (
      fresh.length === batch.ops.length &&
      fresh.every((e, i) => e.version === this.version + 1 + i && e.clientId === this.clientId && e.clientSeq === batch.clientSeq + i && e.actorId === this.actorId)
    );
  }

  private takeTheViewAsConfirmed(entries: readonly OpLogEntry[]): void {
    this.confirmed = this.state.graph;
    for (const entry of entries) {
      if (entry.version <= this.version) continue;
      this.version = entry.version;
      this.confirmOwn(entry.clientSeq);
    }
    this.update({});
    this.pump();
  }

  /** One of our ops came back through the log: it is in the confirmed graph now. */
  private confirmOwn(clientSeq: number): void {
    const batch = this.pending.find((b) => clientSeq >= b.clientSeq && clientSeq < b.clientSeq + b.ops.length);
    if (!batch) return;
    batch.confirmed = Math.max(batch.confirmed, clientSeq - batch.clientSeq + 1);
    if (batch.confirmed < batch.ops.length) return;
    const wasOnWire = this.inFlight && batch === firstUnacked(this.pending);
    this.pending.splice(this.pending.indexOf(batch), 1);
    if (wasOnWire) this.inFlight = false; // its ack, when it comes, finds nothing left to do
  }

  /** Sends the first unacknowledged batch if nothing is on the wire. */
  private pump(): void {
    if (this.inFlight || this.catchingUp) return;
    const batch = firstUnacked(this.pending);
    if (!batch) return;
    this.inFlight = true;
    const body = { baseVersion: this.version, clientId: this.clientId, clientSeq: batch.clientSeq, ops: batch.ops };
    this.transport.submit(this.mapId, body).then(
      (result) => this.onAccepted(batch, result),
      (error: unknown) => this.onFailed(batch, error),
    );
  }

  private onAccepted(batch: PendingBatch, result: SubmitOpsResult): void {
    if (!this.pending.includes(batch)) return; // the log already delivered all of it
    batch.acked = true;
    batch.lastVersion = result.versions[result.versions.length - 1];
    this.inFlight = false;
    // Ops of the batch at or below our version are in `confirmed` already.
    batch.confirmed = Math.max(batch.confirmed, result.versions.filter((v) => v <= this.version).length);
    const rest = batch.ops.slice(batch.confirmed);
    if (rest.length === 0) {
      this.pending.splice(this.pending.indexOf(batch), 1);
    } else if (result.versions[batch.confirmed] === this.version + 1) {
      // Nobody wrote in between: the rest of the batch follows our version directly.
      this.actorId = result.actorId;
      const applied = applyOps(this.confirmed, rest, { actorId: result.actorId });
      if (applied.ok) {
        this.confirmed = applied.graph;
        this.version = batch.lastVersion!;
        this.pending.splice(this.pending.indexOf(batch), 1);
      } else void this.catchUp();
    } else if (!this.live) {
      // Others wrote in between and nothing will tell us: read the log up to our ops.
      void this.catchUp();
    }
    if (this.state.notice?.code === 'NETWORK_ERROR') this.update({ notice: null });
    this.rebuild();
    this.pump();
  }

  private onFailed(batch: PendingBatch, error: unknown): void {
    if (!this.pending.includes(batch) || batch !== firstUnacked(this.pending)) return;
    if (error instanceof ApiError && !error.retryable) {
      // The server refused the whole batch and wrote nothing: drop it, and what was built on it.
      this.pending.splice(this.pending.indexOf(batch), 1);
      this.inFlight = false;
      const dropped = this.rebuild(false);
      const extra = dropped > 0 ? ` ${dropped} later change${dropped > 1 ? 's' : ''} that depended on it ${dropped > 1 ? 'were' : 'was'} undone.` : '';
      this.update({ notice: this.notice(`Change not saved: ${error.message}${extra}`, error.code) });
      this.pump();
      return;
    }
    // No answer (or a 5xx): send the very same batch again, same clientSeq, so the server can deduplicate.
    batch.attempts += 1;
    const delay = this.retryDelaysMs[batch.attempts - 1] ?? this.offlineRetryMs;
    const offline = batch.attempts > this.retryDelaysMs.length;
    if (offline && this.disposed) return;
    this.update({
      notice:
        offline && batch.attempts === this.retryDelaysMs.length + 1
          ? this.notice('Cannot reach the server. Your changes are kept here and will be saved when it answers.', 'NETWORK_ERROR')
          : this.state.notice,
    });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.inFlight = false;
      this.pump();
    }, delay);
  }

  /** Reads the op log from our version to the server's and applies it; nothing is sent meanwhile. */
  private async catchUp(): Promise<void> {
    if (this.catchingUp) return;
    this.catchingUp = true;
    try {
      for (;;) {
        const { ops, version } = await this.transport.opsSince(this.mapId, this.version);
        const before = this.version;
        const outcome = this.applyEntries(ops);
        if (outcome === 'drift' || this.version >= version || this.version === before) break;
      }
    } catch (error) {
      this.catchingUp = false;
      if (error instanceof NetworkError || (error instanceof ApiError && error.retryable)) {
        // The server is unreachable for now; try again (a live reconnect may also catch us up first).
        if (!this.disposed) setTimeout(() => void this.catchUp(), this.retryDelaysMs[0] ?? 500);
        return;
      }
      console.error('Catching up with the op log failed', error);
      this.update({ notice: this.notice('Could not load the latest changes of others. Reload the page.', null) });
    }
    this.catchingUp = false;
    this.rebuild();
    this.pump();
  }

  /**
   * Displayed graph = confirmed + pending. Unsent edits that no longer apply (someone deleted what they change)
   * are dropped, with a notice unless the caller words its own. Returns how many batches were dropped.
   */
  private rebuild(announce = true): number {
    const { graph, kept, dropped, keptAllApplied } = rebase(this.confirmed, this.pending, this.inFlight, this.actorId);
    this.pending = kept;
    this.viewHasAllPending = keptAllApplied;
    this.viewActorId = this.actorId;
    if (dropped.length > 0 && announce) {
      const n = dropped.length;
      this.update({
        graph,
        notice: this.notice(`${n} of your change${n > 1 ? 's' : ''} could not be applied: someone else changed or deleted what ${n > 1 ? 'they' : 'it'} edited.`, 'CONFLICT_DROPPED'),
      });
    } else this.update({ graph });
    return dropped.length;
  }

  private notice(message: string, code: string | null): Notice {
    return { id: ++this.noticeSeq, message, code };
  }

  private update(patch: Partial<Pick<MapDocumentState, 'graph' | 'notice'>>): void {
    const pendingOps = this.pending.reduce((n, b) => n + (b.acked ? 0 : b.ops.length), 0);
    this.state = { ...this.state, ...patch, version: this.version, pendingOps, saveState: this.saveState() };
    for (const listener of this.listeners) listener();
  }

  private saveState(): SaveState {
    const head = firstUnacked(this.pending);
    if (!head) return 'saved';
    if (head.attempts === 0) return 'saving';
    return head.attempts > this.retryDelaysMs.length ? 'offline' : 'retrying';
  }
}
