/** Paces calls: `take` resolves when one more call may be made. */
export interface RateLimiter {
  take(): Promise<void>;
}

export interface TokenBucketOptions {
  /** Calls per second in the long run (`ZALO_RATE_PER_SECOND`). */
  ratePerSecond: number;
  /** Calls allowed at once after a quiet spell (default: one second's worth). */
  burst?: number;
  /** The clock, in milliseconds (tests). */
  now?: () => number;
}

/**
 * A token bucket for one channel: tokens flow in at `ratePerSecond` up to `burst`, each call
 * takes one, and callers wait their turn in order. It paces one process only; several
 * instances each keep their own pace, so the configured rate is per instance.
 */
export function createTokenBucket(options: TokenBucketOptions): RateLimiter {
  const rate = options.ratePerSecond;
  if (!(rate > 0)) throw new RangeError('ratePerSecond must be above 0');
  const burst = Math.max(1, options.burst ?? Math.ceil(rate));
  const now = options.now ?? Date.now;

  let tokens = burst;
  let refilledAt = now();
  let tail: Promise<void> = Promise.resolve();

  function refill(): void {
    const at = now();
    tokens = Math.min(burst, tokens + ((at - refilledAt) / 1000) * rate);
    refilledAt = at;
  }

  async function turn(): Promise<void> {
    refill();
    if (tokens < 1) {
      const waitMs = Math.ceil(((1 - tokens) / rate) * 1000);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      refill();
    }
    tokens = Math.max(0, tokens - 1);
  }

  return {
    take() {
      // Chained, so callers are served in the order they asked.
      const next = tail.then(turn);
      tail = next.catch(() => undefined);
      return next;
    },
  };
}
