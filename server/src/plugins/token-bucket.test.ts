import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-bucket.js';

describe('TokenBuckets', () => {
  it('grants a burst, then one token per refill interval, and says how long to wait', () => {
    let now = 1_000_000;
    const buckets = new TokenBuckets({ perMinute: 60, burst: 3 }, () => now);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 0]);
    expect(buckets.take('a')).toBe(1_000);
    now += 400;
    expect(buckets.take('a')).toBe(600);
    now += 600;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('b')).toBe(0); // every key has its own bucket
  });

  it('refills no higher than the burst, however long the pause', () => {
    let now = 0;
    const buckets = new TokenBuckets({ perMinute: 60, burst: 2 }, () => now);
    buckets.take('a');
    now += 3_600_000;
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 1_000]);
  });

  it('forgets idle buckets without giving their owner extra tokens', () => {
    let now = 0;
    const buckets = new TokenBuckets({ perMinute: 1, burst: 1 }, () => now);
    expect(buckets.take('a')).toBe(0);
    now += 61_000; // the sweep runs, and a's bucket is full again: forgotten, which is the same
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBeGreaterThan(0);
  });
});
