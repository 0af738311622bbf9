import { now } from '../lib/http.js';

/** The load of one P2 run, the same for Counterpoint and for the Yjs peer. */
// BENCH_P2_CLIENTS and BENCH_P2_PRESENCE_HZ vary the load, for finding where a miss comes from.
export const P2_CLIENTS = Number(process.env.BENCH_P2_CLIENTS ?? 50);
export const OP_INTERVAL_MS = 1_000;
export const PRESENCE_HZ = Number(process.env.BENCH_P2_PRESENCE_HZ ?? 30);
export const WARMUP_MS = 4_000;
export const MEASURE_MS = 20_000;

/** One simulated member: it edits (moves its own node) and moves its pointer; the harness calls these. */
export interface LoadClient {
  /** The node this member moves (each moves its own, so edits never conflict). */
  readonly nodeId: string;
  /** Makes one edit; `seq` is unique per client and identifies the edit at the receiver. */
  edit(seq: number): void;
  presence(x: number, y: number): void;
  close(): void;
}

/**
 * Send time of every edit, by "node id:seq", and the latency of each as the observer saw it. Every client
 * lives in this process, so send and receive times come from one clock.
 */
export class LatencyRecorder {
  private readonly sent = new Map<string, number>();
  readonly samples: number[] = [];
  /** Edits seen by the observer that it had not seen sent (would mean a bug in the harness). */
  unknown = 0;
  /** The observer's own node: it edits too (so the load is 50 edits a second) but is not measured against itself. */
  ownNode: string | null = null;
  private window: { from: number; to: number } = { from: Infinity, to: Infinity };

  markSent(nodeId: string, seq: number, at = now()): void {
    this.sent.set(`${nodeId}:${seq}`, at);
  }

  /** The observer sees the edit `seq` of `nodeId` applied to its document now. */
  seen(nodeId: string, seq: number): void {
    const key = `${nodeId}:${seq}`;
    const at = this.sent.get(key);
    if (at === undefined) {
      if (nodeId !== this.ownNode) this.unknown++;
      return;
    }
    this.sent.delete(key);
    // Only edits made inside the measuring window count; warm-up and drain are left out.
    if (at >= this.window.from && at < this.window.to) this.samples.push(now() - at);
  }

  measure(from: number, to: number): void {
    this.window = { from, to };
  }

  /** Edits made in the window that the observer never saw. */
  lost(): number {
    return [...this.sent.values()].filter((at) => at >= this.window.from && at < this.window.to).length;
  }
}

/**
 * Drives the clients: each edits once a second and sends presence 30 times a second, every client on its own
 * random phase (real members are not in step). Resolves after warm-up + measuring + a drain second.
 */
export async function driveLoad(clients: LoadClient[], recorder: LatencyRecorder, observerIndex: number, presenceHz: number): Promise<void> {
  const presenceInterval = presenceHz > 0 ? 1_000 / presenceHz : 0;
  recorder.ownNode = clients[observerIndex]!.nodeId;
  const timers: NodeJS.Timeout[] = [];
  const seqs = clients.map(() => 0);
  const start = now();
  clients.forEach((client, i) => {
    const phase = Math.random();
    let angle = Math.random() * Math.PI * 2;
    const move = () => client.presence(Math.round(400 + 300 * Math.cos((angle += 0.05))), Math.round(300 + 200 * Math.sin(angle)));
    if (presenceInterval > 0) timers.push(setTimeout(() => timers.push(setInterval(move, presenceInterval)), phase * presenceInterval));
    const edit = () => {
      const seq = ++seqs[i]!;
      if (i !== observerIndex) recorder.markSent(client.nodeId, seq);
      client.edit(seq);
    };
    timers.push(
      setTimeout(() => {
        edit();
        timers.push(setInterval(edit, OP_INTERVAL_MS));
      }, phase * OP_INTERVAL_MS),
    );
  });
  recorder.measure(start + WARMUP_MS, start + WARMUP_MS + MEASURE_MS);
  await sleep(WARMUP_MS + MEASURE_MS);
  for (const timer of timers) clearInterval(timer);
  await sleep(2_000); // edits still on the wire arrive
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
