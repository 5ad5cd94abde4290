/**
 * A pacing rule for one channel: at most `perSecond` messages a second overall and
 * `perChatPerSecond` to any one chat. Telegram's documented limits are about 30 a second
 * overall and one a second per chat; the defaults stay under them to leave room for answers.
 */
export interface RateLimit {
  perSecond: number;
  perChatPerSecond: number;
}

/** Milliseconds on some clock; only differences matter. */
export type Clock = () => number;

/**
 * Hands out send times. It never sleeps itself: `reserve` books a slot and says how long the
 * caller must wait, so the rules can be tested with a fake clock and no timers.
 */
export interface RateLimiter {
  /** Books the next free slot for a message to `chatId`; returns the wait before it, in ms. */
  reserve(chatId: string): number;
  /** Holds every slot not yet handed out until `ms` from now (Telegram's `retry_after`). */
  pause(ms: number): void;
  /**
   * How long a pause still holds, in ms (0 when none). A caller that booked its slot before
   * the pause began checks this after waiting, and books again rather than send into it.
   */
  pausedFor(): number;
  /** The limit this limiter applies. */
  readonly limit: RateLimit;
}

/** Chat entries kept before old ones are swept; one per recent chat. */
const SWEEP_AT = 10_000;

/**
 * A limiter that spaces messages evenly (one every `1000 / perSecond` ms) rather than in
 * bursts: a burst of 25 at the start of each second is what earns a 429 from Telegram, an
 * even stream at the same rate does not. A limit of `Infinity` turns that rule off.
 */
export function createRateLimiter(limit: RateLimit, now: Clock): RateLimiter {
  if (!(limit.perSecond > 0) || !(limit.perChatPerSecond > 0)) {
    throw new RangeError('Rate limits must be positive');
  }
  const gap = 1000 / limit.perSecond;
  const chatGap = 1000 / limit.perChatPerSecond;
  let nextFree = -Infinity;
  let pausedUntil = -Infinity;
  const chatNextFree = new Map<string, number>();

  function sweep(at: number): void {
    if (chatNextFree.size < SWEEP_AT) return;
    for (const [chat, free] of chatNextFree) if (free <= at) chatNextFree.delete(chat);
  }

  return {
    limit,

    reserve(chatId) {
      const at = now();
      const overall = Math.max(at, nextFree, pausedUntil);
      const slot = Math.max(overall, chatNextFree.get(chatId) ?? -Infinity);
      // The overall slot is taken even when this chat must wait longer for its own: other
      // chats are not held up behind one that repeats, and the overall pace stays the same.
      nextFree = overall + gap;
      sweep(at);
      chatNextFree.set(chatId, slot + chatGap);
      return slot - at;
    },

    pause(ms) {
      const until = now() + Math.max(0, ms);
      pausedUntil = Math.max(pausedUntil, until);
      nextFree = Math.max(nextFree, until);
    },

    pausedFor() {
      return Math.max(0, pausedUntil - now());
    },
  };
}
