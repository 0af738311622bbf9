import type { SubmitOpsResult } from '@counterpoint/shared';
import type { QueuedBatch } from './group-commit.js';

/** A batch waiting for its map's next transaction, and how to answer its sender. */
export interface WaitingBatch extends QueuedBatch {
  resolve(answer: SubmitOpsResult): void;
  reject(error: unknown): void;
}

/** A group takes batches up to this many ops (at least one batch, however large). */
export const GROUP_MAX_OPS = 500;

/**
 * Group commit per map. A batch for a map with no transaction in progress (on this instance) starts one at once;
 * batches arriving meanwhile wait, and the next transaction takes all of them. A map's row lock serialises its
 * transactions anyway, so a queue in front of it costs no latency and turns N commits (each ~8 round trips and an
 * fsync) into one.
 *
 * `commit` resolves once its group is durable (or failed) with a function that answers the group's batches and
 * must settle every one of them. The queue sends the next group's statement first and answers the previous group
 * right after: a group's answers and broadcast are a dozen socket writes, which then happen while the next
 * statement is on the wire instead of before it (P3 in tests/bench/RESULTS.md).
 */
export class CommitQueue {
  /** Batches waiting, per map that has a transaction in progress. */
  private readonly waiting = new Map<string, WaitingBatch[]>();

  constructor(private readonly commit: (mapId: string, group: WaitingBatch[]) => Promise<() => void>) {}

  submit(mapId: string, batch: QueuedBatch): Promise<SubmitOpsResult> {
    return new Promise((resolve, reject) => {
      const entry: WaitingBatch = { ...batch, resolve, reject };
      const queue = this.waiting.get(mapId);
      if (queue) {
        queue.push(entry);
        return;
      }
      this.waiting.set(mapId, [entry]);
      void this.drain(mapId);
    });
  }

  private async drain(mapId: string): Promise<void> {
    const queue = this.waiting.get(mapId)!;
    let answerPrevious: (() => void) | null = null;
    while (queue.length > 0) {
      const group = takeGroup(queue);
      const committing = this.commit(mapId, group).catch((error: unknown) => () => {
        for (const entry of group) entry.reject(error);
      });
      // The pool sends a query on the next tick: answering on a later tick lets this group's statement go first.
      if (answerPrevious) process.nextTick(answerPrevious);
      answerPrevious = await committing;
    }
    this.waiting.delete(mapId);
    answerPrevious?.();
  }
}

/**
 * Removes the next group from the front of the queue, in arrival order, up to GROUP_MAX_OPS. A batch whose
 * client sequence numbers overlap one already in the group (a retry sent before the first answer came) stays
 * queued for the next group, where it meets the first one's logged ops and gets that answer.
 */
export function takeGroup(queue: WaitingBatch[]): WaitingBatch[] {
  const group: WaitingBatch[] = [];
  const left: WaitingBatch[] = [];
  let ops = 0;
  let full = false;
  for (const entry of queue) {
    const { clientId, clientSeq, ops: batchOps } = entry.batch;
    // Once a batch does not fit, the group is closed: later ones do not overtake it.
    full ||= group.length > 0 && ops + batchOps.length > GROUP_MAX_OPS;
    const overlaps = group.some(({ batch: b }) => b.clientId === clientId && b.clientSeq < clientSeq + batchOps.length && clientSeq < b.clientSeq + b.ops.length);
    if (full || overlaps) left.push(entry);
    else {
      group.push(entry);
      ops += batchOps.length;
    }
  }
  queue.splice(0, queue.length, ...left);
  return group;
}
