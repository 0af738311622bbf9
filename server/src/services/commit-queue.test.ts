import { describe, expect, it } from 'vitest';
import type { SubmitOpsBody } from '@counterpoint/shared';
import { CommitQueue, type WaitingBatch } from './commit-queue.js';

const MAP = '00000000-0000-4000-8000-000000000001';
const batch = (clientSeq: number): { actor: { userId: string }; batch: SubmitOpsBody } => ({
  actor: { userId: MAP },
  batch: { baseVersion: 0, clientId: MAP, clientSeq, ops: [{ type: 'nodes.move', moves: [{ id: MAP, x: clientSeq, y: 0 }] }] },
});
const answer = (version: number) => ({ versions: [version], version, duplicate: false, actorId: MAP });

/** A commit that takes a turn of the event loop, like a statement's round trip, and logs what happens when. */
function recordingQueue(fail: (group: WaitingBatch[]) => Error | null = () => null) {
  const events: string[] = [];
  let version = 0;
  const queue = new CommitQueue(async (_mapId, group) => {
    const seqs = group.map((entry) => entry.batch.clientSeq).join(',');
    events.push(`start ${seqs}`);
    await new Promise((resolve) => setImmediate(resolve));
    const error = fail(group);
    if (error) throw error;
    const versions = group.map(() => ++version);
    return () => {
      events.push(`answer ${seqs}`);
      group.forEach((entry, i) => entry.resolve(answer(versions[i]!)));
    };
  });
  return { queue, events };
}

describe('CommitQueue', () => {
  it('groups what arrives during a commit, starts the next group before answering the last, and answers each batch', async () => {
    const { queue, events } = recordingQueue();
    const first = queue.submit(MAP, batch(0));
    const later = [queue.submit(MAP, batch(1)), queue.submit(MAP, batch(2))];
    expect(await Promise.all([first, ...later])).toEqual([answer(1), answer(2), answer(3)]);
    expect(events).toEqual(['start 0', 'start 1,2', 'answer 0', 'answer 1,2']);
  });

  it('refuses every batch of a group whose commit failed, and goes on with the next group', async () => {
    const { queue } = recordingQueue((group) => (group[0]!.batch.clientSeq === 0 ? new Error('database down') : null));
    const first = queue.submit(MAP, batch(0));
    const next = queue.submit(MAP, batch(1));
    await expect(first).rejects.toThrow('database down');
    expect(await next).toEqual(answer(1));
  });
});
