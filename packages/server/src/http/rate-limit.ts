/**
 * A per-credential rate limit, in process: a fixed one-minute window per key. Each process counts
 * on its own, so N processes behind a load balancer allow up to N times the limit per credential;
 * a shared limit needs a shared counter (the load balancer's, or a store such as Redis).
 *
 * @module
 */

/** Counts requests per key in fixed windows. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Counts one request; returns the seconds to wait when over the limit, else 0.
   *
   * @example
   * ```ts
   * const limiter = new RateLimiter(2);
   * limiter.take('t'); limiter.take('t'); limiter.take('t'); // > 0 on the third
   * ```
   */
  take(key: string): number {
    const now = this.now();
    const w = this.windows.get(key);
    if (!w || now - w.start >= 60_000) {
      // Forget old windows now and then so the map stays as small as the set of active callers.
      if (this.windows.size > 10_000)
        for (const [k, v] of this.windows) if (now - v.start >= 60_000) this.windows.delete(k);
      this.windows.set(key, { start: now, count: 1 });
      return 0;
    }
    w.count++;
    return w.count > this.perMinute ? Math.ceil((w.start + 60_000 - now) / 1000) : 0;
  }
}
