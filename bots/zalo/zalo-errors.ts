import { SendError } from '../../src/conversation/send-error.js';

/**
 * Errors of the Zalo client. Neither ever holds the request URL (it carries the bot token) nor
 * the request body (message text): both are safe to log as they are.
 */

/** Zalo answered `ok: false` (with HTTP 200 or an error status). */
export class ZaloApiError extends Error {
  constructor(
    readonly method: string,
    readonly errorCode: number,
    readonly description: string,
    /** A wait Zalo asked for (`parameters.retry_after` or a `Retry-After` header), if any. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`Zalo ${method} failed: ${errorCode} ${description}`);
    this.name = 'ZaloApiError';
  }
}

/** No usable answer: the connection failed, timed out, or the body was not JSON. */
export class ZaloNetworkError extends Error {
  constructor(
    readonly method: string,
    readonly reason: string,
  ) {
    super(`Zalo ${method}: ${reason}`);
    this.name = 'ZaloNetworkError';
  }
}

/**
 * Log fields for an error from the Zalo adapter. Other errors keep their name and stack frames
 * and lose their message, which may quote values (a phone number) that a check refused.
 */
export function describeZaloError(error: unknown): Record<string, unknown> {
  if (error instanceof ZaloApiError) {
    return {
      kind: 'zalo',
      method: error.method,
      code: error.errorCode,
      description: error.description,
    };
  }
  if (error instanceof ZaloNetworkError) {
    return { kind: 'network', method: error.method, reason: error.reason };
  }
  if (error instanceof Error) {
    return { kind: 'code', name: error.name, stack: error.stack?.split('\n').slice(1).join('\n') };
  }
  return { kind: 'unknown', type: typeof error };
}

/**
 * A refusal because the person blocked or stopped following the bot; Zalo documents no code
 * for it. Only wording about the user counts: "bot is blocked" (the bot itself suspended)
 * must not mark every recipient blocked.
 */
const BLOCKED_WORDS = [
  /\b(blocked by the user|user (has )?blocked|unfollow(ed)?|not follow(ing|ed)?)\b/i,
  /(người dùng|người nhận)[^.]*(chặn|bỏ theo dõi)/iu,
];

/** Words of a refusal that only asks us to slow down. */
const RATE_WORDS = /\b(too many requests|rate.?limit(ed)?|limit exceeded|vượt quá giới hạn)\b/iu;

/**
 * What a failed send means for a delivery (see `SendError`). Zalo documents no error table,
 * so the code and the description both count: 429 or "too many requests" waits (Zalo's
 * `retry_after` when it gives one, else a second) and the same message goes again; 403 or a
 * blocked / unfollowed person means the chat cannot be written to; other 4xx refuse this
 * message for good; 5xx and network faults may pass later.
 */
export function toZaloSendError(error: unknown): SendError {
  if (error instanceof SendError) return error;
  if (error instanceof ZaloApiError) {
    const reason = error.description;
    if (error.errorCode === 429 || RATE_WORDS.test(reason)) {
      return new SendError('rate-limited', reason, (error.retryAfterSeconds ?? 1) * 1000);
    }
    if (error.errorCode === 403 || BLOCKED_WORDS.some((words) => words.test(reason))) {
      return new SendError('blocked', reason);
    }
    if (error.errorCode >= 500) return new SendError('transient', reason);
    return new SendError('rejected', reason);
  }
  if (error instanceof ZaloNetworkError) return new SendError('transient', error.reason);
  // A text over the limit is our fault and would fail again the same way.
  if (error instanceof RangeError) return new SendError('rejected', error.name);
  return new SendError('transient', error instanceof Error ? error.name : typeof error);
}
