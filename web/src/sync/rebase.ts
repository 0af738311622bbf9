import { GraphDraft, type Graph, type Op } from '@counterpoint/shared';

/** A batch of this client's ops that the confirmed graph does not fully contain yet. */
export interface PendingBatch {
  ops: Op[];
  /** Sequence number of the batch's first op; op i is (clientId, clientSeq + i). */
  clientSeq: number;
  /** How many of its ops (from the front) the confirmed graph already has, through the op log. */
  confirmed: number;
  /** The server committed the whole batch (its ops are on their way through the log). */
  acked: boolean;
  /** Map version of its last op, once acknowledged. */
  lastVersion?: number;
  attempts: number;
}

/**
 * Replays the not-yet-confirmed ops of pending batches on the confirmed graph. A batch that no longer applies
 * (its target was deleted by someone else, or an earlier batch it built on was refused) is dropped, as the server
 * would refuse it too — except a batch on the wire or committed, whose fate is the server's.
 */
export function rebase(
  confirmed: Graph,
  batches: readonly PendingBatch[],
  headInFlight: boolean,
  actorId: string | null = null,
): { graph: Graph; kept: PendingBatch[]; dropped: PendingBatch[]; keptAllApplied: boolean } {
  // One draft for the whole replay: each record is copied once per rebase, not once per pending batch (a
  // member with 15 batches queued on a 1,000-node map copied 15,000 entries at every broadcast).
  const draft = new GraphDraft(confirmed);
  const kept: PendingBatch[] = [];
  const dropped: PendingBatch[] = [];
  let keptAllApplied = true;
  for (const batch of batches) {
    const result = draft.apply(batch.ops.slice(batch.confirmed), { actorId });
    const serversCall = batch.acked || (headInFlight && batch === firstUnacked(batches));
    if (result.ok || serversCall) kept.push(batch);
    else dropped.push(batch);
    if (!result.ok && serversCall) keptAllApplied = false;
  }
  // keptAllApplied: the graph has every kept batch in it (a batch kept for the server's call may not apply here).
  return { graph: draft.graph, kept, dropped, keptAllApplied };
}

export function firstUnacked(batches: readonly PendingBatch[]): PendingBatch | undefined {
  return batches.find((b) => !b.acked);
}
