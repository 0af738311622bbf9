import { applyOp, applyOps, type Graph, type Op, type OpError, type OpLogEntry } from '@counterpoint/shared';
import { ApiError } from '../api/api-error';
import type { MapDocumentOptions, MapDocumentState, Notice, SaveState } from './map-document-types';
import type { OpsTransport } from './ops-transport';
import { rebase } from './rebase';

export type { MapDocumentState, Notice, SaveState } from './map-document-types';

interface Batch {
  ops: Op[];
  /** Sequence number of the batch's first op; op i is (clientId, clientSeq + i). */
  clientSeq: number;
  attempts: number;
}

/**
 * The client side of "every change is an op". Holds the confirmed graph (server truth at `version`) and this
 * client's pending batches; the displayed graph is always confirmed + pending. Edits apply at once and are
 * sent one batch at a time, in order. Others' ops (`applyRemote`) land on the confirmed graph and pending
 * batches are replayed on top, so live sync can plug in without changing the edit path.
 */
export class MapDocument {
  readonly mapId: string;
  readonly clientId: string;
  private confirmed: Graph;
  private version: number;
  private pending: Batch[] = [];
  private readonly allocateSeq: (count: number) => number;
  /** True while the head batch is on the wire or waiting to be retried. */
  private inFlight = false;
  /** True while reading the op log to fill a gap; nothing is sent meanwhile. */
  private catchingUp = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  private noticeSeq = 0;
  private state: MapDocumentState;
  private readonly listeners = new Set<() => void>();
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

  /**
   * Applies a local edit at once and queues it for the server. If the ops break a graph rule nothing changes
   * and the rule's message is shown; the error is returned too.
   */
  apply(ops: Op[]): OpError | null {
    if (ops.length === 0 || this.disposed) return null;
    const result = applyOps(this.state.graph, ops);
    if (!result.ok) {
      this.update({ notice: this.notice(result.error.message, result.error.code) });
      return result.error;
    }
    this.pending.push({ ops, clientSeq: this.allocateSeq(ops.length), attempts: 0 });
    this.update({ graph: result.graph });
    this.pump();
    return null;
  }

  /**
   * Applies ops the server has confirmed (from the op log or a broadcast), in version order, then replays
   * pending batches on top. Entries at or below the current version are already known and skipped.
   */
  applyRemote(entries: readonly OpLogEntry[]): void {
    const outcome = this.applyEntries(entries);
    this.rebuild();
    if (outcome === 'gap') void this.catchUp();
  }

  /** Moves the confirmed graph forward; stops at a gap in versions or at an op that does not apply. */
  private applyEntries(entries: readonly OpLogEntry[]): 'ok' | 'gap' | 'drift' {
    const sorted = [...entries].sort((a, b) => a.version - b.version);
    for (const entry of sorted) {
      if (entry.version <= this.version) continue;
      if (entry.version !== this.version + 1) return 'gap';
      const result = applyOp(this.confirmed, entry.op, { actorId: entry.actorId });
      if (!result.ok) {
        // The server accepted this op, so our copy has drifted; only a reload restores the truth.
        console.error('Confirmed op does not apply locally', entry, result.error);
        this.update({ notice: this.notice('This map changed in a way this page cannot follow. Reload the page.', null) });
        return 'drift';
      }
      this.confirmed = result.graph;
      this.version = entry.version;
    }
    return 'ok';
  }

  /** Shows a message in the document's notice area (e.g. a failed layout). */
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
  }

  /** Sends the head batch if nothing is on the wire. */
  private pump(): void {
    if (this.inFlight || this.catchingUp) return;
    const batch = this.pending[0];
    if (!batch) return;
    this.inFlight = true;
    const body = { baseVersion: this.version, clientId: this.clientId, clientSeq: batch.clientSeq, ops: batch.ops };
    this.transport.submit(this.mapId, body).then(
      (result) => this.onAccepted(batch, result.versions),
      (error: unknown) => this.onFailed(batch, error),
    );
  }

  private onAccepted(batch: Batch, versions: number[]): void {
    if (this.pending[0] !== batch) return;
    this.pending.shift();
    this.inFlight = false;
    // Ops of the batch that a broadcast already delivered are in `confirmed`; apply only the rest.
    const firstNew = versions.findIndex((v) => v > this.version);
    if (firstNew >= 0) {
      const rest = batch.ops.slice(firstNew);
      const result = versions[firstNew] === this.version + 1 ? applyOps(this.confirmed, rest) : null;
      if (!result?.ok) {
        // Others wrote in between: read the log up to our ops (which the log includes) before going on.
        void this.catchUp();
        return;
      }
      this.confirmed = result.graph;
      this.version = versions[versions.length - 1]!;
    }
    // The connection is back: a "cannot reach the server" message is no longer true.
    if (this.state.notice?.code === 'NETWORK_ERROR') this.update({ notice: null });
    this.rebuild();
    this.pump();
  }

  private onFailed(batch: Batch, error: unknown): void {
    if (this.pending[0] !== batch) return;
    if (error instanceof ApiError && !error.retryable) {
      // The server refused the whole batch and wrote nothing: drop it, and what was built on it.
      this.pending.shift();
      this.inFlight = false;
      const dropped = this.rebuild();
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
      notice: offline && batch.attempts === this.retryDelaysMs.length + 1
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
      console.error('Catching up with the op log failed', error);
      this.update({ notice: this.notice('Could not load the latest changes of others. Reload the page.', null) });
    }
    this.catchingUp = false;
    this.rebuild();
    this.pump();
  }

  /** Displayed graph = confirmed + pending. Returns how many unsent batches no longer applied and were dropped. */
  private rebuild(): number {
    const { graph, kept, dropped } = rebase(this.confirmed, this.pending, this.inFlight);
    this.pending = kept;
    this.update({ graph });
    return dropped;
  }

  private notice(message: string, code: string | null): Notice {
    return { id: ++this.noticeSeq, message, code };
  }

  private update(patch: Partial<Pick<MapDocumentState, 'graph' | 'notice'>>): void {
    const pendingOps = this.pending.reduce((n, b) => n + b.ops.length, 0);
    this.state = { ...this.state, ...patch, version: this.version, pendingOps, saveState: this.saveState() };
    for (const listener of this.listeners) listener();
  }

  private saveState(): SaveState {
    const head = this.pending[0];
    if (!head) return 'saved';
    if (head.attempts === 0) return 'saving';
    return head.attempts > this.retryDelaysMs.length ? 'offline' : 'retrying';
  }
}
