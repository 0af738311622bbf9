import { applyOps, type Graph, type Op } from '@counterpoint/shared';

/**
 * Replays pending batches on a confirmed graph. A batch that no longer applies (its target was deleted by
 * someone else, or an earlier batch it built on was refused) is dropped, as the server would refuse it too —
 * except the batch on the wire (`headInFlight`), whose fate is the server's answer.
 */
export function rebase<B extends { ops: Op[] }>(
  confirmed: Graph,
  batches: readonly B[],
  headInFlight: boolean,
): { graph: Graph; kept: B[]; dropped: number } {
  let graph = confirmed;
  const kept: B[] = [];
  let dropped = 0;
  for (const [index, batch] of batches.entries()) {
    const result = applyOps(graph, batch.ops);
    if (result.ok) graph = result.graph;
    if (result.ok || (index === 0 && headInFlight)) kept.push(batch);
    else dropped += 1;
  }
  return { graph, kept, dropped };
}
