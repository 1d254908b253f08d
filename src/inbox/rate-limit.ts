/** Per-address token buckets: `burst` submissions at once, then one more every `refillSeconds`. With the defaults
 * (30, 30 s) a commune hall where fifty residents share one address can send thirty questions in a meeting and one
 * every half minute after, while one machine flooding the form is held to 120 an hour. In memory: a restart forgets,
 * which costs a flooder nothing it could not get by waiting a quarter of an hour. */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #burst: number;
  readonly #refillMs: number;

  constructor(burst: number, refillSeconds: number) {
    this.#burst = burst;
    this.#refillMs = refillSeconds * 1000;
  }

  /** Takes a token for `address` at time `now` (ms); false when the bucket is empty. */
  take(address: string, now: number): boolean {
    const b = this.#buckets.get(address) ?? { tokens: this.#burst, at: now };
    const tokens = Math.min(this.#burst, b.tokens + (now - b.at) / this.#refillMs);
    if (tokens < 1) {
      this.#buckets.set(address, { tokens, at: now });
      return false;
    }
    this.#buckets.set(address, { tokens: tokens - 1, at: now });
    // Full buckets need no memory: forget them, so a million passing addresses cost nothing.
    if (this.#buckets.size > 10_000) this.sweep(now);
    return true;
  }

  /** Seconds until `address` may send again. */
  retryAfter(address: string, now: number): number {
    const b = this.#buckets.get(address);
    if (!b) return 0;
    const tokens = b.tokens + (now - b.at) / this.#refillMs;
    return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) * this.#refillMs) / 1000);
  }

  sweep(now: number): void {
    for (const [k, b] of this.#buckets)
      if (b.tokens + (now - b.at) / this.#refillMs >= this.#burst) this.#buckets.delete(k);
  }
}
