import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('lets a burst through, then one per refill period, per address', () => {
    const limit = new RateLimiter(3, 30);
    const t = 1_000_000;
    expect([1, 2, 3, 4].map(() => limit.take('a', t))).toEqual([true, true, true, false]);
    expect(limit.take('b', t)).toBe(true);
    expect(limit.retryAfter('a', t)).toBe(30);
    expect(limit.take('a', t + 29_000)).toBe(false);
    expect(limit.take('a', t + 30_500)).toBe(true);
    expect(limit.take('a', t + 31_000)).toBe(false);
    expect(limit.take('a', t + 10 * 60_000)).toBe(true); // refilled, never past the burst
  });

  it('forgets full buckets when swept', () => {
    const limit = new RateLimiter(2, 1);
    limit.take('a', 0);
    limit.sweep(10_000);
    expect(limit.retryAfter('a', 10_000)).toBe(0);
  });
});
