/** How fast a member may submit op batches: `perMinute` on average, up to `burst` at once after a pause. */
export interface OpRateLimit {
  perMinute: number;
  burst: number;
}

/**
 * A token bucket per key: each key holds up to `burst` tokens, refilled at `perMinute`; taking one from an empty
 * bucket fails and says when the next token comes. Bursts (a paste, an auto layout, a reconnect flushing queued
 * edits) pass; a steady flood is held to the rate. In memory, per instance: a limit, not an accounting.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    private readonly limit: OpRateLimit,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = limit.perMinute / 60_000;
  }

  /** Takes a token for `key`: 0 when granted, else the milliseconds until one is available. */
  take(key: string): number {
    const now = this.now();
    this.forgetFullBuckets(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / this.perMs);
  }

  private lastSweep = 0;

  /** A bucket that would be full again is the same as no bucket: drop them now and then, so memory stays flat. */
  private forgetFullBuckets(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.limit.burst) this.buckets.delete(key);
    }
  }
}
