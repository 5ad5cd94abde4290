/**
 * Why a channel could not deliver a message, in words every channel shares:
 * - `rate-limited`: the channel asks us to slow down; wait `retryAfterMs`, then send again;
 * - `blocked`: the person blocked the bot or left the channel; sending again cannot work;
 * - `rejected`: the channel refused this message for good (bad chat id, malformed text);
 * - `transient`: a network fault or a server error; the same message may go through later.
 */
export type SendFailureKind = 'rate-limited' | 'blocked' | 'rejected' | 'transient';

/**
 * Raised by a {@link ChannelSender}'s `sendPaced`. `reason` is the channel's own short
 * description ("Forbidden: bot was blocked by the user"): it names the fault and never
 * quotes the message, so it may be stored with the delivery and logged.
 */
export class SendError extends Error {
  constructor(
    readonly kind: SendFailureKind,
    readonly reason: string,
    readonly retryAfterMs?: number,
  ) {
    super(`${kind}: ${reason}`);
    this.name = 'SendError';
  }
}

/** How long to wait before retrying `attempt` (1, 2, …) of a transient failure, in ms. */
export function backoffMs(attempt: number, baseMs = 1_000, maxMs = 30_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
