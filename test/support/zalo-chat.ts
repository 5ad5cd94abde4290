import type { ZaloUpdate } from '../../bots/zalo/zalo-types.js';
import {
  type FakeZaloApi,
  type FakeZaloUser,
  type MessageExtra,
  textEvent,
  type ZaloSentItem,
} from '../fakes/zalo-api.js';

/**
 * Tracks which messages the Zalo channel has finished with (pass `handled` as the channel's
 * `onUpdateHandled`), so tests wait for a message instead of sleeping.
 */
export function zaloTracker() {
  const counts = new Map<string, number>();
  const waiters = new Set<() => void>();

  return {
    handled(messageId: string | undefined) {
      if (messageId === undefined) return;
      counts.set(messageId, (counts.get(messageId) ?? 0) + 1);
      [...waiters].forEach((check) => check());
    },
    count: (messageId: string) => counts.get(messageId) ?? 0,
    /** Resolves once `messageId` was handled `times` times; rejects after `timeoutMs`. */
    wait(messageId: string, times = 1, timeoutMs = 8000): Promise<void> {
      return new Promise((resolve, reject) => {
        const check = () => {
          if ((counts.get(messageId) ?? 0) < times) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Message ${messageId} not handled ${times} time(s) in ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

export type ZaloTracker = ReturnType<typeof zaloTracker>;

/** How a test hands an update to the channel: queued for polling, or posted to the webhook. */
export type ZaloTransport = (update: ZaloUpdate) => Promise<void>;

/**
 * A Zalo user in a private chat with the bot under test. Each action sends one message, waits
 * until the channel is done with it and returns what the bot sent to this chat meanwhile.
 */
export function zaloUser(
  fake: FakeZaloApi,
  tracker: ZaloTracker,
  transport: ZaloTransport,
  user: FakeZaloUser,
) {
  async function send(update: ZaloUpdate): Promise<ZaloSentItem[]> {
    const before = fake.sentTo(user.id).length;
    await transport(update);
    await tracker.wait(String(update.message!.message_id));
    return fake.sentTo(user.id).slice(before);
  }

  return {
    user,
    say: (text: string, extra?: MessageExtra) => send(textEvent(user, text, extra)),
    send,
    get sent() {
      return fake.sentTo(user.id);
    },
  };
}

/** The texts (and captions) of sent items, for matching. */
export function zaloTexts(items: ZaloSentItem[]): string {
  return items.map((item) => item.text ?? item.caption ?? '').join('\n');
}
