import type { RateLimiter } from '../domain/rate-limiter.js';
import { backoffMs, SendError } from '../conversation/send-error.js';
import type { ChannelSender, Reply } from '../conversation/types.js';

/** The rules for retrying one delivery. */
export interface AttemptOptions {
  /** Tries for a transient failure (network, 5xx) before it counts as failed. */
  maxAttempts: number;
  /** The first backoff; each next one doubles, up to 30 s. */
  backoffBaseMs: number;
  /** 429 answers in a row for one person before giving up on them (a flood that never ends). */
  maxRateLimited: number;
  /** Waits longer than this are cut into pieces, renewing the lease between them. */
  renewEveryMs: number;
  sleep(ms: number): Promise<void>;
}

/** Three tries from 1 s of backoff; ten 429s in a row for one person; renew every 30 s. */
export const DEFAULT_ATTEMPT_OPTIONS: AttemptOptions = {
  maxAttempts: 3,
  backoffBaseMs: 1_000,
  maxRateLimited: 10,
  renewEveryMs: 30_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** One delivery to attempt: where it goes, how it is paced, what it says. */
export interface AttemptInput extends Partial<AttemptOptions> {
  sender: ChannelSender | undefined;
  limiter: RateLimiter | undefined;
  build(): Promise<Reply> | Reply;
  /** Extends the lease; false when another worker took the delivery over. */
  renew(): Promise<boolean>;
}

/** `lost`: the lease went to another worker, which now owns the delivery. */
export type AttemptResult =
  | { outcome: 'sent'; fileRef?: string; reason?: undefined }
  | { outcome: 'blocked' | 'failed'; reason: string }
  | { outcome: 'lost'; reason?: undefined };

/**
 * Sends one claimed delivery by the broadcast rules: wait for the channel's pace; on 429
 * pause the whole channel for `retry_after` and send to the same person again; on "blocked"
 * stop at once; on a permanent refusal fail with its reason; on a transient fault back off
 * and retry, then fail with the last reason.
 */
export async function attemptDelivery(
  delivery: { chatId: string },
  input: AttemptInput,
): Promise<AttemptResult> {
  const options = { ...DEFAULT_ATTEMPT_OPTIONS, ...input };
  const { sender, limiter } = input;
  if (!sender) return { outcome: 'failed', reason: 'channel not running' };

  // The claim itself took the lease; it is renewed only once time has passed since.
  let renewedAt = Date.now();
  async function keep(): Promise<boolean> {
    if (Date.now() - renewedAt < 1_000) return true;
    renewedAt = Date.now();
    return input.renew();
  }

  /** Sleeps `ms`, renewing the lease on the way; false when the lease was lost. */
  async function wait(ms: number): Promise<boolean> {
    for (let left = ms; left > 0; left -= options.renewEveryMs) {
      await options.sleep(Math.min(left, options.renewEveryMs));
      if (left > options.renewEveryMs && !(await keep())) return false;
    }
    return true;
  }

  let transient = 0;
  let limited = 0;
  for (;;) {
    if (limiter) {
      // Book again if a 429 elsewhere paused the channel while this one waited for its slot.
      do {
        if (!(await wait(limiter.reserve(delivery.chatId)))) return { outcome: 'lost' };
      } while (limiter.pausedFor() > 0);
    }
    if (!(await keep())) return { outcome: 'lost' };

    try {
      const reply = await input.build();
      if (sender.sendPaced) {
        const { fileRef } = await sender.sendPaced(delivery.chatId, reply);
        return { outcome: 'sent', fileRef };
      }
      await sender.send(delivery.chatId, reply);
      return { outcome: 'sent' };
    } catch (caught) {
      const error = caught instanceof SendError ? caught : unclassified(caught);
      switch (error.kind) {
        case 'blocked':
          return { outcome: 'blocked', reason: error.reason };
        case 'rejected':
          return { outcome: 'failed', reason: error.reason };
        case 'rate-limited':
          if (++limited > options.maxRateLimited)
            return { outcome: 'failed', reason: error.reason };
          limiter?.pause(error.retryAfterMs ?? 1_000);
          if (!limiter && !(await wait(error.retryAfterMs ?? 1_000))) return { outcome: 'lost' };
          continue;
        case 'transient':
          if (++transient >= options.maxAttempts)
            return { outcome: 'failed', reason: error.reason };
          if (!(await wait(backoffMs(transient, options.backoffBaseMs))))
            return { outcome: 'lost' };
          continue;
      }
    }
  }
}

/**
 * An error from a sender without `sendPaced` (or a bug in building the reply): retried as
 * transient. Only its class name is kept: a message may quote what was being sent.
 */
function unclassified(error: unknown): SendError {
  return new SendError('transient', error instanceof Error ? error.name : typeof error);
}
