import type { InlineKeyboardMarkup } from 'grammy/types';
import {
  callbackQuery,
  contactMessage,
  type FakeTelegramApi,
  type FakeUser,
  type NewUpdate,
  type SentItem,
  textMessage,
} from '../fakes/telegram-api.js';

/**
 * Tracks which updates the channel has finished with (pass `handled` as the channel's
 * `onUpdateHandled`), so tests wait for an update instead of sleeping.
 */
export function updateTracker() {
  const counts = new Map<number, number>();
  const order: number[] = [];
  const waiters = new Set<() => void>();

  return {
    order,
    handled(updateId: number) {
      counts.set(updateId, (counts.get(updateId) ?? 0) + 1);
      order.push(updateId);
      [...waiters].forEach((check) => check());
    },
    count: (updateId: number) => counts.get(updateId) ?? 0,
    /** Resolves once `updateId` was handled `times` times; rejects after `timeoutMs`. */
    wait(updateId: number, times = 1, timeoutMs = 8000): Promise<void> {
      return new Promise((resolve, reject) => {
        const check = () => {
          if ((counts.get(updateId) ?? 0) < times) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Update ${updateId} not handled ${times} time(s) in ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

export type UpdateTracker = ReturnType<typeof updateTracker>;

/** How a test hands an update (with its `update_id` set) to the bot: push or webhook. */
export type Transport = (update: NewUpdate & { update_id: number }) => Promise<void>;

let lastUpdateId = 0;

/** Gives an update the next id of this test process. */
export function withUpdateId(update: NewUpdate): NewUpdate & { update_id: number } {
  return { ...update, update_id: update.update_id ?? ++lastUpdateId };
}

/** The callback data of the newest inline button in `items` whose label matches. */
export function findButton(items: SentItem[], label: string | RegExp): string | undefined {
  for (const item of [...items].reverse()) {
    const markup = item.reply_markup as Partial<InlineKeyboardMarkup> | undefined;
    for (const button of (markup?.inline_keyboard ?? []).flat()) {
      const match = typeof label === 'string' ? button.text === label : label.test(button.text);
      if (match && 'callback_data' in button) return button.callback_data;
    }
  }
  return undefined;
}

/**
 * A Telegram user in a private chat with the bot under test. Each action sends one update,
 * waits until the channel is done with it and returns what the bot sent to this chat meanwhile.
 */
export function telegramUser(
  fake: FakeTelegramApi,
  tracker: UpdateTracker,
  transport: Transport,
  user: FakeUser,
) {
  async function send(update: NewUpdate): Promise<SentItem[]> {
    const before = fake.sentTo(user.id).length;
    const full = withUpdateId(update);
    await transport(full);
    await tracker.wait(full.update_id);
    return fake.sentTo(user.id).slice(before);
  }

  return {
    user,
    say: (text: string) => send(textMessage(user, text)),
    share: (phone: string) => send(contactMessage(user, phone)),
    /** Presses the newest button with this label that the bot sent to this chat. */
    press(label: string | RegExp): Promise<SentItem[]> {
      const data = findButton(fake.sentTo(user.id), label);
      if (data === undefined) throw new Error(`No button ${String(label)} sent to ${user.id}`);
      return send(callbackQuery(user, data));
    },
    /** Sends a button press with raw callback data (an old button, a forged one). */
    pressData: (data: string) => send(callbackQuery(user, data)),
    send,
    get sent() {
      return fake.sentTo(user.id);
    },
  };
}

/** The texts of sent items, for matching. */
export function textsOf(items: SentItem[]): string {
  return items.map((item) => item.text ?? '').join('\n');
}
